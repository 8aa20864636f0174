"""False positives per near-miss text: what the extractor says that the gold does not.

    python scripts/near_misses.py          # one Markdown row per near-miss text of the real raw set

A near-miss is a real text that mentions care, money or procurement without being a
procurement strategy (an audit office report, a national letter, a budget chapter, a
besluitenlijst). The blind annotators made that call at the start of the gold's ``notes``
(``inkoopgraaf.evaluate.is_near_miss``); the extractor should stay quiet on them, so every
fact it gives that the gold lacks is counted per fact type. ``tests/test_near_misses.py``
holds the procurement facts of these texts at zero.
"""
from __future__ import annotations

import sys
from pathlib import Path

from inkoopgraaf.batch import run_batch
from inkoopgraaf.evaluate import false_positives, is_near_miss, load_gold
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover

RAW = Path(__file__).resolve().parents[1] / "tests" / "data" / "real_raw"
TYPES = ("segments", "financing", "procedures", "decisions", "regions", "municipalities", "dates")


def near_miss_false_positives(docs: Path = RAW / "docs", gold_dir: Path = RAW / "gold") -> dict[str, dict[str, int]]:
    golds = [g for g in load_gold(gold_dir) if is_near_miss(g)]
    wanted = {g["doc"] for g in golds}
    results = run_batch([p for p in discover([docs]) if p.stem in wanted], find_manifest([docs]), None)
    return false_positives([f for r in results for f in r.facts], golds)


def main() -> int:
    table = near_miss_false_positives()
    print("| near-miss text | " + " | ".join(TYPES) + " |")
    print("|---|" + "---|" * len(TYPES))
    for doc, fps in sorted(table.items()):
        print(f"| {doc[:60]} | " + " | ".join(str(fps[t]) for t in TYPES) + " |")
    totals = {t: sum(fps[t] for fps in table.values()) for t in TYPES}
    print(f"| **all {len(table)}** | " + " | ".join(str(totals[t]) for t in TYPES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
