"""Data-driven tests of the context qualifier (cases in tests/data/qualifier_cases.json)."""
import json
from pathlib import Path

import pytest

from inkoopgraaf.extract.qualifier import Qualification, qualify, qualify_text, tokenize

CASES = json.loads((Path(__file__).parent / "data" / "qualifier_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c.get("id", c["text"][:50]) for c in CASES])
def test_qualifier_case(case):
    text, target = case["text"], case["target"]
    i = text.index(target)
    q = qualify(text, i, i + len(target))
    if "status" in case:
        assert q.status == case["status"], q.triggers
    for f in case.get("flags", []):
        assert getattr(q, f), (f, q.triggers)
    for f in case.get("not_flags", []):
        assert not getattr(q, f), (f, q.triggers)


def test_trigger_offsets_point_into_text():
    text = "Dus niet langer PxQ voor de jeugdhulp."
    i = text.index("PxQ")
    q = qualify(text, i, i + 3)
    t = q.trigger_for("negated")
    assert text[t.start:t.end] == "niet langer"


def test_target_words_do_not_qualify_themselves():
    # "niet-openbare" contains "niet" but is the target, not a negation of it
    text = "De regio volgt een niet-openbare procedure."
    i = text.index("niet-openbare procedure")
    assert not qualify(text, i, i + len("niet-openbare procedure")).negated


def test_terminator_stops_scope():
    text = "Het huidige contract loopt af, maar voortaan geldt een lumpsum."
    i = text.index("lumpsum")
    q = qualify(text, i, i + 7)
    assert not q.historical and q.status == "chosen"


def test_qualify_text_for_headings():
    assert qualify_text("Terugblik op de inkoop 2019").status == "previous"
    assert qualify_text("Scenario 3: bestuurlijk aanbesteden").status == "considered"
    assert qualify_text("Planning").status is None


def test_empty_qualification_and_tokenizer():
    assert Qualification().status is None
    assert [t for _, _, t in tokenize("i.p.v. scenario's.")] == ["i.p.v.", "scenario's", "."]


# -- table column headers carry the stance of their cells -------------------------
from inkoopgraaf.extract.qualifier import column_stance, is_same_as  # noqa: E402


@pytest.mark.parametrize("header,stance", [
    ("Bekostiging per 1 januari 2027", "chosen"), ("Toekomstige systematiek", "chosen"),
    ("Gekozen model", "chosen"), ("Voorkeursvariant", "chosen"), ("Straks", "chosen"),
    ("Oude systematiek", "previous"), ("Lopende contracten", "previous"), ("Tot en met 2025", "previous"),
    ("Bestaand", "previous"), ("Situatie nu", "previous"),
    ("Afgewezen varianten", "rejected"), ("Niet gekozen", "rejected"),
    ("Onderzochte alternatieven", "considered"), ("Andere opties", "considered"),
    ("Nieuwe inkoop (was: open house)", "chosen"),
    ("Segment", None), ("Toelichting", None), ("Contractvorm", None),
])
def test_column_stance(header, stance):
    assert column_stance(header) == stance


@pytest.mark.parametrize("cell,same", [
    ("idem", True), (" = ", True), ("Ongewijzigd.", True), ("gelijk", True), ("dito", True),
    ("Dagprijs", False), ("gelijke tarieven voor alle aanbieders", False), ("", False),
])
def test_same_as_cells(cell, same):
    assert is_same_as(cell) == same


# -- the stance of financing facts on mini documents (tests/data/stance_cases.json) --------
from inkoopgraaf.extract.context import ExtractionContext  # noqa: E402
from inkoopgraaf.extract.readers import read_document  # noqa: E402
from inkoopgraaf.extract.segments import extract_financing  # noqa: E402

STANCE_CASES = json.loads((Path(__file__).parent / "data" / "stance_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", STANCE_CASES, ids=[c["id"] for c in STANCE_CASES])
def test_stance_case(case, tmp_path):
    p = tmp_path / f"{case['id']}.txt"
    p.write_text(case["text"], encoding="utf-8")
    facts = extract_financing(ExtractionContext(read_document(p)))
    got = sorted({(f.value["id"], f.value["segment"], f.value["status"]) for f in facts}, key=str)

    def found(triple):
        # segment "*": any segment (the attachment is not what these cases pin)
        return any(g[0] == triple[0] and triple[1] in ("*", g[1]) and g[2] == triple[2] for g in got)
    for triple in case.get("expect_financing", []):
        assert found(triple), (case["family"], triple, got)
    for triple in case.get("no_financing", []):
        assert not found(triple), (case["family"], triple, got)
