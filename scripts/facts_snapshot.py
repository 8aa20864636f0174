"""Snapshot every extracted fact of the shipped test material, to prove a change byte-identical.

    python scripts/facts_snapshot.py write SNAPDIR     # extract everything, write one facts file per set
    python scripts/facts_snapshot.py check SNAPDIR     # extract again and compare; exit 1 on any difference

Sets: corpus/, every tests/data/holdout*/docs, ../shared/real/dev/docs,
../shared/pdf and ../shared/html (the readers' real files). No cache is used.
Refactors and speed work must leave every set byte-identical.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

from inkoopgraaf.batch import run_batch
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover
from inkoopgraaf.models.facts import dumps_facts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def sets() -> dict[str, Path]:
    out = {"corpus": ROOT / "corpus"}
    for d in sorted((ROOT / "tests" / "data").glob("holdout*/docs")):
        out[d.parent.name] = d
    out["real_raw"] = ROOT / "tests" / "data" / "real_raw" / "docs"
    for name, d in (("real_dev", SHARED / "real" / "dev" / "docs"), ("pdf", SHARED / "pdf"),
                    ("html", SHARED / "html")):
        if d.is_dir():
            out[name] = d
    return out


def snapshot(folder: Path) -> str:
    files = discover([folder])
    results = run_batch(files, find_manifest([folder]), None)
    lines = [f"# {r.record['id']} {r.record['status']} {r.record['error']}" for r in results]
    return "\n".join(lines) + "\n" + dumps_facts([f for r in results for f in r.facts])


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("write", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, snapdir = argv[0], Path(argv[1])
    snapdir.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, folder in sets().items():
        text = snapshot(folder)
        target = snapdir / f"{name}.jsonl"
        if mode == "write":
            target.write_text(text, "utf-8")
            print(f"{name}: {text.count(chr(10))} lines")
            continue
        old = target.read_text("utf-8") if target.exists() else ""
        if old == text:
            print(f"{name}: identical")
        else:
            bad += 1
            diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), "before", "after", lineterm="", n=0))
            print(f"{name}: DIFFERS ({len(diff)} diff lines)")
            print("\n".join(diff[:40]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
