"""Benchmark: our Dutch date grammar vs dateparser.search_dates on the same texts.

    .venv/bin/python bench/bench_dates.py [--gold /work/shared/dev-gold] [--pdf-dir /work/shared/pdf]

Texts: the seed documents (corpus/*.txt, read with the project's reader) and the
text layer of the test PDFs (extracted here with pypdfium2). Reports, in one run:

- throughput (characters per second) of ``find_dates`` and of
  ``dateparser.search_dates(text, languages=['nl'])`` with a fixed RELATIVE_BASE,
  and their ratio;
- on the seeds with gold (dev-gold), strict and lenient date F1 of both (same
  definition as tools/score.py: multiset of (start, end) intervals per document;
  lenient matches on start only). dateparser returns points, so each hit
  becomes a one-day interval.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pdf_texts(pdf_dir: Path) -> dict[str, str]:
    import pypdfium2 as pdfium
    out = {}
    for p in sorted(pdf_dir.glob("*.pdf")):
        try:
            pdf = pdfium.PdfDocument(str(p))
            out[p.stem] = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        except Exception as exc:  # noqa: BLE001 - a broken PDF is reported, not fatal
            print(f"skip {p.name}: {exc}", file=sys.stderr)
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(system: dict[str, list[tuple[str, str]]], gold: dict[str, list[tuple[str, str]]]):
    res = {}
    for name, key in (("strict", lambda x: x), ("lenient", lambda x: x[0])):
        tp = fp = fn = 0
        for doc, g in gold.items():
            s = collections.Counter(key(x) for x in system.get(doc, []))
            gg = collections.Counter(key(x) for x in g)
            t = sum((s & gg).values())
            tp += t
            fp += sum(s.values()) - t
            fn += sum(gg.values()) - t
        res[name] = prf(tp, fp, fn)
    return res


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="/work/shared/dev-gold")
    ap.add_argument("--pdf-dir", default="/work/shared/pdf")
    ap.add_argument("--repeat", type=int, default=5, help="repetitions of our (fast) run for a stable timing")
    args = ap.parse_args(argv)

    import dateparser.search
    from inkoopgraaf.extract.context import ExtractionContext
    from inkoopgraaf.extract.dates import detect_document_year, extract_dates, find_dates
    from inkoopgraaf.extract.readers import read_document

    seeds = {p.stem: read_document(p) for p in sorted((ROOT / "corpus").glob("*.txt"))}
    texts = {k: d.text for k, d in seeds.items()}
    texts.update(pdf_texts(Path(args.pdf_dir)))
    n_chars = sum(len(t) for t in texts.values())
    print(f"{len(texts)} texts, {n_chars} characters")

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        ours = {k: find_dates(t, 2022) for k, t in texts.items()}
    t_ours = (time.perf_counter() - t0) / args.repeat

    base = datetime(2022, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period"}
    theirs = {}
    t0 = time.perf_counter()
    for k, t in texts.items():
        try:
            theirs[k] = dateparser.search.search_dates(t, languages=["nl"], settings=settings) or []
        except Exception as exc:  # noqa: BLE001
            print(f"dateparser failed on {k}: {exc}", file=sys.stderr)
            theirs[k] = []
    t_dp = time.perf_counter() - t0

    print(f"ours:       {t_ours:8.3f} s  {n_chars / t_ours:12.0f} chars/s  {sum(map(len, ours.values()))} dates")
    print(f"dateparser: {t_dp:8.3f} s  {n_chars / t_dp:12.0f} chars/s  {sum(map(len, theirs.values()))} dates")
    print(f"speed-up:   {t_dp / t_ours:.1f}x")

    gold_dir = Path(args.gold)
    gold = {}
    for gp in sorted(gold_dir.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        if g["doc"] in seeds:
            gold[g["doc"]] = [(d["start"], d["end"]) for d in g.get("dates", [])]
    if gold:
        ours_sys = {}
        for k, doc in seeds.items():
            ctx = ExtractionContext(doc=doc, year=detect_document_year(doc))
            ours_sys[k] = [(f.value["start"], f.value["end"]) for f in extract_dates(ctx)]
        dp_sys = {k: [(d.date().isoformat(), d.date().isoformat()) for _, d in theirs.get(k, [])] for k in seeds}
        so, sd = score(ours_sys, gold), score(dp_sys, gold)
        print(f"\nseed F1 ({len(gold)} docs)        ours   dateparser")
        for m in ("strict", "lenient"):
            print(f"  dates {m:8s} P/R/F1  {so[m][0]:.3f}/{so[m][1]:.3f}/{so[m][2]:.3f}   "
                  f"{sd[m][0]:.3f}/{sd[m][1]:.3f}/{sd[m][2]:.3f}")


if __name__ == "__main__":
    main()
