"""A split report's region-page inputs kept per document by its fingerprint (issue 14).

A changed region page was made by reading every document of its region again: its facts
from the extraction cache, its text, its table rows from its piece (models/derived.py), and
by wording every fact (:func:`.render.summarize`). At 10,000 documents that is ~4 CPU s
for the three large regions of one changed document. Here each rendered page keeps what it
read, per document, beside the build's cache (``<cache>/report-pages/<page>.marshal``), with
the document's fingerprint (``Assembly.fingerprints``: its piece key with the shared values
filled into it, so a shared label that changed changes it too); the next time the page is
rendered only the documents whose fingerprint differs are read and worded again.

The file is the build's own (written atomically), in :mod:`marshal`, which reads plain
values only and never runs code: a cache on shared storage cannot be made to execute
anything, as a pickle could. It holds the report's code
version (:func:`.render.report_version`), and anything missing, damaged or of another
version only means those documents are read as before: the page is always the one the
inputs give.
"""
from __future__ import annotations

import os
import marshal
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable

FOLDER = "report-pages"
_FORMAT = 3     # 3: marshal (2 was a pickle)


def fact_summary(fact: Mapping) -> str:
    """A fact's Dutch summary as the facts table shows it (build_payload's wording)."""
    from .render import summarize
    value = fact.get("value")
    return summarize(str(fact.get("type")), value if isinstance(value, Mapping) else {})


class DocumentRows:
    """What :class:`.render.PageTables` reads of an assembly (its document order and each
    document's filled rows), for a page's documents, from the kept inputs."""

    def __init__(self, order: list[str], rows: Mapping[str, Mapping[str, list]]):
        self._order, self._rows = order, rows

    def docs(self) -> list[str]:
        return self._order

    def filled(self, doc: str) -> Mapping[str, list]:
        return self._rows[doc]


class PageInputs:
    """Region pages' inputs per document: kept ones whose fingerprint still holds, the
    others read with ``facts_of(doc)``, ``texts[doc]`` and ``assembly.filled(doc)``."""

    def __init__(self, folder: Path, fingerprints: Mapping[str, str], facts_of: Callable, texts: Mapping,
                 assembly: Any):
        self.folder = Path(folder)
        self.fingerprints = fingerprints
        self._facts_of, self._texts, self._assembly = facts_of, texts, assembly
        self._order: dict[str, int] | None = None

    def page(self, name: str, doc_ids: list[str]) -> tuple[list[dict], dict[str, str], DocumentRows, list[str]]:
        """(the page's facts in document order, its texts, its table rows, each fact's summary),
        the page's kept inputs updated in its file when a document had to be read."""
        from .render import _as_dict
        from inkoopgraaf.models.gc_pause import collector_paused
        kept = self._load(name)
        entries: dict[str, list] = {}
        blobs: dict[str, tuple[str, bytes]] = {}
        read = 0
        with collector_paused():     # one page's inputs: many small containers, no cycles
            for d in doc_ids:
                held, fp = kept.get(d), self.fingerprints.get(d)
                entry = _unmarshalled(held[1]) if fp is not None and _is_held(held) and held[0] == fp else None
                if entry is not None:
                    entries[d], blobs[d] = entry, held
                    continue
                facts = [_as_dict(f) for f in self._facts_of(d)]
                entries[d] = [facts, _text_or_none(self._texts, d), dict(self._assembly.filled(d)),
                              [fact_summary(f) for f in facts]]
                blob = _marshalled(entries[d]) if fp is not None else None
                if blob is not None:   # without a fingerprint or plain values: read every time
                    blobs[d] = (fp, blob)
                read += 1
        if read:
            self._save(name, blobs)
        facts = [f for d in doc_ids for f in entries[d][0]]
        texts = {d: entries[d][1] for d in doc_ids if entries[d][1] is not None}
        worded = [s for d in doc_ids for s in entries[d][3]]
        rows = DocumentRows(self._assembly_order(doc_ids), {d: entries[d][2] for d in doc_ids})
        return facts, texts, rows, worded

    def _assembly_order(self, doc_ids: list[str]) -> list[str]:
        """The page's documents in the assembly's order (the order PageTables files rows in)."""
        if self._order is None:
            self._order = {d: i for i, d in enumerate(self._assembly.docs())}
        return sorted((d for d in doc_ids if d in self._order), key=self._order.__getitem__)

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.marshal"

    def _load(self, name: str) -> dict[str, tuple[str, bytes]]:
        """doc -> (its fingerprint, its inputs marshalled on their own): a document is read
        from its bytes only when used, and written back as the same bytes."""
        from .render import report_version
        try:
            with self._path(name).open("rb") as fh:
                data = marshal.load(fh)
        except Exception:      # missing, cut short or not ours: every document is read again
            return {}
        if not (isinstance(data, dict) and data.get("format") == _FORMAT
                and data.get("version") == report_version() and isinstance(data.get("docs"), dict)):
            return {}
        return data["docs"]

    def _save(self, name: str, entries: dict[str, tuple[str, bytes]]) -> None:
        from .render import report_version
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump({"format": _FORMAT, "version": report_version(), "docs": entries}, fh)
            os.replace(tmp, self._path(name))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def keep_only(self, names: set[str]) -> None:
        """Drop the kept inputs of pages the report no longer has."""
        if not self.folder.is_dir():
            return
        for p in self.folder.glob("*.marshal"):
            if p.stem not in names:
                p.unlink(missing_ok=True)


def _text_or_none(texts: Mapping, doc: str) -> str | None:
    try:
        return texts[doc]
    except KeyError:
        return None


def _is_held(held: Any) -> bool:
    return isinstance(held, tuple) and len(held) == 2 and isinstance(held[1], bytes)


def _marshalled(entry: list) -> bytes | None:
    """A document's inputs as bytes, None when they hold a value marshal cannot write."""
    try:
        return marshal.dumps(entry)
    except ValueError:
        return None


def _unmarshalled(blob: bytes) -> list | None:
    """A document's kept inputs, None when its bytes do not read as them (then it is read again)."""
    try:
        entry = marshal.loads(blob)
    except Exception:
        return None
    return entry if isinstance(entry, list) and len(entry) == 4 else None
