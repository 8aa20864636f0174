"""Table-driven tests of the decision extractor (extract/decisions/).

Cases: tests/data/decision_cases.json (a short text, its anchor year, and every
decision expected, in document order: actor, status, a word the object must
contain, the date's start) and tests/data/decision_negatives.json (texts that
hold no decision; ``veto`` names the rule of decisions/frames.py VETOES that rejects
the text, when a veto does). Sentences are written for the tests, not taken from the seeds.
"""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import extract_dates
from inkoopgraaf.extract.decisions import VETOES, ActorResolver, extract_decisions, learn_abbreviations, veto_reasons
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.models.facts import DECISION_STATUSES

DATA = Path(__file__).parent / "data"
CASES = json.loads((DATA / "decision_cases.json").read_text(encoding="utf-8"))
NEGATIVES = json.loads((DATA / "decision_negatives.json").read_text(encoding="utf-8"))
ACTORS = {"college", "raad", "regionaal_bestuur", "ambtelijk", "aanbieders", "rijk", "other"}


def run(tmp_path, text, year, with_dates=True):
    p = tmp_path / "doc.txt"
    p.write_text(text, encoding="utf-8")
    ctx = ExtractionContext(read_document(p), year)
    if with_dates:
        ctx.add(extract_dates(ctx))
    return ctx, extract_decisions(ctx)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_decision_case(tmp_path, case):
    ctx, facts = run(tmp_path, case["text"], case["year"])
    got = [f.value for f in facts]
    assert [(v["actor"], v["status"]) for v in got] == [(e["actor"], e["status"]) for e in case["expect"]], got
    for v, e in zip(got, case["expect"]):
        if e["object"]:
            assert e["object"].lower() in v["object"].lower(), v
        assert (v["date"] or {}).get("start") == e["date"], v
    for f in facts:
        assert ctx.doc.text[f.start:f.end] == f.text
        assert f.value["actor"] in ACTORS and f.value["status"] in DECISION_STATUSES
        assert set(f.value) == {"actor", "status", "object", "date"}


@pytest.mark.parametrize("case", NEGATIVES, ids=[c["id"] for c in NEGATIVES])
def test_no_decision(tmp_path, case):
    ctx, facts = run(tmp_path, case["text"], 2022)
    assert facts == [], [f.value for f in facts]
    # a negative that names its veto (decisions/frames.py VETOES) is rejected by that rule, not by chance
    if "veto" in case:
        assert case["veto"] in [r.split(":")[0] for r in veto_reasons(ctx)], veto_reasons(ctx)


def test_every_veto_is_named_by_a_negative_case():
    named = {c["veto"] for c in NEGATIVES if "veto" in c}
    # 'question' (a question after a colon inside one clause) is not reachable while the sentencizer splits at
    # ':' - the sentence-level check (not_a_decision_sentence) rejects those questions first
    assert {v.__name__ for v in VETOES} - {"question"} <= named and "not_a_decision_sentence" in named


def test_abbreviation_expansion_is_learnt_from_the_document():
    text = "Het Bestuurlijk Overleg Sociaal Domein Rivierenland (BOSDR) kwam bijeen."
    assert learn_abbreviations(text)["BOSDR"].endswith("Rivierenland")
    resolver = ActorResolver(text)
    assert resolver.abbreviations["bosdr"] == "regionaal_bestuur"
    # an unknown abbreviation without an expansion is nobody
    assert "xyz" not in resolver.abbreviations


def test_document_expansion_overrides_general_list():
    # the general list says RSJ is a serviceteam (ambtelijk); this document writes it out differently
    resolver = ActorResolver("Het Regionaal Stuurgroep Jeugd (RSJ) besluit.")
    assert resolver.abbreviations["rsj"] == "regionaal_bestuur"


def test_hand_made_date_facts_are_used(tmp_path):
    """The extractor takes its dates from ctx.facts['date'] when an earlier step produced them."""
    text = "Het college heeft op de vergadering van dinsdag het inkoopplan vastgesteld."
    p = tmp_path / "d.txt"
    p.write_text(text, encoding="utf-8")
    ctx = ExtractionContext(read_document(p), 2022)
    s = text.index("dinsdag")
    ctx.add([ctx.fact("date", s, s + 7, {"start": "2022-05-10", "end": "2022-05-10", "granularity": "day",
                                          "modifier": None, "event": "decision"})])
    facts = extract_decisions(ctx)
    assert len(facts) == 1 and facts[0].value["date"]["start"] == "2022-05-10"


def test_cited_document_moves_now(tmp_path):
    """A historical-present report: a dated present-tense decision before the date of a document
    the text cites as published is already taken; one after it is planned."""
    text = ("In april 2021 stellen de colleges het programma van eisen vast.\n\n"
            "In juli 2021 stellen de colleges de gunning vast.\n\n"
            "Documenten:\n\n- 'Notitie programma van eisen' (mei 2021)\n")
    _, facts = run(tmp_path, text, 2021)
    assert [f.value["status"] for f in facts] == ["taken", "planned"]
