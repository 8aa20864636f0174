"""Scale test: cold, no-change, one-changed, one-added and one-removed builds at N documents.

    .venv/bin/python bench/bench_scale.py 100 1000          # --jobs 2 --work /tmp/inkoopgraaf_scale
    .venv/bin/python bench/bench_scale.py 100 --exe OTHER/.venv/bin/inkoopgraaf   # another checkout
    .venv/bin/python bench/bench_scale.py 100 -- --no-report                    # options for build
    .venv/bin/python bench/bench_scale.py 100 300 1000 --graph-fit /tmp/inkoopgraaf_scale/out_1000

The corpus is synthetic and deterministic: document i is always made from the
same source text (the seeds in corpus/, tests/data/holdout*/docs and
../shared/real/dev/docs; .txt, .md, .html) with its years shifted, its region
and municipality names swapped for others from the gazetteer and its length
varied (cut to half, or paragraphs repeated up to three times). So the first
100 documents of the 1,000-document corpus are the 100-document corpus, and
times at several N can be fitted against N.

Each build runs ``inkoopgraaf build`` as a child process; its CPU time
(user + sys of the child and everything it waited for: the pool's workers)
and peak RSS come from ``os.wait4``. A benchmark, not a test: it measures and
prints, it asserts nothing. Output: a Markdown table per N, the sizes of the
files of the current snapshot, and the least-squares fit ``cpu = a + b*N``
(with the exponent of a log-log fit) per build kind when more than one N is
given.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus", *sorted((ROOT / "tests" / "data").glob("holdout*/docs")),
           ROOT.parent / "shared" / "real" / "dev" / "docs"]
GAZETTEER = ROOT / "models" / "data" / "gazetteer"
SUFFIXES = (".txt", ".md", ".html")
SEED = 14
KINDS = ("cold", "no-change", "one-changed", "one-added", "one-removed")


# --------------------------------------------------------------------------- corpus
def source_texts() -> list[tuple[str, str, str]]:
    """(stem, suffix, text) of every usable source file, in a fixed order."""
    out = []
    for folder in SOURCES:
        for p in sorted(folder.glob("*")) if folder.is_dir() else []:
            if p.suffix.lower() in SUFFIXES and p.name != "README.md":
                out.append((p.stem, p.suffix.lower(), p.read_text(encoding="utf-8", errors="replace")))
    return out


def gazetteer_names() -> tuple[list[str], list[str]]:
    """Region names and municipality names (5+ letters: short ones are also Dutch words)."""
    with open(GAZETTEER / "jeugdregios.csv", encoding="utf-8") as fh:
        regions = set()
        for row in csv.DictReader(fh):   # "IJmond (Midden Kennemerland)": both parts are written
            name = row["region_name"]
            regions.update([name, re.sub(r"\s*\(.*\)", "", name), *re.findall(r"\((.*)\)", name),
                            *row["aliases"].split("|")])
        regions = sorted(n.strip() for n in regions if len(n.strip()) >= 5)
    with open(GAZETTEER / "municipalities.csv", encoding="utf-8") as fh:
        munis = sorted({row["name"] for row in csv.DictReader(fh) if len(row["name"]) >= 5})
    return regions, munis


def _swapper(names: list[str], rng: random.Random):
    shuffled = names[:]
    rng.shuffle(shuffled)
    mapping = dict(zip(names, shuffled))
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    return lambda text: pattern.sub(lambda m: mapping[m.group(1)], text)


def _shift_years(text: str, shift: int) -> str:
    return re.sub(r"\b(20[1-2]\d)\b", lambda m: str(int(m.group(1)) + shift), text)


def _vary_length(text: str, factor: float) -> str:
    paras = text.split("\n\n")
    if factor < 1:
        return "\n\n".join(paras[: max(1, int(len(paras) * factor))])
    whole = int(factor)
    return "\n\n".join(paras * whole + paras[: int(len(paras) * (factor - whole))])


def make_document(i: int, sources, regions, munis) -> tuple[str, str]:
    """(file name, text) of synthetic document i: the same for every N."""
    rng = random.Random(SEED * 1_000_003 + i)
    stem, suffix, text = sources[i % len(sources)]
    text = _shift_years(text, rng.randint(-3, 3))
    text = _swapper(regions, rng)(text)
    text = _swapper(munis, rng)(text)
    text = _vary_length(text, rng.choice((0.5, 1.0, 1.0, 1.5, 2.0, 3.0)))
    return f"{i:05d}_{stem[:24]}{suffix}", text


def write_corpus(folder: Path, n: int) -> int:
    """Write documents 0..n-1 into folder (reused when it already holds them); total bytes."""
    sources = source_texts()
    regions, munis = gazetteer_names()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        name, text = make_document(i, sources, regions, munis)
        path = folder / name
        data = text.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        total += len(data)
    return total


# --------------------------------------------------------------------------- builds
def run_build(exe: str, corpus: Path, out: Path, jobs: int, extra: list[str]) -> dict:
    """One ``inkoopgraaf build`` as a child: wall s, CPU s (child + its children), peak RSS MB."""
    cmd = [exe, "build", str(corpus), "--out", str(out), "--jobs", str(jobs), *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    last = [line for line in stderr.splitlines() if line.strip()][-2:]
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "rc": proc.returncode, "last": " | ".join(last)[:300]}


def output_sizes(out: Path) -> dict[str, int]:
    """Bytes per top-level name of the current snapshot (folders summed)."""
    gen = (out / ".snapshots" / "current").resolve()
    sizes = {}
    for p in sorted(gen.iterdir()) if gen.is_dir() else []:
        if p.is_dir():
            sizes[p.name + "/"] = sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        else:
            sizes[p.name] = p.stat().st_size
    return sizes


def bench_n(n: int, work: Path, exe: str, jobs: int, extra: list[str]) -> dict:
    corpus, out = work / f"corpus_{n}", work / f"out_{n}"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    size = write_corpus(corpus, n)
    runs = {"cold": run_build(exe, corpus, out, jobs, extra)}
    sizes = output_sizes(out)
    runs["no-change"] = run_build(exe, corpus, out, jobs, extra)
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nDe gemeenteraad besluit op 3 maart 2031 "
                     "de inkoop van dyslexiezorg met een lumpsum te financieren.\n", encoding="utf-8")
    runs["one-changed"] = run_build(exe, corpus, out, jobs, extra)
    sources, (regions, munis) = source_texts(), gazetteer_names()
    name, text = make_document(n, sources, regions, munis)
    (corpus / name).write_text(text, encoding="utf-8")
    runs["one-added"] = run_build(exe, corpus, out, jobs, extra)
    sorted(corpus.iterdir())[1].unlink()
    runs["one-removed"] = run_build(exe, corpus, out, jobs, extra)
    return {"n": n, "corpus_bytes": size, "runs": runs, "sizes": sizes}


# --------------------------------------------------------------------------- report
def print_result(res: dict) -> None:
    print(f"\n### N = {res['n']} ({res['corpus_bytes'] / 1024:.0f} KB of source text)\n")
    print("| build | CPU s | wall s | peak RSS MB | exit | last lines |")
    print("|---|---|---|---|---|---|")
    for kind in KINDS:
        r = res["runs"][kind]
        print(f"| {kind} | {r['cpu']:.2f} | {r['wall']:.2f} | {r['rss_mb']:.0f} | {r['rc']} | {r['last']} |")
    total = sum(res["sizes"].values())
    print(f"\nOutputs after the cold build: {total / 2**20:.1f} MB — "
          + ", ".join(f"{k} {v / 2**20:.2f}" for k, v in sorted(res["sizes"].items(), key=lambda kv: -kv[1])))


def fit(ns: list[int], ys: list[float]) -> tuple[float, float, float | None]:
    """Least squares y = a + b*N, and the exponent k of y ∝ N^k (log-log), when defined."""
    m = len(ns)
    mx, my = sum(ns) / m, sum(ys) / m
    sxx = sum((x - mx) ** 2 for x in ns)
    b = sum((x - mx) * (y - my) for x, y in zip(ns, ys)) / sxx
    a = my - b * mx
    k = None
    if all(y > 0 for y in ys):
        lx, ly = [math.log(x) for x in ns], [math.log(y) for y in ys]
        mlx, mly = sum(lx) / m, sum(ly) / m
        k = sum((x - mlx) * (y - mly) for x, y in zip(lx, ly)) / sum((x - mlx) ** 2 for x in lx)
    return a, b, k


def print_fit(results: list[dict]) -> None:
    ns = [r["n"] for r in results]
    print("\n### Fit of CPU seconds against N (least squares)\n")
    print("| build | a (s) | b (ms per document) | exponent k (CPU ∝ N^k) |")
    print("|---|---|---|---|")
    for kind in KINDS:
        a, b, k = fit(ns, [r["runs"][kind]["cpu"] for r in results])
        print(f"| {kind} | {a:.2f} | {b * 1000:.1f} | {'' if k is None else f'{k:.2f}'} |")


def graph_fit(outputs: Path, sizes: list[int]) -> None:
    """CPU seconds of ``build_graph`` on the first N documents of a build, fitted against N
    (the graph is built from facts, documents and texts, as build does)."""
    from inkoopgraaf.models import graph
    from inkoopgraaf.models.io import resolve_snapshot
    from inkoopgraaf.models.tables import load_inputs, load_texts
    snap = resolve_snapshot(outputs)
    facts, docs = load_inputs(snap)
    texts = load_texts(snap)
    print("\n### Graph build, CPU seconds\n\n| documents | facts | CPU s |\n|---|---|---|")
    ns, ys = [], []
    for n in sizes:
        keep = {str(d["id"]) for d in docs[:n]}
        sub = [f for f in facts if f.doc in keep]
        t0 = time.process_time()
        graph.build_graph(sub, docs[:n], {k: v for k, v in texts.items() if k in keep})
        ns.append(n)
        ys.append(time.process_time() - t0)
        print(f"| {n} | {len(sub)} | {ys[-1]:.2f} |")
    if len(ns) > 1:
        a, b, k = fit(ns, ys)
        print(f"\nfit: {a:.2f} s + {b * 1000:.2f} ms per document; CPU ∝ N^{k:.2f}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="+", type=int, help="numbers of documents, e.g. 100 1000")
    ap.add_argument("--work", type=Path, default=Path("/tmp/inkoopgraaf_scale"))
    ap.add_argument("--exe", default=str(Path(sys.executable).parent / "inkoopgraaf"))
    ap.add_argument("--jobs", type=int, default=1,
                    help="1 (default): all CPU time is in the build process; pool workers are forked by a "
                         "fork server the build does not wait for, so their CPU time is not counted")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    ap.add_argument("--graph-fit", type=Path, metavar="OUTPUTS",
                    help="instead: time the graph build on the first N documents of this build folder")
    argv = list(sys.argv[1:] if argv is None else argv)
    cut = argv.index("--") if "--" in argv else len(argv)
    args, extra = ap.parse_args(argv[:cut]), argv[cut + 1:]   # after --: more options for build
    if args.graph_fit:
        graph_fit(args.graph_fit, args.sizes)
        return
    results = []
    for n in args.sizes:
        res = bench_n(n, args.work, args.exe, args.jobs, extra)
        print_result(res)
        results.append(res)
        sys.stdout.flush()
    if len(results) > 1:
        print_fit(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
