"""Segments, financing and procedures on mini documents written for the tests.

Cases live in tests/data/segment_cases.json; each is written to a .txt file
and read with the project's text reader (tab-separated lines become table rows).
"""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.segments import extract_financing, extract_procedures, extract_segments, find_terms
from inkoopgraaf.models.taxonomy import load_taxonomy

CASES = json.loads((Path(__file__).parent / "data" / "segment_cases.json").read_text("utf-8"))["cases"]


def _ctx(tmp_path, text, name="case"):
    p = tmp_path / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    return ExtractionContext(read_document(p))


@pytest.fixture(params=CASES, ids=[c["name"] for c in CASES])
def case_facts(request, tmp_path):
    case = request.param
    ctx = _ctx(tmp_path, case["text"])
    return case, ctx, extract_segments(ctx), extract_financing(ctx), extract_procedures(ctx)


def test_case(case_facts):
    case, ctx, segs, fins, procs = case_facts
    seg_pairs = {(f.value["id"], f.value["parent"]) for f in segs}
    seg_ids = {f.value["id"] for f in segs}
    for sid, parent in case.get("expect_segments", []):
        assert (sid, parent) in seg_pairs, (sid, parent, sorted(seg_pairs, key=str))
    for sid in case.get("no_segments", []):
        assert sid not in seg_ids, [f.text for f in segs if f.value["id"] == sid]
    fin = {(f.value["id"], f.value["segment"], f.value["status"]) for f in fins}
    for triple in case.get("expect_financing", []):
        assert tuple(triple) in fin, (triple, sorted(fin, key=str))
    for triple in case.get("no_financing", []):
        assert tuple(triple) not in fin
    proc = {(f.value["id"], f.value["segment"], f.value["status"]) for f in procs}
    for triple in case.get("expect_procedures", []):
        assert tuple(triple) in proc, (triple, sorted(proc, key=str))
    for triple in case.get("no_procedures", []):
        assert tuple(triple) not in proc
    for fid in case.get("no_financing_ids", []):
        assert fid not in {t[0] for t in fin}, [f.text for f in fins]
    for pid in case.get("no_procedure_ids", []):
        assert pid not in {t[0] for t in proc}, [f.text for f in procs]
    # an exhaustive expect_ list: nothing extra of that kind is extracted
    got = {"segments": seg_pairs, "financing": fin, "procedures": proc}
    for kind in case.get("exhaustive", []):
        expected = {tuple(x) for x in case.get(f"expect_{kind}", [])}
        assert got[kind] <= expected, (kind, sorted(got[kind] - expected, key=str))


def test_facts_obey_contract(case_facts):
    case, ctx, segs, fins, procs = case_facts
    tax = load_taxonomy()
    for f in segs + fins + procs:
        assert ctx.doc.text[f.start:f.end] == f.text
        assert 0 <= f.confidence <= 1
    for f in segs:
        assert set(f.value) == {"id", "label", "domain", "parent"}
        assert f.value["id"] == "other" or f.value["id"] in tax.segments
        assert f.value["domain"] in ("jeugd", "wmo")
    for f in fins:
        assert set(f.value) == {"id", "variant", "segment", "status"}
        assert f.value["variant"] == tax.financing_variant(f.value["id"])
        assert f.value["status"] in (None, "chosen", "previous", "considered", "rejected")
    for f in procs:
        assert set(f.value) == {"id", "segment", "status"}
    keys = [(f.value["id"], f.value["segment"], f.value["status"]) for f in fins]
    assert len(keys) == len(set(keys)), "one financing fact per (id, segment, status)"


@pytest.mark.parametrize("text,kind,expected", [
    ("dyslexiezorg", "segment", "dyslexie"),
    ("dyslexieaanbieders", "segment", "dyslexie"),
    ("Gezins- en Woonvormen", "segment", "verblijf"),
    ("Hoog-specialistisch", "segment", "hoog_complex"),
    ("hoogspecialistische jeugdhulp", "segment", "hoog_complex"),
    ("PxQ", "financing", "pxq"), ("P*Q", "financing", "pxq"), ("P x Q", "financing", "pxq"),
    ("PXQ", "financing", "pxq"), ("prijs maal hoeveelheid", "financing", "pxq"),
    ("de oude uren-systematiek", "financing", "pxq"), ("een prijs per afgerond traject", "financing", "trajectfinanciering"),
    ("het resultaatgerichte model", "financing", "resultaatgericht"),
    ("lump sum", "financing", "lumpsum"), ("Lumpsum-financiering", "financing", "lumpsum"),
    ("taakgerichte bekostiging (lump sum financiering)", "financing", "lumpsum"),
    ("2B-procedure", "procedure", "sas"), ("Sociale en Andere Specifieke diensten", "procedure", "sas"),
    ("een dialoogfase met de aanbieders", "procedure", "dialooggericht"),
    ("dagtarief", "financing", "pxq"), ("een prijs per verblijfsdag", "financing", "pxq"), ("betalen per geleverde eenheid", "financing", "pxq"),
    ("een vaste prijs per behandeltraject", "financing", "trajectfinanciering"),
    ("prijs per cliëntprofiel", "financing", "trajectfinanciering"),
    ("vast budget per gebiedsaanbieder", "financing", "lumpsum"), ("een vaste jaarlijkse bijdrage", "financing", "lumpsum"),
    ("vast bedrag per jaar", "financing", "lumpsum"), ("taakgericht", "financing", "lumpsum"),
    ("volumeplafonds", "financing", "plafond"), ("productieplafond", "financing", "plafond"),
])
def test_vocabulary_variants(text, kind, expected):
    ids = {m.id for m in find_terms(text, kind)}
    assert expected in ids


@pytest.mark.parametrize("text,kind", [
    ("de coronacrisis", "segment"), ("ambulantisering", "segment"), ("kmb", "segment"),
    ("een resultaatgerichte beweging", "financing"), ("de dasspeld", "procedure"),
    ("een jaarlijkse bijdrage aan de vereniging", "financing"), ("de prijs per liter", "financing"),
])
def test_no_match_in_other_senses(text, kind):
    assert find_terms(text, kind) == []


def test_every_taxonomy_id_has_a_wording_that_matches_itself():
    tax = load_taxonomy()
    for kind, table in (("segment", tax.segments), ("financing", tax.financing), ("procedure", tax.procedures)):
        for e in table.values():
            plain = [t for t in e.terms if not t.startswith("re:")]
            assert any(e.id in {m.id for m in find_terms(t, kind)} for t in plain), e.id
