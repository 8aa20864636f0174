"""Run every extractor over one document, in order, with a content-addressed cache.

The order matters: places and dates come first because later extractors use
them (a decision takes the date of its clause; a plan change needs both
ends). Each :class:`Step` is named by ``module:function`` so the registry is
data and an extractor stays a plain function of an :class:`ExtractionContext`;
it declares the fact types it produces and what it needs, and
:func:`check_steps` says when an order breaks that. A new extractor is a new
``Step`` (see extract/README.md).

Caching: a document's result is keyed by the file's sha256 and
:func:`extractor_version` (a hash over the extractor's own code and data), so
re-running on an unchanged corpus does no extraction work and any change to
a rule re-extracts everything it could affect.
"""
from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from importlib import resources
from pathlib import Path

from ..models.facts import Fact
from ..models.io import write_text_atomic
from .context import ExtractionContext
from .dates import detect_document_year
from .document import Document, ReadError, sha256_file
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


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of every source and data file that can change what is extracted."""
    h = hashlib.sha256()
    for pkg in ("inkoopgraaf.extract", "inkoopgraaf.models"):
        root = resources.files(pkg)
        for entry in sorted(_walk(root), key=lambda p: str(p)):
            if entry.name.endswith((".py", ".json", ".csv")):
                h.update(entry.name.encode())
                h.update(entry.read_bytes())
    return h.hexdigest()[:16]


def _walk(root):
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        else:
            yield entry


def anchor_year(doc: Document) -> int | None:
    """The year that anchors year-less dates: manifest year, else the text's own date."""
    year = doc.meta.get("year")
    if year not in (None, ""):
        try:
            return int(year)
        except (TypeError, ValueError):
            pass
    return detect_document_year(doc)


def extract_document(doc: Document) -> list[Fact]:
    """All facts of one document, sorted by position then type."""
    ctx = ExtractionContext(doc=doc, year=anchor_year(doc))
    facts: list[Fact] = []
    for step in STEPS:
        step_facts = _load(step[1])(ctx)
        ctx.add(step_facts)
        facts.extend(step_facts)
    facts.sort(key=lambda f: (f.start, f.end, f.type))
    return facts


@dataclass
class DocResult:
    """What one file produced: its record for documents.csv, its facts and text."""
    record: dict
    facts: list[Fact] = field(default_factory=list)
    document: Document | None = None
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.record["status"] == "ok"


def _record(path: Path, doc: Document | None, error: str | None, sha: str | None) -> dict:
    meta = doc.meta if doc else {}
    return {
        "id": path.stem, "path": str(path), "format": path.suffix.lower().lstrip("."),
        "sha256": sha or "", "pages": len(doc.pages) if doc and doc.pages else (None if doc else None),
        "characters": len(doc.text) if doc else 0, "status": "failed" if error else "ok",
        "error": error or "", "title": meta.get("title") or "", "year": anchor_year(doc) if doc else None,
        "manifest_region": meta.get("region") or "",
    }


def process_file(path, meta: dict | None = None, cache_dir: Path | None = None) -> DocResult:
    """Read and extract one file; never raises for a bad file (the record says why)."""
    path = Path(path)
    try:
        sha = sha256_file(path)
    except OSError as exc:
        return DocResult(_record(path, None, f"cannot open: {exc.strerror or exc}", None))
    key = f"{sha}-{extractor_version()}"
    cache_file = cache_dir / f"{key}.json" if cache_dir else None
    if cache_file and cache_file.exists():
        try:
            data = json.loads(cache_file.read_text("utf-8"))
            doc = Document.from_json(data["document"])
            doc.id, doc.path, doc.meta = path.stem, str(path), dict(meta or {})
            facts = [Fact.from_json(f) for f in data["facts"]]
            for f in facts:  # a renamed file keeps its cache entry but not its old id
                f.doc = doc.id
            if data.get("meta") == (meta or {}):
                return DocResult(_record(path, doc, None, sha), facts, doc, cached=True)
        except (ValueError, KeyError, TypeError):
            pass  # unreadable cache entry: extract again
    try:
        doc = read_document(path)
    except ReadError as exc:
        return DocResult(_record(path, None, exc.reason, sha))
    doc.meta = dict(meta or {})
    try:
        facts = extract_document(doc)
    except Exception as exc:  # an extractor bug must not stop the batch; say where
        import traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"extraction failed: {type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
        return DocResult(_record(path, doc, reason, sha), [], doc)
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(cache_file, json.dumps(
            {"document": doc.to_json(), "facts": [f.to_json() for f in facts], "meta": meta or {}},
            ensure_ascii=False))
    return DocResult(_record(path, doc, None, sha), facts, doc)
