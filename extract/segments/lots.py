"""Lots: where a document defines them ("Perceel 2: Verblijf"), their contents, and references to them by identifier."""
from __future__ import annotations

import re

from ..sections import Place
from .cues import CUE
from .state import _Doc
from .terms import Match


def _lot_span(place: Place) -> tuple[int, int] | None:
    """The span that may define a lot: a table cell, a list item or a heading."""
    b = place.block
    if b is None:
        return None
    if b.kind == "table_row":
        return place.cell
    if b.kind in ("list_item", "heading"):
        return (b.start, b.end)
    return None


def _column_lot(d: _Doc, place: Place) -> str | None:
    """The lot whose column a table cell stands in, for tables with one column per lot.

    The header row names a lot in the cell's column ("Perceel 2: Jeugdhulp met verblijf"),
    either with a lot marker or beside other columns that also name segments.
    """
    ci, header = place.cell_index, place.table_header
    if ci is None or not header or ci >= len(header) or header[ci] == place.cell:
        return None
    lab = d.label_segment(header[ci])
    if lab is None:
        return None
    if CUE["lot_opening"].match(d.st.text(header[ci])) or \
            sum(1 for c in header if c != header[ci] and d.label_segment(c)) >= 1:
        return d.resolve(lab, place)
    return None


def _content_item(d: _Doc, m: Match, place: Place) -> tuple[bool, str | None]:
    """Is ``m`` an item of the contents of a lot (and which lot, if known)?

    A lot is defined by a list item or heading opened by a marker and identifier
    ("Perceel B – Verblijf (pleegzorg, gezinshuizen en residentiële zorg)",
    "Perceel 1 – Begeleiding: individuele begeleiding en dagbesteding") or by a
    column of a per-lot table; the care types enumerated after the label (after
    ':', '(', ',', 'en', 'inclusief', 'waaronder', 'onder meer') are the lot's
    contents: sub-segments whose parent is the lot. A label that is not in the
    taxonomy ("Perceel A – Jeugdhulp thuis") still defines a lot; its contents
    then have no known parent.
    """
    span = _lot_span(place)
    if not span or not (span[0] <= m.start < span[1]):
        return False, None
    s, e = span
    t = d.text[s:e]
    opening = CUE["lot_opening"].match(t)
    if opening:
        le = CUE["label_end"].search(t, opening.end())
        label_end = s + (le.start() if le else len(t))
        # the label ends with its first care wording at the latest
        # ("Perceel 1: Ambulante hulp, ..., inclusief de jeugd-GGZ;")
        first = _lot_label_segment(d, span, opening)
        if first is not None:
            label_end = min(label_end, first.end)
        if m.start < label_end:
            return False, None          # the lot's own label
        lab = d.label_segment(span)
        parent = d.resolve(lab, place) if lab else None
    else:
        parent = _column_lot(d, place) if place.block.kind == "table_row" else None
        if parent is None:
            return _included_item(d, m, place, span)
        label_end = s
    left = d.text[label_end:m.start]
    if CUE["later_sentence"].search(left):
        return False, None              # a later sentence of the item, no longer its contents
    if left.strip() and not CUE["enum_left"].search(d.text[max(label_end, m.start - 40):m.start]):
        return False, None
    return True, parent


def _included_item(d: _Doc, m: Match, place: Place, span: tuple[int, int]) -> tuple[bool, str | None]:
    """Care a label includes: "Vrijgevestigde GGZ-aanbieders (inclusief dyslexie)", "Ambulante
    begeleiding (inclusief onderwijszorgarrangementen)" - a sub-segment of the label's care."""
    lab = d.label_segment(span)
    if lab is None or lab.start >= m.start:
        return False, None
    # a later item joined to an included one is included too ("X, waaronder logeren en dagbesteding")
    earlier = [x for x in d.segments_in((lab.end, m.start)) if x.end <= m.start]
    x = m
    while True:
        if CUE["included_item"].search(d.text, max(span[0], x.start - 30), x.start):
            return True, d.resolve(lab, place)
        if not earlier or not CUE["coordinated"].fullmatch(d.text, earlier[-1].end, x.start):
            return False, None
        x = earlier.pop()


def _lot_label_segment(d: _Doc, span: tuple[int, int], opening) -> Match | None:
    """The care wording that names a lot whose label opens with other words:
    "Perceel 2 – Jeugdhulp voor kinderen met een beperking", "Perceel 4: Spoedhulp en
    crisisopvang" - the first (non-generic) segment of the label part."""
    s = span[0]
    le = CUE["label_end"].search(d.text[s:span[1]], opening.end())
    end = s + le.start() if le else span[1]
    return next((x for x in d.segments_in((s + opening.end(), end)) if not x.generic), None)


def _lot_map(d: _Doc) -> dict[str, str]:
    """Lot identifier -> segment id, from the places the document defines its lots.

    The lot is the first care wording within the first 60 characters of the line
    after "Perceel 2:" (the label, or the first item of the contents of a lot whose
    own label is not a care wording: "Perceel A – Jeugdhulp thuis (ambulante
    begeleiding ...)"); the first definition of an identifier wins.
    """
    cached = d._lots
    if cached is not None:
        return cached
    lots: dict[str, str] = {}
    defs = sorted([*d.cue_matches("lot_definition"), *d.cue_matches("lot_definition_line")],
                  key=lambda mm: mm.start())
    for mm in defs:
        ident = mm.group(1).upper()          # "perceel c" and "perceel C" are one lot
        if ident in lots:
            continue
        line_end = d.text.find("\n", mm.end())
        line_end = len(d.text) if line_end == -1 else line_end
        span = (mm.end(), min(line_end, mm.end() + 60))
        named = [x for x in d.segments_in(span) if not x.generic] or d.segments_in(span)
        if named:
            lots[ident] = d.resolve(named[0])
    for ident, seg in _inline_lots(d):
        lots.setdefault(ident, seg)
    d._lots = lots
    return lots


#: how far an inline enumeration of lots runs after its colon at most
_INLINE_REACH = 400


def _inline_lots(d: _Doc) -> list[tuple[str, str]]:
    """(identifier, segment) of lots enumerated in running text with item labels: "De strategie kent drie
    percelen: (a) ambulante hulp, (b) verblijf, (c) crisis" defines lots A, B and C as their items' first care
    wording. The enumeration ends with its sentence (a full stop before a capital) or paragraph."""
    out = []
    for lead in d.cue_matches("lots_inline_lead"):
        end = re.search(r"\.\s+(?=[A-Z])|\n\s*\n|$", d.text[lead.end():lead.end() + _INLINE_REACH])
        stop = lead.end() + end.start()
        labels = list(CUE["lot_inline_item"].finditer(d.text, lead.end(), stop))
        if len(labels) < 2 or d.text[lead.end():labels[0].start()].strip():
            continue     # one label is no enumeration; the first item must open right after the colon
        for k, lab in enumerate(labels):
            item_end = labels[k + 1].start() if k + 1 < len(labels) else stop
            named = [x for x in d.segments_in((lab.end(), item_end)) if not x.generic]
            if named:
                out.append((lab.group(1).upper(), d.resolve(named[0])))
    return out


def _lot_references(d: _Doc, s: int, e: int) -> list[tuple[int, list[str | None]]]:
    """(offset, segment ids) for each reference to defined lots, and to every lot, in [s, e)."""
    out: list[tuple[int, list[str | None]]] = []
    for mm in CUE["every_lot"].finditer(d.text, s, e):
        out.append((mm.start(), [None]))
    lots = _lot_map(d)
    if not lots:
        return out
    for mm in CUE["lot_reference"].finditer(d.text, s, e):
        if any(a <= mm.start() < a + 20 for a, _ in out):
            continue
        idents = _expand_idents(mm.group(1).upper())
        ids: list[str | None] = []
        for i in idents:
            if i in lots and lots[i] not in ids:
                ids.append(lots[i])
        if ids:
            out.append((mm.start(), ids))
    return out


def _expand_idents(group: str) -> list[str]:
    """"1 en 3" -> [1, 3]; "1 t/m 3" -> [1, 2, 3]; "A, B en C" -> [A, B, C]."""
    parts = re.split(r"\s*(,|\ben\b|\bof\b|&|t/m|tot\s+en\s+met)\s*", group, flags=re.I)
    idents: list[str] = []
    k = 0
    while k < len(parts):
        p = parts[k].strip()
        if p and p not in (",", "&") and p.lower() not in ("en", "of") and not re.match(r"t/m|tot", p, re.I):
            prev_sep = parts[k - 1].lower() if k > 0 else ""
            if (prev_sep == "t/m" or prev_sep.startswith("tot")) and idents:
                a = idents[-1]
                if a.isdigit() and p.isdigit():
                    idents.extend(str(x) for x in range(int(a) + 1, int(p) + 1))
                elif len(a) == 1 and len(p) == 1:
                    idents.extend(chr(x) for x in range(ord(a) + 1, ord(p) + 1))
            else:
                idents.append(p)
        k += 1
    return idents
