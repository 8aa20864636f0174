"""Benchmark: growth of read + extract from 10 KB to 50 KB on pathological texts.

    .venv/bin/python bench/bench_linearity.py [--random 8] [--seed 1]

The texts of ``tests/test_linearity.py``: each pattern of ``PATTERNS``, the three runs of
domain words and punctuation its hypothesis test draws (derandomised, so the same three every
time) and ``--random`` more drawn here with ``--seed``. Each is tiled to 10 KB and 50 KB; the
ratio of the CPU seconds (fastest of two at 10 KB, one at 50 KB, as the test measures) is the
figure: about 5 is linear, 25 quadratic. The test fails at 10.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

ROOT = Path(__file__).resolve().parent.parent


def _hypothesis_units(T) -> list[str]:
    """The units the hypothesis test generates (its own settings; measured here, not there)."""
    units: list[str] = []
    measure = T._ratio
    T._ratio = lambda path, unit: (units.append(unit), (1.0, 1.0, 1.0))[1]
    try:
        T.test_random_domain_runs_grow_linearly(warm=None, tmp_path=Path("."))
    finally:
        T._ratio = measure
    return units


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--random", type=int, default=8, help="random domain runs besides the test's own")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    import test_linearity as T
    from inkoopgraaf.extract.pipeline import extract_document
    from inkoopgraaf.extract.readers import read_document

    units = dict(T.PATTERNS)
    units.update({f"hypothesis {i}": u for i, u in enumerate(_hypothesis_units(T))})
    rng = random.Random(args.seed)
    for i in range(args.random):
        words = [rng.choice(T._DOMAIN_WORDS + T._PUNCTUATION) for _ in range(rng.randint(20, 80))]
        units[f"random {i}"] = " ".join(words) + " "
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"

        def cpu(text: str) -> float:
            path.write_text(text, "utf-8")
            t = time.process_time()
            extract_document(read_document(path))
            return time.process_time() - t

        cpu("Segment Ambulant wordt per 1 januari 2025 bekostigd met een lumpsum.\n")   # warm-up
        print(f"{'text':16s} {'10 KB':>6s} {'50 KB':>6s} {'ratio':>6s}  unit")
        for name, unit in units.items():
            small = min(cpu(T._tile(unit, T.SMALL)) for _ in range(2))
            large = cpu(T._tile(unit, T.LARGE))
            print(f"{name:16s} {small:6.2f} {large:6.2f} {large / max(small, 1e-3):6.1f}  {unit[:50]!r}", flush=True)


if __name__ == "__main__":
    main()
