"""CPU of chosen extraction steps alone, over bench_extract's sets, each document extracted once.

    .venv/bin/python bench/bench_steps.py [--steps segments,financing,procedures] [--rounds 3] [--profile]

Documents are read and parsed outside the timing; the steps before the chosen ones run untimed
(their facts are inputs). Per round the texts-keyed memos (``find_terms``' matches, the
qualifier's sentences) are emptied, so every round pays what one pass over new documents pays
(``bench_extract.py --profile`` times its steps after a full run, with those memos warm).
``--profile`` prints cProfile's own-time top of the chosen steps (one round).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import bench_sets, warm_up  # noqa: E402


def _clear_text_memos() -> None:
    from inkoopgraaf.extract import qualifier
    from inkoopgraaf.extract.segments import terms
    terms._find_terms_memo.cache_clear()
    qualifier._sentence.cache_clear()


def run(docs, steps: set[str], profiler=None) -> dict[str, float]:
    from inkoopgraaf.extract import pipeline
    from inkoopgraaf.extract.context import ExtractionContext
    last = max(i for i, s in enumerate(pipeline.STEPS) if s[0] in steps)
    spent = dict.fromkeys(steps, 0.0)
    _clear_text_memos()
    for doc in docs:
        ctx = ExtractionContext(doc=doc, year=pipeline.anchor_year(doc))
        ctx.spacy_doc, ctx.clauses                  # noqa: B018 - shared layers, built untimed
        for step in pipeline.STEPS[:last + 1]:
            fn = pipeline._load(step[1])
            if step[0] not in steps:
                ctx.add(fn(ctx))
                continue
            if profiler:
                profiler.enable()
            t = time.process_time()
            facts = fn(ctx)
            spent[step[0]] += time.process_time() - t
            if profiler:
                profiler.disable()
            ctx.add(facts)
    return spent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", default="segments,financing,procedures")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    from inkoopgraaf.extract.readers import read_document
    steps = set(args.steps.split(","))
    warm_up()
    docs = [read_document(f) for files in bench_sets().values() for f in files]
    run(docs, steps)                                # first use builds the per-process indexes
    for _ in range(args.rounds):
        spent = run(docs, steps)
        print("  ".join(f"{k} {v:.3f} s" for k, v in sorted(spent.items())) + f"  sum {sum(spent.values()):.3f} s")
    if args.profile:
        pr = cProfile.Profile()
        run(docs, steps, pr)
        pstats.Stats(pr).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
