"""Issue 12: the comparison layer says what the documents say, or `onbekend`.

Each defect has its own small document under tests/data/answers_docs/ (written
for these tests); the question bank (tests/data/answers.json, test_answer_bank.py)
asks the same things end to end through the CLI.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.extract.pipeline import process_file
from inkoopgraaf.models import gazetteer as gz
from inkoopgraaf.models.tables import tables_from_facts

DOCS = Path(__file__).parent / "data" / "answers_docs"


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
