"""Reading benchmark: pages/s of our PDF reader vs pdfplumber's extract_text.

Both read the same PDFs in one run, each file once per round (best of
``--rounds``). Times are CPU seconds of this (single-threaded) process by
default: on a shared machine wall time measures the neighbours; ``--wall``
switches to wall-clock time. Our reader does more
than extract text (layout → blocks, ruled tables → rows with cells),
so the comparison is conservative for us. The "tables/rows" column shows the
table rows our reader found (pdfium grid → cells), so speed and table
coverage are reported by the same run.

    .venv/bin/python bench/bench_reading.py [--rounds 2] [--no-reference] [PDF_DIR_OR_FILES ...]

``--no-reference`` skips pdfplumber (~27 s CPU a round on the shared PDFs) for a
quick figure of our reader alone, e.g. before and after a change to it.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

DEFAULT_DIR = Path("/work/shared/pdf")


TABLE_ROWS: dict[str, tuple[int, int]] = {}


def _ours(path: Path) -> int:
    from inkoopgraaf.extract.readers.pdf import read_pdf

    doc = read_pdf(path)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    TABLE_ROWS[path.name] = (len({b.table for b in rows}), len(rows))
    return len(doc.pages)


def _pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


CLOCK = time.process_time


def _best_time(fn, path: Path, rounds: int) -> tuple[int, float]:
    best = float("inf")
    pages = 0
    for _ in range(rounds):
        t0 = CLOCK()
        pages = fn(path)
        best = min(best, max(CLOCK() - t0, 1e-6))
    return pages, best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_DIR])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--wall", action="store_true", help="wall-clock instead of CPU time")
    ap.add_argument("--no-reference", action="store_true", help="time our reader only (no pdfplumber)")
    args = ap.parse_args(argv)
    global CLOCK
    CLOCK = time.perf_counter if args.wall else time.process_time
    files = sorted(f for p in args.paths for f in ([p] if p.is_file() else p.glob("*.pdf")))
    if not files:
        raise SystemExit("no PDF files found")
    _ours(files[0])  # warm up imports and pdfium so the first file is not penalised

    rows = []
    for f in files:
        n, t_ours = _best_time(_ours, f, args.rounds)
        if args.no_reference:
            rows.append((f.name, n, t_ours, float("nan")))
            continue
        try:
            n_pl, t_pl = _best_time(_pdfplumber, f, args.rounds)
        except Exception as exc:  # pdfplumber fails on some damaged files: say so, do not crash
            n_pl, t_pl = 0, float("nan")
            print(f"pdfplumber failed on {f.name}: {type(exc).__name__}: {exc}")
        rows.append((f.name, n, t_ours, t_pl))

    w = max(len(r[0]) for r in rows)
    print(f"{'file':<{w}}  pages  ours s  ours p/s  tables/rows  plumber s  plumber p/s  ratio")
    for name, n, a, b in rows:
        t, r = TABLE_ROWS.get(name, (0, 0))
        print(f"{name:<{w}}  {n:5d}  {a:6.2f}  {n / a:8.1f}  {f'{t}/{r}':>11}  {b:9.2f}  {n / b:11.1f}  {b / a:5.1f}×")
    pages = sum(r[1] for r in rows)
    ours = sum(r[2] for r in rows)
    plumber = sum(r[3] for r in rows if r[3] == r[3]) or float("nan")
    n_tables = sum(t for t, _ in TABLE_ROWS.values())
    n_rows = sum(r for _, r in TABLE_ROWS.values())
    print(f"{'TOTAL':<{w}}  {pages:5d}  {ours:6.2f}  {pages / ours:8.1f}  {f'{n_tables}/{n_rows}':>11}  {plumber:9.2f}  "
          f"{pages / plumber:11.1f}  {plumber / ours:5.1f}×")
    clock = f"{args.rounds} rounds, best per file, {'wall' if args.wall else 'CPU'} time"
    print(f"\nour reader (with tables: {n_tables} tables, {n_rows} rows): {ours:.3f} s, {pages / ours:.1f} pages/s", end="")
    if args.no_reference:
        print(f" ({clock})")
    else:
        print(f", pdfplumber extract_text: {pages / plumber:.1f} pages/s, ratio {plumber / ours:.1f}× ({clock})")


if __name__ == "__main__":
    main()
