"""The run order in extract/pipeline.py: every step's needs come before it, and what it declares is what it does."""
from pathlib import Path

from inkoopgraaf.extract import pipeline
from inkoopgraaf.extract.readers import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_shipped_order_is_sound():
    assert pipeline.check_steps() == []


def test_a_step_before_what_it_needs_is_reported():
    steps = [s for s in pipeline.STEPS if s.name != "dates"] + [s for s in pipeline.STEPS if s.name == "dates"]
    problems = pipeline.check_steps(steps)
    assert any("'decisions' needs 'date'" in p for p in problems)
    assert any("'plan_changes' needs 'date'" in p for p in problems)


def test_an_unknown_need_is_reported():
    problems = pipeline.check_steps([pipeline.Step("x", "m:f", (), ("spelling",))])
    assert problems == ["step 'x' needs 'spelling', which no earlier step produces"]


def test_plain_pairs_still_run_as_steps():
    # the registry stays data: (name, "module:function") pairs are steps without declarations
    assert pipeline.check_steps([("dates", "inkoopgraaf.extract.dates:extract_dates")]) == []


def test_declared_fact_types_cover_what_the_steps_produce():
    declared = {t for s in pipeline.STEPS for t in s.produces}
    seen = set()
    for path in sorted(CORPUS.glob("*.txt"))[:2]:
        seen |= {f.type for f in pipeline.extract_document(read_document(path))}
    assert seen, "the corpus documents produce facts"
    assert seen <= declared
