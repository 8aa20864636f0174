"""Planning tables with an old-plan and a new-plan column: each row with two different dates is a move."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..dates import spans_within
from .changes import PlanChange, _Date, date_span
from .cues import cues


@lru_cache(maxsize=4096)   # asked for every word of every short line (line_tables.py)
def _column_kind(header: str) -> str | None:
    """'new' for a column of moved dates ('Nieuwe planning', 'Herzien', 'Gerealiseerd'), 'old' for the
    planned dates ('Oorspronkelijk', 'Gepland', 'Oude datum'), else None. New is tried first."""
    cfg = cues()
    words = re.findall(r"\w+", header.lower())
    if any(w in cfg["table_new_headers"] for w in words):
        return "new"
    if any(w in cfg["table_old_headers"] for w in words):
        return "old"
    return None


def _planning_tables(ctx, dates: list[_Date]) -> list[PlanChange]:
    """A planning table with an old-plan column and a new-plan column: each row whose two date cells
    start on different days is a move of the row's activity (its first cell without a date)."""
    doc, text = ctx.doc, ctx.doc.text
    tables: dict[Any, list] = {}
    for b in doc.blocks:
        if b.kind == "table_row" and b.cells:
            tables.setdefault(b.table, []).append(b)
    out: list[PlanChange] = []
    for rows in tables.values():
        rows.sort(key=lambda b: b.row if b.row is not None else 0)
        kinds = [_column_kind(text[s:e]) for s, e in rows[0].cells]
        old_cols = [i for i, k in enumerate(kinds) if k == "old"]
        new_cols = [i for i, k in enumerate(kinds) if k == "new"]
        if not old_cols or not new_cols:
            continue
        oc = old_cols[0]
        nc = next((i for i in new_cols if i > oc), new_cols[0])
        for row in rows[1:]:
            pc = _row_move(text, dates, row, oc, nc)
            if pc is not None:
                out.append(pc)
    return out


def _row_move(text: str, dates: list[_Date], row, oc: int, nc: int) -> PlanChange | None:
    """The move a planning row states: its old-column date to its new-column date, labelled by its activity."""
    if max(oc, nc) >= len(row.cells):
        return None

    def cell_dates(i):
        return spans_within(dates, *row.cells[i], date_span)
    old, new = cell_dates(oc), cell_dates(nc)
    if not old or not new or old[0].value.get("start") == new[0].value.get("start"):
        return None
    label = next((text[s:e] for i, (s, e) in enumerate(row.cells)
                  if i not in (oc, nc) and text[s:e].strip() and not cell_dates(i)), "")
    return PlanChange(row.start, row.end, re.sub(r"\s+", " ", label).strip(), old[0].value, new[0].value, "table")
