"""The new question commands (decisions, slips, timeline --event, ids), plain Dutch answers,
--excel CSV, the typed notebook API, and the CLI reading the store."""
from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from explorer_sample import write_outputs
from inkoopgraaf.api import load
from inkoopgraaf.query_cli import cut_quote, decisions, ids, query, safe_cell, shift_words, slips, timeline, write_csv


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    return write_outputs(tmp_path_factory.mktemp("outputs"))


def run(cmd, *args):
    res = CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_the_cli_reads_the_store(outputs):
    kg = load(outputs)
    assert kg.store == outputs / "inkoopgraaf.db"
    assert "evidence_fact" in kg.financing.columns and set(kg.facts["id"]) >= set(kg.financing["evidence_fact"])


def test_decisions_who_what_when_with_dutch_status_words(outputs):
    out = run(decisions, "--region", "Lekstroom", "--outputs", outputs)
    assert out.splitlines()[0].startswith("2 besluiten in 1 regio('s): Lekstroom")
    assert "2015-05-12 · Lekstroom · college van B&W (genomen): Wmo-begeleiding opnieuw inkopen" in out
    assert "(Memo inkoop Wmo-begeleiding regio Lekstroom, p. 2)" in " ".join(out.split())  # title, page
    out = run(decisions, "--actor", "gemeenteraad", "--status", "gepland", "--outputs", outputs)
    assert "gemeenteraad (gepland): verordening" in out and "college" not in out.split("\n", 1)[1]
    out = run(decisions, "--since", "2020", "--format", "json", "--outputs", outputs)
    assert [r["object"] for r in json.loads(out)] == ["verordening"]
    assert json.loads(out)[0]["date_start"] == "2022-12-01"


def test_slips_say_later_or_earlier_in_days(outputs):
    out = run(slips, "--outputs", outputs)
    assert "uitgesteld met 92 dagen" in out and "(+92" not in out
    out = run(slips, "--region", "lekstroom", "--format", "json", "--outputs", outputs)
    rows = json.loads(out)
    assert [(r["from_start"], r["to_start"], r["shift_days"]) for r in rows] == [("2022-07-01", "2022-10-01", 92)]
    assert shift_words(-153) == "vervroegd met 153 dagen" and shift_words(365, "contract_end") == "verlengd met 365 dagen"


def test_timeline_by_event_across_regions_with_summary(outputs):
    out = run(timeline, "--event", "ingangsdatum", "--outputs", outputs)
    first = out.splitlines()[0]
    assert first.startswith("3 data (ingangsdatum contract) in 1 regio('s): Lekstroom; van 2016-01-01")
    assert all("ingangsdatum contract" in l for l in out.splitlines()[1:] if l[:4].isdigit())


def test_ids_lists_valid_ids_with_labels(outputs):
    out = run(ids, "procedures", "--outputs", outputs)
    assert "niet_openbaar" in out and "Niet-openbare procedure" in out
    assert "* open_house" in out                                       # present in these outputs
    assert "== regions ==" in run(ids, "--outputs", outputs)


def test_document_wordings_and_dutch_words_resolve(outputs):
    kg = load(outputs)
    assert kg.resolve("financing", "lumpsum-financiering") == "lumpsum"
    assert kg.resolve("financing", "Populatiegebonden bekostiging") == "populatiebekostiging"
    assert kg.resolve("status", "gekozen") == "chosen"
    assert kg.resolve("event", "ingangsdatum contract") == "contract_start"
    out = run(query, "--financing", "lumpsum-financiering", "--status", "gekozen", "--outputs", outputs)
    assert "lumpsum (gekozen)" in out and "overwogen" not in out


def test_excel_csv_semicolons_bom_and_no_live_formulas(outputs):
    out = run(query, "--financing", "lumpsum", "--excel", "--outputs", outputs)
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["region", "region_name", "segment"] and len(rows) > 1
    df = pd.DataFrame({"quote": ["=HYPERLINK(\"x\")", "+31 6", "-1", "@SUM(A1)", "gewoon"], "n": [1, -2, 3, 4, 5]})
    cells = list(csv.reader(io.StringIO(write_csv(df))))
    assert [c[0] for c in cells[1:]] == ["'=HYPERLINK(\"x\")", "'+31 6", "'-1", "'@SUM(A1)", "gewoon"]
    assert [c[1] for c in cells[1:]] == ["1", "-2", "3", "4", "5"]                # numbers stay numbers
    assert safe_cell("=1+1") == "'=1+1"


def test_quotes_are_cut_around_the_fact():
    quote = "Inleiding " * 40 + "wij kiezen voor populatiebekostiging van de zorg" + " slot" * 40
    cut = cut_quote(quote, "populatiebekostiging", width=80)
    assert "populatiebekostiging" in cut and len(cut) <= 82 and cut.startswith("…") and cut.endswith("…")


def test_typed_api(outputs):
    kg = load(outputs)
    assert str(kg.timeline["start"].dtype).startswith("datetime64")
    assert str(kg.plan_changes["to_start"].dtype).startswith("datetime64")
    assert isinstance(kg.financing["region"].dtype, pd.CategoricalDtype)
    assert isinstance(kg.decisions["actor"].dtype, pd.CategoricalDtype)
    assert str(kg.financing["n_evidence"].dtype) == "int64"
    assert str(kg.plan_changes["shift_days"].dtype) == "Int64" and kg.timeline["superseded"].dtype == bool
    facts = kg.facts
    dates = facts[facts["type"] == "date"]
    assert str(facts["date_start"].dtype).startswith("datetime64") and dates["date_start"].notna().all()
    assert "value_id" in facts.columns and not facts["value_id"].dropna().astype(str).str.startswith("{").any()
    for name in ("financing", "procedures", "segments", "timeline", "plan_changes", "decisions", "members",
                 "facts", "documents"):
        doc = getattr(type(kg), name).__doc__
        assert doc and "region" in doc or name in ("facts", "documents"), name
    text = repr(kg)
    assert len(text) < 400 and "documents" in text and "facts" in text and "lekstroom" in text


def test_matrix_and_slips_analyses(outputs):
    kg = load(outputs)
    m = kg.matrix(segment="dyslexie")
    assert "Dyslexie" in m.columns and ("Lekstroom", 2022) in m.index
    assert "Populatiebekostiging (gekozen)" in m.loc[("Lekstroom", 2022), "Dyslexie"]
    assert set(kg.matrix(year=2015).index.get_level_values("year")) == {2015}
    s = kg.slips()
    assert {"region", "segment", "n_changes", "days_total", "days_max"} <= set(s.columns)
    lek = s[s["region"] == "lekstroom"]
    assert int(lek["days_total"].sum()) == 92 and str(s["n_changes"].dtype) == "int64"


def test_shell_completion_offers_ids_with_labels():
    from inkoopgraaf.query_cli import _complete
    items = _complete("segment")(None, None, "dys")
    assert [(i.value, i.help) for i in items] == [("dyslexie", "Dyslexie")]
    assert {i.value for i in _complete("decision_status")(None, None, "")} == {"taken", "planned", "proposed"}


def test_a_store_older_than_the_facts_is_not_used(outputs, tmp_path):
    import os
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(outputs, copy)
    db = copy / "inkoopgraaf.db"
    old = (copy / "facts.jsonl").stat().st_mtime - 60
    os.utime(db, (old, old))
    kg = load(copy)
    assert kg.store is None and len(kg.facts) == len(load(outputs).facts)


@pytest.mark.parametrize("start,end,shown", [
    ("2018-01-01", "2018-12-31", "2018"),
    ("2019-06-01", "2019-06-30", "juni 2019"),
    ("2024-02-01", "2024-02-29", "februari 2024"),
    ("2020-09-25", "2020-09-25", "2020-09-25"),
    ("2019-06-21", "2019-09-22", "2019-06-21..2019-09-22"),
    (None, None, "datum onbekend"),
])
def test_decision_dates_are_shown_as_precisely_as_the_text_gave_them(start, end, shown):
    from inkoopgraaf.query_cli import _when
    assert _when(start, end, "nl") == shown


def test_english_answers_open_with_an_english_summary(outputs):
    # --lang en: the one-line summary is English too, not 'regio('s) ... van ... tot'
    first = run(decisions, "--region", "lekstroom", "--lang", "en", "--outputs", outputs).splitlines()[0]
    assert first.startswith("2 decisions in 1 region(s): Lekstroom; from ") and " to " in first
    first = run(timeline, "--event", "ingangsdatum", "--lang", "en", "--outputs", outputs).splitlines()[0]
    assert first.startswith("3 dates (contract_start) in 1 region(s): Lekstroom; from 2016-01-01")
    first = run(slips, "--lang", "en", "--outputs", outputs).splitlines()[0]
    assert "region(s)" in first and "eerder" not in first and "regio('s)" not in first


def test_summary_shows_the_span_as_precisely_as_the_rows():
    from inkoopgraaf.query_cli import _summary
    df = pd.DataFrame({"region_name": ["Achterhoek"] * 3,
                       "date_start": ["2018-01-01", "2020-09-25", "2021-03-21"],
                       "date_end": ["2018-12-31", "2020-09-25", "2021-03-31"]})
    assert _summary(3, "besluiten|besluit", df, "date_start") == \
        "3 besluiten in 1 regio('s): Achterhoek; van 2018 tot 2021-03-31."
    assert _summary(3, "decisions|decision", df, "date_start", "en").endswith("; from 2018 to 2021-03-31.")
