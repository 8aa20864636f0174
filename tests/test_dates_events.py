"""Event assignment of date facts: clause triggers (tests/data/date_event_cases.json, own
sentences, {id, year, text, expect: {date text: event}}) and planning tables where a row's
label cell names the event."""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import extract_dates, find_dates
from inkoopgraaf.extract.readers import read_document

CASES = json.loads((Path(__file__).parent / "data" / "date_event_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_event_of_clause(case):
    got = {m.text: m.value["event"] for m in find_dates(case["text"], case["year"])}
    for text, event in case["expect"].items():
        assert text in got, (text, got)
        assert got[text] == event, (text, got[text], event)


def test_planning_table_row_labels(tmp_path):
    p = tmp_path / "planning.txt"
    p.write_text("Planning\n\nStap\tWanneer\n"
                 "Openstelling dynamisch aankoopsysteem\tQ2 2027\n"
                 "Toelating eerste aanbieders\tjuni 2027\n"
                 "Overdracht cliënten naar nieuwe aanbieders\tseptember en oktober 2027\n"
                 "Start nieuwe overeenkomsten\t1 november 2027\n"
                 "Subsidiebesluit perceel 4\teind Q3 2027\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    assert [(f.text, f.value["start"], f.value["event"]) for f in facts] == [
        ("Q2 2027", "2027-04-01", "publication"), ("juni 2027", "2027-06-01", "selection"),
        ("september en oktober 2027", "2027-09-01", "implementation"),
        ("1 november 2027", "2027-11-01", "contract_start"),
        ("eind Q3 2027", "2027-09-01", "decision")]


def test_column_header_names_the_event(tmp_path):
    # a summary table whose last column is the start date of each lot: the header says what the
    # dates are, the row's own cells (procedure names) name no event
    p = tmp_path / "percelen.txt"
    p.write_text("Overzicht per perceel\n\nPerceel\tProcedure\tIngangsdatum contract\n"
                 "Begeleiding\tOpen House\t1 januari 2027\n"
                 "Dagbesteding\tEuropese aanbesteding\t1 april 2027\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    assert [(f.text, f.value["event"]) for f in facts] == [
        ("1 januari 2027", "contract_start"), ("1 april 2027", "contract_start")]


def test_subordinate_clause_keeps_its_own_tense():
    # a memo of January 2026: the mandate 'dat in december is verleend' lies before it, although
    # the main clause is told in the future ('wordt ... genomen')
    text = ("Datum: 20 januari 2026\n\nDe colleges hebben op 9 december 2025 ingestemd. Het gunningsbesluit "
            "wordt genomen op basis van het mandaat dat in december is verleend.")
    got = {m.text: m.value["start"] for m in find_dates(text, 2026)}
    assert got["december"] == "2025-12-01"


def test_numbered_table_row_is_no_section_title(tmp_path):
    # a numbered first cell ('3. Dyslexie') makes a table row, not a section title: its date is
    # no name, the column header names its event
    p = tmp_path / "segmenten.txt"
    p.write_text("Keuzes per segment\n\nSegment\tProcedure\tIngangsdatum\n"
                 "1. Ambulante hulp\tOpen House\t1 januari 2027\n"
                 "3. Dyslexie\tOpen House\t1 augustus 2027\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    assert [(f.text, f.value["event"]) for f in facts] == [
        ("1 januari 2027", "contract_start"), ("1 augustus 2027", "contract_start")]


def test_contract_running_until_beats_the_heading(tmp_path):
    # under a heading that names the award, a sentence about how long the contracts run gives
    # their end, not the heading's event
    p = tmp_path / "looptijd.txt"
    p.write_text("Inkoopplan\n\n4. Gunning\nDe raamovereenkomsten lopen tot en met 31 december 2029.\n",
                 encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    assert [(f.text, f.value["event"]) for f in facts] == [("31 december 2029", "contract_end")]


def test_header_row_of_years_names_no_event(tmp_path):
    p = tmp_path / "kerncijfers.txt"
    p.write_text("Jaarbeeld\n\nIndicator\t2024\t2025\nAantal cliënten\t410\t455\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=2026))
    assert [(f.text, f.value["event"]) for f in facts] == [("2024", None), ("2025", None)]


def test_phase_headings_are_times_not_titles(tmp_path):
    # a process note whose phases are headed by their dates: the heading's date takes the
    # event named in the heading or in the text under it; a title's year stays a name
    p = tmp_path / "proces.md"
    p.write_text("# Inkoop begeleiding 2027\n\nDeze notitie beschrijft het proces.\n\nHet kent drie fasen.\n\n"
                 "Elke fase heeft een eigen kop.\n\nDe data zijn indicatief.\n\nWijzigingen melden we.\n\n"
                 "Vragen kunnen altijd.\n\n## Start nieuwe contracten: 1 juli 2027\n\nDaar werken we naartoe.\n\n"
                 "## februari – april 2027\n\nIn deze fase voeren we de dialoog met aanbieders.\n", encoding="utf-8")
    doc = read_document(p)
    facts = extract_dates(ExtractionContext(doc=doc, year=None))
    got = {f.text: f.value["event"] for f in facts}
    assert got["2027"] is None
    assert got["1 juli 2027"] == "contract_start"
    assert got["februari – april 2027"] == "dialogue"
