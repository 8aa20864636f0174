"""Process many files: in parallel, with a cache, never stopping on one bad file."""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .extract.pipeline import DocResult, process_file


def _progress(total: int, desc: str):
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    # A bar on a terminal only: logs and pipes stay clean.
    return tqdm(total=total, desc=desc, unit="doc", disable=not sys.stderr.isatty() or total < 2,
                leave=False, file=sys.stderr)


def run_batch(paths: list[Path], manifest: dict, cache_dir: Path | None, jobs: int = 1) -> list[DocResult]:
    """Results in the order of ``paths``; failures are results with status 'failed'."""
    results: dict[int, DocResult] = {}
    bar = _progress(len(paths), "extracting")

    def meta(p: Path) -> dict:
        return manifest.get(p.name) or manifest.get(p.stem) or {}

    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(process_file, p, meta(p), cache_dir): i for i, p in enumerate(paths)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as exc:  # a crashed worker: record it, keep the batch
                    from .extract.pipeline import _record
                    results[i] = DocResult(_record(paths[i], None, f"worker crashed: {exc}", None))
                if bar:
                    bar.update()
    else:
        for i, p in enumerate(paths):
            results[i] = process_file(p, meta(p), cache_dir)
            if bar:
                bar.update()
    if bar:
        bar.close()
    return _with_unique_ids(paths, [results[i] for i in range(len(paths))])


def _with_unique_ids(paths: list[Path], results: list[DocResult]) -> list[DocResult]:
    """Hook for issue 12: batch-unique document ids (inkoopgraaf/docids.py decides)."""
    from .docids import apply_doc_id, assign_doc_ids
    ids, warnings = assign_doc_ids(paths)
    for w in warnings:
        print(f"inkoopgraaf: warning: {w}", file=sys.stderr)
    for r, doc_id in zip(results, ids):
        apply_doc_id(r, doc_id)
    return results
