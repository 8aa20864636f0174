"""The Dask distributed engine: the same per-document function on many machines.

``inkoopgraaf build CORPUS --engine dask --scheduler tcp://HOST:8786`` sends
one task per document to a running scheduler: a file up to 4 MB travels as
bytes, a larger one as its path (then the corpus must be on storage every
worker sees at the same path); without ``--scheduler`` a
``LocalCluster`` of ``--jobs`` worker processes is started on this machine.
Each worker builds the spaCy pipeline once (:class:`WarmPipeline`). Results
stream back as they complete; the parent keeps the cache and writes the
outputs, so workers need no access to the output folder.

A worker that dies (killed, out of memory) has its documents rescheduled
by Dask on the other workers; a document that keeps killing workers ends
as ``KilledWorker`` after the scheduler's ``allowed-failures`` and is
reported as failed with that reason; the batch goes on.

Needs the optional extra: ``pip install 'inkoopgraaf[cluster]'``.
"""
from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
import uuid
from pathlib import Path
from typing import Iterator

from .batch import Budget, run_document
from .extract.pipeline import DocResult, failed_result

KILLED = ("the Dask workers running this document died each time it was tried (killed, or out of memory): "
          "{exc}")


#: files up to this size are sent to the workers as bytes; larger ones are read by path
SEND_BYTES_LIMIT = 4 * 1024 * 1024
#: how long to wait for a scheduler to answer before saying so
CONNECT_TIMEOUT = "30s"


class EngineUnavailable(RuntimeError):
    pass


try:  # the plugin base class, when the extra is installed
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - without [cluster] the engine is refused before use
    _PluginBase = object


class WarmPipeline(_PluginBase):
    """Per-worker initializer: build the spaCy pipeline once, before the first document."""
    name = "inkoopgraaf-warm-pipeline"

    def setup(self, worker=None):
        from .extract.nlp import get_nlp
        get_nlp()


def _client(scheduler: str | None, jobs: int, stack: contextlib.ExitStack):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineUnavailable("--engine dask needs Dask distributed: pip install 'inkoopgraaf[cluster]'") from exc
    if scheduler:
        try:
            return stack.enter_context(Client(scheduler, timeout=CONNECT_TIMEOUT))
        except OSError as exc:
            raise EngineUnavailable(f"no Dask scheduler answers at {scheduler} ({exc}); start one with "
                                    f"`dask scheduler` (see the README)") from exc
    cluster = stack.enter_context(LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.ERROR))
    return stack.enter_context(Client(cluster))


def dask_results(tasks: list[tuple], budget: Budget, scheduler: str | None,
                 jobs: int = 2) -> Iterator[tuple[int, DocResult]]:
    """Run tasks (index, path, meta, doc id) on Dask; (index, result) as each completes."""
    if not tasks:
        return
    from distributed import as_completed
    with contextlib.ExitStack() as stack:
        client = _client(scheduler, jobs, stack)
        client.register_plugin(WarmPipeline())
        # the time budget is the workers' business on a cluster: SIGALRM only works in a main
        # thread, and Dask runs tasks in worker threads; the size budget holds everywhere
        budget = Budget(max_bytes=budget.max_bytes, seconds=None)
        batch = uuid.uuid4().hex[:8]
        futures = {}
        for i, path, meta, doc_id in tasks:
            data = _small_file_bytes(Path(path))
            if data is not None:       # small: the bytes travel, no shared storage needed
                fut = client.submit(run_document_bytes, Path(path).name, data, meta, budget, doc_id,
                                    key=f"inkoopgraaf-{batch}-{i}", pure=False)
            else:                      # large: the worker reads it from storage it shares with us
                fut = client.submit(run_document, str(Path(path).resolve()), meta, budget, doc_id,
                                    key=f"inkoopgraaf-{batch}-{i}", pure=False)
            futures[fut] = (i, path, doc_id)
        for fut in as_completed(futures):
            i, path, doc_id = futures.pop(fut)
            yield i, _result(fut, path, doc_id)
            fut.release()


def _small_file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file up to SEND_BYTES_LIMIT (never a pipe: reading it could hang)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= SEND_BYTES_LIMIT:
            return None
        return path.read_bytes()
    except OSError:
        return None


def run_document_bytes(name: str, data: bytes, meta: dict | None, budget: Budget, doc_id: str) -> DocResult:
    """:func:`run_document` on bytes sent from the parent: written to a private temporary file
    with the same name (the suffix picks the reader), read, removed."""
    with tempfile.TemporaryDirectory(prefix="inkoopgraaf-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return run_document(path, meta, budget, doc_id)


def _result(fut, path, doc_id: str) -> DocResult:
    from distributed import KilledWorker
    try:
        result = fut.result()
    except KilledWorker as exc:
        return failed_result(path, KILLED.format(exc=exc), doc_id=doc_id)
    except Exception as exc:   # a bug outside run_document, a lost connection: this document only
        return failed_result(path, f"worker failed: {type(exc).__name__}: {exc}", doc_id=doc_id)
    # the worker saw the absolute path; the record names the file as the user gave it
    result.record["path"] = str(path)
    if result.document is not None:
        result.document.path = str(path)
    return result
