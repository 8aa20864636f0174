"""One long document: read + extract a text of the seed documents repeated, in a fresh process per size.

    .venv/bin/python bench/bench_long.py 0.25 1 4 10            # sizes in MB (of characters)
    .venv/bin/python bench/bench_long.py 4 --profile 40         # cProfile, the 40 largest cumulative entries
    .venv/bin/python bench/bench_long.py 1 --format md           # the same text as Markdown
    .venv/bin/python bench/bench_long.py 1 4 --whole             # as before round 4: one piece, no parts
    .venv/bin/python bench/bench_long.py --pdf ../shared/pdf/hervormingsagenda-jeugd-2023-2028.pdf --times 1 10
                                                                 # a long PDF: that file's pages N times over

Each size runs in its own child process (peak RSS is that process's), and prints CPU seconds of
``read_document`` + ``extract_document`` (the warm-up excluded), ms per KB, the number of facts and
the child's peak RSS. The text is made here, not committed: ``corpus/`` repeated and cut to size at a
line end, each copy separated by a blank line.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seeds_text(chars: int) -> str:
    """The seed documents repeated, cut after a line end at or before ``chars`` characters."""
    unit = "\n\n".join(p.read_text("utf-8").strip() for p in sorted((ROOT / "corpus").glob("*.txt"))) + "\n\n"
    text = unit * (chars // len(unit) + 1)
    cut = text.rfind("\n", 0, chars) + 1
    return text[:cut or chars]


def repeated_pdf(source: Path, times: int, target: Path) -> int:
    """A PDF of ``source``'s pages ``times`` over (pypdfium2 copies the pages); its page count."""
    import pypdfium2 as pdfium
    src, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    for _ in range(times):
        out.import_pages(src)
    out.save(str(target))
    n = len(out)
    out.close()
    src.close()
    return n


def _child(path: str, profile: int, whole: bool) -> dict:
    from inkoopgraaf.extract.pipeline import extract_document
    from inkoopgraaf.extract.readers import read_document
    if whole:       # the whole text in one piece, read at once and handed to the extractors whole
        from inkoopgraaf.extract import blocks
        from inkoopgraaf.extract.readers import text
        blocks.PART_CHARS = text.STREAM_BYTES = 1 << 40
    warm = Path(path).with_name("warm.txt")
    warm.write_text(seeds_text(20_000), "utf-8")
    extract_document(read_document(warm))
    t0 = time.process_time()
    if profile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.enable()
    doc = read_document(path)
    facts = extract_document(doc)
    cpu = time.process_time() - t0
    if profile:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": len(doc.text), "cpu": cpu, "facts": len(facts), "rss_mb": rss}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=float, default=[0.25, 1, 4, 10], help="sizes in MB of text")
    ap.add_argument("--format", default="txt", choices=("txt", "md"))
    ap.add_argument("--profile", type=int, default=0, help="print this many cProfile lines (stderr)")
    ap.add_argument("--pdf", type=Path, help="measure a PDF made of this file's pages repeated (--times)")
    ap.add_argument("--times", type=int, nargs="*", default=[1, 10], help="with --pdf: how many copies")
    ap.add_argument("--whole", action="store_true", help="no parts, no streaming (how it was before round 4)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.profile, args.whole)))
        return 0
    print("| size | CPU s | ms/KB | facts | peak RSS |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (args.times if args.pdf else args.sizes):
            if args.pdf:
                path = Path(tmp) / "long.pdf"
                pages = repeated_pdf(args.pdf, int(mb), path)
                mb = f"{pages} pages ({int(mb)}×)"
            else:
                path = Path(tmp) / f"long.{args.format}"
                path.write_text(seeds_text(int(mb * 1_000_000)), "utf-8")
                mb = f"{mb:g} MB"
            out = subprocess.run([sys.executable, __file__, "--child", str(path), "--profile", str(args.profile)]
                                 + (["--whole"] if args.whole else []),
                                 text=True, check=True, stdout=subprocess.PIPE)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {mb} ({r['chars'] / 1e6:.2f} M chars) | {r['cpu']:.1f} | {r['cpu'] * 1000 / (r['chars'] / 1000):.2f} | "
                  f"{r['facts']:,} | {r['rss_mb']:.0f} MB |", flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
