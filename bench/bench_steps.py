"""CPU of chosen extraction steps alone over bench_extract's sets, optionally with a profile of them.

    .venv/bin/python bench/bench_steps.py [--steps dates,plan_changes,anchor_year] [--rounds 3] [--profile]
                                          [--sets holdouts]

The steps are ``pipeline.STEPS``' names, ``anchor_year``, and the two shared layers ``nlp.parse`` and
``clauses`` (built untimed before the steps unless named).

Every document is read once, outside the timing; then each round runs the whole extraction of every
document as ``extract_document`` runs it (its anchor year, the parse and clause layers, each step in
order, the cyclic collector paused as there) and adds up the process CPU seconds of the chosen steps
only. The best round is printed (the machine is shared: compare runs made in the same minute).
``--profile`` profiles the chosen steps alone (one more round) and prints the functions with the
largest own time and the largest cumulative time. The text-keyed memos are emptied per round.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract  # noqa: E402  (bench/ is not a package)


def _clear_text_memos() -> None:
    """Empty the text-keyed memos (``find_terms``' matches, the qualifier's sentences), so every round
    pays what one pass over new documents pays (bench_extract times its steps with them warm)."""
    from inkoopgraaf.extract import dates, qualifier
    from inkoopgraaf.extract.segments import terms
    terms._find_terms_memo.cache_clear()
    qualifier._sentence.cache_clear()
    for recent in ("_RECENT_GROUPED", "_RECENT_STAMP"):    # the last few texts' date groups and stamps
        getattr(dates, recent, {}).clear()


def run_round(docs, steps: set[str], profiler: cProfile.Profile | None = None) -> dict[str, float]:
    from inkoopgraaf.extract import pipeline
    from inkoopgraaf.extract.context import ExtractionContext
    from inkoopgraaf.models.gc_pause import collector_paused
    spent = {name: 0.0 for name in steps}

    def timed(name, fn, *args):
        if name not in steps:
            return fn(*args)
        t = time.process_time()
        if profiler:
            profiler.enable()
        try:
            return fn(*args)
        finally:
            if profiler:
                profiler.disable()
            spent[name] += time.process_time() - t

    _clear_text_memos()
    for doc in docs:
        pipeline._TEXT_YEAR[:] = [None, None, None]    # a document's year is not kept between rounds
        with collector_paused(len(doc.text) <= pipeline.GC_PAUSE_CHARS):
            ctx = ExtractionContext(doc=doc, year=timed("anchor_year", pipeline.anchor_year, doc))
            timed("nlp.parse", lambda: ctx._parsed)
            timed("clauses", lambda: ctx.clauses)
            for step in pipeline.STEPS:
                ctx.add(timed(step[0], pipeline._load(step[1]), ctx))
    return spent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", default="dates,plan_changes,anchor_year",
                    help="comma-separated step names (pipeline.STEPS, anchor_year, nlp.parse, clauses)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sets", default=None,
                    help="comma-separated bench_extract sets (corpus, holdouts, real_dev, pdf); default all")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    from inkoopgraaf.extract.readers import read_document
    steps = set(args.steps.split(","))
    bench_extract.warm_up()
    sets = bench_extract.bench_sets()
    chosen = args.sets.split(",") if args.sets else list(sets)
    docs = [read_document(f) for name in chosen for f in sets[name]]
    best = min((run_round(docs, steps) for _ in range(args.rounds)), key=lambda r: sum(r.values()))
    print(f"{len(docs)} documents, {sum(len(d.text) for d in docs) / 1000:.1f} KB, best of {args.rounds}:  "
          + "  ".join(f"{k} {v:.3f} s" for k, v in sorted(best.items())) + f"  total {sum(best.values()):.3f} s")
    if args.profile:
        profiler = cProfile.Profile()
        run_round(docs, steps, profiler)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
