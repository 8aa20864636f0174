"""Process many files: in parallel, with a cache, never stopping on one bad file.

Three engines run the same per-document function (:func:`run_document`):

- ``jobs == 1``: in this process (a time budget through ``SIGALRM``);
- ``jobs > 1``: a local process pool. Each worker builds the spaCy pipeline
  once (initializer) and is recycled after ``RECYCLE_AFTER`` documents (a
  leak or a fragmented heap never grows without end): the documents are run
  in rounds of ``jobs × RECYCLE_AFTER``, each on a fresh pool. A worker that dies
  (killed, out of memory) breaks the pool: the pool is rebuilt, documents
  that were only queued go on, and the document(s) that were running in it
  are retried once alone; one that kills its worker again is reported with
  the reason. A document over its time budget is killed by a watchdog, so a
  pathological file costs its budget, never the batch.
- ``engine="dask"``: Dask distributed (:mod:`inkoopgraaf.cluster`).

The cache is looked up and filled here, in the parent process, so workers
(possibly on other machines) only read and extract.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .extract.pipeline import (DocResult, cached_result, document_ids, failed_result, read_and_extract, spilled,
                               store_result)
from .extract.readers import DEFAULT_MAX_BYTES

RECYCLE_AFTER = 100        # documents per worker before it is replaced by a fresh one
WATCHDOG_GRACE = 5.0       # seconds past the budget before the watchdog kills a worker
POLL = 0.2                 # seconds between watchdog looks


@dataclass(frozen=True)
class Budget:
    """What one document may cost: bytes on disk and seconds of work (None: no limit)."""
    max_bytes: int | None = DEFAULT_MAX_BYTES
    seconds: float | None = 600.0

    def seconds_for(self, path=None) -> float | None:
        """The time budget of one file: ``seconds``, once more per :data:`BUDGET_BYTES` of a larger
        file. Text and PDFs are extracted in parts (extract/blocks.py), so their time grows with
        their size; the budget is there for a pathological file, not for a long one."""
        if not self.seconds or path is None:
            return self.seconds
        try:
            size = os.stat(path).st_size
        except OSError:
            return self.seconds
        return self.seconds * max(1.0, size / BUDGET_BYTES)

    def timeout_reason(self, path=None) -> str:
        seconds = self.seconds_for(path)
        if seconds == self.seconds:
            return (f"over the time budget of {self.seconds:g} s per document (a pathological file?); "
                    "raise it with --timeout")
        return (f"over the time budget of {seconds:.0f} s for this file ({self.seconds:g} s per "
                f"{BUDGET_BYTES / 2**20:g} MB; a pathological file?); raise it with --timeout")


#: A file gets the time budget once per this many bytes (see ``Budget.seconds_for``).
BUDGET_BYTES = 4 * 2**20


DIED = ("the worker process died while reading this document (killed, or out of memory), "
        "also when retried alone")


class DocumentTimeout(BaseException):
    """Raised by SIGALRM inside a document's work. A BaseException, so the
    extractors' own ``except Exception`` cannot swallow it."""


@contextlib.contextmanager
def _alarm(seconds: float | None):
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def ring(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_document(path, meta: dict | None, budget: Budget = Budget(), doc_id: str | None = None) -> DocResult:
    """The per-document function of every engine: read + extract one file, never raise."""
    try:
        with _alarm(budget.seconds_for(path)):
            return read_and_extract(path, meta, budget.max_bytes, doc_id)
    except DocumentTimeout:
        return failed_result(path, budget.timeout_reason(path), doc_id=doc_id)


def _progress(total: int, desc: str):
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency
        return None
    # A bar on a terminal only: logs and pipes stay clean.
    return tqdm(total=total, desc=desc, unit="doc", disable=not sys.stderr.isatty() or total < 2,
                leave=False, file=sys.stderr)


def run_batch(paths: list[Path], manifest: dict, cache_dir: Path | None, jobs: int = 1,
              budget: Budget = Budget(), engine: str = "local", scheduler: str | None = None,
              shas: list[str | None] | None = None, spill_dir: Path | None = None) -> list[DocResult]:
    """Results in the order of ``paths``; failures are results with status 'failed'.

    With a cache, every result that has an entry is a :class:`CachedResult`: its facts and
    document stay on disk until asked for, so a batch of 10,000 documents holds their
    records, not their texts; without a cache, ``spill_dir`` (a folder of the caller's) takes
    the entries instead. ``shas``: the files' sha256 when known (the build's stat index)."""
    results: dict[int, DocResult] = {}
    ids = _unique_ids(paths)
    bar = _progress(len(paths), "extracting")
    for i, result in iter_batch(paths, manifest, cache_dir, jobs, budget, engine, scheduler, ids=ids, shas=shas,
                                spill_dir=spill_dir):
        results[i] = result
        if bar:
            bar.update()
    if bar:
        bar.close()
    return [results[i] for i in range(len(paths))]


def _unique_ids(paths: list[Path]) -> list[str]:
    """Issue 12: batch-unique document ids (inkoopgraaf/docids.py decides), given to every
    engine with its task, so no result is renamed afterwards (a renamed cached result would
    have to load its facts)."""
    from .docids import assign_doc_ids
    ids, warnings = assign_doc_ids(paths)
    for w in warnings:
        print(f"inkoopgraaf: warning: {w}", file=sys.stderr)
    return ids


def iter_batch(paths: list[Path], manifest: dict, cache_dir: Path | None, jobs: int = 1,
               budget: Budget = Budget(), engine: str = "local", scheduler: str | None = None,
               ids: list[str] | None = None, shas: list[str | None] | None = None,
               spill_dir: Path | None = None) -> Iterator[tuple[int, DocResult]]:
    """(index into ``paths``, result) as each document completes: cache hits first. A fresh
    result is written to the cache (else to ``spill_dir``) and yielded as the entry holds it
    (not held in memory)."""
    metas = [manifest.get(p.name) or manifest.get(p.stem) or {} for p in paths]
    ids = ids or document_ids(paths)
    todo = []
    for i, p in enumerate(paths):
        hit = cached_result(p, metas[i], cache_dir, budget.max_bytes, ids[i], shas[i] if shas else None)
        if hit is not None:
            yield i, hit
        else:
            todo.append(i)
    tasks = [(i, paths[i], metas[i], ids[i]) for i in todo]
    if engine == "dask":
        from .cluster import dask_results
        fresh = dask_results(tasks, budget, scheduler, jobs)
    elif jobs > 1 and len(todo) > 1:
        fresh = pool_results(tasks, budget, jobs)
    else:
        fresh = ((i, run_document(path, meta, budget, doc_id)) for i, path, meta, doc_id in tasks)
    keep = cache_dir if cache_dir is not None else spill_dir
    for i, result in fresh:
        yield i, spilled(result, store_result(keep, paths[i], result))


# -- the local process pool -------------------------------------------------
_STARTED = None     # in a worker: the queue that tells the parent which document it started


def _init_worker(started) -> None:
    """Once per worker process: build the spaCy pipeline, keep the start queue."""
    global _STARTED
    _STARTED = started
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    from .extract.nlp import get_nlp
    get_nlp()


def _pool_task(i: int, path, meta: dict, budget: Budget, doc_id: str) -> tuple[int, DocResult]:
    if _STARTED is not None:
        _STARTED.put((i, os.getpid()))
    return i, run_document(path, meta, budget, doc_id)


#: None: forkserver where the platform has it, else spawn (fresh workers that do not inherit
#: the parent's threads). "fork" is accepted too.
START_METHOD: str | None = None


def _context():
    methods = multiprocessing.get_all_start_methods()
    method = START_METHOD or ("forkserver" if "forkserver" in methods else "spawn")
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        # the fork server imports the code once; every worker (and every recycled one) is forked
        # from it with spaCy and the extractors already imported, instead of importing them anew
        ctx.set_forkserver_preload(["inkoopgraaf.batch", "inkoopgraaf.extract.nlp"])
    return ctx


class _Round:
    """One pool's life: submit, watch, collect; ends when all are done or the pool broke."""

    def __init__(self, tasks, budget: Budget, workers: int):
        ctx = _context()
        # a queue per round: a worker killed while writing to it cannot leave the next round's
        # workers waiting on its lock
        self.started = ctx.SimpleQueue()
        self.budget = budget
        # Workers are recycled by rounds (pool_results), never by max_tasks_per_child: with it,
        # Python 3.11's executor counts every finished task as an idle worker and, once workers
        # exit at their limit, spawns no replacement — the pool hangs with documents queued
        # (CPython gh-115634; 2 workers × 100 hung at the 200th document).
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(self.started,))
        self.running: dict[int, tuple[int, float]] = {}   # index -> (worker pid, started at)
        self.finished: set[int] = set()
        self.timed_out: set[int] = set()
        self.pids: set[int] = set()     # every worker process that started a document
        self.unsent: list[tuple] = []   # tasks the pool could not take (it broke while starting)
        self.futures = {}
        self.limits = {task[0]: budget.seconds_for(task[1]) for task in tasks} if budget.seconds else {}
        for n, task in enumerate(tasks):
            try:
                self.futures[self.pool.submit(_pool_task, task[0], str(task[1]), task[2], budget, task[3])] = task
            except (BrokenProcessPool, EOFError, OSError):
                # a worker, or the fork server, died while the pool was starting processes:
                # these tasks were never sent, the next round takes them
                self.unsent = list(tasks[n:])
                break

    def _drain(self) -> None:
        while not self.started.empty():
            i, pid = self.started.get()
            self.pids.add(pid)
            if i not in self.finished:
                self.running[i] = (pid, time.monotonic())

    def _watchdog(self) -> None:
        if not self.budget.seconds:
            return
        for i, (pid, t0) in list(self.running.items()):
            limit = self.limits.get(i, self.budget.seconds) + WATCHDOG_GRACE
            if i not in self.timed_out and time.monotonic() - t0 > limit:
                self.timed_out.add(i)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def results(self) -> Iterator[tuple[int, DocResult]]:
        """Completed results; afterwards ``self.broken`` holds the tasks the broken pool lost."""
        self.broken: list[tuple] = list(self.unsent)
        pending = set(self.futures)
        try:
            while pending:
                done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
                self._drain()
                while done:
                    # a done future holds its result: once handed over, nothing here keeps it
                    fut = done.pop()
                    task = self.futures.pop(fut)
                    try:
                        i, result = fut.result()
                    except BrokenProcessPool:
                        self.broken.append(task)
                        continue
                    except Exception as exc:   # pickling or a bug outside run_document: this document only
                        i, result = task[0], failed_result(task[1], f"worker failed: {type(exc).__name__}: {exc}",
                                                           doc_id=task[3])
                    self.finished.add(i)
                    self.running.pop(i, None)
                    yield i, result
                    del result
                self._watchdog()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def suspects(self) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """Lost tasks split into (timed out, were running when the pool broke, only queued)."""
        self._drain()
        timed = [t for t in self.broken if t[0] in self.timed_out]
        running = [t for t in self.broken if t[0] in self.running and t[0] not in self.timed_out]
        queued = [t for t in self.broken if t[0] not in self.running]
        return timed, running, queued


#: pids of the worker processes of the last pool run (for diagnostics and tests)
LAST_WORKERS: set[int] = set()


def pool_results(tasks: list[tuple], budget: Budget, jobs: int) -> Iterator[tuple[int, DocResult]]:
    """Run tasks (index, path, meta, doc id) on a local process pool that survives dying workers."""
    LAST_WORKERS.clear()
    queue, alone, idle_rounds = deque(tasks), [], 0
    while queue:
        # a fresh pool per round: every worker is replaced after at most RECYCLE_AFTER documents
        chunk = [queue.popleft() for _ in range(min(len(queue), jobs * max(1, RECYCLE_AFTER)))]
        rnd = _Round(chunk, budget, min(jobs, len(chunk)))
        done = 0
        for item in rnd.results():
            done += 1
            yield item
        timed, running, queued = rnd.suspects()
        LAST_WORKERS.update(rnd.pids)
        for i, path, _, doc_id in timed:
            yield i, failed_result(path, budget.timeout_reason(path), doc_id=doc_id)
        alone.extend(running)
        idle_rounds = 0 if done or running or timed else idle_rounds + 1
        if idle_rounds >= 2:    # workers die before they start anything: do not loop forever
            for i, path, _, doc_id in queued:
                yield i, failed_result(path, "the worker processes could not start (see the messages above)",
                                       doc_id=doc_id)
            queued = []
        queue.extendleft(reversed(queued))     # lost before they started: first in the next round
    for task in alone:      # each document that was running when a worker died: once more, alone
        rnd = _Round([task], budget, 1)
        yield from rnd.results()
        timed, running, queued = rnd.suspects()
        for i, path, _, doc_id in timed:
            yield i, failed_result(path, budget.timeout_reason(path), doc_id=doc_id)
        for i, path, _, doc_id in running + queued:
            yield i, failed_result(path, DIED, doc_id=doc_id)


# -- a batch's facts and texts, read one document at a time ------------------------------
class BatchFacts:
    """Every fact of a batch's results in batch order, read from each result as it is reached
    (a :class:`CachedResult` reads its cache entry): iterable again, never all in memory at once
    unless the consumer keeps them."""

    def __init__(self, results):
        self.results = results

    def __iter__(self):
        for r in self.results:
            yield from r.facts

    def __len__(self) -> int:
        return sum(r.fact_count for r in self.results)


class BatchTexts(Mapping):
    """doc id -> the extracted text of each result that has a document, read when asked for.

    :meth:`facts_of` gives a document's facts and keeps its text aside until it is asked for:
    a cached result's facts and text are one entry body, parsed once when both are read one
    after the other, but the report reads every fact of a region page before its texts, so
    without this each body of the page was parsed twice. At most :data:`PENDING_CHARS`
    characters are kept aside (the oldest dropped: read again if asked for)."""

    PENDING_CHARS = 64_000_000

    def __init__(self, results):
        self._by_id = {str(r.record["id"]): r for r in results if r.has_document}
        self._facts_by_id = {str(r.record["id"]): r for r in results}
        self._pending: dict[str, str] = {}
        self._pending_chars = 0

    def facts_of(self, doc: str) -> list:
        r = self._facts_by_id[doc]
        facts = r.facts
        if doc in self._by_id and doc not in self._pending:
            text = r.text           # the body just parsed for the facts: no second parse
            self._pending[doc] = text
            self._pending_chars += len(text)
            while self._pending_chars > self.PENDING_CHARS and len(self._pending) > 1:
                self._pending_chars -= len(self._pending.pop(next(iter(self._pending))))
        return facts

    def __getitem__(self, doc: str) -> str:
        text = self._pending.pop(doc, None)
        if text is None:
            return self._by_id[doc].text
        self._pending_chars -= len(text)
        return text

    def __iter__(self):
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)
