"""Region and municipality facts (extract/places.py).

Cases live in tests/data/place_cases.json: mini documents written for these
tests, each with the exact sets of region ids and CBS codes expected, so a
case fails on a missing place and on a spurious one alike.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.document import Document
from inkoopgraaf.extract.places import extract_places, find_places, place_index
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.models import gazetteer

CASES = json.loads((Path(__file__).parent / "data" / "place_cases.json").read_text("utf-8"))["cases"]


def run(text: str, year: int | None):
    doc = Document(id="case", path="case.txt", sha256="", format="txt", text=text)
    return extract_places(ExtractionContext(doc, year=year))


@pytest.mark.parametrize("case", CASES, ids=[c.get("id") or c["name"] for c in CASES])
def test_case(case):
    facts = run(case["text"], case["year"])
    regions = {f.value["id"] for f in facts if f.type == "region"}
    munis = {f.value["cbs"] for f in facts if f.type == "municipality"}
    assert regions == set(case["regions"]), [(f.value, f.text) for f in facts]
    assert munis == set(case["municipalities"]), [(f.value, f.text) for f in facts]


@pytest.mark.parametrize("case", CASES, ids=[c.get("id") or c["name"] for c in CASES])
def test_facts_obey_contract(case):
    facts = run(case["text"], case["year"])
    ids = [(f.type, f.value.get("id") or f.value.get("cbs")) for f in facts]
    assert len(ids) == len(set(ids)), "one fact per distinct entity"
    for f in facts:
        assert f.text == case["text"][f.start:f.end] and f.text.strip() == f.text
        assert 0 < f.confidence <= 1
        if f.type == "region":
            assert set(f.value) == {"id", "name"} and f.value["name"]
        else:
            assert f.type == "municipality" and set(f.value) == {"cbs", "name"}
            assert gazetteer.municipality(f.value["cbs"]) is not None


def test_evidence_is_the_cued_mention():
    text = "Jeugdhulp\nIn Lekstroom gaat het goed. De regio Lekstroom besluit in juni."
    (fact,) = run(text, 2022)
    assert fact.text == "regio Lekstroom"


def test_evidence_is_the_name_as_written():
    text = "Deelnemers\nDe gemeenten Bergen (NH) en \u2019s-Hertogenbosch tekenen."
    facts = run(text, 2022)
    assert [f.text for f in facts] == ["Bergen (NH)", "\u2019s-Hertogenbosch"]


def test_region_from_members_has_the_list_as_evidence():
    text = "Overeenkomst\nGetekend door Den Helder, Schagen, Texel en Hollands Kroon."
    (region,) = [f for f in run(text, 2022) if f.type == "region"]
    assert region.value["id"] == "kop_van_noord_holland"
    assert region.text == "Den Helder, Schagen, Texel en Hollands Kroon"


def test_year_none_uses_newest_state():
    facts = run("Deelnemers\nDe gemeenten Lopik en Vijfheerenlanden.", None)
    assert {f.value["cbs"] for f in facts} == {"GM0331", "GM1961"}
    # a name that only existed before still resolves to its own code
    facts = run("Terugblik\nDe gemeente Vianen deed toen nog mee.", None)
    assert {f.value["cbs"] for f in facts} == {"GM0620"}


def test_region_cooperation_ids_are_slugs():
    ix = place_index()
    for cid, coop in ix.cooperations.items():
        assert cid == gazetteer.slugify(coop.name), cid
        assert cid not in gazetteer.region_ids()
        assert coop.within is None or coop.within in gazetteer.region_ids()


def test_every_jeugdregio_name_is_found_with_a_cue():
    for reg in gazetteer.all_regions():
        name = reg.name.split(" (")[0]
        regions, _ = find_places(f"Inkoop\nDe gemeenten in de jeugdregio {name} besteden samen aan.", 2023)
        assert reg.id in {m.region_id for m in regions}, name


def test_every_current_municipality_is_found_after_gemeente():
    misses = []
    for m in gazetteer.municipalities_in(2023):
        _, munis = find_places(f"Verslag\nDe wethouder van de gemeente {m.display_name} was aanwezig.", 2023)
        found = {x.cbs for x in munis}
        if m.display_name == "Bergen":
            continue                      # ambiguous without a qualifier, tested separately
        if m.cbs not in found:
            misses.append(m.name)
    assert not misses


def test_long_text_is_linear_enough():
    # 200k characters of realistic prose with places sprinkled in must still be handled
    para = ("De gemeenten Houten en Nieuwegein werken in de regio Lekstroom samen met aanbieders "
            "aan de transformatie van de jeugdhulp; de Best Value aanpak is niet gekozen. ")
    text = "Titel\n" + para * 1200
    facts = run(text, 2022)
    assert {f.value.get("id") or f.value.get("cbs") for f in facts} == {"lekstroom", "GM0321", "GM0356"}


def test_corpus_matches_dev_gold(corpus_dir, shared_dir):
    gold_dir = shared_dir / "dev-gold"
    for path in sorted(corpus_dir.glob("*.txt")):
        gold_path = gold_dir / f"{path.stem}.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text("utf-8"))
        doc = read_document(path)
        facts = extract_places(ExtractionContext(doc, year=gold.get("doc_year")))
        assert {f.value["id"] for f in facts if f.type == "region"} == set(gold["regions"]), path.stem
        assert {f.value["cbs"] for f in facts if f.type == "municipality"} == \
            {m["cbs"] for m in gold["municipalities"] if m.get("cbs")}, path.stem


def test_template_brackets_in_a_text_file_keep_their_places(tmp_path):
    # a contract template marks fill-in parts with angle brackets; they are text, not HTML tags,
    # so the municipalities inside them are read and found (a real tag is still removed)
    path = tmp_path / "overeenkomst.txt"
    path.write_text("Partijen\nOpdrachtgevers zijn de gemeenten <Baarn, Bunschoten en Eemnes> (hierna: "
                    "Opdrachtgever), besluit van <datum besluit>. Dit is <b>vet</b>.\n", "utf-8")
    doc = read_document(path)
    assert "<Baarn, Bunschoten en Eemnes>" in doc.text and "<b>" not in doc.text
    facts = extract_places(ExtractionContext(doc, year=2020))
    assert {f.value["cbs"] for f in facts if f.type == "municipality"} == {"GM0308", "GM0313", "GM0317"}


def test_shared_service_speaks_for_its_cooperation():
    # models/regions.py: a cooperation's shared service ("Sociale Dienst X") marks X as the
    # document's own region; a region it only works for beside it is mentioned
    from inkoopgraaf.models.regions import attribute_regions
    filler = "De aanbieders leveren maandelijks hun declaraties in en bespreken twee keer per jaar de resultaten. "
    text = ("Contracten Wmo\nDe Sociale Dienst Drechtsteden sluit de contracten af. " + filler * 3 +
            "Het beschermd wonen regelt zij ook voor de regio Alblasserwaard-Vijfheerenlanden (Gorinchem, "
            "Leerdam en Zederik); de regio Alblasserwaard-Vijfheerenlanden betaalt daarvoor een bijdrage.")
    facts = run(text, 2017)
    region_facts = {}
    for f in facts:
        if f.type == "region":
            region_facts.setdefault(f.value["id"], []).append(f)
    assert set(region_facts) == {"drechtsteden", "alblasserwaard_vijfheerenlanden"}
    att = attribute_regions(region_facts, (), text)
    assert att.own == ["drechtsteden"] and att.mentioned == ["alblasserwaard_vijfheerenlanden"]
