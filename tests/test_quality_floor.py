"""Extraction quality never silently drops: F1 floors on every gold set we ship.

Eleven gold sets: the dev gold beside the checkout (``../shared/dev-gold``, the
seed documents the rules were developed on), the real dev set beside it
(``../shared/real/dev``: real texts of public bodies with gold, issue 11), and under
``tests/data/`` the eight hand-written hold-out sets and the blind-annotated real raw set.
The floors sit about 0.04 below the figures measured when they were set (see the README),
so a rule change that costs quality on any set fails here and has to be argued for. This checks behaviour — which
facts come out — never speed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.batch import run_batch
from inkoopgraaf.evaluate import extra_figures, load_gold, score
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover

DATA = Path(__file__).parent / "data"

#: floors per set: fact type -> minimum F1 (reference scorer definitions)
FLOORS = {
    "dev": {"dates": 0.95, "dates_lenient": 0.95, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.92, "financing_status": 0.92, "procedures": 0.96, "regions": 0.96, "municipalities": 0.96, "decisions": 0.9, "plan_changes": 0.96},
    "holdout": {"dates": 0.94, "dates_lenient": 0.94, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.93, "financing_status": 0.93, "procedures": 0.93, "regions": 0.96, "municipalities": 0.96, "decisions": 0.9, "plan_changes": 0.9},
    "holdout2": {"dates": 0.96, "dates_lenient": 0.96, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.89, "financing_status": 0.88, "procedures": 0.94, "regions": 0.96, "municipalities": 0.96, "decisions": 0.92, "plan_changes": 0.84},
    "holdout3": {"dates": 0.94, "dates_lenient": 0.94, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.9, "financing_status": 0.9, "procedures": 0.85, "regions": 0.96, "municipalities": 0.96, "decisions": 0.86, "plan_changes": 0.96},
    "holdout4": {"dates": 0.94, "dates_lenient": 0.94, "segments": 0.93, "financing": 0.96, "financing_by_segment": 0.89, "financing_status": 0.89, "procedures": 0.96, "regions": 0.96, "municipalities": 0.96, "decisions": 0.86, "plan_changes": 0.91},
    "holdout5": {"dates": 0.95, "dates_lenient": 0.95, "segments": 0.86, "financing": 0.96, "financing_by_segment": 0.81, "financing_status": 0.81, "procedures": 0.89, "regions": 0.96, "municipalities": 0.96, "decisions": 0.76, "plan_changes": 0.9},
    "holdout6": {"dates": 0.93, "dates_lenient": 0.95, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.91, "financing_status": 0.89, "procedures": 0.96, "regions": 0.96, "municipalities": 0.96, "decisions": 0.8, "plan_changes": 0.36},
    "holdout7": {"dates": 0.91, "dates_lenient": 0.91, "segments": 0.93, "financing": 0.96, "financing_by_segment": 0.88, "financing_status": 0.79, "procedures": 0.96, "regions": 0.96, "municipalities": 0.96, "decisions": 0.69, "plan_changes": 0.96},
    # real texts published by public bodies (../shared/real/dev, issue 11); floors ~0.04 below the
    # figures after the second real-text round (2026-12-02, see the README's evaluation section)
    "real_dev": {"dates": 0.95, "dates_lenient": 0.95, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.96, "financing_status": 0.96, "procedures": 0.96, "regions": 0.96, "municipalities": 0.96, "decisions": 0.77, "plan_changes": 0.96},
    # the real raw set (tests/data/real_raw): gold annotated blind; its blind figure is in its README
    "real_raw": {"dates": 0.91, "dates_lenient": 0.91, "segments": 0.96, "financing": 0.96, "financing_by_segment": 0.96, "financing_status": 0.88, "procedures": 0.93, "regions": 0.96, "municipalities": 0.95, "decisions": 0.78, "plan_changes": 0.46},
    # hold-out 8, written blind on 2026-12-02 and held apart: floors ~0.04 below its figure now (blind
    # figure in its README)
    # (no plan-change floor: it found none of the five)
    "holdout8": {"dates": 0.9, "dates_lenient": 0.91, "segments": 0.83, "financing": 0.83, "financing_by_segment": 0.63, "financing_status": 0.42, "procedures": 0.84, "regions": 0.96, "municipalities": 0.94, "decisions": 0.44},
}


def _sets(shared):
    out = {name: (DATA / name / "docs", DATA / name / "gold")
           for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
                         "holdout8", "real_raw")}
    if shared is not None:
        out["dev"] = (Path(__file__).resolve().parents[1] / "corpus", shared / "dev-gold")
        if (shared / "real" / "dev" / "gold").is_dir():
            out["real_dev"] = (shared / "real" / "dev" / "docs", shared / "real" / "dev" / "gold")
    return out


@pytest.fixture(scope="module")
def figures(request):
    shared = Path(__file__).resolve().parents[2] / "shared"
    result = {}
    for name, (docs, gold_dir) in _sets(shared if shared.is_dir() else None).items():
        golds = load_gold(gold_dir)
        wanted = {g["doc"] for g in golds}
        files = [p for p in discover([docs]) if p.stem in wanted]
        results = run_batch(files, find_manifest([docs]), None)
        assert all(r.ok for r in results), [r.record["error"] for r in results if not r.ok]
        facts = [f.to_json() for r in results for f in r.facts]
        scores = score(facts, golds)
        scores["plan_changes"] = extra_figures(facts, golds)["plan_changes"]
        result[name] = scores
    return result


@pytest.mark.parametrize("gold_set,fact_type", [(s, t) for s, floors in FLOORS.items() for t in floors])
def test_f1_floor(figures, gold_set, fact_type):
    if gold_set not in figures:
        pytest.skip(f"gold set {gold_set} is not beside the checkout (../shared)")
    f1 = figures[gold_set][fact_type]["f1"]
    floor = FLOORS[gold_set][fact_type]
    assert f1 >= floor, f"{gold_set} {fact_type}: F1 {f1:.3f} fell below its floor {floor}"
