"""F1 per fact type on every gold set, as one Markdown table (the README's evaluation figures).

    python scripts/eval_sets.py            # dev gold, real dev, real raw (all / odd / even), hold-outs

The real raw set is also split into its odd-numbered files (released for error analysis) and
its even-numbered files (kept apart as the check that a change generalises); see
tests/data/real_raw/README.md. No cache is used.
"""
from __future__ import annotations

import sys
from pathlib import Path

from inkoopgraaf.batch import run_batch
from inkoopgraaf.evaluate import extra_figures, load_gold, score
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TYPES = ("dates", "segments", "financing", "financing_by_segment", "financing_status", "procedures",
         "regions", "municipalities", "decisions", "plan_changes")


def gold_sets() -> dict[str, tuple[Path, Path, object]]:
    """name -> (docs, gold folder, which gold files: None = all, 'odd' / 'even' / 'even-a' / 'even-b' by file number)."""
    raw = ROOT / "tests" / "data" / "real_raw"
    out = {"dev gold (seeds)": (ROOT / "corpus", SHARED / "dev-gold", None),
           "real dev (16)": (SHARED / "real" / "dev" / "docs", SHARED / "real" / "dev" / "gold", None),
           "real raw (60)": (raw / "docs", raw / "gold", None),
           "real raw odd (30)": (raw / "docs", raw / "gold", "odd"),
           "real raw even (30)": (raw / "docs", raw / "gold", "even"),
           "real raw even-a (15, n%4==2)": (raw / "docs", raw / "gold", "even-a"),
           "real raw even-b (15, n%4==0)": (raw / "docs", raw / "gold", "even-b")}
    for d in sorted((ROOT / "tests" / "data").glob("holdout*/gold")):
        out[d.parent.name] = (d.parent / "docs", d, None)
    return out


def in_split(number: int, which: str) -> bool:
    """odd / even by file number; even-a (n % 4 == 2) and even-b (n % 4 == 0) halve the even files."""
    return {"odd": number % 2 == 1, "even": number % 2 == 0,
            "even-a": number % 4 == 2, "even-b": number % 4 == 0}[which]


def figures(docs: Path, gold_dir: Path, which) -> dict[str, float]:
    golds = load_gold(gold_dir)
    if which:
        golds = [g for g in golds if in_split(int(g["doc"][:2]), which)]
    wanted = {g["doc"] for g in golds}
    files = [p for p in discover([docs]) if p.stem in wanted]
    results = run_batch(files, find_manifest([docs]), None)
    facts = [f.to_json() for r in results for f in r.facts]
    s = score(facts, golds)
    s["plan_changes"] = extra_figures(facts, golds)["plan_changes"]
    return {t: s[t]["f1"] for t in TYPES}


def main() -> int:
    print("| set | " + " | ".join(TYPES) + " |")
    print("|---|" + "---|" * len(TYPES))
    for name, (docs, gold_dir, which) in gold_sets().items():
        if not gold_dir.is_dir():
            continue
        f = figures(docs, gold_dir, which)
        print(f"| {name} | " + " | ".join(f"{f[t]:.3f}" for t in TYPES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
