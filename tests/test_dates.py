"""Table-driven tests of the Dutch date extractor (extract/dates.py, extract/date_grammar.py).

Cases live in tests/data/date_cases.json (expected dates with surface text, interval and
optionally modifier) and tests/data/date_negatives.json (sentences without any calendar
expression, expect []), in the case schema shared with date_event_cases.json:
``{id, year (the anchor year), text, expect}``.
"""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.dates import (detect_document_date, detect_document_year, extract_dates, find_dates,
                                        parse_date)
from inkoopgraaf.extract import date_grammar
from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.readers import read_document

DATA = Path(__file__).parent / "data"
CASES = json.loads((DATA / "date_cases.json").read_text(encoding="utf-8"))
NEGATIVES = json.loads((DATA / "date_negatives.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_positive_case(case):
    got = find_dates(case["text"], case["year"])
    found = [(m.text, m.value["start"], m.value["end"]) for m in got]
    expected = [(e["text"], e["start"], e["end"]) for e in case["expect"]]
    assert found == expected
    for m, e in zip(got, case["expect"]):
        if "modifier" in e:
            assert m.value["modifier"] == e["modifier"], m.text
        assert case["text"][m.start:m.end] == m.text


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["id"] for c in NEGATIVES])
def test_negative_case(case):
    assert case["expect"] == []
    assert find_dates(case["text"], case["year"]) == []


@pytest.mark.parametrize("name", ["date_cases.json", "date_negatives.json", "date_event_cases.json"])
def test_case_files_share_one_schema(name):
    cases = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert all(set(c) == {"id", "year", "text", "expect"} for c in cases), name
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), name


def test_parse_date_single_expressions():
    assert parse_date("1 januari 2022")["start"] == "2022-01-01"
    v = parse_date("2024")
    assert (v["start"], v["end"], v["granularity"]) == ("2024-01-01", "2024-12-31", "year")
    assert parse_date("per 1 oktober 2022")["modifier"] == "per"
    assert parse_date("eind januari", 2022)["start"] == "2022-01-21"
    assert parse_date("geen datum hier") is None


def test_year_less_without_any_anchor_is_dropped_not_today():
    # no anchor year and no year in the text: never fall back to today's date
    assert find_dates("Op 30/4 besluit het bestuur.", None) == []


def test_values_are_well_formed():
    gran = {"day", "week", "month", "quarter", "season", "half_year", "year", "years", "unknown"}
    for case in CASES:
        for m in find_dates(case["text"], case["year"]):
            assert m.value["start"] <= m.value["end"]
            assert m.value["granularity"] in gran
            assert set(m.value) == {"start", "end", "granularity", "modifier", "event"}


CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus")
def test_extract_dates_on_a_schedule_table(tmp_path):
    p = tmp_path / "planning.txt"
    p.write_text("Nieuwe planning\n\nDatum\tOnderwerp\n3 februari 2023\tBesluitvorming colleges\n"
                 "1 maart 2023\tPublicatie inkoopdocumenten\n14 april 2023\tVoorlopige gunning\n"
                 "1 juli 2023\tIngangsdatum contract\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    assert [(f.text, f.value["event"]) for f in facts] == [
        ("3 februari 2023", "decision"), ("1 maart 2023", "publication"),
        ("14 april 2023", "award_provisional"), ("1 juli 2023", "contract_start")]
    for f in facts:
        assert doc.text[f.start:f.end] == f.text


def test_events_from_clause():
    text = ("De gemeenten publiceren de aankondiging op 15 oktober 2021. De voorlopige gunning volgt op "
            "23 september 2022. Op 1 januari 2023 gaan de nieuwe contracten in. Het Beleidsplan 2019-2022 blijft leidend.")
    ev = {m.text: m.value["event"] for m in find_dates(text)}
    assert ev == {"15 oktober 2021": "publication", "23 september 2022": "award_provisional",
                  "1 januari 2023": "contract_start", "2019-2022": None}


def test_detect_document_year_from_tense(tmp_path):
    p = tmp_path / "memo.txt"
    p.write_text("Terugblik\n\nDe vorige aanbesteding werd op 31 december 2019 afgerond.\n\n"
                 "Voor 2021 zullen nieuwe contracten worden gesloten. Het college besluit op 30/4.\n", encoding="utf-8")
    doc = read_document(p)
    assert detect_document_year(doc) == 2020
    p.write_text("Datum: 12 maart 2021\n\nIn 2023 gaan de contracten in.\n", encoding="utf-8")
    assert detect_document_year(read_document(p)) == 2021


def test_header_stamp_gives_document_date_and_has_no_event(tmp_path):
    p = tmp_path / "nieuws.txt"
    p.write_text("Nieuwsbrief Wmo Oost\nEditie 5 – vrijdag 17 maart 2023\n\n"
                 "In 2019 en 2020 werd de inkoop voorbereid. In juni wordt de publicatie verwacht.\n"
                 "Op 2 februari heeft het college ingestemd met het inkoopkader.\n", encoding="utf-8")
    doc = read_document(p)
    assert detect_document_date(doc).isoformat() == "2023-03-17"
    assert detect_document_year(doc) == 2023
    facts = {f.text: f.value for f in extract_dates(ExtractionContext(doc=doc, year=None))}
    assert facts["vrijdag 17 maart 2023"]["event"] is None          # the stamp of the newsletter itself
    assert facts["juni"]["start"] == "2023-06-01"
    assert facts["2 februari"]["start"] == "2023-02-02"


def test_web_page_publication_stamps_have_no_event(tmp_path):
    p = tmp_path / "pagina.txt"
    p.write_text("Herinkoop begeleiding\n\nIntro over de inkoop.\n\n" + "Tekst. " * 150 +
                 "\nGepubliceerd op 3 juni 2021 · Bijgewerkt op 9 juli 2021\n", encoding="utf-8")
    facts = extract_dates(ExtractionContext(doc=read_document(p), year=2021))
    assert [(f.text, f.value["event"]) for f in facts] == [("3 juni 2021", None), ("9 juli 2021", None)]


def test_contract_running_until_a_date_ends_then():
    text = ("Het bestuur heeft besloten dat de raamovereenkomsten worden verlengd tot en met 30 juni 2027. "
            "De gemeenten vergaderen tot 1 maart 2026 over het kader.")
    ev = {m.text: (m.value["modifier"], m.value["event"]) for m in find_dates(text)}
    assert ev["30 juni 2027"] == ("tot", "contract_end")
    assert ev["1 maart 2026"][1] != "contract_end"          # no contract in that sentence


def test_web_byline_is_a_stamp_and_anchors_year_less_dates(tmp_path):
    # a news page byline ('Persbericht | date | Leestijd n minuten') is the writing date: year-less
    # dates told in the past lie before it, even when the text plans for later years
    p = tmp_path / "bericht.txt"
    p.write_text("Regio kiest nieuwe koers voor Wmo-begeleiding\nPersbericht | 4 maart 2027 | Leestijd 3 minuten\n"
                 "Het bestuur heeft op 20 februari ingestemd met de strategie voor de contracten vanaf 2029. "
                 "De raad bespreekt het stuk op 15 april.\n", encoding="utf-8")
    doc = read_document(p)
    assert detect_document_date(doc).isoformat() == "2027-03-04"
    facts = {f.text: f.value for f in extract_dates(ExtractionContext(doc=doc, year=None))}
    assert facts["4 maart 2027"]["event"] is None
    assert facts["20 februari"]["start"] == "2027-02-20"
    assert facts["15 april"]["start"] == "2027-04-15"


@pytest.mark.parametrize("rule", date_grammar.ATOM_RULES, ids=[r.name for r in date_grammar.ATOM_RULES])
def test_atom_rule_reads_its_example(rule):
    """Each atom rule's example is read by that rule, and its atom is the one find_atoms keeps."""
    text = rule.example
    own = [a for a in (rule.build(m, text, rule.pattern) for m in date_grammar._Scanner(text).scan(rule.pattern)) if a]
    assert own, rule.name
    kept = date_grammar.find_atoms(text)
    assert [(a.start, a.end, a.kind) for a in kept] == [(own[0].start, own[0].end, own[0].kind)]
