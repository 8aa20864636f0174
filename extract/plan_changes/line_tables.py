"""Planning tables that reached us as plain lines: a short header line naming an old-plan and a new-plan
column ('Stap  Oorspronkelijk  Herzien'), then one line per activity with its two dates.

Plain text and PDF-extracted text lose the column separators (the reader collapses runs of spaces), so
these tables are no ``table_row`` blocks. What survives is the order: the header says which column comes
first, and a row line holding exactly two dates has them in that order. A row with one date, or with the
same start twice ('1 januari 2026  1 januari 2026 (ongewijzigd)'), is no move.
"""
from __future__ import annotations

import re

from ..dates import spans_within
from .changes import PlanChange, _Date, date_span
from .tables import _column_kind

#: a header line is a column list, not a sentence: at most this many words
_MAX_HEADER_WORDS = 8
#: a row line is a table cell run, not prose: at most this many characters
_MAX_ROW_CHARS = 160

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.;:]\s*$")


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every line of text[start:end], without its newline."""
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _header_order(line: str) -> str | None:
    """'old_first' / 'new_first' for a header line naming both columns (each word judged as a header
    cell: 'Oorspronkelijk' old, 'Herzien' new), else None. A line with a sentence end is no header."""
    # (the cheap tests first: nearly every line of a document is asked)
    if _DIGIT.search(line) or _SENTENCE_END.search(line.strip()):
        return None
    words = _WORD.findall(line)
    if not words or len(words) > _MAX_HEADER_WORDS:
        return None
    kinds = [k for k in (_column_kind(w) for w in words) if k]
    if "old" not in kinds or "new" not in kinds:
        return None
    return "old_first" if kinds.index("old") < kinds.index("new") else "new_first"


def _line_planning_tables(ctx, dates: list[_Date]) -> list[PlanChange]:
    """Moves of the plain-line planning tables: every line of the text blocks in order (the reader makes
    each short line its own block, a long paragraph may hold several), a header line and the rows under it."""
    text = ctx.doc.text
    lines = [span for b in ctx.doc.blocks if b.kind != "table_row" for span in _line_spans(text, b.start, b.end)]
    out: list[PlanChange] = []
    for i, (s, e) in enumerate(lines):
        order = _header_order(text[s:e])
        if order:
            out.extend(_rows(text, dates, lines[i + 1:], order))
    return out


def _rows(text: str, dates: list[_Date], lines, order: str) -> list[PlanChange]:
    """The moves of the row lines under a header, up to the first line that is prose (long, or a sentence)."""
    out = []
    for s, e in lines:
        line = text[s:e]
        if not line.strip() or len(line) > _MAX_ROW_CHARS or re.search(r"\.\s*$", line.strip()):
            break
        if _header_order(line):
            break   # 'Herziene planning' over 'Stap  Oorspronkelijk  Herzien': the nearer header heads the rows
        in_line = spans_within(dates, s, e, date_span)
        if len(in_line) != 2:
            continue
        first, second = in_line
        old, new = (first, second) if order == "old_first" else (second, first)
        if old.value.get("start") == new.value.get("start"):
            continue
        label = re.sub(r"\s+", " ", text[s:first.start]).strip(" :-–")
        out.append(PlanChange(s, e, label, old.value, new.value, "table"))
    return out
