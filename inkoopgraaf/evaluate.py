"""`inkoopgraaf eval`: precision/recall/F1 per fact type against gold JSON files.

The headline figures use exactly the definitions of the reference scorer
(``shared/tools/score.py``): per-document sets or multisets, summed over the
documents present in the gold folder. A test runs both on the same inputs and
checks they print the same numbers. Beyond those, :func:`extra_figures` adds
what the issues ask to report: event accuracy on matched dates, object and
date agreement on matched decisions, and plan changes with both ends.
"""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any, Iterable

from .models.facts import Fact

#: Row order of the report (the reference scorer's order).
KEYS = ("dates", "dates_lenient", "segments", "financing", "financing_by_segment", "financing_status",
        "procedures", "regions", "municipalities", "decisions")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _multiset(sys_items, gold_items):
    s, g = collections.Counter(sys_items), collections.Counter(gold_items)
    tp = sum((s & g).values())
    return tp, sum(s.values()) - tp, sum(g.values()) - tp


def _set(sys_items, gold_items):
    s, g = set(sys_items), set(gold_items)
    tp = len(s & g)
    return tp, len(s) - tp, len(g) - tp


def load_gold(gold_dir) -> list[dict]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: gold folder not found (expected *.json files, one per document)")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def score_document(values_by_type: dict[str, list[dict]], gold: dict) -> dict[str, tuple[int, int, int]]:
    by = values_by_type
    res = {}
    res["dates"] = _multiset([(v.get("start"), v.get("end")) for v in by["date"]],
                             [(d["start"], d["end"]) for d in gold.get("dates", [])])
    res["dates_lenient"] = _multiset([v.get("start") for v in by["date"]],
                                     [d["start"] for d in gold.get("dates", [])])
    res["segments"] = _set([v.get("id") for v in by["segment"] if v.get("id") != "other"],
                           [s["id"] for s in gold.get("segments", []) if s["id"] != "other"])
    res["financing"] = _set([v.get("id") for v in by["financing"]], [s["id"] for s in gold.get("financing", [])])
    res["financing_by_segment"] = _set([(v.get("id"), v.get("segment")) for v in by["financing"]],
                                       [(s["id"], s.get("segment")) for s in gold.get("financing", [])])
    res["financing_status"] = _set(
        [(v.get("id"), v.get("segment"), v.get("status")) for v in by["financing"]],
        [(s["id"], s.get("segment"), s.get("status")) for s in gold.get("financing", []) if "status" in s])
    res["procedures"] = _set([v.get("id") for v in by["procedure"]], [s["id"] for s in gold.get("procedures", [])])
    res["regions"] = _set([v.get("id") for v in by["region"]], gold.get("regions", []))
    res["municipalities"] = _set([v.get("cbs") for v in by["municipality"]],
                                 [m["cbs"] for m in gold.get("municipalities", []) if m.get("cbs")])
    res["decisions"] = _multiset([(v.get("actor"), v.get("status")) for v in by["decision"]],
                                 [(d["actor"], d["status"]) for d in gold.get("decisions", [])])
    return res


#: annotators open a near-miss's notes with the call ("Near-miss: …", "Mostly a near-miss …"); a
#: passing remark later in the notes ("a reader who treats it as a near-miss …") is not that call
_NEAR_MISS = re.compile(r"^(?:[^.]{0,40}\s)?near[- ]miss\b", re.IGNORECASE)


def is_near_miss(gold: dict) -> bool:
    """A text its annotators called a near-miss: it mentions care or procurement but buys nothing."""
    return bool(_NEAR_MISS.match(gold.get("notes") or ""))


def false_positives(facts: Iterable[Fact | dict], golds: list[dict]) -> dict[str, dict[str, int]]:
    """doc id -> fact type -> facts the extractor gives that the gold lacks (the scorer's definitions)."""
    by_doc: dict[str, dict[str, list]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for f in facts:
        d = f.to_json() if isinstance(f, Fact) else f
        by_doc[d["doc"]][d.get("type")].append(d.get("value") or {})
    return {g["doc"]: {t: fp for t, (_tp, fp, _fn) in score_document(by_doc[g["doc"]], g).items()}
            for g in golds}


def score(facts: Iterable[Fact | dict], golds: list[dict], unparsable: int = 0) -> dict:
    """The reference scorer's figures as a dict (same keys and rounding as ``score.py --json``)."""
    per_doc_facts: dict[str, list[dict]] = collections.defaultdict(list)
    for f in facts:
        d = f.to_json() if isinstance(f, Fact) else f
        per_doc_facts[d["doc"]].append(d)
    totals = collections.defaultdict(lambda: [0, 0, 0])
    scored = []
    for gold in golds:
        fs = per_doc_facts.get(gold["doc"], [])
        by = collections.defaultdict(list)
        for f in fs:
            by[f.get("type")].append(f.get("value") or {})
        for k, (tp, fp, fn) in score_document(by, gold).items():
            t = totals[k]
            t[0] += tp; t[1] += fp; t[2] += fn
        scored.append(gold["doc"])
    out = {k: dict(zip(("tp", "fp", "fn"), v), **dict(zip(("p", "r", "f1"), (round(x, 3) for x in prf(*v)))))
           for k, v in totals.items()}
    out["_unparsable_lines"] = unparsable
    out["_docs_scored"] = len(scored)
    out["_docs_with_no_facts"] = sorted(d for d in scored if not per_doc_facts.get(d))
    return out


def format_scores(out: dict) -> str:
    """Exactly the reference scorer's text output."""
    lines = []
    for k, v in out.items():
        if k.startswith("_"):
            lines.append(f"{k}: {v}")
        else:
            lines.append(f"{k:22s} P={v['p']:.3f} R={v['r']:.3f} F1={v['f1']:.3f}  (tp={v['tp']} fp={v['fp']} fn={v['fn']})")
    return "\n".join(lines)


def read_facts_lenient(path) -> tuple[list[dict], int]:
    """Facts as dicts, counting unparsable lines like the reference scorer."""
    facts, bad = [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                f = json.loads(line)
                f["doc"]
                facts.append(f)
            except Exception:
                bad += 1
    return facts, bad


# -- figures beyond the reference scorer ------------------------------------------------

def _date_key(v: dict | None):
    return (v or {}).get("start"), (v or {}).get("end")


def extra_figures(facts: Iterable[dict], golds: list[dict]) -> dict:
    """Event accuracy on matched dates, decision object/date agreement, plan changes."""
    by_doc: dict[str, dict[str, list[dict]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for f in facts:
        by_doc[f["doc"]][f["type"]].append(f)
    ev_match = ev_total = 0
    dec_obj = dec_date = dec_total = 0
    pc_tp = pc_fp = pc_fn = 0
    for gold in golds:
        mine = by_doc.get(gold["doc"], {})
        # dates: greedy pairing on (start, end), then compare the event
        pool = collections.defaultdict(list)
        for f in mine.get("date", []):
            pool[_date_key(f["value"])].append(f["value"])
        for g in gold.get("dates", []):
            cands = pool.get((g["start"], g["end"]))
            if cands:
                v = cands.pop(0)
                ev_total += 1
                ev_match += v.get("event") == g.get("event")
        # decisions: greedy pairing on (actor, status); object by word overlap, date by interval
        dpool = collections.defaultdict(list)
        for f in mine.get("decision", []):
            v = f["value"]
            dpool[(v.get("actor"), v.get("status"))].append(v)
        for g in gold.get("decisions", []):
            cands = dpool.get((g["actor"], g["status"]))
            if not cands:
                continue
            gw = _words(g.get("object") or "")
            best = max(cands, key=lambda v: _overlap(_words(v.get("object") or ""), gw))
            cands.remove(best)
            dec_total += 1
            dec_obj += _overlap(_words(best.get("object") or ""), gw) >= 0.3
            dec_date += _date_key(best.get("date")) == _date_key(g.get("date"))
        # plan changes: both ends must match (start of from, start of to)
        sys_pc = [(_date_key(f["value"].get("from")), _date_key(f["value"].get("to")))
                  for f in mine.get("plan_change", [])]
        gold_pc = [(_date_key(p.get("from")), _date_key(p.get("to"))) for p in gold.get("plan_changes", [])]
        tp, fp, fn = _ends_match(sys_pc, gold_pc)
        pc_tp += tp; pc_fp += fp; pc_fn += fn
    p, r, f1 = prf(pc_tp, pc_fp, pc_fn)
    return {
        "date_event_accuracy": {"matched": ev_total, "correct": ev_match,
                                "accuracy": round(ev_match / ev_total, 3) if ev_total else None},
        "decision_agreement": {"matched": dec_total, "object_agrees": dec_obj, "date_agrees": dec_date},
        "plan_changes": {"tp": pc_tp, "fp": pc_fp, "fn": pc_fn, "p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)},
    }


def _ends_match(sys_items, gold_items):
    """A plan change matches when both ends start on the same day (end dates may be coarser)."""
    s = collections.Counter((a[0], b[0]) for a, b in sys_items)
    g = collections.Counter((a[0], b[0]) for a, b in gold_items)
    tp = sum((s & g).values())
    return tp, sum(s.values()) - tp, sum(g.values()) - tp


def _words(s: str) -> set[str]:
    import re
    return {w for w in re.findall(r"\w+", s.lower()) if len(w) > 2}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(b) if b else 0.0


def format_extra(extra: dict) -> str:
    ev = extra["date_event_accuracy"]
    dec = extra["decision_agreement"]
    pc = extra["plan_changes"]
    acc = f"{ev['accuracy']:.3f}" if ev["accuracy"] is not None else "n/a"
    return "\n".join([
        f"{'date events':22s} accuracy={acc} on {ev['matched']} matched dates",
        f"{'decision details':22s} object agrees {dec['object_agrees']}/{dec['matched']}, "
        f"date agrees {dec['date_agrees']}/{dec['matched']} matched decisions",
        _plan_change_line(pc),
    ])


def _plan_change_line(pc: dict) -> str:
    """With no plan change in gold nor output, 'P=1.000 R=1.000 F1=1.000' would read as a perfect
    score for something never tested; say plainly that there was nothing to score."""
    counts = f"tp={pc['tp']} fp={pc['fp']} fn={pc['fn']}"
    if pc["tp"] + pc["fp"] + pc["fn"] == 0:
        return f"{'plan_changes':22s} n/a: no plan change in the gold nor in the output ({counts})"
    return (f"{'plan_changes':22s} P={pc['p']:.3f} R={pc['r']:.3f} F1={pc['f1']:.3f}  "
            f"({counts}; both ends must match)")


# --------------------------------------------------------------------------- plan changes of one document


def _plan_change_value(f: Any) -> dict:
    if isinstance(f, Fact):
        return f.value
    if isinstance(f, dict) and "value" in f and isinstance(f["value"], dict):
        return f["value"]
    return f


def score_plan_changes(system_facts: Iterable[Any], gold_entries: Iterable[dict], lenient: bool = False) -> dict:
    """Precision/recall of plan changes for ONE document: a system change matches a gold one when
    both ends agree (start and end of 'from' and of 'to'; lenient: their starts). Greedy one-to-one.
    ``system_facts``: Fact objects, fact JSON dicts or bare values (type plan_change only)."""
    def key(v: dict):
        f, t = v.get("from") or {}, v.get("to") or {}
        if lenient:
            return (f.get("start"), t.get("start"))
        return (f.get("start"), f.get("end") or f.get("start"), t.get("start"), t.get("end") or t.get("start"))

    sys_vals = []
    for f in system_facts:
        if isinstance(f, Fact) and f.type != "plan_change":
            continue
        if isinstance(f, dict) and f.get("type") not in (None, "plan_change"):
            continue
        sys_vals.append(key(_plan_change_value(f)))
    gold = [key(g) for g in gold_entries]
    remaining = list(gold)
    tp = 0
    for k in sys_vals:
        if k in remaining:
            remaining.remove(k)
            tp += 1
    fp, fn = len(sys_vals) - tp, len(remaining)
    p, r, f1 = prf(tp, fp, fn)
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)}
