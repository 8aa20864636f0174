"""The SQLite store ``outputs/inkoopgraaf.db``: documents, facts with evidence, regions and the
comparison tables, with full-text search, written by ``inkoopgraaf build``.

    write_store("outputs/inkoopgraaf.db", facts, documents, texts, tables)

Tables (``SCHEMA`` gives the columns):

* ``documents`` (one row per document), ``texts`` (the extracted text the offsets point into),
* ``facts`` (one row per fact: the contract's provenance ``doc``/``start``/``end``/``page``, the
  evidence ``quote`` — the sentence around the span — and the value's fields as typed columns),
* ``regions`` and ``municipalities`` (the gazetteer plus any id the facts use), ``members``,
* the comparison tables of :mod:`models.tables` (``financing``, ``procedures``, ``segments``,
  ``timeline``, ``plan_changes``, ``decisions``) with an ``evidence_fact`` column that points at
  the fact their quote comes from,
* ``vocabulary``: every id a user may type with its Dutch label and wordings (input resolution),
* ``facts_fts`` (quote, span text) and ``texts_fts`` (title, text): FTS5 indexes kept in step by
  triggers.

The store is updated per document: a document whose record, facts, text or table rows changed
has all its rows deleted (``ON DELETE CASCADE`` from ``documents``) and written anew; a document
that is no longer in the input is deleted; an unchanged document is not touched, so its fact ids
(and the links to them) stay the same. All changes of one build go in one transaction, so a
reader sees the store of the previous build or of this one, never a mix. A change of the schema (for instance a new
column in a comparison table) rebuilds the file.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from . import gazetteer
from .evidence import passage
from .facts import Fact
from .tables import INT_COLUMNS, SORT
from .taxonomy import load_taxonomy

if TYPE_CHECKING:
    import pandas as pd

STORE_NAME = "inkoopgraaf.db"
SCHEMA_VERSION = 1
QUOTE_LIMIT = 300

DOCUMENT_COLUMNS = {
    "id": "TEXT PRIMARY KEY", "title": "TEXT", "year": "INTEGER", "path": "TEXT", "format": "TEXT",
    "sha256": "TEXT", "pages": "INTEGER", "characters": "INTEGER", "regions": "TEXT", "status": "TEXT",
    "error": "TEXT", "manifest_region": "TEXT", "fingerprint": "TEXT",
}

#: Value fields of every fact type as typed columns. A decision's date and a plan change's
#: ``to`` date fill the date columns too, so "all dated things" is one column.
FACT_VALUE_COLUMNS = {
    "value_id": "TEXT", "label": "TEXT", "name": "TEXT", "domain": "TEXT", "parent": "TEXT",
    "variant": "TEXT", "segment": "TEXT", "status": "TEXT", "cbs": "TEXT", "actor": "TEXT",
    "object": "TEXT", "what": "TEXT", "date_start": "TEXT", "date_end": "TEXT", "granularity": "TEXT",
    "modifier": "TEXT", "event": "TEXT", "from_start": "TEXT", "from_end": "TEXT", "to_start": "TEXT",
    "to_end": "TEXT", "shift_days": "INTEGER",
}

FACT_COLUMNS = {
    "id": "INTEGER PRIMARY KEY", "doc": "TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE",
    "type": "TEXT NOT NULL", "text": "TEXT", "start": "INTEGER", "end": "INTEGER", "page": "INTEGER",
    "quote": "TEXT", "confidence": "REAL", **FACT_VALUE_COLUMNS, "value": "TEXT",
}

REGION_COLUMNS = {"id": "TEXT PRIMARY KEY", "name": "TEXT", "code": "TEXT", "is_jeugdregio": "INTEGER"}
MUNICIPALITY_COLUMNS = {"cbs": "TEXT PRIMARY KEY", "name": "TEXT", "province": "TEXT", "valid_from": "TEXT",
                        "valid_to": "TEXT", "merged_into": "TEXT", "tooi_uri": "TEXT"}

#: Every id users may type, with its Dutch label and each wording that means it (taxonomy terms,
#: gazetteer names, Dutch status/actor/event words): the CLI and the canned queries resolve input here.
VOCABULARY_COLUMNS = {"kind": "TEXT NOT NULL", "id": "TEXT NOT NULL", "label": "TEXT", "term": "TEXT",
                      "key": "TEXT NOT NULL"}

COMPARISON_TABLES = ("financing", "procedures", "segments", "timeline", "plan_changes", "decisions", "members")
#: Columns of the comparison tables that point at a reference table.
_REFERENCES = {"doc": "documents(id) ON DELETE CASCADE", "region": "regions(id)",
               "evidence_doc": "documents(id) ON DELETE SET NULL",
               "evidence_fact": "facts(id) ON DELETE SET NULL"}
#: Row order of each comparison table, as models/tables.py sorts it (the store keeps rows per
#: document; reading a table back restores the order the CSVs and the report have).
TABLE_ORDER = SORT
#: Columns worth an index (the joins and filters the canned queries and the CLI use). Every
#: column that REFERENCES another table is indexed too: deleting a parent row (a document, a fact)
#: looks its children up by that column, and without an index each delete scans the whole child
#: table (``evidence_doc`` had none: rewriting every document of a moved corpus was quadratic).
_INDEXED = ("doc", "region", "segment", "financing", "procedure", "status", "year", "actor", "event")


@dataclass
class StoreStats:
    path: Path
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False

    def summary(self) -> str:
        how = "rebuilt" if self.rebuilt else "updated"
        return (f"{self.path.name} {how}: {self.added} added, {self.updated} changed, {self.removed} removed, "
                f"{self.unchanged} unchanged")


# --------------------------------------------------------------------------- schema
def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(name: str, columns: Mapping[str, str]) -> str:
    return f"CREATE TABLE {_q(name)} (" + ", ".join(f"{_q(c)} {t}" for c, t in columns.items()) + ")"


#: Flag columns of the comparison tables (stored 0/1). With models/tables.py's INT_COLUMNS they fix
#: a column's type by name, so an empty table gets the same schema as a full one.
_FLAG_COLUMNS = ("superseded", "named_in_document", "onzeker")
#: Fraction columns, REAL by name for the same reason (a table whose rows all lack it stays REAL).
_REAL_COLUMNS = ("confidence",)


def _sql_type(df, column: str) -> str:
    if column in INT_COLUMNS or column in _FLAG_COLUMNS:
        return "INTEGER"
    if column in _REAL_COLUMNS:
        return "REAL"
    if not hasattr(df, "dtypes"):
        # a table known by its columns alone (models/derived.py StoreTables, no pandas): the
        # other columns are TEXT, as an empty table frame's object columns are
        return "TEXT"
    import pandas as pd
    series = df[column]
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return "INTEGER"
    if pd.api.types.is_float_dtype(series):
        return "REAL"
    return "TEXT"


def comparison_columns(df: pd.DataFrame) -> dict[str, str]:
    """Column -> SQL declaration for a comparison table, from the DataFrame models/tables.py made."""
    cols = {"id": "INTEGER PRIMARY KEY"}
    for c in df.columns:
        ref = _REFERENCES.get(c)
        cols[c] = _sql_type(df, c) + (f" REFERENCES {ref}" if ref else "")
    cols["evidence_fact"] = "INTEGER REFERENCES " + _REFERENCES["evidence_fact"]
    return cols


def schema(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """All CREATE statements, in dependency order."""
    stmts = [
        _create("meta", {"key": "TEXT PRIMARY KEY", "value": "TEXT"}),
        _create("documents", DOCUMENT_COLUMNS),
        _create("texts", {"doc": "TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE",
                          "title": "TEXT", "text": "TEXT"}),
        _create("regions", REGION_COLUMNS),
        _create("municipalities", MUNICIPALITY_COLUMNS),
        _create("facts", FACT_COLUMNS),
        _create("vocabulary", VOCABULARY_COLUMNS),
        "CREATE INDEX idx_vocabulary_key ON vocabulary(kind, key)",
    ]
    for name in COMPARISON_TABLES:
        df = tables.get(name)       # once: a Mapping's `in` would make the frame a second time
        if df is not None:
            cols = comparison_columns(df)
            stmts.append(_create(name, cols))
            stmts += [f"CREATE INDEX {_q(f'idx_{name}_{c}')} ON {_q(name)}({_q(c)})"
                      for c, decl in cols.items() if c in _INDEXED or " REFERENCES " in decl]
    stmts += [f"CREATE INDEX idx_facts_{c} ON facts({_q(c)})" for c in ("doc", "type", "value_id", "segment", "event")]
    stmts += _fts_statements()
    return stmts


def _fts_statements() -> list[str]:
    """FTS5 indexes over evidence quotes and document texts, kept in step by triggers
    (external content, so the text is stored once). Datasette finds them by their content= table."""
    out = []
    for fts, table, key, cols in (("facts_fts", "facts", "id", ("quote", "text")),
                                  ("texts_fts", "texts", "rowid", ("title", "text"))):
        out.append(f'CREATE VIRTUAL TABLE {fts} USING fts5({", ".join(cols)}, content="{table}", '
                   f"content_rowid='{key}', tokenize='unicode61 remove_diacritics 2')")
        new = ", ".join(f"new.{_q(c)}" for c in cols)
        old = ", ".join(f"old.{_q(c)}" for c in cols)
        names = ", ".join(cols)
        out.append(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{key}, {new}); END")
        out.append(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{key}, {old}); END")
        out.append(f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{key}, {old}); "
                   f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{key}, {new}); END")
    return out


def schema_fingerprint(tables: Mapping[str, pd.DataFrame]) -> str:
    text = json.dumps([SCHEMA_VERSION, schema(tables)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- rows
def _pandas_missing(v) -> bool:
    """pandas' NA or NaT; pandas is imported only where frames are made (a build that writes the
    store from the assembly's rows makes none), and until then no value can be one of them."""
    pd = sys.modules.get("pandas")
    return pd is not None and (v is pd.NA or v is pd.NaT)


def _clean(v):
    """A value SQLite can hold: NaN/NA -> NULL, numpy scalars -> Python, bools -> 0/1."""
    cls = v.__class__
    if cls is str or cls is int:        # most values: as they are
        return v
    if v is None or _pandas_missing(v):
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def _as_fact(f) -> Fact:
    return f if isinstance(f, Fact) else Fact.from_json(dict(f))


def _date_fields(prefix: str, value) -> dict:
    if not isinstance(value, Mapping):
        return {}
    return {f"{prefix}_start": value.get("start"), f"{prefix}_end": value.get("end")}


def fact_row(f: Fact, text: str | None) -> dict:
    """One ``facts`` row: provenance, the evidence quote and the value's fields as columns."""
    v = f.value or {}
    row = {"doc": f.doc, "type": f.type, "text": f.text, "start": f.start, "end": f.end, "page": f.page,
           "quote": passage(text, f.start, f.end, QUOTE_LIMIT) if text else f.text,
           "confidence": f.confidence, "value": json.dumps(v, ensure_ascii=False)}
    row["value_id"] = v.get("id")
    for key in ("label", "name", "domain", "parent", "variant", "segment", "status", "cbs", "actor", "object",
                "what", "granularity", "modifier", "event", "shift_days"):
        if not isinstance(v.get(key), (dict, list)):
            row[key] = v.get(key)
    date = v if f.type == "date" else v.get("date") if f.type == "decision" else v.get("to")
    row.update(_date_fields("date", date))
    if isinstance(date, Mapping) and f.type != "date":
        row.update({k: date.get(k) for k in ("granularity", "modifier", "event")})
    if f.type == "plan_change":
        row.update(_date_fields("from", v.get("from")))
        row.update(_date_fields("to", v.get("to")))
    return {k: _clean(row.get(k)) for k in FACT_COLUMNS if k != "id"}


def document_row(rec: Mapping, fingerprint: str) -> dict:
    row = {k: _clean(rec.get(k)) for k in DOCUMENT_COLUMNS}
    for k in ("year", "pages", "characters"):
        if row[k] in ("", None):
            row[k] = None
        else:
            try:
                row[k] = int(float(row[k]))
            except (TypeError, ValueError):
                row[k] = None
    row["fingerprint"] = fingerprint
    return {k: (None if v == "" else v) for k, v in row.items()}


def _table_rows_by_doc(tables: Mapping[str, pd.DataFrame], only: set[str] | None = None
                       ) -> dict[str, dict[str, list[dict]]]:
    """doc -> table -> rows (plain Python values); ``only``: of these documents alone."""
    out: dict[str, dict[str, list[dict]]] = {}
    if hasattr(tables, "rows_by_doc") and only is not None:   # models/derived.py StoreTables
        for doc, by_table in tables.rows_by_doc(only).items():
            out[doc] = {name: [{k: _clean(v) for k, v in row.items()} for row in rows]
                        for name, rows in by_table.items() if name in COMPARISON_TABLES}
        return out
    for name in COMPARISON_TABLES:
        df = tables.get(name)
        if df is not None and only is not None and len(df):
            df = df[df["doc"].astype(str).isin(only)]
        if df is None or not len(df):
            continue
        for rec in df.astype(object).to_dict(orient="records"):
            row = {k: _clean(v) for k, v in rec.items()}
            out.setdefault(str(row.get("doc")), {}).setdefault(name, []).append(row)
    return out


def _fingerprint(rec: Mapping, facts: list[dict], text: str | None, rows: Mapping) -> str:
    payload = json.dumps([{k: _clean(v) for k, v in rec.items()}, facts, text, rows],
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- vocabulary
_SEPARATORS = re.compile(r"[\s\-_/.'’]+")


def vocabulary_key(text: str, fold: bool = False) -> str:
    """How a typed id, label or wording is looked up: lower case without spaces, hyphens,
    underscores, slashes or dots ('Lumpsum-financiering' -> 'lumpsumfinanciering'), as the
    taxonomy's own matcher treats them; ``fold`` also drops accents ('financiële' -> 'financiele')."""
    key = _SEPARATORS.sub("", (text or "").strip().lower())
    if fold:
        key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return key


@lru_cache(maxsize=1)
def dutch_labels() -> dict[str, dict[str, dict]]:
    """models/data/labels_nl.json: Dutch labels and wordings of statuses, actors and events."""
    data = json.loads(resources.files(__package__).joinpath("data/labels_nl.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict, ...]:
    return tuple(_vocabulary_entries())


def vocabulary_rows() -> list[dict]:
    """kind, id, label, term, key for every id a user may type (see VOCABULARY_COLUMNS)."""
    return [dict(r) for r in _vocabulary()]


def _vocabulary_entries() -> list[dict]:
    entries: list[tuple[str, str, str, list[str]]] = []
    tax = load_taxonomy()
    for kind, table in (("segment", tax.segments), ("financing", tax.financing), ("procedure", tax.procedures)):
        for e in table.values():
            entries.append((kind, e.id, e.label, [t for t in e.terms if not t.startswith("re:")]))
    for kind, table in dutch_labels().items():
        for ident, e in table.items():
            entries.append((kind, ident, e["label"], list(e.get("terms", ()))))
    for r in gazetteer.all_regions():
        entries.append(("region", r.id, r.name, list(r.aliases)))
    rows, seen = [], set()
    for kind, ident, label, terms in entries:
        for term in (ident, label, *terms):
            # dict, not set: the plain key then the folded one, the same order in every process
            # (a set of strings iterates in hash order, which PYTHONHASHSEED changes per run).
            for key in dict.fromkeys((vocabulary_key(term), vocabulary_key(term, fold=True))):
                if key and (kind, ident, key) not in seen:
                    seen.add((kind, ident, key))
                    rows.append({"kind": kind, "id": ident, "label": label, "term": term, "key": key})
    return rows


# --------------------------------------------------------------------------- writing
def connect(path, readonly: bool = False) -> sqlite3.Connection:
    path = Path(path)
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    return con


def _insert(con: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = f"INSERT INTO {_q(table)} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))})"
    con.executemany(sql, [[r.get(c) for c in cols] for r in rows])


def _ensure_schema(con: sqlite3.Connection, tables: Mapping[str, pd.DataFrame]) -> bool:
    """Create the schema, or drop and recreate it when it changed. True when (re)created."""
    want = schema_fingerprint(tables)
    try:
        have = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        have = None
    if have and have[0] == want:
        return False
    con.execute("PRAGMA foreign_keys = OFF")
    objects = con.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                          "AND type IN ('table', 'view')").fetchall()
    with con:
        con.execute("BEGIN")  # sqlite3 does not open a transaction for DDL: without it every CREATE syncs
        for kind, name in objects:
            if not name.startswith(("facts_fts_", "texts_fts_")):  # shadow tables go with their FTS table
                con.execute(f"DROP {kind.upper()} IF EXISTS {_q(name)}")
        for stmt in schema(tables):
            con.execute(stmt)
        con.execute("INSERT INTO meta(key, value) VALUES ('schema', ?), ('schema_version', ?)",
                    (want, str(SCHEMA_VERSION)))
    con.execute("PRAGMA foreign_keys = ON")
    return True


def _write_vocabulary(con: sqlite3.Connection) -> None:
    """Rewrite ``vocabulary`` only when its rows (in order) differ from :func:`vocabulary_rows`:
    they change with the taxonomy, labels or gazetteer, not with the documents, so most builds
    leave the table as it is instead of deleting and inserting every row."""
    want = vocabulary_rows()
    cols = list(VOCABULARY_COLUMNS)
    have = con.execute(f"SELECT {', '.join(map(_q, cols))} FROM vocabulary ORDER BY rowid").fetchall()
    if have == [tuple(r[c] for c in cols) for r in want]:
        return
    with con:
        con.execute("DELETE FROM vocabulary")
        _insert(con, "vocabulary", want)


def _reference_rows(tables: Mapping[str, pd.DataFrame]):
    """Regions and municipalities of the gazetteer, plus any region id the tables use (their rows
    point at regions, so these are written before the documents' rows)."""
    regions = {r.id: {"id": r.id, "name": r.name, "code": r.code, "is_jeugdregio": int(r.is_jeugdregio)}
               for r in gazetteer.all_regions()}
    munis = {}
    for m in gazetteer.get_gazetteer().municipalities.values():
        munis[m.cbs] = {"cbs": m.cbs, "name": m.display_name, "province": m.province,
                        "valid_from": m.valid_from.isoformat() if m.valid_from else None,
                        "valid_to": m.valid_to.isoformat() if m.valid_to else None,
                        "merged_into": "|".join(m.merged_into) or None, "tooi_uri": m.tooi_uri}
    region_names = getattr(tables, "region_names", None)    # models/derived.py StoreTables: no rows read
    for rid, name in (region_names() if region_names is not None else {}).items():
        regions.setdefault(rid, {"id": rid, "name": _clean(name), "code": None, "is_jeugdregio": 0})
    for df in tables.values() if region_names is None else ():
        if "region" in getattr(df, "columns", ()):
            names = dict(zip(df["region"], df["region_name"])) if "region_name" in df.columns else {}
            for rid in df["region"].dropna().unique():
                regions.setdefault(rid, {"id": rid, "name": _clean(names.get(rid)), "code": None,
                                         "is_jeugdregio": 0})
    return regions, munis


def _fact_references(con, position: Mapping[str, int], munis: Mapping):
    """The regions and municipalities the store's facts (as this build leaves them) name that the
    gazetteer does not know, the first fact naming each (documents in batch order) giving its name.
    A table's region named by a fact too gets the fact's name, as it always had."""
    gazetteer_regions = {r.id for r in gazetteer.all_regions()}
    found_regions: dict[str, dict] = {}
    for rid, name in _unknown_places(con, "region", "value_id", gazetteer_regions, position):
        found_regions.setdefault(rid, {"id": rid, "name": name, "code": None, "is_jeugdregio": 0})
    found_munis: dict[str, dict] = {}
    for cbs, name in _unknown_places(con, "municipality", "cbs", munis, position):
        found_munis.setdefault(cbs, {"cbs": cbs, "name": name, "province": None, "valid_from": None,
                                     "valid_to": None, "merged_into": None, "tooi_uri": gazetteer.tooi_uri(cbs)})
    return list(found_regions.values()), list(found_munis.values())


def _unknown_places(con, fact_type: str, column: str, known: Mapping, position: Mapping[str, int]):
    """(id, name) of the ``fact_type`` facts whose id the gazetteer does not know, in the order
    the facts of the documents (batch order) give them: SQLite picks them out, so a build reads
    no fact that the gazetteer already names."""
    rows = con.execute(f"SELECT doc, id, {_q(column)}, name FROM facts WHERE type = ? AND {_q(column)} "
                       f"NOT IN (SELECT value FROM json_each(?))", (fact_type, json.dumps(sorted(known))))
    end = len(position)
    for _doc, _id, ident, name in sorted(rows, key=lambda r: (position.get(r[0], end), r[0], r[1])):
        if ident:
            yield ident, name


def _upsert(con, table: str, key: str, rows: list[dict]) -> None:
    """Insert or update ``rows`` by ``key``; a row the table already holds as it is is not written
    (most builds find every gazetteer row as the last build left it)."""
    if not rows:
        return
    cols = list(rows[0])
    held = {r[0]: r[1:] for r in con.execute(f"SELECT {', '.join(map(_q, [key, *cols]))} FROM {_q(table)}")}
    rows = [r for r in rows if held.get(r.get(key)) != tuple(r.get(c) for c in cols)]
    if not rows:
        return
    sets = ", ".join(f"{_q(c)} = excluded.{_q(c)}" for c in cols if c != key)
    sql = (f"INSERT INTO {_q(table)} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' * len(cols))}) "
           f"ON CONFLICT({_q(key)}) DO UPDATE SET {sets}")
    con.executemany(sql, [[r.get(c) for c in cols] for r in rows])


def _write_document(con, doc: str, rec: Mapping, fingerprint: str, facts: list[Fact], text: str | None,
                    rows: Mapping[str, list[dict]], replace: bool) -> None:
    """Write one document's rows, replacing the old ones (inside the caller's transaction)."""
    if replace:
        con.execute("DELETE FROM documents WHERE id = ?", (doc,))  # cascades to texts, facts, table rows
    _insert(con, "documents", [document_row({**rec, "id": doc}, fingerprint)])
    if text is not None:
        _insert(con, "texts", [{"doc": doc, "title": _clean(rec.get("title")), "text": text}])
    _insert(con, "facts", [fact_row(f, text) for f in facts])
    span_to_fact: dict[tuple, int] = {}
    for fid, start, end in con.execute('SELECT id, start, "end" FROM facts WHERE doc = ? ORDER BY id', (doc,)):
        span_to_fact.setdefault((doc, start, end), fid)
    for name, table_rows in rows.items():
        out = []
        for r in table_rows:
            key = (r.get("evidence_doc"), r.get("evidence_start"), r.get("evidence_end"))
            out.append({**r, "evidence_fact": span_to_fact.get(key)})
        _insert(con, name, out)


def write_store(path, facts: Iterable[Fact | Mapping], documents: Iterable[Mapping],
                texts: Mapping[str, str], tables: Mapping[str, pd.DataFrame],
                fingerprints: Mapping[str, str] | None = None) -> StoreStats:
    """Bring the store at ``path`` in line with these documents, facts, texts and tables
    (all in memory; :func:`update_store` reads each document's facts and text when needed)."""
    records = {str(r["id"]): dict(r) for r in documents if r.get("id")}
    by_doc: dict[str, list[Fact]] = {}
    for f in map(_as_fact, facts):
        by_doc.setdefault(f.doc, []).append(f)
        records.setdefault(f.doc, {"id": f.doc})
    if fingerprints is None:
        for doc in _table_rows_by_doc(tables):
            records.setdefault(doc, {"id": doc})
    return update_store(path, list(records.values()), lambda doc: (by_doc.get(doc, []), texts.get(doc)),
                        tables, fingerprints)


def update_store(path, documents: Sequence[Mapping], contents: Callable[[str], tuple[Sequence[Fact], str | None]],
                 tables: Mapping[str, pd.DataFrame], fingerprints: Mapping[str, str] | None = None) -> StoreStats:
    """Bring the store at ``path`` in line with ``documents`` (records, in batch order) and tables.

    ``contents(doc)`` gives a document's facts and text; it is asked only for documents that are
    written, so a build passes records and reads facts and texts one document at a time.
    ``fingerprints`` (doc -> a digest of everything its rows are made from, as models/derived.py
    keeps them) tell which documents changed; without them each document's facts, text and rows
    are serialised to see whether it changed. Only changed documents are rewritten; documents
    not given any more are deleted; all in one transaction. Returns counts of what changed."""
    path = Path(path)
    records = {str(r["id"]): dict(r) for r in documents}
    position = {doc: i for i, doc in enumerate(records)}
    con = connect(path)
    try:
        stats = StoreStats(path, rebuilt=_ensure_schema(con, tables))
        _write_vocabulary(con)
        have = dict(con.execute("SELECT id, fingerprint FROM documents"))
        stale = None if fingerprints is None else {d for d in records if have.get(d) != fingerprints.get(d)}
        rows_by_doc = _table_rows_by_doc(tables, stale)
        regions, munis = _reference_rows(tables)
        # One transaction for the whole update: a reader sees the store before or after this
        # build, never half of it; within it each changed document is deleted and written anew,
        # then the places its facts name that the gazetteer does not know are added.
        with con:
            _upsert(con, "regions", "id", list(regions.values()))
            _upsert(con, "municipalities", "cbs", list(munis.values()))
            for doc in sorted(set(have) - set(records)):
                con.execute("DELETE FROM documents WHERE id = ?", (doc,))
                stats.removed += 1
            for doc, rec in sorted(records.items()):
                if stale is not None and doc not in stale:
                    stats.unchanged += 1
                    continue
                facts, text = contents(doc)
                facts = [_as_fact(f) for f in facts]
                fp = fingerprints.get(doc) if fingerprints is not None else None
                fp = fp or _fingerprint(rec, [f.to_json() for f in facts], text, rows_by_doc.get(doc, {}))
                if have.get(doc) == fp:
                    stats.unchanged += 1
                    continue
                _write_document(con, doc, rec, fp, facts, text, rows_by_doc.get(doc, {}), doc in have)
                if doc in have:
                    stats.updated += 1
                else:
                    stats.added += 1
                del facts, text
            named_regions, named_munis = _fact_references(con, position, munis)
            _upsert(con, "regions", "id", named_regions)
            _upsert(con, "municipalities", "cbs", named_munis)
        keep_regions = set(regions) | {r["id"] for r in named_regions}
        keep_munis = set(munis) | {m["cbs"] for m in named_munis}
        _drop_unused_references(con, keep_regions, keep_munis)
        if stats.added or stats.updated or stats.removed:
            con.execute("PRAGMA optimize")
    finally:
        con.close()
    return stats


def _drop_unused_references(con, regions: set[str], munis: set[str]) -> None:
    """Regions/municipalities an earlier build added that neither the gazetteer nor any row uses now."""
    with con:
        for table, key, keep in (("regions", "id", regions), ("municipalities", "cbs", munis)):
            stale = [k for (k,) in con.execute(f"SELECT {key} FROM {table}") if k not in keep]
            for k in stale:
                try:
                    con.execute(f"DELETE FROM {table} WHERE {key} = ?", (k,))
                except sqlite3.IntegrityError:
                    pass  # still referenced by a row: keep it


# --------------------------------------------------------------------------- reading
def store_path(outputs) -> Path:
    return Path(outputs) / STORE_NAME


def read_table(path, name: str) -> pd.DataFrame:
    """A table of the store as a DataFrame (the store's own ``id``/``evidence_fact`` columns included).

    INTEGER columns come back as nullable ``Int64`` and flag columns as ``bool``, the dtypes
    models/tables.py gives them, so a table read back equals the table written."""
    con = connect(path, readonly=True)
    try:
        import pandas as pd
        df = pd.read_sql_query(f"SELECT * FROM {_q(name)} ORDER BY rowid", con)
        types = {r[1]: (r[2] or "").upper() for r in con.execute(f"PRAGMA table_info({_q(name)})")}
    finally:
        con.close()
    for col, sql_type in types.items():
        if col in _FLAG_COLUMNS:
            df[col] = df[col].fillna(0).astype(bool)
        elif sql_type.startswith("INTEGER"):
            df[col] = pd.array(df[col].tolist(), dtype="Int64") if len(df) else df[col].astype("Int64")
    order = [c for c in TABLE_ORDER.get(name, ()) if c in df.columns]
    if order and len(df):
        df = df.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)
    return df


def read_facts(path) -> list[Fact]:
    """The facts of the store as contract facts, in document then offset order."""
    con = connect(path, readonly=True)
    try:
        rows = con.execute('SELECT doc, type, text, start, "end", page, value, confidence FROM facts ORDER BY doc, id')
        return [Fact(doc=d, type=t, text=x, start=s, end=e, page=p, value=json.loads(v or "{}"), confidence=c)
                for d, t, x, s, e, p, v, c in rows]
    finally:
        con.close()
