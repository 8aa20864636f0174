"""Segment facts: which care wordings name a segment the document buys, and their parent segments.

A wording counts where the text treats it as a lot (label of a heading, list
item or table cell; after a lot/procurement marker; the object of contracting).
Negated, example and topic-list mentions do not count; care the document keeps
out of the procurement ("X valt buiten deze inkoop") does not count anywhere in it.
"""
from __future__ import annotations

import bisect
import re

from ...models.facts import Fact
from ...models.taxonomy import load_taxonomy
from ..context import ExtractionContext
from ..sections import Place
from .cues import CUE, EXCLUDING_PREDICATES, NON_DISTINCTIVE
from .lots import _content_item, _lot_label_segment
from .stance import _status_of
from .state import _antecedent_segment, _colon_unit, _Doc, _excluded, _has_model, _next_sentence, _state
from .terms import Match, find_terms


def extract_segments(ctx: ExtractionContext) -> list[Fact]:
    return list(_segment_facts(_state(ctx)))


def _segment_facts(d: _Doc) -> tuple[Fact, ...]:
    cached = d._segment_facts
    if cached is None:
        cached = d._segment_facts = tuple(_collect_segments(d))
    return cached


def _collect_segments(d: _Doc) -> list[Fact]:
    ctx = d.ctx
    facts: dict[tuple, Fact] = {}
    for m in d.seg_matches:
        place = d.st.place(m.start)
        if _is_excluded_mention(d, m):
            continue
        ok, conf = _is_segment_mention(d, m, place)
        if not ok and _given_a_model_after_exclusion(d, m):
            ok, conf = True, 0.6
        if not ok and _in_contents_of_numbered_lot(d, m):
            ok, conf = True, 0.7
        if not ok:
            if m.generic or d.qualify_at(m.start, m.end).negated:
                continue
            # the object of "perceel X omvat a en b" is a sub-segment of X
            parent, structural = _parent_for(d, m, place)
            if parent is None or structural:
                continue
            conf = 0.7
        parent, _ = _parent_for(d, m, place)
        value = _segment_value(d, m, parent, place)
        if value["parent"] == value["id"] and not (place.block and place.block.kind == "table_row"
                                                   or place.kind == "list_item"):
            value["parent"] = None
        key = (value["id"], value["label"].lower(), value["parent"])
        f = ctx.fact("segment", m.start, m.end, value, conf)
        if key not in facts or facts[key].confidence < conf:
            facts[key] = f
    return sorted(facts.values(), key=lambda f: f.start)


def _is_segment_mention(d: _Doc, m: Match, place: Place) -> tuple[bool, float]:
    """Does this mention name a segment the document buys? (decision, confidence)."""
    b = place.block
    q = d.qualify_at(m.start, m.end)
    # negated itself ("valt buiten"), not the topic of a declined model ("voor X is trajectfinanciering
    # overwogen, maar niet gekozen": X is still bought, with another model)
    if _excluded(q):
        return False, 0.0
    s, e = d.sentence(m.start)
    sent = d.text[s:e]
    if b is not None and b.kind in ("list_item", "heading") and _is_topic_list(d, place):
        return False, 0.0
    marker = d._marker_before(m.start) or bool(CUE["marker_after"].match(d.text, m.end, min(len(d.text), m.end + 20)))
    label = _is_label(d, m, place) or _coordinated_with_marked(d, m)
    if m.generic and not (label or marker):
        return False, 0.0
    if label and b.kind == "heading" and _heading_label_length(d, b) > _MAX_HEADING_LABEL:
        label = False
    if label or marker:
        return True, 0.9 if marker else 0.85
    if CUE["example"].search(sent) and not marker:
        return (True, 0.6) if _bought_kinds(d, m, s, e) else (False, 0.0)
    # an enumeration opener that is no example marker ('waaronder', 'onder meer')
    if not m.generic and CUE["such_as"].search(sent) and _bought_kinds(d, m, s, e):
        return True, 0.6
    if b is not None and b.kind == "heading" and _is_title(d, b) and not m.generic and \
            CUE["title_of_buying"].search(d.text, b.start, b.end):
        return True, 0.7
    if m.generic:
        return False, 0.0
    if _enumerated_after_buying_colon(d, m, s, e):
        return True, 0.6
    if b is not None and b.kind == "heading" and _topic_given_a_model(d, m, place):
        return True, 0.6
    if (CUE["contract_cue"].search(sent) and not _topic_complement(d, m, s) or
            CUE["bought_after"].match(d.text, m.end, e) or _between_split_buying(d, m, s, e)) and not q.hypothetical:
        return True, 0.7
    # "Wij kopen samen ondersteuning in. Het gaat om begeleiding, dagbesteding en ...": the
    # sentence after one of buying says what is bought
    if _scope_of_buying(d, s) and not q.hypothetical:
        return True, 0.6
    # the care a model or procedure is given for: "Bestuurlijk aanbesteden wordt voor de
    # gesloten jeugdhulp nog onderzocht" (a segment even while its procedure is weighed)
    if CUE["for_segment"].search(d.text, max(s, m.start - 60), m.start) and not _topic_complement(d, m, s) and \
            (find_terms(sent, "financing") or find_terms(sent, "procedure")):
        return True, 0.65
    # care that opens its sentence as the subject the sentence gives a model: "De jeugd-GGZ
    # wordt betaald op basis van trajecten" (not when the sentence looks back or supposes)
    if CUE["subject_opening"].fullmatch(d.text, s, m.start) and find_terms(sent, "financing") and \
            not (q.historical or q.hypothetical):
        return True, 0.6
    # the care a model in the same sentence is given to: "De aanbieders van jeugdhulp met
    # verblijf ontvangen een vergoeding per etmaal" (not where others' practice is told)
    if _given_a_model_in_sentence(d, m, s, e) and not (q.historical or q.hypothetical):
        return True, 0.6
    # a paragraph opened by its topic ("Voor de ambulante jeugdhulp en de jeugd-GGZ vragen de
    # gemeenten één consortium ...") that goes on to give the topic a model or procedure
    if b is not None and b.kind == "paragraph" and _in_fronted_topic(d, m, b) and _has_model(d, (b.start, b.end)):
        return True, 0.6
    return False, 0.0


#: a heading longer than this before its bracket or colon is a sentence, not a label
_MAX_HEADING_LABEL = 80


def _heading_label_length(d: _Doc, b) -> int:
    """The length of a heading up to where its label ends: "Begeleiding en dagbesteding (realisatie
    € 400.000) € 580.000 V" is a short label with amounts after it, not a long heading."""
    t = d.text[b.start:b.end]
    end = CUE["label_end"].search(t)
    return end.start() if end and end.start() > 0 else len(t)


def _topic_complement(d: _Doc, m: Match, s: int) -> bool:
    """Is the care the complement of a noun that reports on it ("de wachtlijsten in de jeugd-GGZ",
    "de kosten van de dyslexiezorg", "een project over dyslexie")? A word of buying elsewhere in
    the sentence ("... en betrekt die bij de inkoop") then does not buy it."""
    return bool(CUE["topic_head"].search(d.text, max(s, m.start - _TOPIC_REACH), m.start))


#: how far before a care wording its reporting head noun may stand
_TOPIC_REACH = 60


def _scope_of_buying(d: _Doc, s: int) -> bool:
    """Does the sentence at ``s`` open with "Het gaat om" / "Dit betreft" right after a sentence
    of buying in the same block?"""
    if not CUE["scope_opening"].match(d.text, s):
        return False
    b = d.doc.block_at(s)
    if b is None or s <= b.start:
        return False
    ps, pe = d.sentence(s - 1)
    if ps < b.start:
        return False
    return bool(CUE["contract_cue"].search(d.text, ps, pe) or CUE["buying_split"].search(d.text[ps:pe]))


#: an item of a colon enumeration longer than this many words is a clause, not a kind of care
_MAX_ENUM_ITEM_WORDS = 5
#: an item label's opening bracket left at the end of the lead-in ("drie percelen: (a) ...", "in: (1) ...")
_ENUM_OPENER_TAIL = re.compile(r"\s*[(\[]\s*$")


def _line_before(d: _Doc, b, pe: int) -> bool:
    """Does the sentence ending at ``pe`` end the line right before block ``b`` (no blank line between)?"""
    return d.text[pe:b.start].count("\n") <= 1 and not d.text[pe:b.start].strip()


def _enumerated_after_buying_colon(d: _Doc, m: Match, s: int, e: int) -> bool:
    """Is ``m`` an item of the verbless enumeration after the colon of a lead-in that buys or
    names lots ("Het ging om aanbestedingen voor zeven zorgvormen: thuisbegeleiding, ..., en
    beschermd wonen", "Er zijn drie percelen: ambulante hulp, verblijf en crisis")? The
    sentencizer breaks at the colon, so the lead-in is the sentence before (or the part of the
    sentence before the colon). A lead-in that is negated or supposed buys nothing."""
    colon = d.text.rfind(":", s, m.start)
    if colon >= 0:
        lead = (s, colon)
    else:
        b = d.doc.block_at(m.start)
        if b is None or s < b.start or s == 0:
            return False
        ps, pe = d.sentence(s - 1)
        while ps > 0 and not d.text[ps:pe].strip():
            ps, pe = d.sentence(ps - 1)      # a line break the sentencizer made a sentence of its own
        # the sentencizer may keep an item's opening bracket with the lead-in ("kent drie percelen: (" + "a) ...");
        # a plain-text line is a block of its own, so a lead-in ending its line may stand in the block before
        if ps >= s or not _ENUM_OPENER_TAIL.sub("", d.text[ps:pe].rstrip()).endswith(":") or \
                (ps < b.start and not _line_before(d, b, pe)):
            return False
        colon = d.text.rindex(":", ps, pe)
        lead = (ps, colon)
    items = CUE["enumeration_break"].split(d.text[colon + 1:e].strip().rstrip(".;"))
    if any(len(x.split()) > _MAX_ENUM_ITEM_WORDS for x in items):
        return False
    # one item must be the care wording itself ("Wij kopen in: dyslexiezorg."), not a clause about it
    if len(items) == 1 and CUE["subject_opening"].sub("", items[0], count=1) != d.text[m.start:m.end]:
        return False
    if CUE["example"].search(d.text, colon, m.start):
        return False
    cue = (CUE["contract_cue"].search(d.text, *lead) or CUE["buying_split"].search(d.text, *lead) or
           CUE["lots_named"].search(d.text, *lead))
    if cue is None:
        return False
    # the enumeration continues the lead-in: the stance at its end ("... niet gezamenlijk in:") is the items'
    q = d.qualify_at(colon - 1, colon)
    return not (q.negated or q.hypothetical)


def _heading_topic(d: _Doc, h, place: Place) -> str | None:
    """The one kind of care a short heading is about when it does not open with it: an agenda
    item or section named by what is done to that care ("Invoeren maatregel gereguleerde instroom
    HSJH", "Stand van zaken wachtlijsten jeugd-GGZ"). None when it names none or several."""
    if h.end - h.start > _MAX_HEADING_LABEL:
        return None
    ids = {d.resolve(x, place) for x in d.segments_in((h.start, h.end)) if not x.generic}
    return ids.pop() if len(ids) == 1 else None


def _topic_given_a_model(d: _Doc, m: Match, place: Place) -> bool:
    """Is ``m`` the topic of its heading (see :func:`_heading_topic`) and does the section under the
    heading state a model in use or chosen that attaches to it, naming no care of its own ("het
    lumpsum budget van de kernpartners is uitgenut")? Then the document deals with buying it."""
    from .attachment import _heading_topic_attachment     # attachment builds on this module's facts
    from .care_models import _care_context
    h = place.block
    if _heading_topic(d, h, place) != d.resolve(m, place):
        return False
    nxt = _next_heading_start(d, h.start)
    for kind in ("financing", "procedure"):
        for f in find_terms(d.text[h.end:nxt], kind):
            fm = Match(kind, f.id, h.end + f.start, h.end + f.end)
            fplace = d.st.place(fm.start)
            if not fplace.headings or fplace.headings[0].start != h.start:
                continue
            if _heading_topic_attachment(d, fm, fplace) and _care_context(d, fm, fplace) and \
                    _status_of(d, fm, fplace)[0] == "chosen":
                return True
    return False


def _given_a_model_in_sentence(d: _Doc, m: Match, s: int, e: int) -> bool:
    """Does a financing model the sentence states as the one in use or chosen attach to this care
    (by the attachment rules)? A model weighed, dropped or of the past, or others' practice
    ("een pilot met resultaatfinanciering ... afgewezen"), makes no segment bought."""
    from .attachment import _by_sentence      # attachment builds on this module's facts
    sid = d.resolve(m)
    for f in find_terms(d.text[s:e], "financing"):
        fm = Match("financing", f.id, s + f.start, s + f.end)
        place = d.st.place(fm.start)
        found = _by_sentence(d, fm, place)
        if found is not None and sid in found[0] and _status_of(d, fm, place)[0] == "chosen":
            return True
    return False


def _in_contents_of_numbered_lot(d: _Doc, m: Match) -> bool:
    """Care listed as the contents of a lot named only by its identifier: "Segment C omvat
    verblijf, crisis en gesloten jeugdhulp" (the lot is the subject; no care word names it),
    "De jeugd-GGZ valt onder perceel 3"; or of the procurement itself ("De opdracht omvat
    ambulante jeugdhulp en pleegzorg", "De regionale inkoop bestaat uit: ...")."""
    q = d.qualify_at(m.start, m.end)
    if m.generic or q.negated or q.hypothetical:
        return False
    s, e = _colon_unit(d, m.start)
    # "De jeugd-GGZ valt onder perceel 3": the care is the subject, the lot comes after the verb
    after = CUE["part_of"].search(d.text, m.end, e)
    if after and not d.text[m.end:after.start()].strip(" ,"):
        k = CUE["subject_opening"].match(d.text, after.end(), e).end()     # a determiner at most
        if CUE["lot_reference"].match(d.text, k, e):
            return True
    pm = None
    for pm in CUE["part_of"].finditer(d.text, s, m.start):
        pass
    if pm is None or CUE["example"].search(d.text, pm.end(), m.start):
        return False
    # the subject: a lot by its identifier, or the procurement itself ("De opdracht omvat ...")
    if not (CUE["lot_reference"].search(d.text, s, pm.start()) or
            CUE["procurement_subject"].search(d.text, s, pm.start())):
        return False
    return not [x for x in d.segments_in((s, pm.start())) if not x.generic]


def _between_split_buying(d: _Doc, m: Match, s: int, e: int) -> bool:
    """Is ``m`` the object between the parts of a split verb of buying ("wij kopen pleegzorg
    in bij ...")? Care named elsewhere in the sentence (a subject's aside) is not bought by it."""
    return any(x.start() < m.start and m.end <= x.end() for x in CUE["split_buying"].finditer(d.text, s, e))


def _in_fronted_topic(d: _Doc, m: Match, b) -> bool:
    """Is ``m`` inside the topic phrase that opens its paragraph ("Voor X en Y ...", "Wat betreft X")?"""
    tm = CUE["fronted_topic"].match(d.text, b.start, b.end)
    return tm is not None and tm.start(1) <= m.start and m.end <= tm.end(1)


def _is_label(d: _Doc, m: Match, place: Place) -> bool:
    """Is the mention the label of its heading, list item or cell, a lot's label, or an item of a lot's contents?"""
    b = place.block
    label = False
    if b is not None and (b.kind in ("heading", "list_item", "table_row") or _bullet_paragraph(d, b)):
        span = place.cell if b.kind == "table_row" else (b.start, b.end)
        if span:
            lab = d.label_segment(span)
            label = lab is not None and lab.start == m.start
            # later items of a "a; b; c" or "X - a - b" cell are labels too
            if not label and b.kind == "table_row":
                prev = d.text[span[0]:m.start].rstrip()
                label = prev.endswith((";", " -", "–", ",")) and len(d.text[m.end:span[1]].split(";")[0]) < 40
        if not label:
            opening = CUE["lot_opening"].match(d.text[span[0]:span[1]]) if span else None
            if opening:
                first = _lot_label_segment(d, span, opening)
                label = first is not None and first.start == m.start
    if not label:
        label = _content_item(d, m, place)[0]
    if not label and b is not None and b.kind in ("heading", "list_item"):
        label = _inline_item_label(d, m, b)
    if not label and b is not None and b.kind in ("heading", "list_item", "table_row"):
        label = _coordinated_with_label(d, m, place)
    return label


def _bullet_paragraph(d: _Doc, b) -> bool:
    """A short paragraph that opens with a bullet glyph or an item number ("2b. Verblijf", "II.
    Crisis"), or a short line "Care: model" ("Verblijf: dagtarief"): a list item or heading the
    reader kept as a paragraph (its neighbours of the same shape may have become headings)."""
    if b.kind != "paragraph" or b.end - b.start > _MAX_HEADING_LABEL:
        return False
    t = d.text[b.start:b.end]
    if CUE["bullet_opening"].match(t) or CUE["item_number_opening"].match(t):
        return True
    lab, colon = d.label_segment((b.start, b.end)), t.find(":")
    return lab is not None and colon > 0 and not d.text[lab.end:b.start + colon].strip() and \
        bool(find_terms(t[colon:], "financing") or find_terms(t[colon:], "procedure"))


def _coordinated_with_label(d: _Doc, m: Match, place: Place) -> bool:
    """A later kind of care in a label that enumerates several: "Verblijf en crisis",
    "Begeleiding, dagbesteding en kortdurend verblijf" (a heading, list item or cell that
    names its kinds of care joined by ',', 'en', '/', with nothing else between them). A generic
    word after the first ("Verblijf en behandeling") says how, not which other care."""
    b = place.block
    if m.generic:
        return False
    span = place.cell if b.kind == "table_row" else (b.start, b.end)
    if not span:
        return False
    first = d.label_segment(span)
    if first is None or first.start >= m.start:
        return False
    i = _position(d.seg_matches, m)
    for _ in range(_MAX_LABEL_KINDS):
        if i <= 0:
            return False
        prev = d.seg_matches[i - 1]
        if prev.start < span[0] or not CUE["coordinated"].fullmatch(d.text, prev.end, d.seg_matches[i].start):
            return False
        if prev.start == first.start:
            return True
        i -= 1
    return False


#: how many kinds of care one enumerating label may name before it reads as running prose
_MAX_LABEL_KINDS = 5


def _bought_kinds(d: _Doc, m: Match, s: int, e: int) -> bool:
    """Is ``m`` one of two or more kinds of care that a sentence of buying enumerates after
    'zoals' or a word of its class ('waaronder', 'onder andere') ("De regio koopt verblijf in, zoals gezinshuizen, spoedhulp en logeeropvang")?
    A single example ("bijvoorbeeld crisishulp") stays an example."""
    zm = None
    for zm in CUE["such_as"].finditer(d.text, s, m.start):
        pass
    if zm is None or not (CUE["contract_cue"].search(d.text, s, zm.start()) or
                          CUE["buying_split"].search(d.text[s:zm.start()].rstrip(" ,"))):
        return False
    if CUE["example"].search(d.text, zm.end(), m.start):
        return False                       # another example marker in between
    items = [x for x in d.segments_in((zm.end(), e)) if not x.generic]
    chain = [items[0]] if items else []
    for x in items[1:]:
        if not CUE["coordinated"].fullmatch(d.text, chain[-1].end, x.start):
            break
        chain.append(x)
    return len(chain) >= 2 and any(x.start == m.start for x in chain) and \
        not d.text[zm.end():chain[0].start].strip(" ,:(")


def _is_title(d: _Doc, b) -> bool:
    """Is the heading the document's title: its first heading, near the start?"""
    starts, _ = _heading_starts(d)
    return bool(starts) and starts[0] == b.start and b.start < _TITLE_CHARS


def _heading_starts(d: _Doc) -> tuple[list[int], bool]:
    """The starts of the document's headings in the order of its blocks, and whether that is text
    order (read once per block list)."""
    held = d.__dict__.get("_heading_starts")
    if held is None or held[0] != len(d.doc.blocks):
        starts = [x.start for x in d.doc.blocks if x.kind == "heading"]
        held = d._heading_starts = (len(d.doc.blocks), starts, all(a <= b for a, b in zip(starts, starts[1:])))
    return held[1], held[2]


def _next_heading_start(d: _Doc, offset: int) -> int:
    """The start of the first heading (in block order) that starts after ``offset``, else the text's end;
    by bisection when the headings are in text order, as the readers make them."""
    starts, in_order = _heading_starts(d)
    if in_order:
        i = bisect.bisect_right(starts, offset)
        return starts[i] if i < len(starts) else len(d.text)
    return next((x for x in starts if x > offset), len(d.text))


#: how far into a document its title may start (after a page marker or a case number)
_TITLE_CHARS = 200


def _inline_item_label(d: _Doc, m: Match, b) -> bool:
    """The label of a numbered item run together with earlier items in one block:
    "1. Inhuur adviseur (2018) 2. Dyslexie (2018)" (a PDF line holding several items)."""
    if not CUE["numbered_opening"].match(d.text, b.start, b.end):
        return False
    before = d.text[max(b.start, m.start - 8):m.start]
    return bool(CUE["inline_item_number"].search(before)) and m.start > b.start + 4


def _coordinated_with_marked(d: _Doc, m: Match) -> bool:
    """Care joined by 'en', ',' or '/' to a care wording right before it that a marker or
    label makes a segment: "Dienstverleningsovereenkomst Beschermd wonen en Beschermd thuis"."""
    i = _position(d.seg_matches, m)
    seen = 0
    while i > 0 and seen < 4:
        prev = d.seg_matches[i - 1]
        if prev.generic or not CUE["coordinated"].fullmatch(d.text, prev.end, m.start):
            return False
        if d._marker_before(prev.start) or _content_item(d, prev, d.st.place(prev.start))[0]:
            return True
        m, i, seen = prev, i - 1, seen + 1
    return False


def _position(matches: list[Match], m: Match) -> int:
    """``matches.index(m)`` (or -1) for matches sorted by start, by bisection: a linear index per
    mention made long lists of care words quadratic."""
    i = bisect.bisect_left(matches, m.start, key=lambda x: x.start)
    while i < len(matches) and matches[i].start == m.start:
        if matches[i] == m:
            return i
        i += 1
    return -1


def _is_topic_list(d: _Doc, place: Place) -> bool:
    return bool(place.list_intro and CUE["topic_intro"].search(d.st.text(place.list_intro)))


def _parent_for(d: _Doc, m: Match, place: Place) -> tuple[str | None, bool]:
    """(parent segment id, structural) for a segment mention from its place."""
    b = place.block
    if b is None:
        return None, False
    item, lot = _content_item(d, m, place)
    if item and lot:
        return lot, True
    if b.kind == "table_row":
        found = _table_parent(d, m, place)
        if found is not None:
            return found, True
    found = _clause_parent(d, m, place)
    if found is not None:
        return found, False
    # a list item under a heading or list item that is itself a segment
    if b.kind == "list_item":
        for h in place.headings[:1]:
            lab = d.label_segment((h.start, h.end))
            if lab:
                return d.resolve(lab, place), True
    return None, False


def _table_parent(d: _Doc, m: Match, place: Place) -> str | None:
    """The parent a table cell's structure gives: the row label, the cell's first item, the title row."""
    # other cells of a row whose first cell names a segment (sub-segment tables)
    column_table = d.st.column_first(place, "column_marker", lambda c: CUE["column_marker"].match(d.st.text(c))) is not None
    if place.cell_index and place.row_label and not column_table:
        lab = d.label_segment(place.row_label)
        if lab and not _financing_table(d, place):
            return d.resolve(lab, place)
    # items after the first in a "X - a - b" cell
    if place.cell:
        first = d.label_segment(place.cell)
        if first and first.start < m.start and CUE["item_dash"].search(d.text[first.end:m.start]):
            return d.resolve(first, place)
    # the segment of the table's title row ("Segment Ambulant" above "Percelen | Perceel 1: ...")
    if place.table_title:
        lab = d.label_segment(place.table_title)
        if lab and not (lab.start <= m.start < lab.end):
            return d.resolve(lab, place)
    return None


def _clause_parent(d: _Doc, m: Match, place: Place) -> str | None:
    """The parent the sentence gives: "X omvat a, b en c", "binnen dit perceel" (the section's lot)."""
    b = place.block
    # "X omvat a, b en c" / "Tot dit segment behoren a, b"
    s, e = d.sentence(m.start)
    before = d.text[s:m.start]
    pm = None
    for pm in CUE["part_of"].finditer(before):
        pass
    if pm is not None:
        subj = [x for x in d.segments_in((s, s + pm.start())) if x.end <= s + pm.start()]
        if not subj and CUE["this_lot_subject"].search(before[:pm.end()]):
            lab = d.label_segment((b.start, b.end))
            subj = [lab] if lab else []
        if subj and not (subj[-1].start == m.start):
            return d.resolve(subj[-1], place)
    # "Voor X geldt binnen dit perceel een aparte module": X belongs to the section's lot
    if CUE["inside_this_lot"].search(d.text, s, e):
        for h in place.headings:
            lab = d.label_segment((h.start, h.end))
            if lab and not (lab.start <= m.start < lab.end):
                return d.resolve(lab, place)
    return None


def _financing_table(d: _Doc, place: Place) -> bool:
    heads = " ".join(d.st.text(c) for c in place.table_header).lower()
    return bool(CUE["financing_table_header"].search(heads)) or \
        bool(find_terms(" ".join(d.st.text(c) for c in place.row_cells[1:]), "financing"))


def _segment_value(d: _Doc, m: Match, parent: str | None, place: Place) -> dict:
    tax = load_taxonomy()
    sid = d.resolve(m, place)
    # a generic word among a lot's contents ("begeleiding en behandeling" in the ambulant
    # lot, "ondersteuning bij ..." in the HbH lot) is that lot's own kind of care
    if m.generic and parent:
        sid = parent
    # a sub-segment named in the other domain's words belongs to its parent's
    # segment (jeugd "Persoonlijke Verzorging" under Ambulante Jeugdhulp)
    if parent and tax.segment_domain(sid) and tax.segment_domain(parent) and \
            tax.segment_domain(sid) != tax.segment_domain(parent):
        sid = parent
    label = re.sub(r"\s+", " ", d.text[m.start:m.end]).strip()
    return {"id": sid, "label": label, "domain": tax.segment_domain(sid) or "jeugd", "parent": parent}


def _given_a_model_after_exclusion(d: _Doc, m: Match) -> bool:
    """"X valt buiten deze inkoop: daarvoor loopt een subsidie" - an excluded segment that the
    next sentence gives a model or procedure of its own (through 'daarvoor'/'hiervoor')."""
    if m.generic or not _excluded(d.qualify_at(m.start, m.end)):
        return False
    nxt = _next_sentence(d, m.start, colon=False)
    if nxt is None or not _has_model(d, nxt):
        return False
    ante = _antecedent_segment(d, nxt[0])
    return ante is not None and ante.start == m.start


def _excluded_ids(d: _Doc) -> set[str]:
    """Care words the document explicitly keeps out of the procurement and gives no model or procedure.

    "Dyslexie valt buiten deze aanbesteding" makes every mention of that care in the
    document (its section heading, "de dyslexiezorg loopt via de bestaande
    overeenkomsten") a mention of something not bought here - unless the document
    states a model or procedure for it, in the sentence that names it or right
    after through an anaphor ("daarvoor loopt een subsidie"). The exclusion holds
    for the wording's own word family ("dyslexie", "dyslexiezorg"), not for the
    whole segment id: excluding "pleegzorg" leaves "jeugdhulp met verblijf" bought.
    Returns the excluded word stems.
    """
    cached = d._excluded
    if cached is not None:
        return cached
    d._excluded = set()
    excluded: set[str] = set()
    for m in d.seg_matches:
        # a predicate that puts the care itself outside ("valt buiten", "maakt geen deel uit"),
        # not a carve-out from an enumeration ("alle ambulante hulp, met uitzondering van X")
        if not m.generic and any(t.category == "negated" and t.phrase in EXCLUDING_PREDICATES
                                 for t in d.qualify_at(m.start, m.end).triggers):
            excluded |= _stems(d.text[m.start:m.end])
    kept: set[str] = set()
    for m in d.seg_matches:
        st = _stems(d.text[m.start:m.end])
        if m.generic or not _shares_stem(st, excluded):
            continue
        sent = d.sentence(m.start)
        if _given_a_model_after_exclusion(d, m):
            kept |= st
        elif not _excluded(d.qualify_at(m.start, m.end)) and _has_model(d, sent):
            # the model must be given for it (the nearest segment to the model's wording)
            t = d.text[sent[0]:sent[1]]
            terms = [sent[0] + x.start for x in find_terms(t, "financing") + find_terms(t, "procedure")]
            named = [x.start for x in d.segments_in(sent) if not x.generic]
            if any(min(named, key=lambda a: abs(a - p)) == m.start for p in terms):
                kept |= st
    d._excluded = {w for w in excluded if not _shares_stem({w}, kept)}
    return d._excluded


def _stems(label: str) -> set[str]:
    return {w for w in re.findall(r"\w+", label.lower()) if len(w) >= 5 and w not in NON_DISTINCTIVE}


def _shares_stem(words: set[str], stems: set[str]) -> bool:
    return any(u.startswith(w) or w.startswith(u) for u in words for w in stems)


def _is_excluded_mention(d: _Doc, m: Match) -> bool:
    ex = _excluded_ids(d)
    return bool(ex) and not m.generic and _shares_stem(_stems(d.text[m.start:m.end]), ex)
