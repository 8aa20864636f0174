"""Benchmark: end-to-end read + extract throughput against spaCy tokenisation and dateparser.

    .venv/bin/python bench/bench_extract.py [--rounds 1] [--profile] [--no-dateparser]

Sets: ``corpus/``, every ``tests/data/holdout*/docs`` (together), ``../shared/real/dev/docs``
and ``../shared/pdf``. Per set, in the same run and on the same texts, measured in
process CPU seconds (the machine is shared, so wall time says little):

- ours: ``read_document`` + ``extract_document`` of every file (KB of text per CPU-second);
- spaCy: ``spacy.blank("nl")`` tokenisation of the texts ours read;
- dateparser: ``dateparser.search_dates(text, languages=['nl'])`` of the same texts.

Ratios (ours / spaCy, ours / dateparser: how many times more CPU ours needs) are the
figures to compare across runs; KB/s swings with the load of the machine.
``--profile`` adds the functions with the largest own-time share (cProfile) and the
share of each extraction step.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def bench_sets() -> dict[str, list[Path]]:
    from inkoopgraaf.extract.readers import discover
    folders = {"corpus": [ROOT / "corpus"],
               "holdouts": sorted((ROOT / "tests" / "data").glob("holdout*/docs")),
               "real_dev": [SHARED / "real" / "dev" / "docs"],
               "pdf": [SHARED / "pdf"]}
    return {name: discover([d for d in dirs if d.is_dir()]) for name, dirs in folders.items()
            if any(d.is_dir() for d in dirs)}


def cpu(fn, *args):
    t = time.process_time()
    out = fn(*args)
    return time.process_time() - t, out


def run_ours(files: list[Path]) -> list[str]:
    from inkoopgraaf.extract.pipeline import extract_document
    from inkoopgraaf.extract.readers import read_document
    texts = []
    for f in files:
        doc = read_document(f)
        extract_document(doc)
        texts.append(doc.text)
    return texts


def run_spacy(nlp, texts: list[str]) -> None:
    nlp.max_length = max([nlp.max_length] + [len(t) + 1 for t in texts])
    for t in texts:
        nlp(t)


def run_dateparser(texts: list[str]) -> None:
    from dateparser.search import search_dates
    settings = {"RELATIVE_BASE": datetime(2024, 1, 1)}
    for t in texts:
        search_dates(t, languages=["nl"], settings=settings)


def warm_up() -> None:
    """Load the pipeline, taxonomy, rules and the PDF reader's Dutch word list once, so no set
    pays for them (each is loaded once per process; the word list alone took 0.23-0.3 s, which
    before round 3 was counted in the pdf set's reading). Since round 4 also the one-word-at-a-time
    patterns of the segment wordings (compiled on first use: ~160 patterns, 0.15-0.2 s once per
    process, which the first set with a lot wording used to pay). Since round 6 also the HTML
    reader's parser (BeautifulSoup and soupsieve, imported on the first HTML file: ~0.13-0.15 s once
    per process, which the hold-outs, the first set with an HTML file, used to pay)."""
    from inkoopgraaf.extract.document import Document, Block
    from inkoopgraaf.extract.pipeline import extract_document
    from inkoopgraaf.extract.readers.pdf import _dutch_words
    from inkoopgraaf.extract.segments.terms import _term_rx
    from inkoopgraaf.models.taxonomy import load_taxonomy
    _dutch_words()
    try:
        from inkoopgraaf.extract.readers.html import _parse
        _parse(b"<html><body><p>warm</p></body></html>", "utf-8")
    except ImportError:                        # a tree without the HTML reader's _parse
        pass
    for entry in load_taxonomy().segments.values():
        for term in entry.terms:
            _term_rx(term)
    text = "Segment Ambulant: wordt voortaan bekostigd met een lumpsum per 1 januari 2025."
    extract_document(Document("warm", "warm.txt", "", "txt", text, blocks=[Block("paragraph", 0, len(text))]))


def step_shares(files: list[Path]) -> dict[str, float]:
    """CPU seconds per extraction step (plus reading, the spaCy parse and the clause layer) over
    ``files``; each step runs as ``extract_document`` runs it (the collector paused per document)."""
    from inkoopgraaf.extract import pipeline
    from inkoopgraaf.extract.readers import read_document
    try:
        from inkoopgraaf.models.gc_pause import collector_paused
    except ImportError:                        # a tree from before round 3
        from contextlib import nullcontext as collector_paused
    shares: dict[str, float] = {}
    for f in files:
        t, doc = cpu(read_document, f)
        shares["read"] = shares.get("read", 0.0) + t
        with collector_paused(len(doc.text) <= getattr(pipeline, "GC_PAUSE_CHARS", 0)):
            _document_steps(doc, shares)
    return shares


def _document_steps(doc, shares: dict[str, float]) -> None:
    from inkoopgraaf.extract import pipeline
    from inkoopgraaf.extract.context import ExtractionContext
    t, ctx = cpu(lambda: ExtractionContext(doc=doc, year=pipeline.anchor_year(doc)))
    shares["anchor_year"] = shares.get("anchor_year", 0.0) + t
    t, _ = cpu(lambda: ctx.spacy_doc)
    shares["nlp.parse"] = shares.get("nlp.parse", 0.0) + t
    t, _ = cpu(lambda: ctx.clauses)            # the shared clause layer (before round 3: in decisions)
    shares["clauses"] = shares.get("clauses", 0.0) + t
    for step in pipeline.STEPS:
        name, target = step[0], step[1]
        t, facts = cpu(pipeline._load(target), ctx)
        ctx.add(facts)
        shares[name] = shares.get(name, 0.0) + t


def profile(files: list[Path], top: int) -> None:
    pr = cProfile.Profile()
    pr.enable()
    run_ours(files)
    pr.disable()
    st = pstats.Stats(pr)
    total = sum(v[2] for v in st.stats.values())
    rows = sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]
    print(f"\ntop {top} functions by own time (cProfile, {total:.1f} s profiled):")
    for (fname, line, func), v in rows:
        print(f"  {100 * v[2] / total:5.1f} %  {Path(fname).name}:{line} {func}")
    shares = step_shares(files)
    tot = sum(shares.values())
    print("\nshare per step (CPU, no profiler):")
    for name, t in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"  {100 * t / tot:5.1f} %  {name} ({t:.2f} s)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=1, help="repeat each measurement, keep the fastest")
    ap.add_argument("--profile", action="store_true", help="also print profile shares over all sets")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the (slow) dateparser baseline")
    ap.add_argument("--top", type=int, default=12)
    args = ap.parse_args(argv)
    import spacy
    warm_up()
    blank = spacy.blank("nl")           # built once, outside the timing, as our pipeline is
    run_spacy(blank, ["warm"])
    sets = bench_sets()
    print(f"{'set':9} {'files':>5} {'KB':>7} {'ours s':>7} {'KB/s':>7} {'spaCy s':>7} {'spaCy KB/s':>10} "
          f"{'×spaCy':>7} {'dateparser s':>12} {'×dateparser':>11}")
    tot = [0.0, 0.0, 0.0, 0.0]
    for name, files in sets.items():
        ours, texts = min((cpu(run_ours, files) for _ in range(args.rounds)), key=lambda r: r[0])
        kb = sum(len(t) for t in texts) / 1000
        spc = min(cpu(run_spacy, blank, texts)[0] for _ in range(args.rounds))
        dp = None if args.no_dateparser else cpu(run_dateparser, texts)[0]
        tot = [tot[0] + kb, tot[1] + ours, tot[2] + spc, tot[3] + (dp or 0.0)]
        print(f"{name:9} {len(files):5d} {kb:7.1f} {ours:7.2f} {kb / ours:7.1f} {spc:7.2f} {kb / spc:10.1f} "
              f"{ours / spc:7.2f} " + (f"{dp:12.2f} {dp / ours:10.2f}x" if dp is not None else f"{'-':>12} {'-':>11}"))
    kb, ours, spc, dp = tot
    print(f"{'all':9} {'':5} {kb:7.1f} {ours:7.2f} {kb / ours:7.1f} {spc:7.2f} {kb / spc:10.1f} {ours / spc:7.2f} "
          + (f"{dp:12.2f} {dp / ours:10.2f}x" if dp else ""))
    print("×spaCy: CPU of ours / CPU of spaCy blank('nl') tokenisation (goal ≤ 2); "
          "×dateparser: CPU of dateparser / CPU of ours (how much faster ours is end to end)")
    if args.profile:
        profile([f for files in sets.values() for f in files], args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
