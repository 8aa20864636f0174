"""Table-driven tests of plan_change facts (extract/plan_changes.py) and their scorer.

Cases: tests/data/plan_change_cases.json (text, anchor year, every expected move
with its old and new start dates, shift in days and a word of 'what') and
tests/data/plan_change_negatives.json (texts with dates or extensions but no
moved date). The sentences are written for the tests.
"""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import extract_dates
from inkoopgraaf.evaluate import score_plan_changes
from inkoopgraaf.extract.plan_changes import extract_plan_changes, parse_shift, shift_back
from inkoopgraaf.extract.readers import read_document

DATA = Path(__file__).parent / "data"
CASES = json.loads((DATA / "plan_change_cases.json").read_text(encoding="utf-8"))
NEGATIVES = json.loads((DATA / "plan_change_negatives.json").read_text(encoding="utf-8"))


def run(tmp_path, text, year):
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    ctx = ExtractionContext(read_document(p), year)
    ctx.add(extract_dates(ctx))
    return ctx, extract_plan_changes(ctx)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_plan_change_case(tmp_path, case):
    ctx, facts = run(tmp_path, case["text"], case["year"])
    got = [f.value for f in facts]
    assert [(v["from"]["start"], v["to"]["start"]) for v in got] == \
        [(e["from"], e["to"]) for e in case["expect"]], got
    for v, e in zip(got, case["expect"]):
        assert v["shift_days"] == e["shift_days"]
        assert set(v) == {"what", "from", "to", "shift_days"}
        if e["what"]:
            assert e["what"] in v["what"].lower(), v["what"]
    for f in facts:
        assert f.type == "plan_change"
        assert ctx.doc.text[f.start:f.end] == f.text


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["id"] for c in NEGATIVES])
def test_no_plan_change(tmp_path, case):
    _, facts = run(tmp_path, case["text"], 2022)
    assert facts == [], [f.value for f in facts]


def test_parse_shift():
    assert parse_shift("1 jaar op te schuiven") == (12, 0)
    assert parse_shift("een half jaar later") == (6, 0)
    assert parse_shift("tweemaal met één jaar verlengd") == (24, 0)
    assert parse_shift("3 maanden uitstel") == (3, 0)
    assert parse_shift("twee weken") == (0, 14)
    assert parse_shift("zonder uitstel") is None


def test_shift_back_keeps_month_ends():
    v = {"start": "2022-12-31", "end": "2022-12-31", "granularity": "day"}
    assert shift_back(v, (24, 0), 1)["start"] == "2020-12-31"
    v = {"start": "2022-02-28", "end": "2022-02-28", "granularity": "day"}
    assert shift_back(v, (12, 0), 1)["start"] == "2021-02-28"


def test_score_plan_changes():
    gold = [{"from": {"start": "2022-07-01", "end": "2022-07-01"}, "to": {"start": "2022-10-01", "end": "2022-10-01"}},
            {"from": {"start": "2023-01-01", "end": "2023-01-01"}, "to": {"start": "2024-01-01", "end": "2024-12-31"}}]
    system = [{"type": "plan_change", "value": {"from": {"start": "2022-07-01", "end": "2022-07-01"},
                                                "to": {"start": "2022-10-01", "end": "2022-10-01"}}},
              {"type": "plan_change", "value": {"from": {"start": "2023-01-01", "end": "2023-01-01"},
                                                "to": {"start": "2024-01-01", "end": "2024-01-01"}}},
              {"type": "date", "value": {"start": "2024-01-01"}}]
    s = score_plan_changes(system, gold)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    assert score_plan_changes(system, gold, lenient=True)["tp"] == 2
    assert score_plan_changes([], [])["f1"] == 1.0
