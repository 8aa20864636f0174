"""What each document contributes to the derived outputs, computed from that document alone.

A build's comparison tables, its store rows, its 'no own region' warnings and the report's
region attributions are functions of one document each, except for a few attributes of nodes
documents share (a region's label, a segment's label and domain, a financing model's variant,
a municipality's name): in the graph the first document (by id) that gives one sets it for
all. So a document's **piece** holds

* ``rows``: its rows of every comparison table, as :func:`.tables.table_rows` makes them from
  the document's own graph, with each shared attribute left as a reference
  (``{"$ref": [node, key]}``);
* ``claims``: the shared attributes its own graph gives those nodes;
* ``unattributed``, ``own_regions``, ``weak``: what build warns about and what the report
  reads (:func:`.regions.document_attributions`, :func:`.scopes.weak_whole_claim_spans`).

:func:`assemble` folds every piece's claims in document order with the graph's own rule (a
later document fills in what an earlier one left open, never overwrites it), fills in the
references and sorts the rows: the same tables as :func:`.tables.tables_from_graph` of the
whole graph (tests/test_incremental_build.py checks it). A piece is cached under a key of
the document's record, its reading (the extraction cache key) and this package's code, so a
build computes pieces only for changed and added documents; a removed document's piece is
simply not assembled.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

from .facts import Fact
from .graph import build_graph, unattributed_documents
from .regions import document_attributions
from .scopes import weak_whole_claim_spans
from .tables import COLUMNS, SORT, TABLE_NAMES, _frame, table_rows

REF = "$ref"
#: Node kinds whose attributes several documents set, and the attributes tables read of them.
SHARED_KINDS = ("Region", "Segment", "FinancingModel", "Procedure", "Actor", "Municipality")
SHARED_KEYS = ("label", "variant", "domain", "cbs", "tooi_uri")
#: Bumped when a piece's layout changes (the code hash below covers its content).
PIECE_FORMAT = 2


@lru_cache(maxsize=1)
def derived_version() -> str:
    """Hash of this package's source and data: pieces made by other code are never reused."""
    h = hashlib.sha256(str(PIECE_FORMAT).encode())
    root = Path(str(resources.files(__package__)))
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".json", ".csv") and "__pycache__" not in p.parts and p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def piece_key(record: Mapping, reading: str | None) -> str:
    """What decides a piece: the document's record (id, path, title, year, manifest region,
    status, ...), its reading (facts and text: the extraction cache key) and the code."""
    payload = json.dumps([derived_version(), reading, {k: record[k] for k in sorted(record)}],
                         ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- one document
def _ref(node: str, key: str) -> dict:
    return {REF: [node, key]}


def failed_piece(doc_id: str, reason: str) -> dict:
    """The piece of a document whose rows could not be made: none, and the reason (build warns);
    the other documents' rows are unaffected."""
    return {"failed": reason, "doc": doc_id, "rows": {}, "claims": {}, "unattributed": False,
            "own_regions": [], "weak": []}


def document_piece(doc_id: str, record: Mapping | None, facts: Iterable[Fact | Mapping],
                   text: str | None) -> dict:
    """The piece of one document (see the module doc); JSON-able."""
    facts = [f if isinstance(f, Fact) else Fact.from_json(dict(f)) for f in facts]
    records = [dict(record)] if record else []
    texts = {doc_id: text} if text else {}
    g = build_graph(facts, records, texts)
    claims = {node: {k: d[k] for k in SHARED_KEYS if k in d}
              for node, d in g.nodes(data=True) if d.get("kind") in SHARED_KINDS}
    att = document_attributions(facts, records, texts).get(doc_id)
    return {"doc": doc_id, "rows": table_rows(g, shared=_ref), "claims": claims,
            "unattributed": bool(unattributed_documents(g)),
            "own_regions": list(att.own) if att is not None else [],
            "weak": sorted([s, e] for _, s, e in weak_whole_claim_spans(facts, texts))}


# --------------------------------------------------------------------------- all documents
def _fold(pieces: list[dict]) -> dict[tuple[str, str], object]:
    """(node, key) -> value, as the whole graph would hold it: documents in id order, each
    filling in what the earlier ones left empty (graph._add_node's rule)."""
    merged: dict[str, dict] = {}
    for piece in sorted(pieces, key=lambda p: p["doc"]):
        for node, attrs in piece["claims"].items():
            have = merged.setdefault(node, {})
            for k, v in attrs.items():
                if k not in have or (v is not None and have[k] in (None, "")):
                    have[k] = v
    return {(node, k): v for node, attrs in merged.items() for k, v in attrs.items()}


#: The table columns :func:`.tables.table_rows` fills from shared node attributes.
REF_COLUMNS = ("region_name", "segment_label", "financing_label", "procedure_label", "actor_label", "variant",
               "domain", "municipality", "cbs", "tooi_uri")


_REF_SET = frozenset(REF_COLUMNS)


def _filled(piece: dict, shared: Mapping) -> tuple[dict[str, list[tuple]], str]:
    """The piece's rows as tuples in each table's column order (a third of the dicts' memory),
    references filled in, and a digest of what was filled in. A key a row lacks reads as NaN,
    as pandas makes it of a list of dicts."""
    used: list = []
    rows: dict[str, list[tuple]] = {}
    for name in TABLE_NAMES:
        columns = COLUMNS[name]
        out = rows[name] = []
        for row in piece["rows"].get(name, []):
            values = []
            for col in columns:
                v = row[col] if col in row else _MISSING
                if v.__class__ is dict and col in _REF_SET:
                    node, key = v[REF]
                    v = shared.get((node, key))
                    used.append([node, key, v])
                values.append(v)
            out.append(tuple(values))
    digest = hashlib.sha256(json.dumps(used, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    return rows, digest


_MISSING = float("nan")


#: What :class:`Assembly` keeps of a piece after its first look: everything but the rows.
SUMMARY_KEYS = ("doc", "failed", "claims", "unattributed", "own_regions", "weak")


class HeldPiece:
    """A piece held as its summary until it is assembled.

    Most of a piece is its table rows (45 MB of JSON at 1,000 documents, several times that as
    Python dicts): a build holds only each piece's summary (claims, warnings, attributions) and
    reads the rows one document at a time while the tables are filled: from the piece's file
    when it has one (the summary is the file's first line, so only that line is parsed), else
    from its compressed JSON."""
    __slots__ = ("summary", "_path", "_blob")

    def __init__(self, summary: dict, path: Path | None = None, data: str | None = None):
        self.summary = summary
        self._path = path
        self._blob = None if data is None else zlib.compress(data.encode("utf-8"), 1)

    def full(self) -> dict:
        if self._blob is not None:
            return json.loads(zlib.decompress(self._blob).decode("utf-8"))
        with open(self._path, encoding="utf-8") as fh:
            fh.readline()
            return json.loads(fh.read())


class Assembly:
    """The derived data of a build, from the pieces of its documents (dicts or :class:`HeldPiece`).

    Two passes: the shared attributes are folded from every piece's claims, then each piece's
    rows are filled in and kept as tuples in column order (a third of the dicts' memory), one
    table's frame made at a time."""

    def __init__(self, pieces: list, keys: Mapping[str, str] | None = None):
        held = sorted(((p.summary if isinstance(p, HeldPiece) else p, p) for p in pieces),
                      key=lambda sp: sp[0]["doc"])
        self.pieces = [summary if isinstance(p, HeldPiece) else {k: p[k] for k in SUMMARY_KEYS if k in p}
                       for summary, p in held]
        shared = _fold(self.pieces)
        rows: dict[str, list[tuple]] = {name: [] for name in TABLE_NAMES}
        #: doc -> fingerprint of everything its store rows are made from (its piece, the shared
        #: values filled into it): the store rewrites a document only when this changes
        self.fingerprints: dict[str, str] = {}
        for i, (summary, p) in enumerate(held):
            piece = p.full() if isinstance(p, HeldPiece) else p
            held[i] = (summary, None)     # this piece's JSON is not needed again
            filled, digest = _filled(piece, shared)
            for name in TABLE_NAMES:
                rows[name].extend(filled[name])
            key = (keys or {}).get(piece["doc"]) or hashlib.sha256(
                json.dumps(piece, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")).hexdigest()
            self.fingerprints[piece["doc"]] = hashlib.sha256(
                f"{key}:{digest}:{piece.get('failed') or ''}".encode()).hexdigest()
            del piece, filled
        self.tables = {}
        for name in TABLE_NAMES:
            self.tables[name] = _frame(name, rows.pop(name), SORT[name])

    def failures(self) -> list[tuple[str, str]]:
        """(doc, reason) of the documents whose rows could not be made."""
        return [(p["doc"], p["failed"]) for p in self.pieces if p.get("failed")]

    def unattributed(self) -> list[str]:
        """Documents with no own region, in id order (build warns about each)."""
        return [p["doc"] for p in self.pieces if p["unattributed"]]

    def attributions(self) -> dict[str, list[str]]:
        return {p["doc"]: p["own_regions"] for p in self.pieces}

    def weak_spans(self) -> set[tuple[str, int, int]]:
        return {(p["doc"], s, e) for p in self.pieces for s, e in p["weak"]}


def assemble(pieces: Iterable, keys: Mapping[str, str] | None = None) -> Assembly:
    return Assembly(list(pieces), keys)


# --------------------------------------------------------------------------- the piece cache
class PieceCache:
    """Pieces on disk, one JSON file per key (``<cache>/derived/<key>.json``); None: no cache."""

    def __init__(self, cache_dir: Path | None):
        self.folder = None if cache_dir is None else Path(cache_dir) / "derived"
        self.made = 0
        self.reused = 0

    def get(self, key: str, doc_id: str, make) -> dict:
        """The cached piece of ``key``, else ``make()`` (stored for next time)."""
        return self.held(key, doc_id, make).full()

    def held(self, key: str, doc_id: str, make) -> HeldPiece:
        """The piece of ``key`` as a :class:`HeldPiece` (what a build keeps of a piece until it
        is assembled): read from its file, else ``make()`` and written for next time.

        A file holds two lines of JSON, the piece's summary and the whole piece; JSON text has
        no raw line break, so the first line is the summary."""
        path = None if self.folder is None else self.folder / f"{key}.json"
        if path is not None:
            with contextlib.suppress(OSError, ValueError):
                with open(path, encoding="utf-8") as fh:
                    summary = json.loads(fh.readline())
                if summary.get("doc") == doc_id:
                    self.reused += 1
                    return HeldPiece(summary, path=path)
        piece = make()
        data = json.dumps(piece, ensure_ascii=False)
        # as JSON gives it back, so a fresh piece reads exactly as a stored one
        summary = json.loads(json.dumps({k: piece[k] for k in SUMMARY_KEYS if k in piece}, ensure_ascii=False))
        self.made += 1
        if path is not None and not piece.get("failed"):   # a failed piece is made again next time
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(summary, ensure_ascii=False) + "\n" + data, encoding="utf-8")
            os.replace(tmp, path)
            return HeldPiece(summary, path=path)
        return HeldPiece(summary, data=data)

    def prune(self, keep: set[str]) -> int:
        """Drop pieces no document of this build uses (removed or changed documents)."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for p in self.folder.iterdir():
            if p.stem not in keep:
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed += 1
        return removed
