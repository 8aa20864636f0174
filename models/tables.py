"""Cross-region comparison tables: tidy pandas DataFrames, one row per observation.

The tables are computed FROM THE GRAPH (:func:`tables_from_graph`), so a table
row and a graph edge can never disagree; :func:`tables_from_facts` is the
reproducible entry point (facts.jsonl + documents.csv -> graph -> tables).

Every row carries its evidence: the number of supporting facts, the best one's
confidence, its quote, document and page (highest confidence, then earliest in
the text), and ``onzeker`` when the answer rests on a single weak fact.

Tables (name -> one row per):
* ``financing``: region x segment x document(year) x financing model x status.
  ``segment == "all"`` means the document applies the model to the region's
  whole procurement. Columns include the iSD variant, the procedure(s) chosen
  for the same scope, and the contract start the document gives.
* ``procedures``: region x segment x document x procedure x status.
* ``segments``: region x document x segment (what a region procures, when).
* ``timeline``: region x document x dated event (interval, modifier, segment).
* ``plan_changes``: region x plan change (from, to, shift_days, event).
* ``decisions``: region x decision (actor, status, object, date, segments).
* ``members``: region x document x municipality (CBS code, TOOI URI).
"""
from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from .facts import Fact, read_facts
from .graph import ALL_SEGMENTS, build_graph, edges_of_type, nodes_of_kind
from .io import _FORMULA_START, atomic_writer
from .scopes import rules

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

TABLE_NAMES = ("financing", "procedures", "segments", "timeline", "plan_changes", "decisions", "members")

EVIDENCE_COLUMNS = ["n_evidence", "confidence", "onzeker", "evidence_quote", "evidence_doc", "evidence_page",
                    "evidence_start", "evidence_end"]

COLUMNS: dict[str, list[str]] = {
    "financing": ["region", "region_name", "segment", "segment_label", "year", "doc", "financing", "financing_label",
                  "variant", "status", "procedure", "contract_start", *EVIDENCE_COLUMNS],
    "procedures": ["region", "region_name", "segment", "segment_label", "year", "doc", "procedure",
                   "procedure_label", "status", *EVIDENCE_COLUMNS],
    "segments": ["region", "region_name", "year", "doc", "segment", "segment_label", "labels", "domain", "parent",
                 "contract_start", *EVIDENCE_COLUMNS],
    "timeline": ["region", "region_name", "year", "doc", "event", "start", "end", "granularity", "modifier",
                 "event_year", "segment", "origin", "superseded", "node", *EVIDENCE_COLUMNS],
    "plan_changes": ["region", "region_name", "year", "doc", "event", "what", "segment", "from_start", "from_end", "to_start",
                     "to_end", "shift_days", "node", *EVIDENCE_COLUMNS],
    "decisions": ["region", "region_name", "year", "doc", "actor", "actor_label", "status", "object", "date_start",
                  "date_end", "segments", "node", *EVIDENCE_COLUMNS],
    "members": ["region", "region_name", "year", "doc", "cbs", "municipality", "tooi_uri", "source",
                "named_in_document", *EVIDENCE_COLUMNS],
}

INT_COLUMNS = ("year", "evidence_page", "evidence_start", "evidence_end", "n_evidence", "shift_days", "event_year")


# --------------------------------------------------------------------------- helpers
def evidence(provenance: list[dict], prefer_type: str | None = None) -> dict:
    """Summarise provenance as table columns: count, how sure, and the best supporting quote.

    ``confidence`` is the best supporting fact's; ``onzeker`` marks an answer that rests on a
    single weak fact (one fact, confidence below ``weak_confidence`` in answer_rules.json)."""
    facts = [p for p in provenance or [] if p.get("type") != "document"]
    pool = [p for p in facts if p.get("type") == prefer_type] or facts
    if not pool:
        return {"n_evidence": 0, "confidence": None, "onzeker": None, "evidence_quote": None, "evidence_doc": None,
                "evidence_page": None, "evidence_start": None, "evidence_end": None}
    best = sorted(pool, key=lambda p: (-(p.get("confidence") or 0), p.get("doc") or "", p.get("start") or 0))[0]
    conf = best.get("confidence")
    weak = len(facts) == 1 and (conf is None or conf < rules()["weak_confidence"])
    return {"n_evidence": len(facts), "confidence": None if conf is None else round(float(conf), 3),
            "onzeker": weak, "evidence_quote": best.get("quote"), "evidence_doc": best.get("doc"),
            "evidence_page": best.get("page"), "evidence_start": best.get("start"), "evidence_end": best.get("end")}


def _is_na(v) -> bool:
    """Whether ``v`` is pandas' NA. pandas is imported only where frames are made (~0.2 CPU s
    per process): until then no value can be its NA."""
    pd = sys.modules.get("pandas")
    return pd is not None and v is pd.NA


def _frame(name: str, rows: list[dict], sort: list[str]) -> pd.DataFrame:
    import pandas as pd
    df = pd.DataFrame(rows, columns=COLUMNS[name])
    for col in INT_COLUMNS:
        if col in df.columns:
            df[col] = pd.array(df[col].tolist(), dtype="Int64") if len(df) else df[col].astype("Int64")
    if len(df):
        df = df.sort_values(sort, kind="stable", na_position="last").reset_index(drop=True)
    return df


def sort_order(name: str, rows: list[tuple]) -> list[int]:
    """Positions of ``rows`` (tuples in column order) in the table's order (:func:`_frame`'s
    stable sort, gaps last in every key): a block is sorted alone, its cells written from the
    tuples themselves. A key column whose values do not compare (text beside numbers) is
    sorted as pandas sorts it."""
    cols = [COLUMNS[name].index(c) for c in SORT[name]]
    try:
        return sorted(range(len(rows)), key=lambda i: [_sort_key(rows[i][c]) for c in cols])
    except TypeError:
        import pandas as pd
        df = pd.DataFrame([[row[i] for i in cols] for row in rows], columns=SORT[name])
        for col in INT_COLUMNS:
            if col in df.columns:
                df[col] = pd.array(df[col].tolist(), dtype="Int64")
        return df.sort_values(SORT[name], kind="stable", na_position="last").index.tolist()


def _sort_key(v) -> tuple:
    cls = v.__class__
    if cls is str or cls is int:        # most keys: no look for a gap
        return (False, v)
    return (True, 0) if v is None or (cls is float and v != v) or _is_na(v) else (False, v)


def _regions_of(G, node: str, doc: str) -> list[str]:
    """Regions an event/decision/plan change is 'of'/'concerns' in its document."""
    return sorted(G.nodes[v]["region"] for _, v, d in G.out_edges(node, data=True)
                  if G.nodes[v].get("kind") == "Region" and d.get("doc") == doc)


def _contract_starts(G) -> dict[str, list[tuple[dict, set[str]]]]:
    """doc -> [(contract_start event data, segments it is about)]."""
    out: dict[str, list[tuple[dict, set[str]]]] = {}
    for node in nodes_of_kind(G, "Event"):
        d = G.nodes[node]
        if d.get("event") != "contract_start" or not d.get("date_start"):
            continue
        segs = {G.nodes[v]["segment"] for _, v in G.out_edges(node) if G.nodes[v].get("kind") == "Segment"}
        out.setdefault(d["doc"], []).append((d, segs))
    return out


def _pick_contract_start(events: list[tuple[dict, set[str]]], segment: str, year: int | None) -> str | None:
    """The new contracts' start for a segment, or None (onbekend).

    A date belongs to the segment of its clause, table row or section (or the segment a plan
    change moved). A segment without a date of its own gets the document-wide date only when
    the document states one for all its care: a contract start no segment claims. Dates a
    plan change moved away from, and the start of an extended contract, are not the start."""
    live = [(e, segs) for e, segs in events if not e.get("superseded") and not e.get("extension")]
    own = [e for e, segs in live if segment in segs] if segment != ALL_SEGMENTS else []
    return _dominant_date(own or [e for e, segs in live if not segs], year)


def _dominant_date(pool: list[dict], year: int | None) -> str | None:
    """The date the document states most often (dates before its own year last; ties: the latest)."""
    if year is not None:
        pool = [e for e in pool if int(e["date_start"][:4]) >= year] or pool
    counts = Counter(e["date_start"] for e in pool)
    return max(counts, key=lambda d: (counts[d], d)) if counts else None


# --------------------------------------------------------------------------- tables
#: Sort order of each table (every one names ``doc``, so rows that tie come from one document).
SORT: dict[str, list[str]] = {
    "procedures": ["region", "year", "doc", "segment", "procedure"],
    "financing": ["region", "segment", "year", "doc", "financing", "status"],
    "segments": ["region", "year", "doc", "segment"],
    "timeline": ["region", "start", "end", "event", "doc", "node"],
    "plan_changes": ["region", "year", "doc", "from_start", "node"],
    "decisions": ["region", "actor", "year", "doc", "node"],
    "members": ["region", "year", "doc", "cbs"],
}


def tables_from_graph(G: nx.MultiDiGraph) -> dict[str, pd.DataFrame]:
    """The comparison tables of a graph, sorted (see :data:`SORT`)."""
    rows = table_rows(G)
    return {name: _frame(name, rows[name], SORT[name]) for name in TABLE_NAMES}


def _node_attr(G: nx.MultiDiGraph):
    def get(node: str, key: str):
        return G.nodes[node].get(key) if node in G else None
    return get


def table_rows(G: nx.MultiDiGraph, shared=None) -> dict[str, list[dict]]:
    """The rows of every table, unsorted, in a stable order (edges by (u, v, key), nodes by id).

    ``shared(node, key)`` reads an attribute of a node documents share (a region's, segment's,
    financing model's, procedure's, actor's or municipality's label, variant, domain): the
    graph's own by default; :mod:`.derived` passes a reference it fills in later from every
    document, so one document's rows can be made without the others."""
    shared = shared or _node_attr(G)

    class _Names:
        def get(self, region):
            return None if region is None else shared(f"region:{region}", "label")
    rname = _Names()
    tables: dict[str, list[dict]] = {}

    # procedures first: the financing table names the procedure for the same scope
    proc_rows, proc_index = [], {}
    for u, v, _, d in edges_of_type(G, "procured_via"):
        row = {"region": d["region"], "region_name": rname.get(d["region"]), "segment": d["segment"],
               "segment_label": shared(u, "label") if d["segment"] != ALL_SEGMENTS else None,
               "year": d.get("year"), "doc": d["doc"], "procedure": d["procedure"],
               "procedure_label": shared(v, "label"), "status": d.get("status"), **evidence(d["provenance"])}
        proc_rows.append(row)
        proc_index.setdefault((d["region"], d["doc"], d["segment"]), []).append(row)
    tables["procedures"] = proc_rows

    def procedure_for(region, doc, segment):
        rows = proc_index.get((region, doc, segment)) or proc_index.get((region, doc, ALL_SEGMENTS)) or []
        chosen = sorted({r["procedure"] for r in rows if r["status"] in ("chosen", None)})
        return "; ".join(chosen) or None

    starts = _contract_starts(G)
    fin_rows = []
    for u, v, _, d in edges_of_type(G, "financed_by"):
        seg = d["segment"]
        fin_rows.append({
            "region": d["region"], "region_name": rname.get(d["region"]), "segment": seg,
            "segment_label": shared(u, "label") if seg != ALL_SEGMENTS else None, "year": d.get("year"),
            "doc": d["doc"], "financing": d["financing"], "financing_label": shared(v, "label"),
            "variant": d.get("variant") or shared(v, "variant"), "status": d.get("status"),
            "procedure": procedure_for(d["region"], d["doc"], seg),
            "contract_start": _pick_contract_start(starts.get(d["doc"], []), seg, d.get("year")), **evidence(d["provenance"])})
    tables["financing"] = fin_rows

    seg_rows = []
    for u, v, _, d in edges_of_type(G, "procures"):
        parents = sorted({G.nodes[p]["segment"] for _, p, pd_ in G.out_edges(v, data=True)
                          if pd_.get("type") == "part_of" and pd_.get("doc") == d["doc"]})
        seg_rows.append({"region": d["region"], "region_name": rname.get(d["region"]), "year": d.get("year"),
                         "doc": d["doc"], "segment": d["segment"], "segment_label": shared(v, "label"),
                         "labels": "; ".join(d.get("labels") or []), "domain": shared(v, "domain"),
                         "parent": "; ".join(parents) or None,
                         "contract_start": _pick_contract_start(starts.get(d["doc"], []), d["segment"], d.get("year")),
                         **evidence(d["provenance"])})
    tables["segments"] = seg_rows

    tl_rows = []
    for node in nodes_of_kind(G, "Event"):
        d = G.nodes[node]
        segs = sorted(G.nodes[v]["segment"] for _, v in G.out_edges(node) if G.nodes[v].get("kind") == "Segment")
        for region in _regions_of(G, node, d["doc"]) or [None]:
            tl_rows.append({"region": region, "region_name": rname.get(region), "year": d.get("year"),
                            "doc": d["doc"], "event": d.get("event"), "start": d.get("date_start"),
                            "end": d.get("date_end"), "granularity": d.get("granularity"),
                            "modifier": d.get("modifier"),
                            "event_year": int(d["date_start"][:4]) if d.get("date_start") else None,
                            "segment": "; ".join(segs) or None, "origin": d.get("origin"),
                            "superseded": bool(d.get("superseded")), "node": node, **evidence(d["provenance"])})
    tables["timeline"] = tl_rows

    pc_rows = []
    for node in nodes_of_kind(G, "PlanChange"):
        d = G.nodes[node]
        regions = sorted({r for _, ev in G.out_edges(node) for r in _regions_of(G, ev, d["doc"])})
        for region in regions or [None]:
            pc_rows.append({"region": region, "region_name": rname.get(region), "year": d.get("year"),
                            "doc": d["doc"], "event": d.get("event"), "what": d.get("what"),
                            "segment": "; ".join(d.get("segments") or []) or None,
                            "from_start": d.get("from_start"), "from_end": d.get("from_end"),
                            "to_start": d.get("to_start"), "to_end": d.get("to_end"),
                            "shift_days": d.get("shift_days"), "node": node, **evidence(d["provenance"])})
    tables["plan_changes"] = pc_rows

    dec_rows = []
    for node in nodes_of_kind(G, "Decision"):
        d = G.nodes[node]
        segs = sorted({G.nodes[v]["segment"] for _, v in G.out_edges(node) if G.nodes[v].get("kind") == "Segment"})
        for region in _regions_of(G, node, d["doc"]) or [None]:
            dec_rows.append({"region": region, "region_name": rname.get(region), "year": d.get("year"),
                             "doc": d["doc"], "actor": d.get("actor"), "actor_label": shared(f"actor:{d.get('actor')}", "label"),
                             "status": d.get("status"), "object": d.get("object"), "date_start": d.get("date_start"),
                             "date_end": d.get("date_end"), "segments": "; ".join(segs) or None, "node": node,
                             **evidence(d["provenance"])})
    tables["decisions"] = dec_rows

    mem_rows = []
    for u, v, _, d in edges_of_type(G, "has_member"):
        mem_rows.append({"region": G.nodes[u]["region"], "region_name": rname.get(G.nodes[u]["region"]),
                         "year": d.get("year"), "doc": d["doc"], "cbs": shared(v, "cbs"),
                         "municipality": shared(v, "label"), "tooi_uri": shared(v, "tooi_uri"),
                         "source": d.get("source"),
                         "named_in_document": bool(d.get("named_in_document")),
                         **evidence(d["provenance"], prefer_type="municipality")})
    tables["members"] = mem_rows
    return {name: tables[name] for name in TABLE_NAMES}


def tables_from_facts(facts: Iterable[Fact | Mapping], documents: Iterable[Mapping] = (),
                      texts: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Reproducible entry point: the same facts and document records always give the same tables."""
    return tables_from_graph(build_graph(facts, documents, texts))


# --------------------------------------------------------------------------- I/O
#: Columns whose cells are fractions (written as Python's shortest float repr, as pandas did).
FLOAT_COLUMNS = ("confidence",)


def _absent(v) -> bool:
    return v is None or (v.__class__ is float and v != v) or _is_na(v)


def _int_cell(v) -> str:
    return "" if _absent(v) else str(int(v))


def _float_cell(v) -> str:
    return "" if _absent(v) else repr(float(v))


def _text_cell(v) -> str:
    if _absent(v):
        return ""
    if v.__class__ is str:      # no live formulas from document text
        return "'" + v if v.startswith(_FORMULA_START) else v
    return str(v)


def cell_writers(name: str) -> list:
    """One formatter per column of table ``name``, fixed by the column's name alone.

    A CSV file is written in region blocks, some copied from the previous build: a cell must
    read the same whichever rows surround it, so its text cannot depend on the dtype pandas
    infers for the column of one frame (an int beside a NaN turned "3" into "3.0")."""
    return [_int_cell if c in INT_COLUMNS else _float_cell if c in FLOAT_COLUMNS else _text_cell
            for c in COLUMNS[name]]


def csv_header(name: str) -> str:
    return _csv_text([COLUMNS[name]])


def csv_rows(name: str, rows: Iterable[tuple]) -> str:
    """CSV text of ``rows`` (tuples in :data:`COLUMNS` order), each cell by :func:`cell_writers`."""
    return _csv_text(_cells(name, rows))


def csv_row_texts(name: str, rows: Iterable[tuple]) -> list[str]:
    """The CSV text of each row apart (joined they are :func:`csv_rows`): a block of a table
    is rebuilt from the rows' texts of its unchanged documents, so each row's extent is kept."""
    texts: list[str] = []
    # the writer hands each record to write() once, its line ending (and any quoted line
    # breaks of its cells) included
    csv.writer(_Collect(texts.append), lineterminator="\n").writerows(_cells(name, rows))
    return texts


class _Collect:
    __slots__ = ("write",)

    def __init__(self, write):
        self.write = write


def _cells(name: str, rows: Iterable[tuple]) -> list[list[str]]:
    writers = cell_writers(name)
    text = [w is _text_cell for w in writers]
    out = []
    for row in rows:
        cells = []
        for is_text, w, v in zip(text, writers, row):
            # most cells are plain text: written as they are, without a call (a block of a large
            # region has a million cells)
            cells.append(v if is_text and v.__class__ is str and not v.startswith(_FORMULA_START) else w(v))
        out.append(cells)
    return out


def _csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def frame_rows(df: pd.DataFrame) -> list[tuple]:
    """A table frame's rows as tuples in :data:`COLUMNS` order (Int64 gaps as ``pd.NA``)."""
    name_cols = list(df.columns)
    return list(zip(*(df[c].tolist() for c in name_cols))) if len(df) else []


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir) -> list[Path]:
    """Write each table as ``<out_dir>/<name>.csv`` (UTF-8, atomic replace). Returns the paths."""
    out = Path(out_dir)
    paths = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        with atomic_writer(path, newline="") as fh:
            fh.write(csv_header(name) + csv_rows(name, frame_rows(df[COLUMNS[name]])))
        paths.append(path)
    return paths


def read_documents(path) -> list[dict]:
    """documents.csv -> records with numbers restored (year/pages/characters int or None)."""
    path = Path(path)
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        for key in ("year", "pages", "characters"):
            val = r.get(key)
            try:
                r[key] = None if val in (None, "") or (isinstance(val, float) and math.isnan(val)) else int(float(val))
            except ValueError:
                r[key] = None
    return rows


def load_inputs(outputs_dir) -> tuple[list[Fact], list[dict]]:
    """facts.jsonl + documents.csv of a build directory (documents.csv optional)."""
    out = Path(outputs_dir)
    return list(read_facts(out / "facts.jsonl")), read_documents(out / "documents.csv")


def load_texts(outputs_dir) -> dict[str, str]:
    """The extracted texts ``texts/<doc>.txt`` of a build (fact offsets point into them)."""
    folder = Path(outputs_dir) / "texts"
    if not folder.is_dir():
        return {}
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """Facts as a DataFrame: contract columns plus the value's fields flattened as ``value_<key>``."""
    rows = []
    for f in facts:
        row = f.to_json()
        for k, v in (f.value or {}).items():
            row[f"value_{k}"] = json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
        rows.append(row)
    import pandas as pd
    return pd.DataFrame(rows)
