"""The split report's summary page folded from per-document contributions (issue 14).

Above :data:`.render.SPLIT_ABOVE_DOCUMENTS` documents ``report.html`` is a summary: the
documents, the regions with their municipalities, the comparison matrix and the facts its
cells cite. Everything on it is a function of one document at a time, folded in document
order: a document's :func:`document_contribution` is made with its piece (models/derived.py)
and cached with it, so a build with one changed document folds 10,000 small contributions
instead of reading and grouping every fact. :func:`summary_payload_from` gives exactly the
payload :func:`.render.summary_payload` makes of :func:`.render.build_payload` of all facts
(tests/test_report_split.py compares them).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Iterable

from .render import (UNKNOWN_REGION, WHOLE_DOCUMENT, _as_dict, _contract_starts, _first_line, _matrix,
                     _region_list, _region_sort_key, build_labels, generated_meta, summarize)


def document_contribution(doc_id: str, record: Mapping | None, facts: Iterable[Any], text: str | None,
                          own: Iterable[str] | None, weak: set[tuple[str, int, int]]) -> dict:
    """What one document gives the summary page (JSON-able): its row of the document list,
    the regions it is filed under, its municipalities, its matrix entries and the facts
    those cite. ``own``: its own regions (None: every region it declares); ``weak``: the
    whole-procurement claims that are no statement, as (doc, start, end)."""
    rec = record or {"id": doc_id}
    fact_dicts = [_as_dict(f) for f in facts]
    own_set = None if own is None else set(own)
    entry = {"id": doc_id, "title": rec.get("title") or _first_line(text), "path": str(rec.get("path") or ""),
             "format": rec.get("format") or "", "pages": rec.get("pages"), "characters": rec.get("characters"),
             "status": rec.get("status") or "ok", "error": rec.get("error") or "", "year": rec.get("year")}
    declared = _region_list(rec.get("regions"))
    named: dict[str, str] = {}
    types: dict[str, int] = {}
    munis: dict[str, list] = {}
    cells: dict[tuple, list] = {}
    cited: dict[int, list] = {}
    for fi, f in enumerate(fact_dicts):
        ftype = str(f.get("type"))
        value = f.get("value") if isinstance(f.get("value"), Mapping) else {}
        types[ftype] = types.get(ftype, 0) + 1
        if ftype == "region" and isinstance(f.get("value"), Mapping):
            rid = value.get("id")
            if rid and (own_set is None or rid in own_set):
                named.setdefault(rid, value.get("name") or rid)
        if ftype == "municipality" and value.get("cbs"):
            munis.setdefault(value["cbs"], [value["cbs"], value.get("name") or value["cbs"], 0])[2] += 1
        elif ftype in ("financing", "procedure") and (doc_id, f.get("start"), f.get("end")) not in weak:
            kind = "fin" if ftype == "financing" else "proc"
            key = (value.get("segment") or WHOLE_DOCUMENT, kind, value.get("id"), value.get("status"))
            if key not in cells:
                cells[key] = [*key, value.get("variant"), []]
            cells[key][5].append(fi)
            conf = f.get("confidence")
            cited[fi] = [fi, ftype, f.get("start"), f.get("end"), f.get("page"), f.get("text") or "",
                         summarize(ftype, value), round(float(conf), 3) if isinstance(conf, (int, float)) else None]
    return {"doc": entry, "named": [[r, n] for r, n in named.items()],
            "declared": declared if own_set is None else [r for r in declared if r in own_set],
            "n": len(fact_dicts), "types": [[t, n] for t, n in types.items()], "munis": list(munis.values()),
            "cells": list(cells.values()), "facts": list(cited.values())}


def summary_payload_from(contributions: list[Mapping], folder: str, page_names, title: str | None = None,
                         tables: Any = None) -> tuple[dict, list[dict], list[dict]]:
    """(the summary page's payload, its regions, its documents) from every document's
    contribution, in the build's document order; ``page_names(regions)`` names the pages and
    ``tables`` gives the matrix's contract starts (frames, or a build's assembly)."""
    docs, doc_regions, region_names = _documents_and_regions(contributions)
    regions = sorted(({"id": rid, "name": name} for rid, name in region_names.items()), key=_region_sort_key)
    region_index = {r["id"]: i for i, r in enumerate(regions)}
    for i, d in enumerate(docs):
        d["regions"] = sorted(region_index[r] for r in (doc_regions[i] or {UNKNOWN_REGION}))
        d["n"] = contributions[i]["n"]
    for r in regions:
        r["docs"] = []
    for i, d in enumerate(docs):
        for ri in d["regions"]:
            regions[ri]["docs"].append(i)
    matrix, kept = _summary_matrix(contributions, docs, regions, tables, region_index)
    by_type: dict[str, int] = defaultdict(int)
    for c in contributions:
        for t, n in c["types"]:
            by_type[t] += n
    region_facts: dict[int, int] = defaultdict(int)
    for d in docs:
        for ri in d["regions"]:
            region_facts[ri] += d["n"]
    names = page_names(regions)
    pages = {r["id"]: f"{folder}/{names[r['id']]}" for r in regions}
    meta = {**generated_meta(title), "split": True, "pages": pages,
            "factTotal": sum(c["n"] for c in contributions), "factTypes": dict(by_type),
            "regionFacts": [region_facts[i] for i in range(len(regions))],
            "docPages": [pages[regions[d["regions"][0]]["id"]] for d in docs]}
    payload = {"meta": meta, "labels": build_labels(), "docs": docs, "regions": regions, "facts": kept,
               "texts": [], "matrix": matrix, "timeline": [], "decisions": [], "tables": []}
    return payload, regions, docs


def _documents_and_regions(contributions: list[Mapping]):
    """The document rows, each document's region ids, and region id -> name (the first
    document naming a region names it; a region only declared gets its id as a name)."""
    docs = [dict(c["doc"]) for c in contributions]
    doc_regions: list[set[str]] = []
    region_names: dict[str, str] = {}
    for c in contributions:
        for rid, name in c["named"]:
            region_names.setdefault(rid, name)
        doc_regions.append({rid for rid, _ in c["named"]})
    for i, c in enumerate(contributions):
        for rid in c["declared"]:
            region_names.setdefault(rid, rid.replace("_", " ").title())
            doc_regions[i].add(rid)
    if any(not regs for regs in doc_regions):
        region_names[UNKNOWN_REGION] = "Onbekend (geen regio gevonden)"
    return docs, doc_regions, region_names


def _summary_matrix(contributions, docs, regions, tables, region_index) -> tuple[dict, list[list]]:
    """The matrix with its fact indices pointing into the cited facts (in the order the cells
    cite them), and those facts' rows."""
    municipalities: dict[int, dict[str, list]] = defaultdict(dict)
    matrix_cells: dict[tuple, dict[str, dict]] = defaultdict(lambda: {"fin": {}, "proc": {}})
    segment_columns: set[str] = set()
    first_facts: dict[int, dict] = {}
    rows_by_index: dict[int, list] = {}
    offset = 0
    for di, c in enumerate(contributions):
        regions_of, year = docs[di]["regions"], docs[di].get("year")
        for cbs, name, count in c["munis"]:
            for ri in regions_of:
                municipalities[ri].setdefault(cbs, [cbs, name, 0])[2] += count
        for col, kind, mid, status, variant, idxs in c["cells"]:
            if col != WHOLE_DOCUMENT:
                segment_columns.add(col)
            # the document's indices shifted once, then filed under each of its regions (most are in
            # several): the same cells, in the same order, as a pass per region
            shifted = [offset + i for i in idxs]
            for ri in regions_of:
                cell = matrix_cells[(ri, year, col)][kind].setdefault((mid, status), [])
                if not cell:
                    first_facts[shifted[0]] = {"value": {"variant": variant}}
                cell.extend(shifted)
        for row in c["facts"]:
            rows_by_index[offset + row[0]] = [di, *row[1:]]
        offset += c["n"]
    for ri, r in enumerate(regions):
        r["municipalities"] = sorted(municipalities[ri].values(), key=lambda m: m[1].lower())
    matrix = _matrix(regions, first_facts, matrix_cells, segment_columns,
                     _contract_starts(tables if tables is not None else {}, region_index))
    keep: dict[int, int] = {}
    for row in matrix["rows"]:
        for cell in row["cells"].values():
            for entry in cell["fin"]:
                entry[4] = [keep.setdefault(fi, len(keep)) for fi in entry[4]]
            for entry in cell["proc"]:
                entry[3] = [keep.setdefault(fi, len(keep)) for fi in entry[3]]
    kept: list = [None] * len(keep)
    for fi, new in keep.items():
        kept[new] = rows_by_index[fi]
    return matrix, kept
