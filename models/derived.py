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
from .io import atomic_writer
from .derived_state import (AssemblyState, STATE_FILE, add_docs, drop_docs, fold_value, read_state, refs_of,
                            write_state)
from .gc_pause import collector_paused
from .tables import COLUMNS, INT_COLUMNS, SORT, TABLE_NAMES, _frame, csv_header, sort_order, table_rows
from .table_blocks import TABLES_FORMAT, Block, PreviousTables, SideWriter, merge_block, render_block, write_index

REF = "$ref"
#: Node kinds whose attributes several documents set, and the attributes tables read of them.
SHARED_KINDS = ("Region", "Segment", "FinancingModel", "Procedure", "Actor", "Municipality")
SHARED_KEYS = ("label", "variant", "domain", "cbs", "tooi_uri")
#: Bumped when a piece's layout changes (the code hash below covers its content).
PIECE_FORMAT = 3


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
    from inkoopgraaf.report.render import report_version     # the report's contribution is in the piece
    payload = json.dumps([derived_version(), report_version(), reading, {k: record[k] for k in sorted(record)}],
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
    own = list(att.own) if att is not None else []
    weak = weak_whole_claim_spans(facts, texts)
    return {"doc": doc_id, "rows": table_rows(g, shared=_ref), "claims": claims,
            "unattributed": bool(unattributed_documents(g)), "own_regions": own,
            "weak": sorted([s, e] for _, s, e in weak),
            "report": _report_contribution(doc_id, record, facts, text, own, set(weak))}


def _report_contribution(doc_id, record, facts, text, own, weak) -> dict:
    """What the document gives the split report's summary (inkoopgraaf/report/summary.py)."""
    from inkoopgraaf.report.summary import document_contribution
    return document_contribution(doc_id, record, facts, text, own, weak)


# --------------------------------------------------------------------------- all documents
#: The table columns :func:`.tables.table_rows` fills from shared node attributes.
REF_COLUMNS = ("region_name", "segment_label", "financing_label", "procedure_label", "actor_label", "variant",
               "domain", "municipality", "cbs", "tooi_uri")


_REF_SET = frozenset(REF_COLUMNS)


def _filled(piece: dict, shared: Mapping) -> dict[str, list[tuple]]:
    """The piece's rows as tuples in each table's column order (a third of the dicts' memory),
    references filled in. A key a row lacks reads as NaN, as pandas makes it of a list of dicts."""
    rows: dict[str, list[tuple]] = {}
    for name in TABLE_NAMES:
        columns = COLUMNS[name]
        refs = [i for i, col in enumerate(columns) if col in _REF_SET]
        out = rows[name] = []
        for row in piece["rows"].get(name, []):
            values = [row.get(col, _MISSING) for col in columns]
            for i in refs:
                v = values[i]
                if v.__class__ is dict:
                    values[i] = shared.get(tuple(v[REF]))
            out.append(tuple(values))
    return rows


_MISSING = float("nan")


#: What :class:`Assembly` keeps of a piece after its first look: everything but the rows, plus
#: what is known of the rows without reading them (:func:`summarise`).
SUMMARY_KEYS = ("doc", "failed", "claims", "unattributed", "own_regions", "weak", "report")


def _region_of(value):
    """A row's region; a row without one (None, or NaN where the key was missing) reads as None."""
    return value if value.__class__ is str else None


def _region_order(region) -> tuple:
    """Table order of regions: by id, rows without one last (pandas' na_position='last')."""
    return (region is None, region or "")


def summarise(piece: Mapping) -> dict:
    """A piece's summary: :data:`SUMMARY_KEYS`, the regions each table has rows of
    (``blocks``) and the shared attributes its rows refer to (``refs``), so that a build knows
    which region blocks of the tables a document is in, and what decides its filled rows,
    without reading the rows."""
    out = {k: piece[k] for k in SUMMARY_KEYS if k in piece}
    blocks: dict[str, list] = {}
    refs: set[tuple[str, str]] = set()
    for name, rows in piece.get("rows", {}).items():
        regions = set()
        for row in rows:
            regions.add(_region_of(row.get("region")))
            for col in REF_COLUMNS:
                v = row.get(col)
                if v.__class__ is dict:
                    refs.add(tuple(v[REF]))
        if regions:
            blocks[name] = sorted(regions, key=_region_order)
    out["blocks"] = blocks
    out["refs"] = sorted(refs)
    # the report's matrix shows each cell's contract start from the financing rows (no references)
    out["starts"] = sorted({(_region_of(r.get("region")), r.get("year"), r.get("segment"), r["contract_start"])
                            for r in piece.get("rows", {}).get("financing", []) if r.get("contract_start")},
                           key=lambda t: json.dumps(t, default=str))
    return out


#: What every build reads of every document's summary; the rest (claims, references, report
#: contribution) is read only for changed documents, from the state's indexes otherwise.
LIGHT_KEYS = ("doc", "failed", "unattributed", "own_regions", "weak", "blocks", "starts")
_ABSENT = object()


def _light(summary: Mapping) -> dict:
    return {k: summary[k] for k in LIGHT_KEYS if k in summary}


def _same(a, b) -> bool:
    """Equal as a filled cell and a fingerprint see them (1, 1.0 and True are not the same)."""
    if a is _ABSENT or b is _ABSENT:
        return a is b
    return json.dumps(a, default=str, sort_keys=True) == json.dumps(b, default=str, sort_keys=True)


class HeldPiece:
    """A piece held as its summary until it is assembled.

    Most of a piece is its table rows (45 MB of JSON at 1,000 documents, several times that as
    Python dicts): a build holds only each piece's summary (claims, warnings, attributions,
    the regions of its rows) and reads the rows of a document only when a table block it is
    in must be made: from the piece's file when it has one (the summary is the file's first
    line, so only that line is parsed), else from its compressed JSON. A file the build
    trusted without a look (the state vouched for it) that cannot be read is made again by
    ``make`` (the same piece: its key decides it)."""
    __slots__ = ("summary", "_path", "_blob", "_make")

    def __init__(self, summary: dict, path: Path | None = None, data: str | None = None, make=None):
        self.summary = summary
        self._path = path
        self._blob = None if data is None else zlib.compress(data.encode("utf-8"), 1)
        self._make = make

    def full(self) -> dict:
        if self._blob is not None:
            return json.loads(zlib.decompress(self._blob).decode("utf-8"))
        try:
            with open(self._path, encoding="utf-8") as fh:
                fh.readline()
                return json.loads(fh.read())
        except (OSError, ValueError):
            if self._make is None:
                raise
            return self._make()




class Assembly:
    """The derived data of a build, from the pieces of its documents (dicts or :class:`HeldPiece`).

    Made from the pieces' summaries alone: the shared attributes are folded from every
    piece's claims and each document's fingerprint from its key and the shared values its
    rows refer to. Rows are read only for what is asked: the tables' region blocks that
    changed (:meth:`write_tables`), the rows of some documents (:meth:`frames_of`,
    :meth:`rows_by_doc`), or every table whole (:attr:`tables`)."""

    def __init__(self, pieces: list, keys: Mapping[str, str] | None = None,
                 state: AssemblyState | None = None, source=None):
        """``pieces``: one per document (no ``state``), or, with the previous build's ``state``,
        those of the changed and added documents only: a document of ``keys`` whose key is the
        one ``state`` holds keeps what the state says of it, and ``source(doc)`` gives its
        piece (a :class:`HeldPiece`) when its rows are read; documents of ``state`` that are
        not in ``keys`` are gone. ``state`` is taken over (its lists are updated in place)."""
        keys = dict(keys or {})
        base = state if state is not None else AssemblyState()
        new = {}
        for p in pieces:
            summary = p.summary if isinstance(p, HeldPiece) else summarise(p)
            new[summary["doc"]] = (summary, p)
        kept = base.reusable(keys) - new.keys() if state is not None else set()
        gone = set(base.entries) - kept
        self._entries = {doc: e for doc, e in base.entries.items() if doc in kept}
        self._claims, self._users, self.shared = base.claims, base.users, base.shared
        self._sources = {doc: p for doc, (_, p) in new.items()}
        self._source = source
        self._reports = {doc: summary.get("report") for doc, (summary, _) in new.items()}
        self._filled_rows: dict[str, dict[str, list[tuple]]] = {}
        changed = self._update_shared(gone, new)
        #: doc -> fingerprint of everything its store rows are made from (its piece, the shared
        #: values filled into it): the store rewrites a document only when this changes
        self.fingerprints: dict[str, str] = {}
        stale = {d for pair in changed for d in (self._users.get(pair) or [[]])[0]} & kept
        for doc in sorted(self._entries.keys() | new.keys()):
            if doc in new:
                summary = new[doc][0]
                key = keys.get(doc)     # a failed piece is made again next time: no key kept for it
                fp = self._fingerprint(doc, key, summary.get("refs", []), summary.get("failed"))
                self._entries[doc] = [None if summary.get("failed") else key, _light(summary), None, fp]
            elif doc in stale:
                e = self._entries[doc]
                e[3] = self._fingerprint(doc, e[0], refs_of(self._users, doc), e[1].get("failed"))
            self.fingerprints[doc] = self._entries[doc][3]
        self.pieces = [self._entries[doc][1] for doc in self.fingerprints]

    def _update_shared(self, gone: set[str], new: dict) -> set[tuple]:
        """Take the ``gone`` documents' claims and references out of the indexes, put the ``new``
        ones' in, re-fold the (node, key) pairs that touches; the pairs whose value changed."""
        touched: set[tuple] = set()
        drop = gone | new.keys()
        drop_docs(self._claims, drop, touched)
        drop_docs(self._users, drop, set())
        claims: dict[tuple, list[tuple]] = {}
        users: dict[tuple, list[tuple]] = {}
        for doc in sorted(new):
            summary = new[doc][0]
            for node, attrs in summary.get("claims", {}).items():
                for k, v in attrs.items():
                    claims.setdefault((node, k), []).append((doc, v))
            for node, k in summary.get("refs", []):
                users.setdefault((node, k), []).append((doc,))
        add_docs(self._claims, claims, touched)
        add_docs(self._users, users, set())
        changed = set()
        for pair in touched:
            old = self.shared.get(pair, _ABSENT)
            cols = self._claims.get(pair)
            value = fold_value(cols[1]) if cols else _ABSENT
            if value is _ABSENT:
                self.shared.pop(pair, None)
            else:
                self.shared[pair] = value
            if not _same(old, value):
                changed.add(pair)
        return changed

    def _fingerprint(self, doc: str, key: str | None, refs, failed) -> str:
        key = key or self._content_key(doc)
        used = [[node, k, self.shared.get((node, k))] for node, k in refs]
        digest = hashlib.sha256(json.dumps(used, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
        return hashlib.sha256(f"{key}:{digest}:{failed or ''}".encode()).hexdigest()

    def state(self) -> AssemblyState:
        """What the next build starts from (see models/derived_state.py)."""
        for doc, report in self._reports.items():
            e = self._entries.get(doc)
            if e is not None and e[2] is None and report is not None:
                e[2] = json.dumps(report, ensure_ascii=False)
        return AssemblyState(self._entries, self._claims, self._users, self.shared)

    def _content_key(self, doc: str) -> str:
        piece = self._piece(doc)
        return hashlib.sha256(json.dumps(piece, ensure_ascii=False, sort_keys=True, default=str)
                              .encode("utf-8")).hexdigest()

    def _piece(self, doc: str) -> dict:
        p = self._sources.get(doc)
        if p is None:
            p = self._sources[doc] = self._source(doc)
        return p.full() if isinstance(p, HeldPiece) else p

    def filled(self, doc: str) -> dict[str, list[tuple]]:
        """A document's rows of every table as tuples in column order, shared values filled in."""
        rows = self._filled_rows.get(doc)
        if rows is None:
            rows = self._filled_rows[doc] = _filled(self._piece(doc), self.shared)
        return rows

    def docs(self) -> list[str]:
        return [p["doc"] for p in self.pieces]

    def frames_of(self, docs: Iterable[str]) -> dict[str, "pd.DataFrame"]:
        """Every table with the rows of ``docs`` only, sorted as the whole table is."""
        wanted = [d for d in self.docs() if d in set(docs)]
        return {name: _frame(name, [row for d in wanted for row in self.filled(d)[name]], SORT[name])
                for name in TABLE_NAMES}

    @property
    def tables(self) -> dict[str, "pd.DataFrame"]:
        """Every table whole (reads every document's rows: for tests and small corpora)."""
        return self.frames_of(self.docs())

    #: set by :meth:`write_tables` while it writes: the last generation's tables
    _previous_tables: PreviousTables | None = None
    _table_blocks: dict[str, list] | None = None

    def blocks(self, name: str) -> list[tuple[object, list[str]]]:
        """(region, its documents in id order) of table ``name``, in the table's region order
        (every table's in one walk over the pieces, the first time one is asked)."""
        if self._table_blocks is None:
            by_table: dict[str, dict[object, list[str]]] = {n: {} for n in TABLE_NAMES}
            for p in self.pieces:
                for table, regions in p.get("blocks", {}).items():
                    by_region = by_table.setdefault(table, {})
                    for region in regions:
                        by_region.setdefault(region, []).append(p["doc"])
            self._table_blocks = {t: [(r, by[r]) for r in sorted(by, key=_region_order)] for t, by in by_table.items()}
        return self._table_blocks.get(name, [])

    def _block_key(self, name: str, region, docs: list[str]) -> str:
        payload = json.dumps([TABLES_FORMAT, name, region, [[d, self.fingerprints[d]] for d in docs]],
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _block_rows(self, name: str, region, docs: Iterable[str]) -> list[tuple[str, list[tuple]]]:
        """[(doc, its rows of table ``name`` in ``region``)] of ``docs``, references filled in."""
        return [(d, [row for row in self.filled(d)[name] if _region_of(row[0]) == region]) for d in docs]

    def write_tables(self, out_dir, previous: Path | None = None) -> list[Path]:
        """``<out_dir>/<name>.csv`` per table, written block by block (one block per region,
        the table's first sort key): a block whose documents and their fingerprints are those
        ``previous`` (the last generation) recorded is copied from there; a block where some
        changed is the previous block's rows of its unchanged documents merged with the fresh
        rows of the others (:mod:`.table_blocks`), so one changed document costs its own rows
        only. The bytes are a cold build's."""
        out = Path(out_dir)
        index: dict[str, list] = {}
        with PreviousTables(previous) as old, SideWriter(out) as side:
            self._previous_tables = old
            try:
                for name in TABLE_NAMES:
                    index[name] = self._write_table(out / f"{name}.csv", name, old, side)
            finally:
                self._previous_tables = None
        write_index(out, index, self.fingerprints)
        return [out / f"{name}.csv" for name in TABLE_NAMES]

    def _write_table(self, path: Path, name: str, old: PreviousTables, side: SideWriter) -> list[list]:
        entries = []
        with atomic_writer(path, "wb") as fh:
            offset = fh.write(csv_header(name).encode("utf-8"))
            for region, docs in self.blocks(name):
                key = self._block_key(name, region, docs)
                copied = old.copy_into(fh, name, region, key)     # unchanged: copied by the kernel
                if copied is None:
                    block = self._block_text(name, region, docs)
                    fh.write(block.data)
                    copied = len(block.data), block.side
                length, side_record = copied
                entries.append([region, key, offset, length, *side.add(side_record)])
                offset += length
        return entries

    def _block_text(self, name: str, region, docs: list[str]) -> Block:
        """A block made now (not copied): merged from the previous generation's block (the one
        :meth:`write_tables` reads) where it has unchanged documents, else made whole."""
        old = self._previous_tables or PreviousTables(None)
        keep = {d for d in docs if old.unchanged(d, self.fingerprints[d])}
        previous = old.block(name, region) if keep else None
        if previous is not None:
            fresh = self._block_rows(name, region, [d for d in docs if d not in keep])
            merged = merge_block(name, region, previous, keep, fresh)
            if merged is not None:
                return merged
        return render_block(name, region, self._block_rows(name, region, docs))

    def rows_by_doc(self, docs: Iterable[str]) -> dict[str, dict[str, list[dict]]]:
        """doc -> table -> its rows as dicts (the store writes them), of ``docs`` only: in the
        table's order, each column's values as the table frame of these rows holds them
        (:func:`frame_values`), without the frame (no pandas in a build that makes none)."""
        out: dict[str, dict[str, list[dict]]] = {}
        wanted = set(docs)
        wanted = [d for d in self.docs() if d in wanted]
        for name in TABLE_NAMES:
            rows = [row for d in wanted for row in self.filled(d)[name]]
            if not rows:
                continue
            columns = COLUMNS[name]
            rows = [rows[i] for i in sort_order(name, rows)]
            values = [frame_values(col, list(cells)) for col, cells in zip(columns, zip(*rows))]
            for row in zip(*values):
                rec = dict(zip(columns, row))
                out.setdefault(str(rec.get("doc")), {}).setdefault(name, []).append(rec)
        return out

    def region_names(self) -> dict[str, object]:
        """Every region the tables' rows name -> its name (the shared label), as the rows give it."""
        names: dict[str, object] = {}
        for name in TABLE_NAMES:
            for region, _ in self.blocks(name):
                if region is not None:
                    names.setdefault(region, self.shared.get((f"region:{region}", "label")))
        return names

    def contributions(self, docs: Iterable[str]) -> list[dict] | None:
        """The report contributions of ``docs`` in that order; None when one has none (its piece
        failed): the report then works from the facts. An unchanged document's is parsed from
        the JSON text the state keeps (~0.6 s for 10,000: the dicts' construction)."""
        out = []
        with collector_paused():
            for d in docs:
                c = self._reports.get(d)
                if c is None and d not in self._reports:
                    e = self._entries.get(d)
                    c = json.loads(e[2]) if e is not None and e[2] is not None else None
                if c is None:
                    return None
                out.append(c)
        return out

    def contract_starts(self) -> list[tuple]:
        """(region, year, segment, contract start) of every financing row that gives a start."""
        return [tuple(t) for p in self.pieces for t in p.get("starts", [])]

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


class ColumnsOnly:
    """A table the store knows by its columns alone: it types them by name (models/store.py
    ``_sql_type``), as it typed an empty table frame's, which held no rows to infer from."""

    def __init__(self, columns: list[str]):
        self.columns = list(columns)

    def __len__(self) -> int:
        return 0


def frame_values(column: str, cells: list) -> list:
    """A column's cells as ``DataFrame(rows).astype(object)`` holds them, up to what the store
    makes of them (models/store.py ``_clean``: a gap is NULL, numpy scalars and bools plain):
    an integer column is whole numbers or gaps (``Int64``); any other column that holds only
    numbers, one a float or beside a gap, is floats (pandas infers float64 for it)."""
    if column in INT_COLUMNS:
        return [None if _gap(v) else int(v) if v.__class__ is float else v for v in cells]
    present = [v for v in cells if not _gap(v)]
    if present and all(v.__class__ in (int, float) for v in present) and (
            len(present) < len(cells) or any(v.__class__ is float for v in present)):
        return [None if _gap(v) else float(v) for v in cells]
    return cells


def _gap(v) -> bool:
    return v is None or (v.__class__ is float and v != v)


class StoreTables(Mapping):
    """What the store (models/store.py) reads of the tables, without every row being read:
    each table's columns and types (an empty frame: the types are fixed by column name), the
    rows of the documents it rewrites (:meth:`Assembly.rows_by_doc`) and the regions the rows
    name (:meth:`Assembly.region_names`)."""

    def __init__(self, assembly: Assembly):
        self.assembly = assembly
        self.rows_by_doc = assembly.rows_by_doc
        self.region_names = assembly.region_names

    def __getitem__(self, name: str):
        if name not in TABLE_NAMES:
            raise KeyError(name)
        return ColumnsOnly(COLUMNS[name])

    def __iter__(self):
        return iter(TABLE_NAMES)

    def __len__(self) -> int:
        return len(TABLE_NAMES)


def assemble(pieces: Iterable, keys: Mapping[str, str] | None = None) -> Assembly:
    return Assembly(list(pieces), keys)


# --------------------------------------------------------------------------- the piece cache
#: What main before round 10 kept beside the pieces (every summary, rewritten each build); the
#: state (models/derived_state.py) replaces it, and prune deletes it.
OLD_SUMMARIES = "summaries.tsv"


class PieceCache:
    """Pieces on disk, one JSON file per key (``<cache>/derived/<key>.json``), and the last
    build's :class:`~.derived_state.AssemblyState` beside them; None: no cache."""

    def __init__(self, cache_dir: Path | None):
        self.folder = None if cache_dir is None else Path(cache_dir) / "derived"
        self.made = 0
        self.reused = 0

    def state(self) -> AssemblyState | None:
        """The state the last build saved, or None (none, damaged, other format)."""
        return None if self.folder is None else read_state(self.folder / STATE_FILE)

    def save(self, assembly: Assembly) -> None:
        if self.folder is not None:
            with contextlib.suppress(OSError):     # no state: the next build takes the full path
                write_state(self.folder / STATE_FILE, assembly.state())

    def get(self, key: str, doc_id: str, make) -> dict:
        """The cached piece of ``key``, else ``make()`` (stored for next time)."""
        return self.held(key, doc_id, make).full()

    def source(self, key: str, doc_id: str, make, summary: dict | None = None) -> HeldPiece:
        """The piece of a document the state vouches for, read when its rows are: no look at
        the disk now (its file is made again from ``make`` if it cannot be read then)."""
        path = None if self.folder is None else self.folder / f"{key}.json"
        if path is None:
            return HeldPiece(summary or {"doc": doc_id}, data=json.dumps(make(), ensure_ascii=False))
        return HeldPiece(summary or {"doc": doc_id}, path=path, make=lambda: self._remade(key, doc_id, make))

    def _remade(self, key: str, doc_id: str, make) -> dict:
        path = self.folder / f"{key}.json"
        with contextlib.suppress(OSError):
            path.unlink()
        return self.held(key, doc_id, make).full()

    def held(self, key: str, doc_id: str, make) -> HeldPiece:
        """The piece of ``key`` as a :class:`HeldPiece` (what a build keeps of a piece until it
        is assembled): its summary from its file, else ``make()`` and written for next time.

        A file holds two lines of JSON, the piece's summary and the whole piece; JSON text has
        no raw line break, so the first line is the summary."""
        path = None if self.folder is None else self.folder / f"{key}.json"
        if path is not None:
            summary = _stored_summary(path)
            if summary is not None and summary.get("doc") == doc_id:
                self.reused += 1
                return HeldPiece(summary, path=path)
        piece = make()
        data = json.dumps(piece, ensure_ascii=False)
        line = json.dumps(summarise(piece), ensure_ascii=False)
        summary = json.loads(line)       # as JSON gives it back, so a fresh piece reads as a stored one
        self.made += 1
        if path is not None and not piece.get("failed"):   # a failed piece is made again next time
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(line + "\n" + data, encoding="utf-8")
            os.replace(tmp, path)
            return HeldPiece(summary, path=path)
        return HeldPiece(summary, data=data)

    def prune(self, keep: set[str], previous: AssemblyState | None = None) -> int:
        """Drop pieces no document of this build uses (removed or changed documents): by name
        those of the ``previous`` state's keys, else (no state) every file not kept."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        if previous is not None:
            names = [f"{e[0]}.json" for e in previous.entries.values() if e[0] is not None and e[0] not in keep]
        else:
            names = [p.name for p in self.folder.iterdir() if p.stem not in keep and p.name != STATE_FILE]
        removed = 0
        for name in names:
            with contextlib.suppress(OSError):
                (self.folder / name).unlink()
                removed += 1
        return removed


def _stored_summary(path: Path) -> dict | None:
    """The first line of a stored piece (its summary); None when there is none (or it cannot be read)."""
    with contextlib.suppress(OSError, ValueError):
        with open(path, encoding="utf-8") as fh:
            return json.loads(fh.readline())
    return None
