"""Build the self-contained HTML report for policy staff.

The report is ONE file that works offline: the template, CSS and JS are package
data inlined into the page, and all data travels as a JSON island
(``<script type="application/json">``) that the page's own script renders with
``createElement``/``textContent`` only. Document text is untrusted (it comes
from PDFs and web pages), so the JSON is escaped such that nothing inside it
can close the island or be parsed as markup, and a Content-Security-Policy
allows only the report's own script (by hash) and no network at all.

Heavy lifting (grouping facts into the comparison matrix, timelines, decision
lists, readable Dutch value summaries) happens here in Python, where it is easy
to test; the browser only draws and filters.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
import os
import re
from collections import defaultdict
from collections.abc import Mapping   # not typing.Mapping: its isinstance check is several times slower
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from . import labels as L

UNKNOWN_REGION = "_onbekend"
WHOLE_DOCUMENT = "_document"
#: Rows of an extra table (models/tables.py output) embedded at most; a note says when cut.
MAX_TABLE_ROWS = 5000

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes, so ``</script>``,
    ``<!--`` or ``<script`` inside document text can neither end the element nor
    switch the HTML parser's script state; U+2028/2029 are escaped because older
    JS engines treat them as line ends. JSON.parse restores every character.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # str.replace per character (a C scan, skipped when the character is absent) instead of a
    # regex callback per match: a region page's JSON is megabytes with many '&' and '<'. No
    # escape holds one of the characters, so the order of the passes does not matter.
    for char, escape in _ESCAPES.items():
        if char in text:
            text = text.replace(char, escape)
    return text


# --------------------------------------------------------------------------- values

def _as_dict(fact: Any) -> dict:
    if fact.__class__ is dict:      # already a plain dict (a region page's facts): read, never changed here
        return fact
    if isinstance(fact, Mapping):
        return dict(fact)
    return fact.to_json()


def _parse_iso(value: Any) -> _dt.date | None:
    if not isinstance(value, str):
        return None
    return _iso_date(value[:10])


@lru_cache(maxsize=65536)
def _iso_date(text: str) -> _dt.date | None:
    """A page asks for the same few thousand dates over and over (each fact's start, each table
    cell): parsed once each, and a failed parse (a raised ValueError) costs once too."""
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        return None


def _day(d: _dt.date) -> str:
    return f"{d.day} {L.MONTHS[d.month - 1]} {d.year}"


def format_interval(start: Any, end: Any, granularity: str | None = None) -> str:
    """A date interval as a Dutch reader writes it (``april 2022``, ``Q1 2022``, ``1 januari 2023``)."""
    s, e = _parse_iso(start), _parse_iso(end) or _parse_iso(start)
    if s is None:
        return str(start or "datum onbekend")
    if e is None or e == s:
        return _day(s)
    month_end = (_dt.date(s.year + (s.month == 12), s.month % 12 + 1, 1) - _dt.timedelta(days=1))
    if s.day == 1 and e == month_end:
        return f"{L.MONTHS[s.month - 1]} {s.year}"
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    if granularity == "quarter" and s.day == 1 and s.month % 3 == 1 and s.year == e.year:
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    return f"{_day(s)} – {_day(e)}"


def _date_value_text(value: Mapping | None) -> str:
    if not isinstance(value, Mapping):
        return ""
    text = format_interval(value.get("start"), value.get("end"), value.get("granularity"))
    modifier = value.get("modifier")
    if modifier:
        text = f"{L.label(L.MODIFIER_LABELS, modifier)} {text}"
    return text


def _point(value: Any) -> str | None:
    """ISO start of a plan change end point, which may be a date value or a bare ISO string."""
    if isinstance(value, Mapping):
        return value.get("start") if _parse_iso(value.get("start")) else None
    return value if _parse_iso(value) else None


def _shift_days(value: Mapping) -> int | None:
    shift = value.get("shift_days")
    if isinstance(shift, (int, float)) and not isinstance(shift, bool):
        return int(shift)
    a, b = _parse_iso(_point(value.get("from"))), _parse_iso(_point(value.get("to")))
    return (b - a).days if a and b else None


def _segment_text(segment_id: Any) -> str:
    return "hele document" if segment_id is None else f"segment {L.label(L.SEGMENT_LABELS, segment_id)}"


def summarize(ftype: str, value: Any) -> str:
    """One readable Dutch line for a fact's value (the facts table's 'Waarde' column)."""
    v = value if isinstance(value, Mapping) else {}
    if ftype == "date":
        text = _date_value_text(v)
        if v.get("event"):
            text += f" · {L.label(L.EVENT_LABELS, v.get('event')).lower()}"
        return text
    if ftype == "segment":
        text = L.label(L.SEGMENT_LABELS, v.get("id"))
        if v.get("id") == "other" and v.get("label"):
            text = f"Overig: {v.get('label')}"
        if v.get("domain"):
            text += f" ({v.get('domain')})"
        if v.get("parent"):
            text += f" · onderdeel van {L.label(L.SEGMENT_LABELS, v.get('parent'))}"
        return text
    if ftype == "financing":
        variant = v.get("variant") or L.FINANCING_VARIANTS.get(v.get("id"), "none")
        return (f"{L.label(L.FINANCING_LABELS, v.get('id'))} ({L.label(L.VARIANT_LABELS, variant)})"
                f" · {L.STATUS_LABELS.get(v.get('status'), v.get('status'))} · {_segment_text(v.get('segment'))}")
    if ftype == "procedure":
        return (f"{L.label(L.PROCEDURE_LABELS, v.get('id'))} · "
                f"{L.STATUS_LABELS.get(v.get('status'), v.get('status'))} · {_segment_text(v.get('segment'))}")
    if ftype == "decision":
        text = (f"{L.label(L.ACTOR_LABELS, v.get('actor'))} · "
                f"{L.label(L.DECISION_STATUS_LABELS, v.get('status'))}")
        if v.get("object"):
            text += f": {v.get('object')}"
        if isinstance(v.get("date"), Mapping):
            text += f" ({_date_value_text(v.get('date'))})"
        return text
    if ftype == "region":
        return f"{v.get('name') or v.get('id')} ({v.get('id')})"
    if ftype == "municipality":
        return f"{v.get('name')} ({v.get('cbs')})"
    if ftype == "plan_change":
        a, b = _point(v.get("from")), _point(v.get("to"))
        shift = _shift_days(v)
        text = f"{v.get('what') or 'planning'}: {format_interval(a, a) if a else '?'} → {format_interval(b, b) if b else '?'}"
        if shift is not None:
            text += f" ({shift:+d} dagen)"
        return text
    return json.dumps(v, ensure_ascii=False)[:300]


# --------------------------------------------------------------------------- payload

def _first_line(text: str | None, limit: int = 110) -> str:
    """A title for a document without one: its first non-empty line (documents open with their title)."""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if len(line) >= 3:
            return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + " …"
    return ""


def _region_sort_key(region: dict) -> tuple:
    return (region["id"] == UNKNOWN_REGION, region["name"].lower())


def build_payload(facts: Iterable[Any], documents: Iterable[Mapping], texts: Mapping[str, str] | None = None,
                  tables: Mapping[str, Any] | None = None, title: str | None = None,
                  attributions: Mapping[str, Iterable[str]] | None = None,
                  weak: set[tuple[str, int, int]] | None = None, with_tables: bool = True,
                  summaries: bool = True, worded: list[str] | None = None) -> dict:
    """Everything the page shows, as plain JSON-able data (lists of indices keep it compact).

    ``attributions`` (doc -> its own regions) and ``weak`` (whole-procurement claims that are
    no statement, as (doc, start, end)) are what build already knows per document
    (models/derived.py); without them they are worked out here from the facts and texts.
    ``with_tables=False`` leaves the comparison tables' grids out (the split summary does not
    carry them; the matrix still reads its contract starts from ``tables``); ``summaries=False``
    leaves each fact row's Dutch summary None (the split summary words only the facts it cites);
    ``worded``: each fact's summary, already made (:mod:`.pagecache` keeps them per document)."""
    fact_dicts = [_as_dict(f) for f in facts]
    documents = list(documents)
    texts = dict(texts or {})

    # Documents: the given records first, then any document that only appears in the facts.
    docs: list[dict] = []
    doc_index: dict[str, int] = {}
    for rec in documents:
        did = str(rec.get("id"))
        if did in doc_index:
            continue
        doc_index[did] = len(docs)
        docs.append({
            "id": did, "title": rec.get("title") or _first_line(texts.get(did)), "path": str(rec.get("path") or ""),
            "format": rec.get("format") or "", "pages": rec.get("pages"),
            "characters": rec.get("characters"), "status": rec.get("status") or "ok",
            "error": rec.get("error") or "", "year": rec.get("year"),
            "declared_regions": _region_list(rec.get("regions")),
        })
    for f in fact_dicts:
        did = str(f.get("doc"))
        if did not in doc_index:
            doc_index[did] = len(docs)
            docs.append({"id": did, "title": _first_line(texts.get(did)), "path": "", "format": "", "pages": None,
                         "characters": len(texts[did]) if did in texts else None, "status": "ok",
                         "error": "", "year": None, "declared_regions": []})

    # Regions: a document belongs to its own regions (issue 12: not to every region it names).
    own = _own_regions(fact_dicts, documents, texts, attributions)
    region_names: dict[str, str] = {}
    doc_regions: dict[int, set[str]] = defaultdict(set)
    for f in fact_dicts:
        if f.get("type") == "region" and isinstance(f.get("value"), Mapping):
            rid = f["value"].get("id")
            if rid and rid in own[str(f["doc"])]:
                region_names.setdefault(rid, f["value"].get("name") or rid)
                doc_regions[doc_index[str(f["doc"])]].add(rid)
    for i, d in enumerate(docs):
        declared = d.pop("declared_regions")
        for rid in declared if d["id"] not in own else [r for r in declared if r in own[d["id"]]]:
            region_names.setdefault(rid, rid.replace("_", " ").title())
            doc_regions[i].add(rid)
    if any(not doc_regions[i] for i in range(len(docs))):
        region_names[UNKNOWN_REGION] = "Onbekend (geen regio gevonden)"
    regions = sorted(({"id": rid, "name": name} for rid, name in region_names.items()), key=_region_sort_key)
    region_index = {r["id"]: i for i, r in enumerate(regions)}
    for i, d in enumerate(docs):
        d["regions"] = sorted(region_index[r] for r in (doc_regions[i] or {UNKNOWN_REGION}))
        d["n"] = 0
    for r in regions:
        r["docs"] = []
    for i, d in enumerate(docs):
        for ri in d["regions"]:
            regions[ri]["docs"].append(i)

    # Facts as compact rows: [doc, type, start, end, page, text, summary, confidence].
    rows: list[list] = []
    municipalities: dict[int, dict[str, list]] = defaultdict(dict)
    matrix_cells: dict[tuple[int, str], dict[str, dict]] = defaultdict(lambda: {"fin": {}, "proc": {}})
    segment_columns: set[str] = set()
    events: dict[int, dict[tuple, list[int]]] = defaultdict(dict)
    changes: dict[int, list] = defaultdict(list)
    decisions: list[list] = []
    from inkoopgraaf.models.scopes import weak_whole_claim_spans
    if weak is None:   # issue 12: no whole-document cell without a statement
        weak = weak_whole_claim_spans(fact_dicts, texts)
    for fi, f in enumerate(fact_dicts):
        ftype = str(f.get("type"))
        value = f.get("value") if isinstance(f.get("value"), Mapping) else {}
        di = doc_index[str(f.get("doc"))]
        docs[di]["n"] += 1
        conf = f.get("confidence")
        said = (worded[fi] if worded is not None else summarize(ftype, value)) if summaries else None
        rows.append([di, ftype, f.get("start"), f.get("end"), f.get("page"), f.get("text") or "",
                     said, round(float(conf), 3) if isinstance(conf, (int, float)) else None])
        # what the fact adds to each of its document's regions, worked out once (not once per region)
        if ftype == "municipality" and value.get("cbs"):
            cbs = value["cbs"]
            for ri in docs[di]["regions"]:
                municipalities[ri].setdefault(cbs, [cbs, value.get("name") or cbs, 0])[2] += 1
        elif ftype in ("financing", "procedure") and (str(f.get("doc")), f.get("start"), f.get("end")) not in weak:
            col = value.get("segment") or WHOLE_DOCUMENT
            if col != WHOLE_DOCUMENT:
                segment_columns.add(col)
            kind = "fin" if ftype == "financing" else "proc"
            key = (value.get("id"), value.get("status"))
            year = docs[di].get("year")
            for ri in docs[di]["regions"]:
                matrix_cells[(ri, year, col)][kind].setdefault(key, []).append(fi)
        elif ftype == "date" and value.get("event") and _parse_iso(value.get("start")):
            key = (value["event"], value["start"][:10], (value.get("end") or value["start"])[:10])
            for ri in docs[di]["regions"]:
                events[ri].setdefault(key, []).append(fi)
        elif ftype == "plan_change":
            a, b = _point(value.get("from")), _point(value.get("to"))
            if a and b:
                change = [value.get("what") or "", a[:10], b[:10], _shift_days(value), fi]
                for ri in docs[di]["regions"]:
                    changes[ri].append(list(change))
        if ftype == "decision":
            decisions.append([fi, value.get("actor") or "other", value.get("status")])

    for ri, r in enumerate(regions):
        r["municipalities"] = sorted(municipalities[ri].values(), key=lambda m: m[1].lower())

    matrix = _matrix(regions, fact_dicts, matrix_cells, segment_columns,
                     _contract_starts(tables or {}, {r["id"]: i for i, r in enumerate(regions)}))

    timeline = []
    for ri in range(len(regions)):
        evs = [[ev, s, e, idxs] for (ev, s, e), idxs in sorted(events[ri].items(), key=lambda kv: (kv[0][1], kv[0][0]))]
        if evs or changes[ri]:
            timeline.append({"region": ri, "events": evs, "changes": sorted(changes[ri], key=lambda c: c[1])})

    return {
        "meta": generated_meta(title),
        "labels": build_labels(),
        "docs": docs,
        "regions": regions,
        "facts": rows,
        "texts": [texts.get(d["id"]) for d in docs],
        "matrix": matrix,
        "timeline": timeline,
        "decisions": decisions,
        "tables": _tables_payload(tables or {}, fact_dicts) if with_tables else [],
    }


def generated_meta(title: str | None) -> dict:
    """The page's title and when it was made (see :func:`_generated`)."""
    return {"title": title or "Inkoop jeugdhulp en Wmo: vergelijking van regio's", "generated": _generated()}


def build_labels() -> dict:
    """The Dutch words the page's script looks ids up in."""
    return {
        "types": L.FACT_TYPE_LABELS,
        # JSON has no None key: a missing status is looked up as "null" (String(null) in JS).
        "status": {("null" if k is None else k): v for k, v in L.STATUS_LABELS.items()},
        "variants": L.VARIANT_LABELS, "events": L.EVENT_LABELS, "eventOrder": L.EVENT_ORDER,
        "actors": L.ACTOR_LABELS, "decisionStatus": L.DECISION_STATUS_LABELS,
    }


def _own_regions(fact_dicts, documents, texts, attributions) -> dict[str, set[str]]:
    """doc -> its own regions (issue 12: a document belongs to them, not to every region it names)."""
    if attributions is not None:
        return {str(doc): set(regions) for doc, regions in attributions.items()}
    from inkoopgraaf.models.regions import document_attributions
    return {doc: set(att.own) for doc, att in document_attributions(fact_dicts, documents, texts).items()}


def _generated() -> str | None:
    """When the report was made, only when the build says so (SOURCE_DATE_EPOCH, the
    reproducible-builds convention): a clock reading would make re-runs differ."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).strftime("%d-%m-%Y %H:%M")


def _matrix(regions: list[dict], fact_dicts: list[dict], matrix_cells: Mapping, segment_columns: set[str],
            starts: Mapping) -> dict:
    """The comparison matrix: one row per region and document year (years are kept apart, never
    merged), one column per segment plus the whole procurement; each cell lists the financing
    models and procedures (strongest status first) and the contract start the tables give."""
    known = [s for s in L.SEGMENT_ORDER if s in segment_columns]
    extra = sorted(segment_columns - set(known))
    columns = [{"id": WHOLE_DOCUMENT, "label": "Hele inkoop", "domain": ""}] + [
        {"id": s, "label": L.label(L.SEGMENT_LABELS, s), "domain": L.SEGMENT_DOMAINS.get(s, "")}
        for s in known + extra]
    status_rank = {s: i for i, s in enumerate(L.STATUS_ORDER)}
    keys = sorted({(ri, year) for ri, year, _ in matrix_cells}, key=lambda k: (k[0], k[1] is None, k[1] or 0))
    rows, models = [], {}
    for ri, year in keys:
        cells = {}
        for col in columns:
            cell = matrix_cells.get((ri, year, col["id"]))
            if not cell:
                continue
            fin = [[fid, L.label(L.FINANCING_LABELS, fid), _variant_of(fact_dicts[idxs[0]], fid), status, idxs]
                   for (fid, status), idxs in cell["fin"].items()]
            proc = [[pid, L.label(L.PROCEDURE_LABELS, pid), status, idxs] for (pid, status), idxs in cell["proc"].items()]
            fin.sort(key=lambda e: (status_rank.get(e[3], 9), e[1]))
            proc.sort(key=lambda e: (status_rank.get(e[2], 9), e[1]))
            for e in fin:
                models.setdefault(e[0], [e[0], e[1], e[2]])
            cells[col["id"]] = {"fin": fin, "proc": proc, "start": starts.get((ri, year, col["id"]))}
        if cells:
            rows.append({"region": ri, "year": year, "cells": cells})
    order = {fid: i for i, fid in enumerate(L.FINANCING_LABELS)}
    return {"columns": columns, "rows": rows,
            "models": sorted(models.values(), key=lambda m: (order.get(m[0], len(order)), m[1]))}


def _contract_starts(tables: Any, region_index: Mapping[str, int]) -> dict:
    """(region index, document year, segment column) -> the contract start of the financing table
    (``tables``: the tables, or a build's assembly, which knows the starts without the rows)."""
    out: dict[tuple, str] = {}
    if hasattr(tables, "contract_starts"):
        rows = tables.contract_starts()
    else:
        df = tables.get("financing")
        if df is None or not hasattr(df, "columns") or "contract_start" not in df.columns:
            return out
        rows = zip(df["region"], df["year"], df["segment"], df["contract_start"])
    for region, year, segment, start in rows:
        if region not in region_index or not isinstance(start, str) or not start:
            continue
        col = WHOLE_DOCUMENT if segment in (None, "all") else segment
        key = (region_index[region], None if _cell(year) == "" else int(year), col)
        out[key] = max(out.get(key, ""), start[:10])
    return out


def _variant_of(fact: Mapping, financing_id: Any) -> str:
    value = fact.get("value") if isinstance(fact.get("value"), Mapping) else {}
    variant = value.get("variant") or L.FINANCING_VARIANTS.get(financing_id) or "none"
    return variant if variant in L.VARIANT_LABELS else "none"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value.__class__ in (str, int, bool):   # most cells: no pandas look at them (the same text)
        return str(value)
    if value.__class__ is float:              # the tables' other common cell: NaN is a gap, as pd.isna says
        return "" if value != value else str(int(value)) if value.is_integer() else str(value)
    try:
        import pandas as pd
        if pd.isna(value):
            return ""
    except (TypeError, ValueError, ImportError):
        pass
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_cell(v) for v in value)
    return str(value)


_DATE_COLUMNS = {"contract_start", "start", "end", "from_start", "to_start", "date_start"}


def _table_value(table: str, column: str, value: Any) -> str:
    """A table cell in Dutch: ids of statuses, variants, events and booleans become words."""
    text = _cell(value)
    if column == "segment_label" and text == "":
        return "hele document"  # models/tables.py leaves the label empty for segment "all"
    if text == "":
        return ""
    if column == "status":
        return L.DECISION_STATUS_LABELS.get(text) if table == "decisions" and text in L.DECISION_STATUS_LABELS \
            else L.STATUS_LABELS.get(text, text)
    if column == "variant":
        return L.VARIANT_LABELS.get(text, text)
    if column == "event":
        return L.EVENT_LABELS.get(text, text)
    if column == "granularity":
        return L.GRANULARITY_LABELS.get(text, text)
    if column == "segment" and text == "all":
        return "hele document"
    if column in ("procedure", "segments", "parent"):
        # models/tables.py joins ids with "; " in these columns
        table_labels = L.PROCEDURE_LABELS if column == "procedure" else L.SEGMENT_LABELS
        return "; ".join(L.label(table_labels, part.strip()) for part in text.split(";"))
    if column in _DATE_COLUMNS and _parse_iso(text):
        return format_interval(text, text)
    if isinstance(value, bool) or text in ("True", "False"):
        return "ja" if text == "True" else "nee"
    return text


def _tables_payload(tables: Mapping[str, Any], fact_dicts: list[dict] | None = None) -> list[dict]:
    """Comparison tables (pandas DataFrames from models/tables.py, or a page's rows of a
    build's assembly: :class:`PageTables`) as Dutch string grids.

    Readable label columns replace their id columns, machine columns are left out, and a
    row that names its evidence (``evidence_doc``/``evidence_start``/``evidence_end``) gets
    the index of that fact, so the page links it to the highlighted passage.
    """
    by_span: dict[tuple, int] = {}
    for fi, f in enumerate(fact_dicts or []):
        by_span.setdefault((str(f.get("doc")), f.get("start"), f.get("end")), fi)
    if isinstance(tables, PageTables):
        return [_table_entry(name, names, values, total, by_span) for name, names, values, total in tables.columns()]
    out = []
    for name, df in tables.items():
        if df is None or not hasattr(df, "columns"):
            continue
        if not (df.index.name is None and list(df.index) == list(range(len(df)))):
            df = df.reset_index()
        total = int(len(df))
        df = df.head(MAX_TABLE_ROWS)
        names = [" / ".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in df.columns]
        values = [df.iloc[:, i].tolist() for i in range(len(names))]
        out.append(_table_entry(name, names, values, total, by_span))
    return out


def _table_entry(name: Any, names: list[str], values: list[list], total: int, by_span: Mapping) -> dict:
    """One table's grid: ``values`` are its columns' cells (at most :data:`MAX_TABLE_ROWS`),
    ``total`` its row count; ``by_span``: (doc, start, end) -> fact index, for the links."""
    shown = [i for i, c in enumerate(names)
             if c not in L.TABLE_HIDDEN_COLUMNS and L.TABLE_ID_COLUMNS.get(c) not in names]
    cells = [_column_cells(str(name), names[i], values[i]) for i in shown]
    n_rows = len(values[0]) if values else 0
    entry = {"name": L.TABLE_TITLES.get(str(name), str(name)),
             "columns": [L.TABLE_COLUMN_LABELS.get(names[i], names[i]) for i in shown],
             "rows": [list(row) for row in zip(*cells)] if cells else [[] for _ in range(n_rows)],
             "total": total, "file": str(name)}
    if {"evidence_doc", "evidence_start", "evidence_end"} <= set(names):
        d, s, e = (values[names.index(c)] for c in ("evidence_doc", "evidence_start", "evidence_end"))
        entry["links"] = [by_span.get((str(a), _int_or_none(b), _int_or_none(c))) for a, b, c in zip(d, s, e)]
    return entry


class PageTables:
    """The rows of some documents in every table of a build's assembly (models/derived.py),
    as the tuples the assembly fills (no pandas frame is made of them): in each table's order
    (:func:`models.tables.sort_order`, the order of a frame of the same rows), documents in the
    assembly's order. Their cells read as a frame's do (:func:`_cell` words a float 3.0 and an
    int 3 alike, NaN and None alike), so the page is the one the frames give."""

    def __init__(self, assembly: Any, ids: Iterable[str] | None = None):
        from inkoopgraaf.models.tables import COLUMNS, TABLE_NAMES, sort_order
        docs = assembly.docs()
        if ids is not None:
            wanted = set(ids)
            docs = [d for d in docs if d in wanted]
        self._columns = COLUMNS
        self.rows: dict[str, list[tuple]] = {}
        for name in TABLE_NAMES:
            rows = [row for d in docs for row in assembly.filled(d)[name]]
            self.rows[name] = [rows[i] for i in sort_order(name, rows)]

    def columns(self) -> Iterable[tuple[str, list[str], list[list], int]]:
        """(table, column names, each column's first :data:`MAX_TABLE_ROWS` cells, row count)."""
        for name, rows in self.rows.items():
            names = list(self._columns[name])
            shown = rows[:MAX_TABLE_ROWS]
            values = [list(col) for col in zip(*shown)] if shown else [[] for _ in names]
            yield name, names, values, len(rows)

    def contract_starts(self) -> list[tuple]:
        """(region, year, segment, contract start) of the financing rows (see :func:`_contract_starts`)."""
        cols = self._columns["financing"]
        at = [cols.index(c) for c in ("region", "year", "segment", "contract_start")]
        return [tuple(row[i] for i in at) for row in self.rows["financing"]]


def _column_cells(table: str, column: str, values: list) -> list[str]:
    """One column's cells in Dutch (:func:`_table_value`), each distinct value worded once."""
    memo: dict = {}
    out = []
    for v in values:
        key = (v.__class__, v)          # True and 1 are equal keys, not equal cells
        try:
            text = memo[key]
        except KeyError:
            text = memo[key] = _table_value(table, column, v)
        except TypeError:     # an unhashable cell (a list)
            text = _table_value(table, column, v)
        out.append(text)
    return out


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- page

def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render_html(payload: dict) -> str:
    template, css, js = _asset("template.html"), _asset("report.css"), _asset("report.js")
    # Our own assets must never contain an end tag that would cut their element short.
    for name, text, tag in (("report.css", css, "</style"), ("report.js", js, "</script")):
        if tag in text.lower():
            raise ValueError(f"{name} contains {tag!r}")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src '{_csp_hash(js)}'; base-uri 'none'; form-action 'none'")
    values = {
        "TITLE": html.escape(payload["meta"]["title"]),
        "CSP": html.escape(csp, quote=False),  # holds no double quote: safe in content="..."
        "CSS": css,
        "JS": js,
        "DATA": json_for_script(payload),
    }
    # One pass, so a placeholder-looking string inside the data is never substituted again.
    return re.sub(r"\{\{(TITLE|CSP|CSS|JS|DATA)\}\}", lambda m: values[m.group(1)], template)


def _region_list(value) -> list[str]:
    """documents.csv keeps regions as 'a|b'; in-memory records may hold a list."""
    if isinstance(value, str):
        return [r for r in value.split("|") if r]
    return [r for r in (value or []) if isinstance(r, str) and r]


# --------------------------------------------------------------------------- split report

#: Up to this many documents the report stays one file (mailable, everything at hand); above it
#: the details go into one page per region, so report.html stays small (issue 14).
SPLIT_ABOVE_DOCUMENTS = 50
_PAGE_NAME_RE = re.compile(r"[^a-z0-9_-]+")


def page_names(regions: list[dict]) -> dict[str, str]:
    """region id -> its page's file name: safe characters only, unique."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for r in regions:
        base = _PAGE_NAME_RE.sub("_", str(r["id"]).lower()).strip(".") or "regio"
        name, n = base, 2
        while name in used:
            name, n = f"{base}_{n}", n + 1
        used.add(name)
        names[r["id"]] = f"{name}.html"
    return names


def summary_payload(full: dict, folder: str, names: Mapping[str, str], fact_dicts: list[dict] | None = None) -> dict:
    """The summary page's data: overview, matrix and one row per region with a link to its page.

    Only the facts the matrix cells cite travel along (their quote and Dutch summary); the
    texts, timelines, decisions, the facts table and the comparison tables are on the region
    pages, so the summary grows with regions and matrix cells, not with the documents' text.
    A cited fact whose row has no summary yet (``build_payload(summaries=False)``) is worded
    here from ``fact_dicts``."""
    matrix = json.loads(json.dumps(full["matrix"]))      # a deep copy whose indices are remapped
    keep: dict[int, int] = {}

    def remap(idxs: list[int]) -> list[int]:
        return [keep.setdefault(fi, len(keep)) for fi in idxs]
    for row in matrix["rows"]:
        for cell in row["cells"].values():
            for entry in cell["fin"]:
                entry[4] = remap(entry[4])
            for entry in cell["proc"]:
                entry[3] = remap(entry[3])
    facts = [None] * len(keep)
    for fi, new in keep.items():
        row = facts[new] = full["facts"][fi]
        if row[6] is None and fact_dicts is not None:
            value = fact_dicts[fi].get("value")
            row[6] = summarize(row[1], value if isinstance(value, Mapping) else {})
    by_type: dict[str, int] = defaultdict(int)
    region_facts: dict[int, int] = defaultdict(int)
    for row in full["facts"]:
        by_type[row[1]] += 1
    for d in full["docs"]:
        for ri in d["regions"]:
            region_facts[ri] += d["n"]
    pages = {r["id"]: f"{folder}/{names[r['id']]}" for r in full["regions"]}
    meta = {**full["meta"], "split": True, "pages": pages, "factTotal": len(full["facts"]),
            "factTypes": dict(by_type),
            "regionFacts": [region_facts[i] for i in range(len(full["regions"]))],
            "docPages": [pages[full["regions"][d["regions"][0]]["id"]] for d in full["docs"]]}
    return {**full, "meta": meta, "facts": facts, "texts": [], "timeline": [], "decisions": [], "tables": [],
            "matrix": matrix}


def region_payload(region: dict, facts: list[dict], documents: list[Mapping], texts: Mapping[str, str],
                   tables: Mapping[str, Any], title: str, attributions, weak, back: str,
                   worded: list[str] | None = None) -> dict:
    """One region's page: the full report of the documents filed under that region (their
    facts with the passages, texts, timelines, decisions, their rows of the tables);
    ``worded``: the facts' summaries, when already made (see :func:`build_payload`)."""
    ids = {str(rec.get("id")) for rec in documents}
    at = [i for i, f in enumerate(facts) if str(f.get("doc")) in ids]
    mine = [facts[i] for i in at]
    part_tables = _tables_of(tables, ids)
    own = None if attributions is None else {d: regs for d, regs in attributions.items() if d in ids}
    payload = build_payload(mine, documents, {d: texts[d] for d in ids if d in texts}, part_tables,
                            f"{title}: {region['name']}", own, weak,
                            worded=None if worded is None else [worded[i] for i in at])
    payload["meta"]["summary"] = back
    payload["meta"]["region"] = region["id"]
    return payload


def _tables_of(tables: Any, ids: set[str] | None = None) -> Mapping[str, Any]:
    """The tables (of the documents ``ids`` only, when given), from frames or from a build's
    assembly (models/derived.py), which reads the rows of those documents alone
    (:class:`PageTables`)."""
    if hasattr(tables, "filled"):     # a build's assembly: its rows as they are, no frames
        return PageTables(tables, ids)
    if ids is None:
        return tables or {}
    return {name: df[df["doc"].astype(str).isin(ids)].reset_index(drop=True)
            if hasattr(df, "columns") and "doc" in df.columns else df
            for name, df in (tables or {}).items()}


def report_pages(facts: Iterable[Any], documents: Iterable[Mapping], texts: Mapping[str, str] | None = None,
                 tables: Mapping[str, Any] | None = None, title: str | None = None,
                 attributions: Mapping[str, Iterable[str]] | None = None,
                 weak: set[tuple[str, int, int]] | None = None, summary: str = "report.html",
                 split: bool | None = None) -> dict[str, str]:
    """The report as {relative path: HTML}: one file, or (``split``; by default above
    :data:`SPLIT_ABOVE_DOCUMENTS` documents) the summary ``summary`` plus ``<folder>/<region>.html``
    per region, the folder named like the summary without ``.html``, each page linking back."""
    return _pages(facts, documents, texts, tables, title, attributions, weak, summary, split)[0]


def _pages(facts, documents, texts, tables, title, attributions, weak, summary, split,
           doc_keys: Mapping[str, str] | None = None, unchanged=None, contributions=None,
           facts_of=None, page_inputs=None) -> tuple[dict[str, str | None], dict]:
    """:func:`report_pages`, and each region page's key (:func:`page_key`, when ``doc_keys`` gives
    every document's); a page for which ``unchanged(rel, key)`` holds is not rendered (None).
    With ``contributions`` (every document's :func:`.summary.document_contribution`, in
    document order) a split report's summary is folded from them and only the facts of the
    pages rendered are read (``facts_of(doc)``, else grouped from ``facts``)."""
    folder = Path(summary).with_suffix("").name
    if contributions is not None and (split or (split is None and len(contributions) > SPLIT_ABOVE_DOCUMENTS)):
        return _pages_from_contributions(contributions, facts, documents, texts, tables, title, attributions,
                                         weak, summary, doc_keys, unchanged, facts_of, page_inputs)
    fact_dicts = [_as_dict(f) for f in facts]
    documents = list(documents)
    texts = dict(texts or {})
    if weak is None:
        from inkoopgraaf.models.scopes import weak_whole_claim_spans
        weak = weak_whole_claim_spans(fact_dicts, texts)
    if split is None:
        ids = {str(rec.get("id")) for rec in documents} | {str(f.get("doc")) for f in fact_dicts}
        split = len(ids) > SPLIT_ABOVE_DOCUMENTS
    full = build_payload(fact_dicts, documents, texts, tables if split else _tables_of(tables), title, attributions,
                         weak, with_tables=not split, summaries=not split)
    if not split:
        return {"": render_html(full)}, {}
    names = page_names(full["regions"])
    records = {str(rec.get("id")): rec for rec in documents}
    pages: dict[str, str | None] = {"": render_html(summary_payload(full, folder, names, fact_dicts))}
    back = f"../{summary}"

    def region_page(r, doc_ids):
        docs = [records.get(d) or {"id": d} for d in doc_ids]
        return region_payload(r, fact_dicts, docs, texts, tables or {}, full["meta"]["title"],
                              attributions, weak, back)

    keys = _region_pages(pages, full["regions"], full["docs"], names, folder, back, full["meta"], doc_keys,
                         unchanged, region_page)
    return pages, keys


def _pages_from_contributions(contributions, facts, documents, texts, tables, title, attributions, weak,
                              summary, doc_keys, unchanged, facts_of,
                              page_inputs=None) -> tuple[dict[str, str | None], dict]:
    """:func:`_pages` of a split report whose summary is folded from per-document contributions;
    with ``page_inputs`` (a :class:`.pagecache.PageInputs`) a region page's documents are read
    only when their fingerprint changed since the page was last made."""
    from .summary import summary_payload_from
    folder = Path(summary).with_suffix("").name
    texts = texts or {}
    if facts_of is None:
        by_doc: dict[str, list] = defaultdict(list)
        for f in facts:
            by_doc[str(f.get("doc") if isinstance(f, Mapping) else f.doc)].append(f)
        facts_of = by_doc.__getitem__
    payload, regions, docs = summary_payload_from(contributions, folder, page_names, title, tables)
    names = page_names(regions)
    pages: dict[str, str | None] = {"": render_html(payload)}
    if weak is None:
        from inkoopgraaf.models.scopes import weak_whole_claim_spans
        weak = weak_whole_claim_spans([_as_dict(f) for d in docs for f in facts_of(d["id"])], texts)
    records = {str(rec.get("id")): rec for rec in documents}
    back = f"../{summary}"

    def region_page(r, doc_ids):
        records_of = [records.get(d) or {"id": d} for d in doc_ids]
        if page_inputs is not None:
            page_facts, page_texts, rows, worded = page_inputs.page(Path(names[r["id"]]).stem, doc_ids)
            return region_payload(r, page_facts, records_of, page_texts, rows, payload["meta"]["title"],
                                  attributions, weak, back, worded)
        page_facts = [_as_dict(f) for d in doc_ids for f in facts_of(d)]
        return region_payload(r, page_facts, records_of, _texts_of(texts, doc_ids), tables or {},
                              payload["meta"]["title"], attributions, weak, back)

    keys = _region_pages(pages, regions, docs, names, folder, back, payload["meta"], doc_keys, unchanged,
                         region_page)
    if page_inputs is not None:
        page_inputs.keep_only({Path(n).stem for n in names.values()})
    return pages, keys


def _region_pages(pages: dict, regions: list[dict], docs: list[dict], names: Mapping[str, str], folder: str,
                  back: str, meta: Mapping, doc_keys, unchanged, region_page) -> dict[str, str]:
    """Each region's page into ``pages`` (``region_page(region, doc_ids)`` rendered), or None
    for a page ``unchanged(rel, key)`` says the previous generation holds; the pages' keys."""
    keys: dict[str, str] = {}
    for r in regions:
        rel = f"{folder}/{names[r['id']]}"
        doc_ids = [docs[di]["id"] for di in r["docs"]]
        key = page_key(rel, r, doc_ids, doc_keys, meta, back)
        if key is not None:
            keys[rel] = key
            if unchanged is not None and unchanged(rel, key):
                pages[rel] = None
                continue
        pages[rel] = render_html(region_page(r, doc_ids))
    return keys


def _texts_of(texts: Mapping[str, str], doc_ids: list[str]) -> dict[str, str]:
    """The texts of ``doc_ids`` that ``texts`` has, each read once (a build's texts are read
    from the cache when asked for)."""
    out = {}
    for d in doc_ids:
        try:
            out[d] = texts[d]
        except KeyError:
            pass
    return out


@lru_cache(maxsize=1)
def report_version() -> str:
    """Hash of this package's code and assets: a page made by other code is never reused."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    for p in sorted(root.iterdir()):
        if p.suffix in (".py", ".js", ".css", ".html", ".json") and p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def page_key(rel: str, region: Mapping, doc_ids: list[str], doc_keys: Mapping[str, str] | None,
             meta: Mapping, back: str) -> str | None:
    """What decides a region page: its name and region, the page's title, date and link back,
    and the key of each of its documents in order (build gives the fingerprint of the document's
    piece with the shared values filled into it: its facts, text, record, table rows,
    attributions). None when a document has no key: the page is always rendered then."""
    if doc_keys is None or any(d not in doc_keys for d in doc_ids):
        return None
    payload = json.dumps([report_version(), rel, region["id"], region["name"], meta.get("title"),
                          meta.get("generated"), back, [[d, doc_keys[d]] for d in doc_ids]], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def write_report(out_path, facts: Iterable[Any], documents: Iterable[Mapping],
                 texts: Mapping[str, str] | None = None, tables: Mapping[str, Any] | None = None,
                 title: str | None = None, attributions: Mapping[str, Iterable[str]] | None = None,
                 weak: set[tuple[str, int, int]] | None = None, split: bool | None = None) -> Path:
    """Write the HTML report and return the path of its main page (``attributions``, ``weak``:
    see :func:`build_payload`; ``split``: see :func:`report_pages`)."""

    return write_report_files(out_path, facts, documents, texts, tables, title, attributions, weak, split)[0]


#: In a split report's folder: each region page's key (:func:`page_key`), so the next build can
#: link a page whose inputs did not change from the previous generation without rendering it.
PAGE_KEYS = ".pages.json"


def write_report_files(out_path, facts: Iterable[Any], documents: Iterable[Mapping],
                       texts: Mapping[str, str] | None = None, tables: Mapping[str, Any] | None = None,
                       title: str | None = None, attributions: Mapping[str, Iterable[str]] | None = None,
                       weak: set[tuple[str, int, int]] | None = None, split: bool | None = None,
                       previous: Path | None = None, doc_keys: Mapping[str, str] | None = None,
                       reuse_by_key: bool = False, contributions: list[Mapping] | None = None,
                       facts_of=None, page_inputs=None) -> list[Path]:
    """Write the report (:func:`report_pages`): ``out_path`` and, when split, its region pages
    in the folder named like it without ``.html`` (``report.html`` → ``report/``). A page equal
    to the one in ``previous`` (the last generation's folder) is hard-linked from there; pages
    of regions no longer in the report are removed. With ``doc_keys`` (document id -> a key of
    everything its part of a page is made from) the page keys are written beside the pages,
    and with ``reuse_by_key`` a page whose key is the previous generation's is linked from
    there without being rendered at all. ``contributions``, ``facts_of``: see :func:`_pages`;
    ``page_inputs``: see :func:`_pages_from_contributions`."""
    from inkoopgraaf.models.io import write_text_atomic
    from inkoopgraaf.snapshot import reuse_file

    out_path = Path(out_path)
    folder = out_path.with_suffix("").name
    old_keys = _previous_keys(previous, folder) if reuse_by_key else {}

    def unchanged(rel: str, key: str) -> bool:
        return old_keys.get(rel) == key and (previous / rel).is_file()
    pages, keys = _pages(facts, documents, texts, tables, title, attributions, weak, out_path.name, split,
                         doc_keys, unchanged if old_keys else None, contributions, facts_of, page_inputs)
    umask = os.umask(0)
    os.umask(umask)
    written = []
    for rel, text in pages.items():
        path = out_path if rel == "" else out_path.parent / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            _link_or_copy(previous / rel, path)
            written.append(path)
            continue
        if rel and reuse_file(previous, rel, path, text):
            written.append(path)
            continue
        path = write_text_atomic(path, text)
        # The atomic writer's temp file is private (0600); a report is meant to be shared.
        os.chmod(path, 0o666 & ~umask)
        written.append(path)
    _remove_stale_pages(out_path.parent / folder, {p.name for p in written[1:]})
    if keys:
        write_text_atomic(out_path.parent / folder / PAGE_KEYS, json.dumps(keys, indent=0, sort_keys=True))
    return written


def _previous_keys(previous: Path | None, folder: str) -> dict[str, str]:
    if previous is None:
        return {}
    try:
        keys = json.loads((previous / folder / PAGE_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def _link_or_copy(old: Path, target: Path) -> None:
    """An unchanged page from the previous generation: a hard link, a copy where links fail."""
    import shutil
    try:
        os.link(old, target)
    except OSError:
        shutil.copy2(old, target)


def _remove_stale_pages(folder: Path, keep: set[str]) -> None:
    """Region pages of an earlier report in the same place that this one no longer has."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for p in folder.glob("*.html"):
        if p.name not in keep:
            p.unlink()
