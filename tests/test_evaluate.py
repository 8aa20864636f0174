"""`inkoopgraaf eval` prints the reference scorer's figures for the same inputs."""
from __future__ import annotations

import json
import random
import subprocess
import sys

from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.evaluate import extra_figures, format_extra, format_scores, load_gold, prf, score


def _facts_from_gold(gold_dir, rng):
    """A deterministic, imperfect system output: gold facts with some dropped, some wrong."""
    out = []
    for g in load_gold(gold_dir):
        doc = g["doc"]
        for d in g.get("dates", []):
            if rng.random() < 0.8:
                v = {k: d.get(k) for k in ("start", "end", "granularity", "modifier", "event")}
                if rng.random() < 0.1:
                    v["end"] = "2099-12-31"
                out.append({"doc": doc, "type": "date", "text": d["text"], "start": 0, "end": 1, "page": None,
                            "value": v, "confidence": 0.9})
        for s in g.get("segments", []):
            if rng.random() < 0.7:
                out.append({"doc": doc, "type": "segment", "value": {"id": s["id"]}})
        for s in g.get("financing", []):
            out.append({"doc": doc, "type": "financing",
                        "value": {"id": s["id"], "segment": s.get("segment"),
                                  "status": s.get("status") if rng.random() < 0.6 else "chosen"}})
        for s in g.get("procedures", []):
            out.append({"doc": doc, "type": "procedure", "value": {"id": s["id"]}})
        for r in g.get("regions", []):
            out.append({"doc": doc, "type": "region", "value": {"id": r}})
        out.append({"doc": doc, "type": "region", "value": {"id": "utrecht"}})
        for m in g.get("municipalities", []):
            out.append({"doc": doc, "type": "municipality", "value": {"cbs": m.get("cbs")}})
        for d in g.get("decisions", []):
            out.append({"doc": doc, "type": "decision", "value": {"actor": d["actor"], "status": "taken"}})
    return out


def test_same_figures_as_reference_scorer(shared_dir, tmp_path):
    gold_dir = shared_dir / "dev-gold"
    facts = _facts_from_gold(gold_dir, random.Random(7))
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(f) + "\n" for f in facts) + "not json\n", encoding="utf-8")
    ref = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(path), str(gold_dir)],
                         capture_output=True, text=True, check=True).stdout.strip()
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), "--facts", str(path)])
    assert result.exit_code == 0, result.output
    ours = result.output.strip().splitlines()
    assert ours[: len(ref.splitlines())] == ref.splitlines()
    ref_json = json.loads(subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(path), str(gold_dir), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours_json = json.loads(CliRunner().invoke(
        main, ["eval", "--gold", str(gold_dir), "--facts", str(path), "--json"]).output)
    ours_json.pop("_extra")
    assert ours_json == ref_json


def test_prf_edge_cases():
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert prf(0, 2, 0) == (0.0, 1.0, 0.0)


def test_extra_figures_event_accuracy_and_plan_changes():
    gold = [{"doc": "d", "dates": [{"start": "2022-01-01", "end": "2022-01-01", "event": "contract_start"},
                                   {"start": "2022-05-01", "end": "2022-05-31", "event": "publication"}],
             "decisions": [{"actor": "college", "status": "taken", "object": "het inkoopkader vastgesteld",
                            "date": {"start": "2022-02-22", "end": "2022-02-22"}}],
             "plan_changes": [{"from": {"start": "2022-07-01", "end": "2022-07-01"},
                               "to": {"start": "2022-10-01", "end": "2022-10-01"}}]}]
    facts = [
        {"doc": "d", "type": "date", "value": {"start": "2022-01-01", "end": "2022-01-01", "event": "contract_start"}},
        {"doc": "d", "type": "date", "value": {"start": "2022-05-01", "end": "2022-05-31", "event": None}},
        {"doc": "d", "type": "decision", "value": {"actor": "college", "status": "taken", "object": "inkoopkader",
                                                   "date": {"start": "2022-02-22", "end": "2022-02-22"}}},
        {"doc": "d", "type": "plan_change", "value": {"from": {"start": "2022-07-01", "end": "2022-07-01"},
                                                      "to": {"start": "2022-10-01", "end": "2022-10-01"},
                                                      "shift_days": 92}},
    ]
    ex = extra_figures(facts, gold)
    assert ex["date_event_accuracy"] == {"matched": 2, "correct": 1, "accuracy": 0.5}
    assert ex["decision_agreement"] == {"matched": 1, "object_agrees": 1, "date_agrees": 1}
    assert ex["plan_changes"]["tp"] == 1 and ex["plan_changes"]["fp"] == 0
    assert "F1=1.000" in format_extra(ex)


def test_plan_changes_with_nothing_to_score_is_not_a_perfect_score():
    # a gold set without plan changes, and none extracted: say so, not 'F1=1.000'
    gold = [{"doc": "d", "dates": [], "decisions": [], "plan_changes": []}]
    facts = [{"doc": "d", "type": "date", "value": {"start": "2022-01-01", "end": "2022-01-01", "event": None}}]
    line = format_extra(extra_figures(facts, gold)).splitlines()[-1]
    assert line.startswith("plan_changes") and "n/a" in line and "F1=" not in line


def test_eval_missing_gold_folder_says_so(tmp_path):
    r = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path / "nope")])
    assert r.exit_code != 0 and "gold folder not found" in r.output
