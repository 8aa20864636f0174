"""Run every extractor over one document, in order, with a content-addressed cache.

The order matters: places and dates come first because later extractors use
them (a decision takes the date of its clause; a plan change needs both
ends). Each :class:`Step` is named by ``module:function`` so the registry is
data and an extractor stays a plain function of an :class:`ExtractionContext`;
it declares the fact types it produces and what it needs, and
:func:`check_steps` says when an order breaks that. A new extractor is a new
``Step`` (see extract/README.md).

Caching: a document's result is keyed by the file's sha256 and
:func:`extractor_version` (a hash over the extractor's own code and data, and the models modules
and data it reads: :data:`MODELS_KEYED`), so
re-running on an unchanged corpus does no extraction work and any change to
a rule re-extracts everything it could affect.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import json
import os
import sys
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from importlib import resources
from pathlib import Path

from ..models.facts import Fact, contract_confidence
from ..models.io import write_text_atomic
from . import blocks
from .blocks import Part, cut_points, document_year, make_part, merge_parts, shift_facts, spans
from .context import ExtractionContext
from .dates import detect_document_year
from .document import Document, ReadError, sha256_file
from ..models.gc_pause import collector_paused
from .readers import read_document

class Step(NamedTuple):
    """One extractor in the run: its name, ``module:function``, the fact types it produces and what it
    needs from the steps before it (fact types) or from the context (``CONTEXT_LAYERS``)."""
    name: str
    target: str
    produces: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


#: What every step may read from :class:`ExtractionContext` without an earlier step: the document with its
#: blocks and structure, the anchor ``year``, the spaCy ``sentences`` and the shared ``clauses``
#: (extract/clauses.py), each built on first use.
CONTEXT_LAYERS = frozenset(("document", "year", "sentences", "clauses"))

#: The extractors in run order. ``needs`` names what a step reads: a fact type means an earlier step
#: must produce it (:func:`check_steps`); segment facts reach financing/procedures through the segment
#: package's per-document state, dates reach decisions/plan changes through ``ctx.facts``.
STEPS: tuple[Step, ...] = (
    Step("places", "inkoopgraaf.extract.places:extract_places", ("region", "municipality"), ("document", "year")),
    Step("dates", "inkoopgraaf.extract.dates:extract_dates", ("date",), ("document", "year")),
    Step("segments", "inkoopgraaf.extract.segments:extract_segments", ("segment",), ("document", "sentences")),
    Step("financing", "inkoopgraaf.extract.segments:extract_financing", ("financing",),
         ("document", "sentences", "segment")),
    Step("procedures", "inkoopgraaf.extract.segments:extract_procedures", ("procedure",),
         ("document", "sentences", "segment")),
    Step("decisions", "inkoopgraaf.extract.decisions:extract_decisions", ("decision",),
         ("document", "year", "clauses", "date")),
    Step("plan_changes", "inkoopgraaf.extract.plan_changes:extract_plan_changes", ("plan_change",),
         ("document", "clauses", "date")),
)


def check_steps(steps=None) -> list[str]:
    """Problems with the run order: a step that needs a fact type no earlier step produces, or an unknown
    context layer. Empty when the order is sound."""
    produced: set[str] = set()
    problems = []
    for step in STEPS if steps is None else steps:
        step = Step(*step)
        for need in step.needs:
            if need not in produced and need not in CONTEXT_LAYERS:
                problems.append(f"step {step.name!r} needs {need!r}, which no earlier step produces")
        produced.update(step.produces)
    return problems


def _load(target: str):
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


#: What of ``inkoopgraaf.models`` extraction depends on: the modules the extractors import and the data
#: those read (a path ending in ``/`` is a folder). The rest of the models (tables, graph, exports,
#: store, derived pieces) only consumes facts, so editing it must not re-extract a corpus.
#: ``tests/test_pipeline.py`` runs extraction in a fresh process and fails when it imports or opens
#: a models file outside this list (or :data:`MODELS_NOT_KEYED`).
MODELS_KEYED = ("__init__.py", "facts.py", "taxonomy.py", "taxonomy.json", "gazetteer.py", "data/gazetteer/")

#: Models modules the pipeline imports that decide no fact, and why they stay out of the key.
MODELS_NOT_KEYED = {"io.py": "writes cache entries atomically; no fact depends on it",
                    "gc_pause.py": "pauses the garbage collector around a document; no fact depends on it"}

#: The file kinds that can change what is extracted: code and data.
_KEYED_SUFFIXES = (".py", ".json", ".csv", ".c")    # .c: the PDF reader's compiled loops


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of every source and data file that can change what is extracted: the whole extract
    package and the parts of the models named in :data:`MODELS_KEYED`."""
    return version_of(resources.files("inkoopgraaf.extract"), resources.files("inkoopgraaf.models"))


def version_of(extract_root, models_root) -> str:
    """The extractor version of an extract tree and a models tree (folders or ``Traversable``)."""
    h = hashlib.sha256()
    for name, entry in keyed_files(extract_root, models_root):
        h.update(name.encode())
        h.update(entry.read_bytes())
    return h.hexdigest()[:16]


def keyed_files(extract_root, models_root) -> list[tuple[str, object]]:
    """(name relative to its package, file) of every file the extractor version covers, sorted."""
    files = [("extract/" + name, entry) for name, entry in _walk(extract_root)]
    files += [("models/" + name, entry) for name, entry in _walk(models_root) if _models_keyed(name)]
    return sorted((pair for pair in files if pair[0].endswith(_KEYED_SUFFIXES)), key=lambda pair: pair[0])


def _models_keyed(name: str) -> bool:
    return any(name == k or (k.endswith("/") and name.startswith(k)) for k in MODELS_KEYED)


def _walk(root, prefix: str = ""):
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry, f"{prefix}{entry.name}/")
        else:
            yield prefix + entry.name, entry


def anchor_year(doc: Document) -> int | None:
    """The year that anchors year-less dates: manifest year, else the text's own date (a document
    longer than one part: over its parts, extract/blocks.py). The text's year is kept for the last
    document: its record asks for it again after the extraction (``_record``)."""
    year = blocks.manifest_year(doc)
    if year is not None:
        return year
    last_doc, text_id, last_year = _TEXT_YEAR
    if last_doc is not None and last_doc() is doc and text_id == id(doc.text):
        return last_year
    if len(doc.text) <= blocks.PART_CHARS:
        year = detect_document_year(doc)
    else:
        year = document_year(doc, cut_points(doc))
    _TEXT_YEAR[:] = [weakref.ref(doc), id(doc.text), year]
    return year


#: The last document (a weak reference: a freed one never matches), its text's id, its text's year.
_TEXT_YEAR: list = [None, None, None]


#: Documents up to this many characters are extracted with Python's cyclic garbage collector
#: paused (models/gc_pause.py: about a tenth of extraction CPU); longer ones keep it running,
#: so the garbage of one huge document cannot pile up until its end. (A document longer than
#: one part is extracted part by part, each part with the collector paused.)
GC_PAUSE_CHARS = 1_000_000


def extract_document(doc: Document) -> list[Fact]:
    """All facts of one document, sorted by position then type, each confidence in the contract's
    form (three decimals, as facts.jsonl and a cache entry hold it), so a fresh result, a cached
    one and the store agree.

    A document longer than ``blocks.PART_CHARS`` is extracted part by part (extract/blocks.py):
    memory bounded by the part, time linear in the length, offsets and pages exact."""
    facts = _extract_parts(doc)
    for f in facts:
        f.confidence = contract_confidence(f.confidence)
    return facts


def _extract_parts(doc: Document) -> list[Fact]:
    points = cut_points(doc)
    if len(points) == 1:
        return _run_steps(doc, anchor_year(doc))
    year = anchor_year(doc)
    parts = []
    for index, (start, end) in enumerate(spans(doc, points)):
        text, part = make_part(doc, index, start, end)
        parts.append(shift_facts(_run_steps(text, year, part), part))
        del text
        gc.collect(1)         # the part's cycles (its context and layers), young objects only
    return merge_parts(parts, doc)


def _run_steps(doc: Document, year: int | None, part: Part | None = None) -> list[Fact]:
    with collector_paused(len(doc.text) <= GC_PAUSE_CHARS):
        # the context is gone before the collector resumes: else its first pass walks all of it
        return _steps_facts(ExtractionContext(doc=doc, year=year, part=part))


def _steps_facts(ctx: ExtractionContext) -> list[Fact]:
    facts: list[Fact] = []
    try:
        for step in STEPS:
            step_facts = _load(step[1])(ctx)
            ctx.add(step_facts)
            facts.extend(step_facts)
    finally:
        ctx.release()
    facts.sort(key=lambda f: (f.start, f.end, f.type))
    return facts


@dataclass
class DocResult:
    """What one file produced: its record for documents.csv, its facts and text."""
    record: dict
    facts: list[Fact] = field(default_factory=list)
    document: Document | None = None
    cached: bool = False
    warnings: list[str] = field(default_factory=list)
    read_failure: bool = False     # the reader refused the bytes: worth caching by sha
    meta: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.record["status"] == "ok"

    @property
    def text(self) -> str | None:
        return self.document.text if self.document is not None else None

    @property
    def has_document(self) -> bool:
        return self.document is not None

    @property
    def fact_count(self) -> int:
        return len(self.facts)

    def region_ids(self) -> list[str]:
        """The ids of its region facts, sorted (documents.csv's ``regions``)."""
        return sorted({f.value.get("id", "") for f in self.facts if f.type == "region"})

    def document_meta(self) -> dict:
        """The manifest row the document was read with."""
        return self.document.meta if self.document is not None else self.meta


class CachedResult(DocResult):
    """A result whose facts and document stay in their cache entry until asked for.

    A build holds one of these per document: its record, warnings, fact count and region ids
    (the entry's first line); ``facts``, ``document`` and ``text`` read the entry's second line
    each time (the last one read is kept, so asking for a document's text and facts parses it
    once), so 10,000 documents' facts and texts are never in memory together."""

    def __init__(self, record: dict, header: dict, entry: Path, cached: bool = True,
                 warnings: list[str] | None = None):
        self.record, self.cached, self.read_failure = record, cached, False
        self.warnings = list(header.get("warnings", [])) if warnings is None else warnings
        self.meta = dict(header.get("meta") or {})
        self.entry = entry
        self._count, self._regions = header["facts"], list(header["regions"])

    def __repr__(self) -> str:
        return f"CachedResult({self.record.get('id')!r}, {self._count} facts, {self.entry.name})"

    has_document = True

    @property
    def fact_count(self) -> int:
        return self._count

    def region_ids(self) -> list[str]:
        return list(self._regions)

    def document_meta(self) -> dict:
        return dict(self.meta)

    @property
    def text(self) -> str:
        return self._from_body(lambda body: body["document"]["text"])

    @property
    def document(self) -> Document:
        doc = self._from_body(lambda body: Document.from_json(body["document"]))
        doc.id, doc.path, doc.meta = self.record["id"], self.record["path"], dict(self.meta)
        return doc

    @property
    def facts(self) -> list[Fact]:
        facts = self._from_body(lambda body: [Fact.from_json(f) for f in body["facts"]])
        for f in facts:  # a renamed file keeps its cache entry but not its old id
            f.doc = self.record["id"]
        return facts

    def _from_body(self, make):
        """``make`` applied to the entry's body; an entry damaged or gone since its header was read
        costs its document a second extraction (said on stderr), never the build."""
        try:
            return make(_entry_body(self.entry))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return make(self._extract_again(exc))

    def _extract_again(self, damage: Exception) -> dict:
        path = Path(self.record["path"])
        result = read_and_extract(path, self.meta, doc_id=self.record["id"])
        if not result.ok or result.document is None:
            raise CacheEntryLost(f"{path}: its cache entry is damaged ({_plainly(damage)}) and reading the "
                                 f"file again failed: {result.record['error']}")
        _say(path, f"its cache entry is damaged ({_plainly(damage)}); extracted again")
        if result.record["sha256"] == self.record["sha256"]:   # else the entry's name is another file's
            with contextlib.suppress(OSError):
                write_text_atomic(self.entry, _entry_lines(result))
        else:
            _say(path, "changed while the build ran: build again for outputs of one version of it")
        body = _body_of(result)
        _LAST_BODY[:] = [self.entry, body]
        return body


class CacheEntryLost(RuntimeError):
    """A cache entry damaged after the build counted on it, and its file unreadable now."""


def _say(path, message: str) -> None:
    print(f"inkoopgraaf: {path}: {message}", file=sys.stderr)


def _plainly(damage: Exception) -> str:
    if isinstance(damage, FileNotFoundError):
        return "removed while the build ran"
    if isinstance(damage, OSError):
        return f"cannot be read: {damage.strerror or damage}"
    return "its facts and text do not parse"


_LAST_BODY: list = [None, None]     # (entry path, parsed body) of the last entry read


def _entry_body(entry: Path) -> dict:
    """The second line of a cache entry (document and facts), parsed; the last one is kept.
    Raises ValueError for a body that is not one (truncated, garbled, another shape)."""
    if _LAST_BODY[0] != entry:
        with open(entry, "rb") as fh:
            fh.readline()
            body = json.loads(fh.readline())
        if not (isinstance(body, dict) and isinstance(body.get("document"), dict)
                and isinstance(body.get("facts"), list)):
            raise ValueError("not the body of a cache entry")
        _LAST_BODY[:] = [entry, body]
    return _LAST_BODY[1]


def document_id(path: Path) -> str:
    """The id a file's document and facts get, when nothing else decides it: the file stem."""
    return Path(path).stem


def document_ids(paths) -> list[str]:
    """The ids of a batch's documents, decided here and only here, once per batch, in the
    parent process: every engine passes them down, so a rule that needs the whole batch
    (two ``x.txt`` in two folders) changes only this function."""
    return [document_id(p) for p in paths]


def failed_result(path, reason: str, sha: str | None = None, doc: Document | None = None,
                  doc_id: str | None = None) -> DocResult:
    """A failure as a result: a batch runner records it and goes on."""
    return DocResult(_record(Path(path), doc, reason, sha, doc_id), [], doc)


def _record(path: Path, doc: Document | None, error: str | None, sha: str | None,
            doc_id: str | None = None, year: int | None | str = "") -> dict:
    """documents.csv's row of a file; ``year``: the anchor year when already known (a cache
    entry keeps it, so a cached document is not scanned for its dates again)."""
    meta = doc.meta if doc else {}
    return {
        "id": doc.id if doc else (doc_id or document_id(path)),
        "path": str(path), "format": path.suffix.lower().lstrip("."),
        "sha256": sha or "", "pages": len(doc.pages) if doc and doc.pages else (None if doc else None),
        "characters": len(doc.text) if doc else 0, "status": "failed" if error else "ok",
        "error": error or "", "title": meta.get("title") or "",
        "year": (anchor_year(doc) if year == "" else year) if doc else None,
        "manifest_region": meta.get("region") or "",
    }


def cache_key(sha: str, path: Path) -> str:
    """What decides a reading: the bytes, the reader chosen by the format, the code's version.

    A text file named ``.docx`` and the same bytes named ``.txt`` are two readings.
    """
    from .readers import READER_VERSION
    fmt = Path(path).suffix.lower().lstrip(".") or "txt"
    return f"{sha}-{fmt}-r{READER_VERSION}-{extractor_version()}-{libraries_version()}"


#: the installed distributions whose behaviour can change a reading or its facts: the tokenizer and
#: its word lists, the PDF, HTML and DOCX parsers
LIBRARIES_KEYED = ("spacy", "spacy-lookups-data", "pypdfium2", "pdfplumber", "beautifulsoup4", "lxml",
                   "defusedxml")


@lru_cache(maxsize=1)
def libraries_version() -> str:
    """Hash of the installed versions of :data:`LIBRARIES_KEYED` (an upgrade re-extracts)."""
    from importlib import metadata

    def installed(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "absent"
    listed = ";".join(f"{name}={installed(name)}" for name in LIBRARIES_KEYED)
    return hashlib.sha256(listed.encode()).hexdigest()[:8]


def _from_cache(cache_file: Path, path: Path, meta: dict, sha: str, doc_id: str) -> DocResult | None:
    """The result an entry holds, its facts and document left in the entry (:class:`CachedResult`).

    None when there is no entry, or it is damaged (then said on stderr): an empty or unparsable
    header, or a body shorter or longer than the header says (a truncated write, a disk error)."""
    try:
        with open(cache_file, "rb") as fh:
            line = fh.readline()
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return None
    except OSError as exc:
        return _damaged(path, f"cannot be read: {exc.strerror or exc}")
    try:
        header = json.loads(line)
        if header.get("meta") != meta:
            return None
        if "failed" in header:   # a file that failed to read fails again: do not re-read it every build
            return DocResult(_record(path, None, header["failed"], sha, doc_id), cached=True)
        if not isinstance(header.get("facts"), int) or not isinstance(header.get("body"), int):
            return None      # not an entry of this layout
        if size != len(line) + header["body"]:
            return _damaged(path, f"{size} bytes where its header says {len(line) + header['body']}")
        record = {"id": doc_id, "path": str(path), "format": path.suffix.lower().lstrip("."), "sha256": sha,
                  "pages": header["pages"], "characters": header["characters"], "status": "ok", "error": "",
                  "title": meta.get("title") or "", "year": header["year"],
                  "manifest_region": meta.get("region") or ""}
        return CachedResult(record, header, cache_file)
    except (ValueError, KeyError, TypeError, AttributeError):
        return _damaged(path, "its header does not parse" if line else "it is empty")


def _damaged(path: Path, why: str) -> None:
    """A damaged entry is a miss: the document is extracted again, and the user is told."""
    _say(path, f"its cache entry is damaged ({why}); extracted again")
    return None


def cached_result(path, meta: dict | None, cache_dir: Path | None,
                  max_bytes: int | None = None, doc_id: str | None = None,
                  sha: str | None = None) -> DocResult | None:
    """The cached result of a file, or None when it must be read (no cache, changed, unreadable).

    ``sha``: the file's sha256 when the caller knows it already (a build's stat index), else
    the file is hashed. Pipes and devices are never opened here (``check_input`` first)."""
    from .readers import DEFAULT_MAX_BYTES, check_input
    if cache_dir is None:
        return None
    path = Path(path)
    try:
        check_input(path, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
        sha = sha or sha256_file(path)
    except (ReadError, OSError):
        return None
    cache_file = cache_dir / f"{cache_key(sha, path)}.json"
    doc_id = doc_id or document_id(path)
    return _from_cache(cache_file, path, dict(meta or {}), sha, doc_id)


def _body_of(result: DocResult) -> dict:
    """A cache entry's second line (the document and its facts) before it is written as JSON."""
    return {"document": result.document.to_json(), "facts": [f.to_json() for f in result.facts]}


def _entry_lines(result: DocResult) -> str | None:
    """A cache entry: a header line (what a build needs of every document) and a body line
    (document and facts, read only when asked for); None when the result is not cached."""
    if result.ok and result.document is not None:
        doc = result.document
        body = json.dumps(_body_of(result), ensure_ascii=False) + "\n"
        header = {"meta": doc.meta, "warnings": result.warnings, "year": result.record.get("year"),
                  "pages": result.record.get("pages"), "characters": result.record.get("characters"),
                  "facts": len(result.facts), "regions": result.region_ids(),
                  "body": len(body.encode("utf-8"))}   # its length in bytes: a truncated entry is told at once
        return json.dumps(header, ensure_ascii=False) + "\n" + body
    if result.read_failure:
        return json.dumps({"failed": result.record["error"], "meta": result.meta}, ensure_ascii=False) + "\n"
    return None


def store_result(cache_dir: Path | None, path, result: DocResult) -> Path | None:
    """Keep a fresh result in the cache: a read failure too (by sha and version), so a
    broken file is not re-read every build; never an extractor crash or a budget refusal.
    Returns the entry written, or None."""
    sha = result.record.get("sha256")
    if cache_dir is None or result.cached or not sha:
        return None
    entry = _entry_lines(result)
    if entry is None:
        return None
    try:
        cache_file = cache_dir / f"{cache_key(sha, Path(path))}.json"
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(cache_file, entry)
        return cache_file
    except OSError:
        return None  # a cache that cannot be written (disk full, read-only) costs time, never the result


def spilled(result: DocResult, entry: Path | None) -> DocResult:
    """A fresh result as the entry just written for it holds it (its facts and document on disk,
    not in memory); the result itself when it has no entry."""
    if entry is None or isinstance(result, CachedResult) or not result.ok:
        return result
    try:
        with open(entry, encoding="utf-8") as fh:
            header = json.loads(fh.readline())
        return CachedResult(result.record, header, entry, cached=result.cached, warnings=result.warnings)
    except (OSError, ValueError, KeyError):
        return result


def process_file(path, meta: dict | None = None, cache_dir: Path | None = None,
                 max_bytes: int | None = None, doc_id: str | None = None) -> DocResult:
    """Read and extract one file; never raises for a bad file (the record says why).

    ``max_bytes`` is the size budget per file (None: the readers' default).
    This is the per-document function of every engine (in-process, local
    pool, Dask); with a ``cache_dir`` it also looks up and fills the cache.
    """
    hit = cached_result(path, meta, cache_dir, max_bytes, doc_id)
    if hit is not None:
        return hit
    result = read_and_extract(path, meta, max_bytes, doc_id)
    store_result(cache_dir, path, result)
    return result


def read_and_extract(path, meta: dict | None = None, max_bytes: int | None = None,
                     doc_id: str | None = None) -> DocResult:
    """Read one file and run every extractor over it, no cache involved."""
    from .readers import DEFAULT_MAX_BYTES, check_input, read_warnings
    path, meta = Path(path), dict(meta or {})
    doc_id = doc_id or document_id(path)
    try:
        check_input(path, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
        sha = sha256_file(path)
    except ReadError as exc:
        return failed_result(path, exc.reason, doc_id=doc_id)
    except OSError as exc:
        return failed_result(path, f"cannot open: {exc.strerror or exc}", doc_id=doc_id)
    try:
        doc = read_document(path)
    except ReadError as exc:
        result = failed_result(path, exc.reason, sha, doc_id=doc_id)
        result.read_failure, result.meta = True, meta
        return result
    doc.id, doc.meta = doc_id, meta
    try:
        facts = extract_document(doc)
    except Exception as exc:  # an extractor bug must not stop the batch; say where
        import traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"extraction failed: {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
        return failed_result(path, reason, sha, doc)
    return DocResult(_record(path, doc, None, sha), facts, doc, warnings=read_warnings(doc))
