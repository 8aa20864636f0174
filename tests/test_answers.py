"""Issue 12: the comparison layer says what the documents say, or `onbekend`.

Each defect has its own small document under tests/data/answers_docs/ (written
for these tests); the question bank (tests/data/answers.json, test_answer_bank.py)
asks the same things end to end through the CLI.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from inkoopgraaf.extract.pipeline import process_file
from inkoopgraaf.models import gazetteer as gz
from inkoopgraaf.models.tables import tables_from_facts

DOCS = Path(__file__).parent / "data" / "answers_docs"


@lru_cache(maxsize=None)
def _build(*names: str):
    """Extract the named small documents and compute the comparison tables."""
    results = [process_file(DOCS / n) for n in names]
    facts = [f for r in results for f in r.facts]
    records = [r.record for r in results]
    texts = {r.document.id: r.document.text for r in results if r.document is not None}
    return facts, records, tables_from_facts(facts, records, texts)


# --------------------------------------------------------------------------- 1. gazetteer
def test_muiden_is_gm0424_and_naarden_gm0425_in_a_gooi_memo():
    facts, _, tables = _build("gooi_vechtstreek_2015.txt")
    named = {f.text: f.value["cbs"] for f in facts if f.type == "municipality"}
    assert named["Muiden"] == "GM0424" and named["Naarden"] == "GM0425"
    members = tables["members"]
    gooi = dict(zip(members.loc[members.region == "gooi_en_vechtstreek", "cbs"],
                    members.loc[members.region == "gooi_en_vechtstreek", "municipality"]))
    assert gooi["GM0424"] == "Muiden" and gooi["GM0425"] == "Naarden"
    assert gz.get_gazetteer().municipalities["GM0424"].name == "Muiden"


# --------------------------------------------------------------------------- 2. document ids
def test_unique_stems_keep_the_file_stem_and_clashes_get_their_relative_path():
    from inkoopgraaf.docids import assign_doc_ids
    paths = [DOCS / "dup" / "noord" / "nota.txt", DOCS / "dup" / "zuid" / "nota.md", DOCS / "gooi_vechtstreek_2015.txt"]
    ids, warnings = assign_doc_ids(paths, root=DOCS)
    assert ids == ["dup_noord_nota_txt", "dup_zuid_nota_md", "gooi_vechtstreek_2015"]
    assert len(warnings) == 1 and "'nota'" in warnings[0] and "dup/noord/nota.txt" in warnings[0]
    assert assign_doc_ids(list(reversed(paths)), root=DOCS)[0] == list(reversed(ids))  # stable


def test_a_path_slug_that_equals_another_stem_is_numbered_not_merged(tmp_path):
    from inkoopgraaf.docids import assign_doc_ids
    for rel in ("a/nota.txt", "b/nota.txt", "a_nota_txt.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    ids, warnings = assign_doc_ids([tmp_path / "a_nota_txt.txt", tmp_path / "a/nota.txt", tmp_path / "b/nota.txt"])
    assert len(set(ids)) == 3 and ids[0] == "a_nota_txt" and len(warnings) == 2


def test_build_keeps_two_notas_apart_and_warns(tmp_path):
    import json
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    res = CliRunner().invoke(main, ["build", str(DOCS / "dup"), "--out", str(tmp_path / "out"), "--no-report"])
    assert res.exit_code == 0, res.output
    assert "share the name 'nota'" in res.output  # the warning (stderr is mixed in)
    facts = [json.loads(line) for line in (tmp_path / "out" / "facts.jsonl").read_text("utf-8").splitlines()]
    regions = {(f["doc"], f["value"]["id"]) for f in facts if f["type"] == "region"}
    assert regions == {("noord_nota_txt", "noord_veluwe"), ("zuid_nota_md", "zeeland")}
    texts = sorted(p.name for p in (tmp_path / "out" / "texts").glob("*.txt"))
    assert texts == ["noord_nota_txt.txt", "zuid_nota_md.txt"]
    for f in facts:  # every offset points into its own text
        text = (tmp_path / "out" / "texts" / f"{f['doc']}.txt").read_text("utf-8")
        assert text[f["start"]:f["end"]] == f["text"]


# --------------------------------------------------------------------------- 3. document year
def test_a_title_period_is_not_the_writing_date():
    from inkoopgraaf.extract.dates import detect_document_year
    text = (DOCS / "strategie_2026_2031.txt").read_text("utf-8")
    assert detect_document_year(text) == 2024                       # the version line's date
    body = text.replace("Versie 1.2 – 14 mei 2024\n\n", "")          # no stamp: the past-tense event
    assert detect_document_year(body) == 2024
    assert process_file(DOCS / "strategie_2026_2031.txt").record["year"] == 2024


def test_a_horizon_in_a_past_tense_sentence_is_not_the_writing_year():
    from inkoopgraaf.extract.dates import detect_document_year
    text = ("Hervormingsagenda 2023-2028\n\nHet kabinet heeft als doel omarmd dat in 2040 een gezonde generatie "
            "opgroeit. De geschillencommissie is gestart op 17 april 2023. In 2025 gaan de gemeenten anders inkopen.")
    assert detect_document_year(text) == 2023


def test_the_hervormingsagenda_pdf_is_from_2023_not_2040(shared_dir):
    from inkoopgraaf.extract.dates import detect_document_year
    from inkoopgraaf.extract.readers import read_document
    doc = read_document(shared_dir / "pdf" / "hervormingsagenda-jeugd-2023-2028.pdf")
    assert detect_document_year(doc) == 2023


# --------------------------------------------------------------------------- 4. own regions
def _rows(df, **eq):
    for k, v in eq.items():
        df = df[df[k] == v]
    return df


def test_a_partner_region_named_in_passing_gets_none_of_the_documents_facts():
    _, _, t = _build("nieuwsbrief_west_brabant_west.txt")
    for name in ("financing", "decisions", "plan_changes", "timeline", "segments"):
        assert not len(_rows(t[name], region="west_brabant_oost")), name
    assert set(_rows(t["financing"], region="west_brabant_west")["financing"]) == {"resultaatgericht"}
    assert len(_rows(t["plan_changes"], region="west_brabant_west")) == 1
    # the college's decision; "Wij ... kiezen voor ..." is the strategy's own content, no decision
    assert len(_rows(t["decisions"], region="west_brabant_west")) == 1


def test_a_sentence_that_names_another_region_as_the_actor_attaches_to_it():
    _, _, t = _build("nieuwsbrief_west_brabant_west.txt")
    twente = _rows(t["financing"], region="twente")
    assert list(twente["financing"]) == ["lumpsum"] and list(twente["segment"]) == ["ambulant"]


def test_own_region_scores_title_speaking_for_and_dominance():
    from inkoopgraaf.models.regions import attribute_regions
    facts, _, _ = _build("nieuwsbrief_west_brabant_west.txt")
    region_facts = {}
    for f in facts:
        if f.type == "region":
            region_facts.setdefault(f.value["id"], []).append(f)
    text = (DOCS / "nieuwsbrief_west_brabant_west.txt").read_text("utf-8")
    att = attribute_regions(region_facts, (), text)
    assert att.own == ["west_brabant_west"] and att.mentioned == ["twente", "west_brabant_oost"]


def test_lekstroom_newsletter_gives_zuidoost_utrecht_nothing(corpus_dir):
    from inkoopgraaf.models.graph import build_graph
    from inkoopgraaf.models.tables import tables_from_graph
    r = process_file(corpus_dir / "000_6f380fa722ff6616.txt", {"region": "lekstroom"})
    G = build_graph(r.facts, [r.record], {r.document.id: r.document.text})
    t = tables_from_graph(G)
    for name in ("financing", "procedures", "decisions", "plan_changes", "timeline", "segments", "members"):
        assert not len(_rows(t[name], region="zuidoost_utrecht")), name
    assert G.nodes[f"doc:{r.document.id}"]["mentioned_regions"] == ["zuidoost_utrecht"]
    assert len(_rows(t["plan_changes"], region="lekstroom")) == 2


def test_a_document_without_own_region_is_onbekend_and_build_warns(tmp_path):
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    _, _, t = _build("memo_zonder_regio.txt")
    assert set(t["financing"]["region"]) == {"unknown"} and set(t["financing"]["region_name"]) == {"onbekend"}
    src = tmp_path / "docs"
    src.mkdir()
    (src / "memo.txt").write_text((DOCS / "memo_zonder_regio.txt").read_text("utf-8"), encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--no-report"])
    assert res.exit_code == 0 and "memo: no own region found" in res.output


# --------------------------------------------------------------------------- 5. dates attached to what they date
def _start(t, region, segment):
    rows = _rows(t["financing"], region=region, segment=segment)
    assert len(rows), (region, segment)
    return {None if pd.isna(v) else v for v in rows["contract_start"].tolist()}


def test_each_segment_gets_the_date_of_its_own_clause_or_section():
    _, _, t = _build("planning_midden_holland.txt")
    assert _start(t, "midden_holland", "ambulant") == {"2026-01-01"}
    assert _start(t, "midden_holland", "dyslexie") == {"2026-08-01"}


def test_a_segment_without_its_own_date_is_onbekend_unless_the_document_dates_all_its_care():
    _, _, t = _build("planning_midden_holland.txt")
    assert _start(t, "midden_holland", "verblijf") == {None}        # 'De planning van dit segment volgt later.'
    _, _, t = _build("bekostiging_noord_limburg.txt")               # '... voor alle segmenten in op 1 januari 2025'
    assert _start(t, "noord_limburg", "ambulant") == {"2025-01-01"}
    assert _start(t, "noord_limburg", "verblijf") == {"2025-01-01"}


def test_a_moved_start_date_is_the_new_date_and_the_plan_change_names_its_segment():
    _, _, t = _build("planning_midden_holland.txt")
    seg = _rows(t["segments"], region="midden_holland", segment="wmo_begeleiding")
    assert set(seg["contract_start"]) == {"2027-01-01"}
    pc = _rows(t["plan_changes"], region="midden_holland")
    assert list(pc["segment"]) == ["wmo_begeleiding"]
    assert list(pc["what"]) == ["de ingangsdatum van de nieuwe contracten voor Wmo begeleiding"]
    old = _rows(t["timeline"], region="midden_holland", start="2026-07-01")
    assert list(old["superseded"]) == [True]


def test_a_deadline_for_change_requests_is_not_a_contract_end():
    _, _, t = _build("planning_midden_holland.txt")
    tl = _rows(t["timeline"], region="midden_holland")
    assert set(_rows(tl, event="contract_end")["start"]) == {"2026-06-30"}
    assert list(_rows(tl, start="2026-03-01")["event"]) == ["submission"]


def test_a_plan_change_for_one_segment_leaves_the_document_wide_date_of_the_others():
    _, _, t = _build("nieuwsbrief_west_brabant_west.txt")
    assert _start(t, "west_brabant_west", "ambulant") == {"2025-01-01"}
    pc = _rows(t["plan_changes"], region="west_brabant_west")
    assert list(pc["segment"]) == ["verblijf"] and list(pc["to_start"]) == ["2026-01-01"]
    assert "verblijf" in pc["what"].iloc[0]


def test_seed_dates_achterhoek_dyslexia_and_ijsselland(corpus_dir):
    from inkoopgraaf.models.graph import build_graph
    from inkoopgraaf.models.tables import tables_from_graph
    rs = [process_file(corpus_dir / n) for n in ("002_6dfa1213d0e534a1.txt", "004_b85939c19f97c1cc.txt")]
    t = tables_from_graph(build_graph([f for r in rs for f in r.facts], [r.record for r in rs],
                                      {r.document.id: r.document.text for r in rs}))
    assert _start(t, "achterhoek", "dyslexie") == {"2021-08-01"}
    assert _start(t, "achterhoek", "ambulant") == {"2022-01-01"}
    assert set(_rows(t["financing"], region="ijsselland")["contract_start"]) == {"2023-01-01"}
    assert not len(_rows(t["timeline"], region="ijsselland", event="contract_end"))
    pcs = _rows(t["plan_changes"], region="achterhoek")
    assert "Deze lopen immers" not in set(pcs["what"]) and "de nog lopende contracten" in set(pcs["what"])


def test_pronoun_what_resolves_to_the_antecedent_noun_phrase():
    from inkoopgraaf.models.scopes import resolve_what
    text = ("Daarom moeten de nog lopende contracten nog 1 keer worden verlengd. Deze lopen immers op "
            "31 december 2020 af.")
    start = text.index("Deze")
    assert resolve_what("Deze lopen immers", text, start, len(text)) == "de nog lopende contracten"
    assert resolve_what("dit verdeelmodel", text, start, len(text)) == "dit verdeelmodel"


# --------------------------------------------------------------------------- 6. whole-document claims
def test_a_line_that_describes_when_a_model_fits_is_no_whole_procurement_choice():
    from inkoopgraaf.models.facts import Fact
    facts, records, _ = _build("bekostiging_noord_limburg.txt")
    text = (DOCS / "bekostiging_noord_limburg.txt").read_text("utf-8")
    # what the extractor reads in Achterhoek's seed: the model list line as a whole-document choice
    at = text.index("Lumpsum-financiering")
    wide = Fact("bekostiging_noord_limburg", "financing", "Lumpsum-financiering", at, at + 20, None,
                {"id": "lumpsum", "variant": "taakgericht", "segment": None, "status": "chosen"}, 0.8)
    t = tables_from_facts([*facts, wide], records, {"bekostiging_noord_limburg": text})
    fin = _rows(t["financing"], region="noord_limburg")
    assert not len(_rows(fin, segment="all"))
    assert set(zip(fin["segment"], fin["financing"])) == {("verblijf", "lumpsum"), ("ambulant", "pxq")}
    # a whole-procurement statement does make a whole-procurement cell
    text2 = text.replace("De nieuwe contracten", "Voor de hele inkoop kiezen de gemeenten voor lumpsum. De nieuwe contracten")
    at2 = text2.index("voor lumpsum. De nieuwe") + 5
    chosen = Fact("bekostiging_noord_limburg", "financing", "lumpsum", at2, at2 + 7, None,
                  {"id": "lumpsum", "variant": "taakgericht", "segment": None, "status": "chosen"}, 0.8)
    regions = [f for f in facts if f.type == "region"]    # they stand before the inserted sentence
    t2 = tables_from_facts([*regions, chosen], records, {"bekostiging_noord_limburg": text2})
    assert list(_rows(t2["financing"], region="noord_limburg", segment="all")["financing"]) == ["lumpsum"]


def test_achterhoek_has_no_whole_procurement_lumpsum(corpus_dir):
    from inkoopgraaf.models.graph import build_graph
    from inkoopgraaf.models.tables import tables_from_graph
    r = process_file(corpus_dir / "002_6dfa1213d0e534a1.txt")
    t = tables_from_graph(build_graph(r.facts, [r.record], {r.document.id: r.document.text}))
    wide = _rows(t["financing"], region="achterhoek", segment="all", status="chosen")
    assert "lumpsum" not in set(wide["financing"]) and "populatiebekostiging" not in set(wide["financing"])
    assert "lumpsum" in set(_rows(t["financing"], region="achterhoek", segment="ambulant")["financing"])


# --------------------------------------------------------------------------- 7. confidence you can see
def test_every_answer_row_says_how_sure_it_is_and_single_weak_facts_are_onzeker():
    from inkoopgraaf.models.tables import COLUMNS
    _, _, t = _build("planning_midden_holland.txt")
    for name, cols in COLUMNS.items():
        assert {"n_evidence", "confidence", "onzeker"} <= set(cols), name
    dec = _rows(t["decisions"], region="midden_holland")
    weak = dec[(dec["n_evidence"] == 1) & (dec["confidence"] < 0.7)]
    assert len(weak) and weak["onzeker"].all()
    fin = _rows(t["financing"], region="midden_holland")
    assert not fin["onzeker"].any() and fin["confidence"].notna().all()


def test_the_cli_marks_an_answer_that_rests_on_one_weak_fact(tmp_path):
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    src = tmp_path / "docs"
    src.mkdir()
    (src / "planning.txt").write_text((DOCS / "planning_midden_holland.txt").read_text("utf-8"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--no-report"]).exit_code == 0
    res = runner.invoke(main, ["region", "midden_holland", "--outputs", str(tmp_path / "out")])
    out = " ".join(res.output.split())      # the answer is wrapped to the terminal's width
    assert res.exit_code == 0 and "onzeker: rust op één zwak feit" in out and "zekerheid 0.60" in out
    res = runner.invoke(main, ["query", "--region", "midden_holland", "--segment", "dyslexie",
                               "--outputs", str(tmp_path / "out")])
    assert "zekerheid" in res.output and "onzeker" not in res.output


def test_the_report_matrix_has_no_whole_document_cell_from_a_when_it_fits_line(corpus_dir):
    from inkoopgraaf.report.render import build_payload
    r = process_file(corpus_dir / "002_6dfa1213d0e534a1.txt")
    payload = build_payload([f.to_json() for f in r.facts], [r.record], {r.document.id: r.document.text})
    (row,) = payload["matrix"]["rows"]
    whole = row["cells"].get(payload["matrix"]["columns"][0]["id"], {"fin": []})
    assert {e[0] for e in whole["fin"]} == {"resultaatgericht", "pxq"}   # not lumpsum / populatiebekostiging
    assert "lumpsum" in {e[0] for e in row["cells"]["ambulant"]["fin"]}


# --------------------------------------------------------------------------- follow-ups (answers2)
# inkoopplan_eemland_2025.txt: the whole procurement is financed with lumpsum; the contracts start on
# 1 januari 2026 except ambulant care (1 juli 2026) and dyslexia and residential care ('in 2027');
# the college decides 'in 2025' and the award follows 'in oktober 2025'.
EEMLAND = "inkoopplan_eemland_2025.txt"


def _kg(*names: str):
    from inkoopgraaf.api import KnowledgeGraph
    facts, records, _ = _build(*names)
    texts = {r.document.id: r.document.text for r in (process_file(DOCS / n) for n in names)}
    return KnowledgeGraph(Path("."), fact_list_=list(facts), document_records_=list(records), texts_=texts)


def _day(v):
    return None if pd.isna(v) else pd.Timestamp(v).date().isoformat()


def test_a_segments_contract_start_is_one_answer_in_query_compare_and_matrix():
    kg = _kg(EEMLAND)
    for seg, start, shown in (("ambulant", "2026-07-01", "2026-07-01"), ("dyslexie", "2027-01-01", "2027")):
        q = kg.query(segment=seg, region="eemland")
        assert [(r.segment, r.financing, _day(r.contract_start)) for r in q.itertuples()] == [("all", "lumpsum", start)]
        c = kg.compare(seg)
        assert {_day(v) for v in c[c["region"] == "eemland"]["contract_start"]} == {start}
        cell = kg.matrix(segment=seg).loc[("Eemland", 2025), "hele inkoop"]
        assert cell == f"Lumpsum (gekozen) · {shown}", cell   # not the whole procurement's 1 januari 2026
    # asked without a segment, the whole procurement's own date is the answer
    assert kg.matrix().loc[("Eemland", 2025), "hele inkoop"] == "Lumpsum (gekozen) · 2026-01-01"


def test_a_stamp_word_in_a_sentence_near_the_top_does_not_date_the_document():
    # 'een eigen datum hebben' is a word of a sentence, not the document's date label: the dateline
    # 'Amersfoort, 14 maart 2025' gives the year, and 'besluit in 2025' is still planned
    from inkoopgraaf.extract.dates import detect_document_date
    _, records, t = _build(EEMLAND)
    assert [r["year"] for r in records] == [2025]
    assert str(detect_document_date(DOCS.joinpath(EEMLAND).read_text("utf-8"))) == "2025-03-14"
    assert list(_rows(t["decisions"], region="eemland")["status"]) == ["planned"]
    for text, stamped in (("Nota\n\nConcept voor het bestuur, versie 0.9, februari 2024.\n", "2024-02-29"),
                          ("Nota\n\nIn de nieuwsbrief van maart 2023 stond de planning van alle percelen.\n", "None")):
        assert str(detect_document_date(text)) == stamped, text


def test_dates_keep_their_precision_in_every_answer_text():
    from inkoopgraaf.datewords import as_written
    cases = [(("2027-01-01", "2027-12-31", "year"), "2027"), (("2025-10-01", "2025-10-31", "month"), "oktober 2025"),
             (("2020-09-01", "2020-12-31", "year"), "eind 2020"), (("2020-11-21", "2020-11-30", "month"),
                                                                    "eind november 2020"),
             (("2020-09-01", "2020-12-31", None), "2020-09-01..2020-12-31"),   # 'september - december 2020'
             (("2017-01-01", "2018-12-31", "years"), "2017–2018"),
             (("2026-07-01", "2026-07-01", "day"), "2026-07-01"), (("2026-07-01", None, None), "2026-07-01"),
             ((None, None, None), "")]
    for args, shown in cases:
        assert as_written(*args) == shown, (args, as_written(*args))
    assert as_written("2025-10-01", "2025-10-31", "month", lang="en") == "October 2025"


@pytest.fixture(scope="module")
def eemland_outputs(tmp_path_factory) -> Path:
    import shutil
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    docs, out = tmp_path_factory.mktemp("eemland"), tmp_path_factory.mktemp("eemland_out")
    shutil.copy(DOCS / EEMLAND, docs / EEMLAND)
    res = CliRunner().invoke(main, ["build", str(docs), "--out", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return out


def _cli(outputs: Path, *args) -> str:
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    res = CliRunner().invoke(main, [*args, "--outputs", str(outputs)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_timeline_prints_a_year_as_the_year_and_a_month_as_the_month(eemland_outputs):
    lines = [l for l in _cli(eemland_outputs, "timeline", "eemland").splitlines() if l and not l.startswith(" ")]
    dated = [l.split("  ")[0] for l in lines[1:]]
    assert dated == ["2025", "oktober 2025", "2026-01-01", "2026-07-01", "2027"], dated   # not 2027-01-01..2027-12-31
    assert lines[0].endswith("van 2025 tot 2027."), lines[0]


def test_query_and_decisions_print_dates_as_written(eemland_outputs):
    out = _cli(eemland_outputs, "query", "--segment", "verblijf")
    assert "ingangsdatum contract 2027" in out and "2027-01-01" not in out, out
    assert _cli(eemland_outputs, "decisions", "--region", "eemland").splitlines()[1].startswith("2025 · Eemland · college van B&W (gepland)")
    # the data formats keep the ISO day: a machine reads the interval, a person the words
    rows = json.loads(_cli(eemland_outputs, "query", "--segment", "verblijf", "--format", "json"))
    assert [r["contract_start"] for r in rows] == ["2027-01-01"]


def _first_fact_text(outputs: Path) -> str:
    from inkoopgraaf.api import load
    facts = load(outputs).facts
    return facts.loc[facts["id"] == 1, "text"].iloc[0]


def test_region_ids_are_known_without_building_the_facts_frame(eemland_outputs):
    from inkoopgraaf.api import load
    kg = load(eemland_outputs)
    assert kg.resolve("region", "Eemland") == "eemland"
    assert kg.mentioned_regions == {"eemland"}
    assert "facts" not in kg.__dict__     # the cached_property was never computed
    assert kg.fact_texts[1] == _first_fact_text(eemland_outputs) and "facts" not in kg.__dict__
    kg2 = _kg(EEMLAND)                    # loaded from facts, not a store
    assert kg2.resolve("region", "eemland") == "eemland" and "facts" not in kg2.__dict__


def test_a_model_among_alternatives_is_no_whole_procurement_choice():
    # 'aanpak (inbesteden, aanbesteden, subsidie of Open House)' and 'met lumpsum of
    # populatiebekostiging' list options; 'Voor de hele inkoop ... een budgetplafond' is a choice.
    # The options stay in the table as weighed ('considered'), never as chosen.
    _, _, t = _build("verkenning_drenthe_2024.txt")
    fin = _rows(t["financing"], region="drenthe")
    assert sorted(zip(fin["segment"], fin["financing"], fin["status"])) == [
        ("all", "lumpsum", "considered"), ("all", "plafond", "chosen"), ("all", "populatiebekostiging", "considered")]
    assert not len(_rows(t["procedures"], region="drenthe", status="chosen"))


def test_alternatives_need_another_option_in_the_list():
    from inkoopgraaf.models.scopes import among_alternatives
    assert among_alternatives("De regio kiest straks voor PxQ of een lumpsum per aanbieder.", "lumpsum")
    assert among_alternatives("Mogelijk zijn trajectfinanciering, lumpsum of PxQ.", "trajectfinanciering")
    # a list of cost drivers, one of them an hourly rate, offers no choice between models
    assert not among_alternatives("De kosten stijgen door meer jongeren, meer uren zorg of een hoger uurtarief.",
                                  "uurtarief")
    assert not among_alternatives("Wij kiezen voor lumpsum per aanbieder.", "lumpsum")
