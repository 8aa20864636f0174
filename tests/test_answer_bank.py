"""The question bank (tests/data/answers.json) answered end to end through the CLI.

Each question's corpus is built once with `inkoopgraaf build`, each question is
asked with its own command (`query`, `compare`, `region`, `timeline`) and the
answer rows are compared with the rows the source texts give. See README
'Question bank' for how to add one.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("answer_bank", ROOT / "scripts" / "answer_bank.py")
bank_runner = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bank_runner)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    bank = bank_runner.load_bank()
    if not bank_runner.corpus_path(bank["corpora"]["real_dev"]).is_dir():
        bank["questions"] = [q for q in bank["questions"] if q["corpus"] != "real_dev"]
    out = bank_runner.run_bank(bank_runner.inprocess_invoker(), tmp_path_factory.mktemp("bank"), bank)
    return {r["id"]: r for r in out}


def test_the_bank_has_at_least_30_questions_each_with_a_source():
    bank = bank_runner.load_bank()
    ids = [q["id"] for q in bank["questions"]]
    assert len(ids) >= 30 and len(set(ids)) == len(ids)
    for q in bank["questions"]:
        assert q["command"][0] in ("query", "compare", "region", "timeline"), q["id"]
        assert q["source"] and q["ask"] and q["corpus"] in bank["corpora"], q["id"]
        assert q.get("expect") or q.get("absent") or q.get("only"), q["id"]


@pytest.mark.parametrize("qid", [q["id"] for q in bank_runner.load_bank()["questions"]])
def test_question_is_answered_right(results, qid):
    if qid not in results:
        pytest.skip("../shared/real/dev is not beside the checkout")
    r = results[qid]
    assert r["ok"], "\n".join(r["problems"])


def test_the_judge_catches_wrong_and_missing_rows():
    q = {"expect": [{"region": "a", "date": "2023-01-01"}], "absent": [{"region": "z"}], "only": True}
    assert bank_runner.judge(q, [{"region": "a", "date": "2023-01-01"}]) == []
    assert bank_runner.judge(q, [{"region": "a", "date": "2025-01-01"}])                 # wrong date
    assert bank_runner.judge(q, [{"region": "a", "date": "2023-01-01"}, {"region": "z"}])  # a region too many
    assert bank_runner.judge({"expect": [{"date": "onbekend"}]}, [{"date": None}]) == []
