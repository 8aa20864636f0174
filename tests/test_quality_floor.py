"""Extraction quality never silently drops: F1 floors on every gold set we ship.

Three gold sets: the dev gold beside the checkout (``../shared/dev-gold``, the
seed documents the rules were developed on) and the hand-written hold-out
sets under ``tests/data/``. The floors sit a little below the figures measured
when they were set (see the README), so a rule change that costs quality on
any set fails here and has to be argued for. This checks behaviour — which
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
    "dev": {"dates": 0.95, "dates_lenient": 0.95, "segments": 0.92, "financing": 0.92,
            "financing_by_segment": 0.85, "financing_status": 0.80, "procedures": 0.90,
            "regions": 0.95, "municipalities": 0.95, "decisions": 0.85, "plan_changes": 0.85},
    "holdout": {"dates": 0.93, "dates_lenient": 0.93, "segments": 0.85, "financing": 0.90,
                "financing_by_segment": 0.80, "financing_status": 0.80, "procedures": 0.90,
                "regions": 0.95, "municipalities": 0.95, "decisions": 0.85, "plan_changes": 0.55},
    "holdout2": {"dates": 0.93, "dates_lenient": 0.93, "segments": 0.65, "financing": 0.90,
                 "financing_by_segment": 0.75, "financing_status": 0.45, "procedures": 0.90,
                 "regions": 0.85, "municipalities": 0.95, "decisions": 0.55, "plan_changes": 0.30},
}


def _sets(shared):
    out = {"holdout": (DATA / "holdout" / "docs", DATA / "holdout" / "gold"),
           "holdout2": (DATA / "holdout2" / "docs", DATA / "holdout2" / "gold")}
    if shared is not None:
        out["dev"] = (Path(__file__).resolve().parents[1] / "corpus", shared / "dev-gold")
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
        pytest.skip("../shared/dev-gold is not beside the checkout")
    f1 = figures[gold_set][fact_type]["f1"]
    floor = FLOORS[gold_set][fact_type]
    assert f1 >= floor, f"{gold_set} {fact_type}: F1 {f1:.3f} fell below its floor {floor}"
