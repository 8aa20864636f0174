"""Care segments, financing models and procedures, attached to the segment they govern.

Three extractors (facts contract types ``segment``, ``financing``,
``procedure``):

``extract_segments(ctx)``
    A wording from the taxonomy counts as a *segment the document buys* only
    where the text treats it as a lot: as the label of a heading, list item or
    table cell ("Segment Ambulant", "- 2. Gezins- en Woonvormen: ...", a
    perceel column), after a segment/perceel/procurement word ("het perceel
    complexe jeugdhulp", "Inkoop Wmo Individuele Begeleiding"), or as the
    object of contracting ("zijn de crisisfuncties gecontracteerd").
    Mentions the qualifier negates ("valt buiten", "behalve ..."), examples
    ("bijvoorbeeld") and items of topic lists ("Onderwerpen: ...") are not
    segments. Sub-segments get ``parent``: the other cells of a row whose first
    cell is a segment, the items of a list under a segment, the segment of a
    table's title row, the objects of "X omvat / bestaat uit ...".

``extract_financing(ctx)`` / ``extract_procedures(ctx)``
    Every wording of a model/procedure, attached to a segment through (in this
    order) its table row's first cell, its table column header, the table's
    title row, a segment named in the same sentence ("voor het perceel X"),
    segments named earlier in the same block, the heading chain; else
    ``segment: null``. A value shared by every column of a row applies to the
    whole document (``null``). The stance comes from
    :func:`~inkoopgraaf.extract.qualifier.qualify` on the sentence, then from
    the table's title/lead-in and the headings; a row labelled as the choice
    ("Bekostigingsvariant", "Vorm aanbesteding") means ``chosen``.
    One fact per (id, segment, status), keeping the most confident evidence.

Matching is compound-aware (see ``models/taxonomy.json``): wordings match
across hyphens and spaces ("Hoog-specialistisch"), with inflections and as the
modifier of a compound ("dyslexie|aanbieders") but never as the head of
another word's compound ("corona|crisis").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace as _replace
from functools import lru_cache

from ..models.facts import Fact
from ..models.taxonomy import Entry, load_taxonomy
from .context import ExtractionContext
from .qualifier import (DECLINED, column_stance, is_same_as, qualify, qualify_follow_up, qualify_lead_in,
                        qualify_text)
from .sections import Place, Structure

_SEP = r"[\s\-‐–/]*"


@dataclass(frozen=True)
class Match:
    kind: str          # segment | financing | procedure
    id: str
    start: int
    end: int
    lot: bool = False
    generic: bool = False


# -- vocabulary matching ----------------------------------------------------

def _word_regex(word: str, suffix: str) -> str:
    return re.escape(word) + suffix


@lru_cache(maxsize=None)
def _compiled(kind: str) -> tuple[tuple[Entry | dict, re.Pattern, bool], ...]:
    """(entry, regex, acronym) per term of ``kind`` (segment|financing|procedure|generic)."""
    tax = load_taxonomy()
    infl = "|".join(sorted((re.escape(s) for s in tax.inflections), key=len, reverse=True))
    heads = "|".join(sorted((re.escape(h) for h in tax.compound_heads), key=len, reverse=True))
    last_suffix = rf"(?:(?:{infl})?(?:-?(?:{heads})(?:{infl})?)?)"
    inner_suffix = rf"(?:{infl})?"
    if kind == "generic":
        entries = [(g, t) for g in tax.generic_segments for t in g["terms"]]
    else:
        table = {"segment": tax.segments, "financing": tax.financing, "procedure": tax.procedures}[kind]
        entries = [(e, t) for e in table.values() for t in e.terms]
    out = []
    for e, term in entries:
        if term.startswith("re:"):
            out.append((e, re.compile(term[3:], re.IGNORECASE), False))
            continue
        words = [w.strip("-") for w in term.lower().split() if w.strip("-")]
        parts = [_word_regex(w, inner_suffix if i < len(words) - 1 else last_suffix) for i, w in enumerate(words)]
        rx = r"(?<![\w&])" + _SEP.join(parts) + r"(?![\w])"
        acronym = len(words) == 1 and len(words[0]) <= 4
        out.append((e, re.compile(rx, re.IGNORECASE), acronym))
    return tuple(out)


def find_terms(text: str, kind: str) -> list[Match]:
    """Non-overlapping taxonomy matches of ``kind`` in ``text`` (longest first)."""
    from .terms import non_overlapping, term_matches  # one pass for all wordings of the kind
    cands = []
    for (e, _, acronym), s, end in term_matches(_compiled(kind), text):
        if acronym and text[s:end].islower():
            continue          # short wordings count only when written as acronyms (KmB, HbH, DAS)
        if kind == "generic":
            cands.append(Match("segment", "", s, end, generic=True))
        else:
            cands.append(Match(kind, e.id, s, end, lot=getattr(e, "lot", False)))
    # longest first; on a tie a lot reading wins (it is checked against its marker later)
    cands.sort(key=lambda m: (-(m.end - m.start), not m.lot, m.start))
    return non_overlapping(cands)


# -- shared helpers -----------------------------------------------------------

_LABEL_PREFIX = re.compile(
    r"^[\s\-–•●▪◦*·o]*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s*)?"
    r"(?:(?:segment|subsegment|perceel|deelperceel|voorziening|lot)(?:\s+(?-i:[A-Z]|\d{1,2})\b)?\s*[:.\-–—]?\s*)?['\"‘’“”]?",
    re.IGNORECASE)
# ... or with a degree word written without -e ("Basis ambulante jeugdhulp", "Intensief ambulant")
_LABEL_ADJECTIVE = re.compile(r"([^\W\d_]{3,}e|(?i:basis|intensief|licht|zwaar|kortdurend|langdurend))\s+")
# determiners/negations ending in -e that make a phrase no label of care bought
_NOT_LABEL_ADJECTIVES = frozenset(("geen", "deze", "onze", "alle", "elke", "iedere", "welke", "die", "huidige",
                                   "bestaande", "vorige", "oude", "nieuwe", "eventuele", "mogelijke"))
_TOPIC_INTRO = re.compile(r"\b(onderwerp\w*|thema\w*|uitgangspunt\w*|doelstelling\w*|doelen|principe\w*|"
                          r"basisprincipe\w*|agenda|vragen|ontwikkeling\w*|inzichten|kenmerken)\b", re.I)
_CONTRACT_CUE = re.compile(
    r"\b(gecontracteerd\w*|contracte\w*|contract\w*\s+met|overeenkomst\w*|inkopen|ingekocht|inkoop|"
    r"aanbested\w*|besteden\b|aanbesteed|subsidies?\s+aan|gesubsidieerd|raamovereenkomst\w*|deelovereenkomst\w*|"
    r"gegund|gunnen|uitbesteed)", re.I)
_MARKER_BEFORE = re.compile(
    r"(?:\b(?:segment|subsegment|perceel|deelperceel|inkoopsegment|voorziening|lot|inkoop|aanbesteding|"
    r"inkooptraject|contractering|verwerving)(?:en)?\s*(?:(?-i:[A-Z]|\d{1,2})\b\s*)?[:.\-–—]?\s*['\"‘’“”]?\s*)$", re.I)
_PART_OF = re.compile(r"\b(omvat|omvatten|bestaat\s+uit|bestaan\s+uit|behoren|behoort|onder\s+te\s+verdelen\s+in|"
                      r"bevat|bevatten|valt\s+onder|vallen\s+onder|ondergebracht\s+bij)\b", re.I)
# a header cell saying only "Perceel"/"Segment": the cells below are column labels, not sub-segments
_COLUMN_MARKER = re.compile(r"^\s*(perce(el|len)|segment(en)?|voorziening(en)?|lot)\s*\w{0,2}\s*$", re.I)
# What stands right before an item of a lot's enumerated contents: "Perceel 2 – Verblijf: pleegzorg,
# gezinshuizen en residentiële zorg", "(inclusief jeugd-GGZ)", "(onder meer jeugdzorgplus en de crisisdienst)"
_ENUM_LEFT = re.compile(
    r"(?:[:(,;]|\s[-–]|\b(?:en|of|inclusief|incl\.|waaronder|alsmede|plus|onder\s+meer|met\s+name))\s*"
    r"(?:(?:inclusief|waaronder|onder\s+meer|met\s+name)\s+)?(?:(?:de|het|een|alle)\s+)?$", re.I)
# a span that opens with a lot marker and its identifier: "Perceel A –", "Segment 3:", "Lot 2."
_LOT_OPENING = re.compile(r"^[\s\-–•●▪◦*·]*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s*)?"
                          r"(?:segment|subsegment|perceel|deelperceel|lot)\s+(?-i:[A-Z]|\d{1,2})\b\s*[:.\-–—]", re.I)
# the end of a lot's label: its contents follow after a colon, a bracket or a dash
_LABEL_END = re.compile(r"[:(;]|\s[-–]\s")
# "binnen dit perceel", "onder deze segmenten": a mention placed inside the section's lot
_INSIDE_THIS_LOT = re.compile(r"\b(?:binnen|onder|in)\s+(?:dit|dat|deze|hetzelfde|het\s+eigen)\s+"
                              r"(?:perceel|segment|deelperceel|lot)\b", re.I)
_EXAMPLE = re.compile(r"\b(bijvoorbeeld|zoals|bv\.|o\.a\.|onder\s+andere|met\s+name\s+bij|denk\s+aan)\b", re.I)


class _Doc:
    """Per-document state shared by the three extractors."""

    def __init__(self, ctx: ExtractionContext):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.st = Structure(ctx.doc)
        self.sents = self._sentences()
        self._starts = [s for s, _ in self.sents]
        self.seg_matches = self._segment_matches()

    def _sentences(self) -> list[tuple[int, int]]:
        try:
            sents = [(s.start_char, s.end_char) for s in self.ctx.spacy_doc.sents]
        except Exception:   # pragma: no cover - fall back to lines when spaCy is unavailable
            sents = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        return sents or [(0, len(self.text))]

    def sentence(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sents[i]

    def qualify_at(self, start: int, end: int):
        s, e = self.sentence(start)
        e = max(e, end)
        return qualify(self.text[s:e], start - s, end - s)

    # -- segment mentions --------------------------------------------------
    def _segment_matches(self) -> list[Match]:
        raw = find_terms(self.text, "segment")
        # lots ("perceel complexe jeugdhulp"): a lot wording is the lot where
        # a marker precedes it, and everywhere once the document defined it so
        lot_phrases = set()
        for m in raw:
            if m.lot and self._marker_before(m.start):
                lot_phrases.add(self._norm(self.text[m.start:m.end]))
        out = []
        for m in raw:
            phrase = self._norm(self.text[m.start:m.end])
            if m.lot and phrase not in lot_phrases:
                # not defined as a lot here: fall back to the care-type reading
                alt = self._non_lot(m)
                if alt:
                    out.append(alt)
                continue
            if not m.lot and lot_phrases:
                # a care-type wording that is the tail of a defined lot phrase stays itself
                pass
            out.append(m)
        for g in find_terms(self.text, "generic"):
            if all(g.end <= m.start or g.start >= m.end for m in out):
                out.append(g)
        return sorted(out, key=lambda m: m.start)

    def _non_lot(self, m: Match) -> Match | None:
        tax = load_taxonomy()
        best = None
        for e in tax.segments.values():
            if e.lot:
                continue
            for t in e.terms:
                if t.startswith("re:"):
                    continue
                rx = _single_rx(t)
                mm = rx.search(self.text, m.start, m.end)
                if mm and (best is None or mm.end() - mm.start() > best.end - best.start):
                    best = Match("segment", e.id, mm.start(), mm.end())
        return best

    @staticmethod
    def _norm(s: str) -> str:
        s = re.sub(r"\(([^)]*)\)", r"\1", s.lower())
        return re.sub(r"[\s\-‐–/]+", " ", s).strip()

    def _marker_before(self, start: int) -> bool:
        # the block (not the sentence: the sentencizer splits at ':') bounds the look-back
        b = self.doc.block_at(start)
        s = b.start if b is not None else self.sentence(start)[0]
        if b is not None and b.kind == "table_row":
            ci = self.doc.cell_index(b, start)
            s = b.cells[ci][0] if ci is not None else s
        before = self.text[max(s, start - 40):start]
        before = re.sub(r"\b(?:het|de|een|van|voor|dit|dat|deze)\s+$", "", before, flags=re.I)
        return bool(_MARKER_BEFORE.search(before))

    def domain_at(self, offset: int, place: Place) -> str:
        """jeugd or wmo: from the row label, the block, the headings (innermost first)."""
        words = load_taxonomy().domain_words
        spans = []
        if place.row_label:
            spans.append(place.row_label)
        if place.block is not None:
            spans.append((place.block.start, place.block.end))
        spans.extend((h.start, h.end) for h in place.headings)
        for s, e in spans:
            t = self.text[s:e].lower()
            hits = {d: min((m.start() for w in ws for m in re.finditer(rf"\b{re.escape(w)}", t)), default=None)
                    for d, ws in words.items()}
            hits = {d: i for d, i in hits.items() if i is not None}
            if hits:
                return min(hits, key=hits.get)
        return "jeugd"

    def resolve(self, m: Match, place: Place | None = None) -> str:
        if not m.generic:
            return m.id
        place = place or self.st.place(m.start)
        tax = load_taxonomy()
        d = self.domain_at(m.start, place)
        return tax.generic_segments[0]["ids"].get(d, "ambulant")

    def segments_in(self, span: tuple[int, int] | None) -> list[Match]:
        if not span:
            return []
        i = bisect.bisect_left(self.seg_matches, span[0], key=lambda m: m.start)
        out = []
        while i < len(self.seg_matches) and self.seg_matches[i].start < span[1]:
            if self.seg_matches[i].end <= span[1]:
                out.append(self.seg_matches[i])
            i += 1
        return out

    def label_segment(self, span: tuple[int, int] | None) -> Match | None:
        """The segment a span (cell, heading, list item) is labelled with: a match at its start."""
        if not span:
            return None
        s, e = span
        t = self.text[s:e]
        m = _LABEL_PREFIX.match(t)
        off = s + (m.end() if m else 0)
        # a label may open with one degree/kind adjective before its care wording
        # ("Lichte ambulante jeugdhulp", "Intensieve begeleiding", "Zware verblijfszorg")
        adj = _LABEL_ADJECTIVE.match(self.text, off, e)
        offs = (off, adj.end()) if adj and adj.group(1).lower() not in _NOT_LABEL_ADJECTIVES else (off,)
        for o in offs:
            for sm in self.segments_in(span):
                if sm.start <= o + 1 and sm.start >= s:
                    return sm
                if sm.start > o + 1:
                    break
        return None


@lru_cache(maxsize=None)
def _single_rx(term: str) -> re.Pattern:
    tax = load_taxonomy()
    infl = "|".join(sorted((re.escape(s) for s in tax.inflections), key=len, reverse=True))
    words = [w.strip("-") for w in term.lower().split() if w.strip("-")]
    return re.compile(r"(?<![\w&])" + _SEP.join(re.escape(w) + f"(?:{infl})?" for w in words) + r"(?![\w])", re.I)


def _state(ctx: ExtractionContext) -> _Doc:
    st = getattr(ctx, "_segments_state", None)
    if st is None or st.doc is not ctx.doc:
        st = _Doc(ctx)
        try:
            ctx._segments_state = st
        except AttributeError:  # pragma: no cover
            pass
    return st


# -- segments -----------------------------------------------------------------

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


def _is_topic_list(d: _Doc, place: Place) -> bool:
    return bool(place.list_intro and _TOPIC_INTRO.search(d.st.text(place.list_intro)))


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
    if _LOT_OPENING.match(d.st.text(header[ci])) or \
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
    opening = _LOT_OPENING.match(t)
    if opening:
        le = _LABEL_END.search(t, opening.end())
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
            return False, None
        label_end = s
    left = d.text[label_end:m.start]
    if re.search(r"[.!?]\s", left):
        return False, None              # a later sentence of the item, no longer its contents
    if left.strip() and not _ENUM_LEFT.search(d.text[max(label_end, m.start - 40):m.start]):
        return False, None
    return True, parent


def _lot_label_segment(d: _Doc, span: tuple[int, int], opening) -> Match | None:
    """The care wording that names a lot whose label opens with other words:
    "Perceel 2 – Jeugdhulp voor kinderen met een beperking", "Perceel 4: Spoedhulp en
    crisisopvang" - the first (non-generic) segment of the label part."""
    s = span[0]
    le = _LABEL_END.search(d.text[s:span[1]], opening.end())
    end = s + le.start() if le else span[1]
    return next((x for x in d.segments_in((s + opening.end(), end)) if not x.generic), None)


def _antecedent_segment(d: _Doc, sent_start: int) -> Match | None:
    """The segment a sentence opened by 'daarvoor'/'hiervoor' points back at.

    "De crisiszorg valt buiten deze inkoop: daarvoor loopt een subsidie." The
    sentencizer breaks at the colon; the pronominal adverb refers to the last
    segment named in the previous sentence of the same block (even one the
    previous sentence excludes: the model is given for it).
    """
    if not _ANAPHOR_OPENING.match(d.text, sent_start, min(len(d.text), sent_start + 60)):
        return None
    b = d.doc.block_at(sent_start)
    ps, pe = d.sentence(max(0, sent_start - 1))
    if b is None or ps < b.start or ps >= sent_start:
        return None
    named = [x for x in d.segments_in((ps, sent_start)) if not x.generic]
    return named[-1] if named else None


# a clause opened by a pronominal adverb or a demonstrative phrase that names what was just said
_ANAPHOR_OPENING = re.compile(r"\s*[(\[]?(?:(?i:daarvoor|hiervoor|daarbij|hierbij|daarbinnen|hierbinnen)\b|"
                              r"(?i:voor|bij|binnen)\s+(?i:deze|die|dit|dat)\s+(?i:zorg|hulp|vorm|voorziening|functie|functies|groep|doelgroep)\b)")


def _parent_for(d: _Doc, m: Match, place: Place) -> tuple[str | None, bool]:
    """(parent segment id, structural) for a segment mention from its place."""
    b = place.block
    if b is None:
        return None, False
    item, lot = _content_item(d, m, place)
    if item and lot:
        return lot, True
    if b.kind == "table_row":
        # other cells of a row whose first cell names a segment (sub-segment tables)
        column_table = any(_COLUMN_MARKER.match(d.st.text(c)) for c in place.column_header)
        if place.cell_index and place.row_label and not column_table:
            lab = d.label_segment(place.row_label)
            if lab and not _financing_table(d, place):
                return d.resolve(lab, place), True
        # items after the first in a "X - a - b" cell
        if place.cell:
            first = d.label_segment(place.cell)
            if first and first.start < m.start and re.search(r"\s[-–]\s", d.text[first.end:m.start]):
                return d.resolve(first, place), True
        # the segment of the table's title row ("Segment Ambulant" above "Percelen | Perceel 1: ...")
        if place.table_title:
            lab = d.label_segment(place.table_title)
            if lab and not (lab.start <= m.start < lab.end):
                return d.resolve(lab, place), True
    # "X omvat a, b en c" / "Tot dit segment behoren a, b"
    s, e = d.sentence(m.start)
    before = d.text[s:m.start]
    pm = None
    for pm in _PART_OF.finditer(before):
        pass
    if pm is not None:
        subj = [x for x in d.segments_in((s, s + pm.start())) if x.end <= s + pm.start()]
        if not subj and re.search(r"\b(dit|dat|deze)\s+(segment|perceel)\b", before[:pm.end()], re.I):
            lab = d.label_segment((b.start, b.end))
            subj = [lab] if lab else []
        if subj and not (subj[-1].start == m.start):
            return d.resolve(subj[-1], place), False
    # "Voor X geldt binnen dit perceel een aparte module": X belongs to the section's lot
    if _INSIDE_THIS_LOT.search(d.text, s, e):
        for h in place.headings:
            lab = d.label_segment((h.start, h.end))
            if lab and not (lab.start <= m.start < lab.end):
                return d.resolve(lab, place), False
    # a list item under a heading or list item that is itself a segment
    if b.kind == "list_item":
        for h in place.headings[:1]:
            lab = d.label_segment((h.start, h.end))
            if lab:
                return d.resolve(lab, place), True
    return None, False


def _financing_table(d: _Doc, place: Place) -> bool:
    heads = " ".join(d.st.text(c) for c in place.table_header).lower()
    return bool(re.search(r"bekostig|financier|procedure|aanbested|tarief", heads)) or \
        bool(find_terms(" ".join(d.st.text(c) for c in place.row_cells[1:]), "financing"))


def _is_segment_mention(d: _Doc, m: Match, place: Place) -> tuple[bool, float]:
    """Does this mention name a segment the document buys? (decision, confidence)."""
    b = place.block
    q = d.qualify_at(m.start, m.end)
    if q.negated:
        return False, 0.0
    s, e = d.sentence(m.start)
    sent = d.text[s:e]
    if b is not None and b.kind in ("list_item", "heading") and _is_topic_list(d, place):
        return False, 0.0
    marker = d._marker_before(m.start)
    label = False
    if b is not None and b.kind in ("heading", "list_item", "table_row"):
        span = place.cell if b.kind == "table_row" else (b.start, b.end)
        if span:
            lab = d.label_segment(span)
            label = lab is not None and lab.start == m.start
            # later items of a "a; b; c" or "X - a - b" cell are labels too
            if not label and b.kind == "table_row":
                prev = d.text[span[0]:m.start].rstrip()
                label = prev.endswith((";", " -", "–", ",")) and len(d.text[m.end:span[1]].split(";")[0]) < 40
    if not label and b is not None and b.kind in ("heading", "list_item", "table_row"):
        span = place.cell if b.kind == "table_row" else (b.start, b.end)
        opening = _LOT_OPENING.match(d.text[span[0]:span[1]]) if span else None
        if opening:
            first = _lot_label_segment(d, span, opening)
            label = first is not None and first.start == m.start
    if not label:
        label = _content_item(d, m, place)[0]
    if m.generic and not (label or marker):
        return False, 0.0
    if label and b.kind == "heading" and len(d.text[b.start:b.end]) > 80:
        label = False
    if label or marker:
        return True, 0.9 if marker else 0.85
    if _EXAMPLE.search(sent) and not marker:
        return False, 0.0
    if m.generic:
        return False, 0.0
    if _CONTRACT_CUE.search(sent) and not q.hypothetical:
        return True, 0.7
    # the care a model or procedure is given for: "Bestuurlijk aanbesteden wordt voor de
    # gesloten jeugdhulp nog onderzocht" (a segment even while its procedure is weighed)
    if _FOR_SEGMENT.search(d.text, max(s, m.start - 60), m.start) and \
            (find_terms(sent, "financing") or find_terms(sent, "procedure")):
        return True, 0.65
    return False, 0.0


# "voor (de|het) X" right before a segment mention
# (up to three words may stand between, e.g. an adjective and a head noun before a bracketed name:
# "voor de gesloten jeugdhulp (jeugdzorgplus)"); "van" is left out: "aanbieders van X" names providers
_FOR_SEGMENT = re.compile(r"\bvoor\s+(?:de\s+|het\s+|alle\s+)?(?:[\w\-]+\s+){0,3}\(?$", re.I)


def extract_segments(ctx: ExtractionContext) -> list[Fact]:
    return list(_segment_facts(_state(ctx)))


def _segment_facts(d: _Doc) -> tuple[Fact, ...]:
    cached = getattr(d, "_segment_facts", None)
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


def _has_model(d: _Doc, span: tuple[int, int]) -> bool:
    t = d.text[span[0]:span[1]]
    return bool(find_terms(t, "financing") or find_terms(t, "procedure"))


def _colon_unit(d: _Doc, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` joined with the sentences a colon ties it to.

    The sentencizer breaks at ':'; but "werd X bekostigd via productiefinanciering:
    een uurtarief voor ..." is one statement, and the clause after the colon keeps
    the tense and stance of the clause before it.
    """
    s, e = d.sentence(offset)
    b = d.doc.block_at(offset)
    lo, hi = (b.start, b.end) if b is not None else (s, e)
    while s > lo:
        ps, pe = d.sentence(s - 1)
        if ps >= s or ps < lo or not d.text[ps:pe].rstrip().endswith(":"):
            break
        s = ps
    while e < hi and d.text[s:e].rstrip().endswith(":"):
        ns, ne = d.sentence(e + 1 if d.text[e:e + 1].isspace() else e)
        if ns < e or ne <= e:
            break
        e = ne
    return s, e


def _next_sentence(d: _Doc, m_start: int, colon: bool = True) -> tuple[int, int] | None:
    """The sentence after the one holding ``m_start`` (with ``colon``: and its colon-tied clauses), in the same block."""
    s, e = _colon_unit(d, m_start) if colon else d.sentence(m_start)
    b = d.doc.block_at(m_start)
    if b is None or e >= b.end:
        return None
    ns, ne = d.sentence(e + 1 if d.text[e:e + 1].isspace() else e)
    return (ns, ne) if ns >= e and ns < b.end else None


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


_EXCLUDING_PREDICATES = frozenset((
    "valt buiten", "vallen buiten", "blijft buiten", "blijven buiten", "geen deel uit", "geen onderdeel van",
    "geen onderdeel uit", "valt niet onder", "vallen niet onder", "behoort niet tot", "niet onder deze",
    "buiten beschouwing", "uitgesloten"))


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
    cached = getattr(d, "_excluded", None)
    if cached is not None:
        return cached
    d._excluded = set()
    excluded: set[str] = set()
    for m in d.seg_matches:
        # a predicate that puts the care itself outside ("valt buiten", "maakt geen deel uit"),
        # not a carve-out from an enumeration ("alle ambulante hulp, met uitzondering van X")
        if not m.generic and any(t.category == "negated" and t.phrase in _EXCLUDING_PREDICATES
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


# words that say nothing about which care is meant
_NON_DISTINCTIVE = frozenset(("jeugdhulp", "jeugdzorg", "zorg", "hulp", "ernstige", "enkelvoudige", "wmo",
                              "specialistische", "integrale", "individuele", "jeugd", "jeugdigen"))


def _stems(label: str) -> set[str]:
    return {w for w in re.findall(r"\w+", label.lower()) if len(w) >= 5 and w not in _NON_DISTINCTIVE}


def _shares_stem(words: set[str], stems: set[str]) -> bool:
    return any(u.startswith(w) or w.startswith(u) for u in words for w in stems)


def _is_excluded_mention(d: _Doc, m: Match) -> bool:
    ex = _excluded_ids(d)
    return bool(ex) and not m.generic and _shares_stem(_stems(d.text[m.start:m.end]), ex)


# -- financing and procedures ----------------------------------------------------

_CHOICE_LABEL = re.compile(r"\b(bekostigingsvariant\w*|gekozen\s+\w+|keuze\w*|vorm\s+(?:van\s+)?aanbesteding|"
                           r"aanbestedingsvorm|nieuwe\s+\w+)\b", re.I)


def _excluded(q) -> bool:
    """Is a segment mention negated itself ("valt buiten"), not merely the topic of a declined option?"""
    return any(t.category == "negated" and not t.phrase.startswith(DECLINED) for t in q.triggers)


# a first cell that only numbers the row's lot: "1", "B", "Perceel 2", "Lot 3."
_BARE_LOT_ID = re.compile(r"\s*(?:(?i:perceel|deelperceel|segment|lot)\s*)?(?:\d{1,2}|[A-Z])[.):]?\s*$")


def _segment_of(d: _Doc, m: Match, place: Place) -> tuple[list[str | None], float]:
    """Segment ids a financing/procedure mention applies to, with attachment confidence."""
    b = place.block
    if b is not None and b.kind == "table_row":
        cells = [d.st.text(c).strip().lower() for c in place.row_cells]
        if len(cells) > 2 and len(set(cells)) == 1:
            return [None], 0.9            # same in every column: applies to all lots
        if place.row_label:
            lab = d.label_segment(place.row_label)
            if lab:
                return [d.resolve(lab, place)], 0.95
            if _BARE_LOT_ID.match(d.text, *place.row_label):
                # "| 2 | Begeleiding individueel ... | Uurtarief |": the row is numbered, its
                # description cell (before the model's cell) names the lot's care
                for c in place.row_cells[1:]:
                    if place.cell and c[0] >= place.cell[0]:
                        break
                    lab = d.label_segment(c)
                    if lab:
                        return [d.resolve(lab, place)], 0.9
        for hc in place.column_header:
            lab = d.label_segment(hc)
            if lab:
                return [d.resolve(lab, place)], 0.9
        if place.table_title:
            lab = d.label_segment(place.table_title)
            if lab:
                return [d.resolve(lab, place)], 0.9
    s, e = d.sentence(m.start)
    in_sent = [x for x in d.segments_in((s, e)) if not x.generic and not _excluded(d.qualify_at(x.start, x.end))]
    # candidates: care named in the sentence, lots named by their number or letter
    # ("voor de percelen 1 en 3"), and phrases meaning every lot ("voor alle percelen")
    cands = [(x.start, [d.resolve(x, place)]) for x in in_sent]
    cands += [(a, ids) for a, ids in _lot_references(d, s, e)]
    if cands:
        bound = _bound_segment(d, m, in_sent, place, s, e)
        if bound:
            return bound, 0.8
        pos, ids = min(cands, key=lambda c: abs(c[0] - m.start))
        return ids, 0.8
    ante = _antecedent_segment(d, s)
    if ante is not None:
        return [d.resolve(ante, place)], 0.75
    if b is not None and b.kind == "list_item":
        # a list item describes one contract: its model applies to the segments it named first
        earlier = [x for x in d.segments_in((b.start, m.start)) if not x.generic]
        if earlier:
            ids = []
            for x in earlier:
                sid = d.resolve(x, place)
                if sid not in ids:
                    ids.append(sid)
            return ids, 0.7
        gen = [x for x in d.segments_in((b.start, b.end)) if x.generic]
        if gen:
            return [d.resolve(gen[0], place)], 0.6
    if b is not None and b.kind == "paragraph":
        # a paragraph opened by a topic phrase keeps that topic in its later
        # sentences: "Voor de jeugd-GGZ blijft X. Wel onderzoeken we Y."
        topic = _PARAGRAPH_TOPIC.match(d.text, b.start, min(b.end, s))
        if topic:
            named = {d.resolve(x, place) for x in d.segments_in((topic.start(), topic.end())) if not x.generic}
            if len(named) == 1:
                return [named.pop()], 0.65
    for h in place.headings:
        lab = d.label_segment((h.start, h.end))
        if lab is None:
            lab = next((x for x in d.segments_in((h.start, h.end)) if d._marker_before(x.start)), None)
        if lab:
            return _heading_segments(d, lab, h, place), 0.7
        refs = _lot_references(d, h.start, h.end)
        if refs:
            return refs[0][1], 0.7
    only = _only_segment(d)
    if only:
        # a document that buys one segment (a Wmo HbH tender): its models are that segment's
        return [only], 0.75
    return [None], 0.8


# "per etmaal voor beschermd wonen": the care right after the model, joined by "voor"
_FOR_FOLLOWING = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?i:voor)\s+(?:(?i:de|het|alle)\s+)?$")
# clauses of a sentence that gives several segments each their own model:
# "Voor hulp bij het huishouden betalen we per resultaat, voor begeleiding per uur"
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+(?:en|maar|terwijl)\s+(?=(?i:voor|bij|binnen)\s)")


def _bound_segment(d: _Doc, m: Match, in_sent: list[Match], place: Place, s: int, e: int) -> list[str | None]:
    """The segment a model mention is bound to inside a sentence naming several.

    A segment joined to the model by a following "voor" ("per uur voor individuele
    begeleiding") is that model's; else the segments of the model's own clause
    (clauses break at commas/semicolons and at "en/maar voor ..."), when they name one.
    Empty when the sentence gives no such binding (the nearest mention decides).
    """
    if len({d.resolve(x, place) for x in in_sent}) < 2:
        return []
    for x in in_sent:
        if x.start >= m.end and _FOR_FOLLOWING.fullmatch(d.text, m.end, x.start):
            return [d.resolve(x, place)]
    cuts = [s] + [c.end() for c in _CLAUSE_BREAK.finditer(d.text, s, e)] + [e]
    for a, b in zip(cuts, cuts[1:]):
        if a <= m.start < b:
            own = []
            for x in in_sent:
                if a <= x.start < b and d.resolve(x, place) not in own:
                    own.append(d.resolve(x, place))
            return own if len(own) == 1 else []
    return []


# A lot defined by its marker and identifier and then its label: "Perceel 2: Verblijf en
# pleegzorg", "- Segment B – Dyslexiezorg", "Lot 3 (crisis)". Identifiers are a number or a capital.
_LOT_DEFINITION = re.compile(r"\b(?i:perceel|deelperceel|segment|lot)\s+([A-Z]|\d{1,2})\s*(?:[:.\-–—(]|\s[-–—]\s)\s*")
# A reference to lots by identifier: "perceel 1", "de percelen A en B", "segmenten 2, 3 en 4",
# "percelen 1 t/m 3" (a range names every lot in it)
_LOT_REFERENCE = re.compile(
    r"\b(?i:perce(?:el|len)|deelperce(?:el|len)|segment(?:en)?|lots?)\s+"
    r"((?:[A-Z]|\d{1,2})(?:\s*(?:,|(?i:en|of|&|t/m|tot\s+en\s+met))\s*(?:[A-Z]|\d{1,2})\b)*)\b")
# Every lot at once: the model applies to the whole document
_EVERY_LOT = re.compile(r"\b(?i:alle|ieder|iedere|elk|elke)\s+(?i:perce(?:el|len)|deelperce(?:el|len)|segment(?:en)?|lots?)\b")


def _lot_map(d: _Doc) -> dict[str, str]:
    """Lot identifier -> segment id, from the places the document defines its lots.

    The lot is the first care wording within the first 60 characters of the line
    after "Perceel 2:" (the label, or the first item of the contents of a lot whose
    own label is not a care wording: "Perceel A – Jeugdhulp thuis (ambulante
    begeleiding ...)"); the first definition of an identifier wins.
    """
    cached = getattr(d, "_lots", None)
    if cached is not None:
        return cached
    lots: dict[str, str] = {}
    for mm in _LOT_DEFINITION.finditer(d.text):
        ident = mm.group(1)
        if ident in lots:
            continue
        line_end = d.text.find("\n", mm.end())
        line_end = len(d.text) if line_end == -1 else line_end
        span = (mm.end(), min(line_end, mm.end() + 60))
        named = [x for x in d.segments_in(span) if not x.generic] or d.segments_in(span)
        if named:
            lots[ident] = d.resolve(named[0])
    d._lots = lots
    return lots


def _lot_references(d: _Doc, s: int, e: int) -> list[tuple[int, list[str | None]]]:
    """(offset, segment ids) for each reference to defined lots, and to every lot, in [s, e)."""
    out: list[tuple[int, list[str | None]]] = []
    for mm in _EVERY_LOT.finditer(d.text, s, e):
        out.append((mm.start(), [None]))
    lots = _lot_map(d)
    if not lots:
        return out
    for mm in _LOT_REFERENCE.finditer(d.text, s, e):
        if any(a <= mm.start() < a + 20 for a, _ in out):
            continue
        idents = _expand_idents(mm.group(1))
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


# "Voor de jeugd-GGZ", "Bij het perceel Verblijf", "Wat betreft dyslexie": a fronted topic phrase
_PARAGRAPH_TOPIC = re.compile(
    r"(?i:voor|bij|binnen|wat\s+betreft|ten\s+aanzien\s+van|met\s+betrekking\s+tot)\s+"
    r"(?:(?i:de|het|dit|deze)\s+)?[^\s,.;:]+(?:[ \-][^\s,.;:]+){0,3}")


def _heading_segments(d: _Doc, lab: Match, h, place: Place) -> list[str]:
    """The segments a heading is about: its label and the care joined to it by a
    coordinator ("Verblijf en crisis", "Dyslexie / jeugd-GGZ"); not the contents
    after a colon or dash ("Verblijf: pleegzorg" names a sub-segment)."""
    ids = [d.resolve(lab, place)]
    prev = lab
    for x in d.segments_in((lab.end, h.end)):
        if x.generic or not re.fullmatch(r"\s*(?:,|&|/|\+|\ben\b)\s*(?:(?:de|het)\s+)?", d.text[prev.end:x.start], re.I):
            break
        sid = d.resolve(x, place)
        if sid not in ids:
            ids.append(sid)
        prev = x
    return ids


def _only_segment(d: _Doc) -> str | None:
    """The id of the one segment a document buys, when it names exactly one (sub-segments under it allowed)."""
    facts = _segment_facts(d)
    tops = {f.value["id"] for f in facts if f.value["parent"] is None}
    parents = {f.value["parent"] for f in facts if f.value["parent"] is not None}
    if len(tops) == 1 and parents <= tops and "other" not in tops:
        # ... and is about it: the segment is named in its title or opening, not only
        # in passing deep in a long text (an administration protocol's one example)
        if min(f.start for f in facts) < _OPENING_CHARS:
            return next(iter(tops))
    return None


# how far into a document its title and opening paragraph reach
_OPENING_CHARS = 1500


def _context_status(q) -> str | None:
    """Stance a governing span passes on; negation is local to its sentence and does not."""
    if q.hypothetical:
        return "considered"
    if q.historical:
        return "previous"
    if q.proposed or q.chosen:
        return "chosen"
    return None


# Words of buying care: a financing/procedure wording outside such a context ("a
# provincial subsidy for a playground") is not a model for care contracts.
_CARE_CONTEXT = re.compile(
    r"(inko(?:op|pen|cht)|ingekocht|aanbested|aanbesteed|aanbied|contract|overeenkomst|jeugdhulp|jeugdzorg|"
    r"\bzorg|zorg(?:vorm|vraag|verlen)|wmo\b|ondersteuning|bekostig|financier|tarie[fv]|perce(?:el|len)|segment|"
    r"cli[eë]nt|jeugdige|hulpverlen|procedure|gegund|gunning|voorziening|opdrachtnemer|opdrachtgever)", re.I)


def _care_context(d: _Doc, m: Match, place: Place) -> bool:
    """Does the mention stand where the document speaks about buying care (sentence, row, section)?"""
    s, e = d.sentence(m.start)
    spans = [(s, e)]
    b = place.block
    if b is not None:
        spans.append((b.start, b.end))
        if b.kind == "table_row":
            spans += [place.table_title, place.lead_in, *place.table_header]
        elif place.list_intro:
            spans.append(place.list_intro)
    spans += [(h.start, h.end) for h in place.headings]
    for sp in spans:
        if not sp:
            continue
        t = d.text[sp[0]:sp[1]]
        # the model's own words ("subsidie", "bekostiging") do not make the context
        t = t[:max(0, m.start - sp[0])] + " " + t[max(0, m.end - sp[0]):] if sp[0] <= m.start < sp[1] else t
        if _CARE_CONTEXT.search(t) or any(not x.generic for x in d.segments_in(sp)):
            return True
    return False


def _care_model_elsewhere(d: _Doc, m: Match, kind: str) -> bool:
    """Has the document named this model where it speaks about buying care? Then a later
    mention in a sentence without care words ("Ook de lumpsum vinden we ongewenst") is
    about the same care model, when it takes a stance of its own. Not for subsidies, which have many other uses."""
    if m.id == "subsidie":
        return False
    return any(x.id == m.id and x.start != m.start and _care_context(d, x, d.st.place(x.start))
               for x in find_terms(d.text, kind))


def _default_status(d: _Doc, m: Match, place: Place) -> str | None:
    """The stance of a plain statement in the document's own voice.

    A procurement document that says "Voor verblijf geldt lumpsum" or "We bekostigen
    de dyslexiezorg met een trajectprijs" without a cue of history, doubt or
    refusal states its plan: ``chosen``. The cues that would say otherwise are the
    qualifier's (past tense, "huidige", hedges, negation) and have already been
    looked for in the sentence and the spans that govern it; a question is no plan.
    """
    s, e = d.sentence(m.start)
    if d.text[s:e].rstrip().endswith("?"):
        return None
    return "chosen"


def _follow_up_status(d: _Doc, m: Match) -> str | None:
    """Stance a later clause of the same block takes towards this model by a back-reference.

    The clause after a ';' in the same sentence, or the next sentence of the block,
    when it says "die route is verlaten" / "dat model is afgewezen" / "die
    systematiek blijft" and no other model is named in between.
    """
    s, e = _colon_unit(d, m.start)
    semi = d.text.find(";", m.end, e)
    spans = [(semi + 1, e)] if semi != -1 else []
    nxt = _next_sentence(d, m.start)
    if nxt is not None:
        spans.append(nxt)
    for a, b in spans:
        clause = d.text[a:b]
        if clause.find(";") > 0:
            clause = clause[:clause.find(";")]
        between = d.text[m.end:a]
        if find_terms(between, "financing") or find_terms(between, "procedure"):
            return None
        st = qualify_follow_up(clause)
        if st:
            return st
    return None


def _status_of(d: _Doc, m: Match, place: Place) -> tuple[str | None, float]:
    q = d.qualify_at(m.start, m.end)
    if q.status is None:
        us, ue = _colon_unit(d, m.start)
        if (us, ue) != d.sentence(m.start):
            q = qualify(d.text[us:ue], m.start - us, m.end - us)
    follow = _follow_up_status(d, m) if q.status != "rejected" else None
    if follow == "rejected" or (follow == "chosen" and q.status in (None, "previous")):
        return follow, 0.8
    if q.status:
        return q.status, 0.85
    b = place.block
    in_table = b is not None and b.kind == "table_row"
    # a column whose header carries the stance ("Nieuwe bekostiging | Huidige bekostiging")
    col = _column_stance_at(d, place, m.id) if in_table else None
    if col:
        return col, 0.8
    # a row/column labelled as the choice of a lot ("Bekostigingsvariant", "Vorm aanbesteding")
    if in_table:
        labels = [place.row_label] + list(place.column_header)
        if any(sp and _CHOICE_LABEL.search(d.st.text(sp)) for sp in labels):
            return "chosen", 0.75
    # then the spans that introduce the table or list, and the headings above
    if in_table and place.table_title:
        st = _context_status(qualify_text(d.st.text(place.table_title)))
        if st:
            return st, 0.7
    intro = place.lead_in if in_table else place.list_intro if b is not None and b.kind == "list_item" else None
    if intro:
        st = _context_status(qualify_lead_in(d.st.text(intro)))
        if st:
            return st, 0.7
    for h in place.headings:
        st = _context_status(qualify_text(d.text[h.start:h.end]))
        if st:
            return st, 0.65
    return _default_status(d, m, place), _DEFAULT_CONF


def _header_of(place: Place, ci: int) -> tuple[int, int] | None:
    """The header cell of column ``ci``: the table's first multi-cell row, when it is another row."""
    header = place.table_header
    if not header or ci >= len(header) or header[ci] in place.row_cells:
        return None
    return header[ci]


def _column_stance_at(d: _Doc, place: Place, model_id: str | None = None) -> str | None:
    """Stance of a table cell's column header, like a heading's for a section.

    Tables that compare models per segment put the stance in the header: "Nieuwe
    bekostiging | Huidige bekostiging", "Gekozen | Afgewezen", "Tot 2025 | Vanaf
    2026". A cell saying only "idem"/"ongewijzigd"/"=" repeats the model of the cell
    it refers to (the nearest model cell to its left, else to its right): that
    model is in use and stays, so when one of the two columns is the chosen one the
    model is ``chosen`` rather than ``previous``. Likewise a model the row names both
    in a previous and in a chosen column ("Dagprijs" now and "Dagprijs met een
    plafond" next) is continued: ``chosen``.
    """
    ci = place.cell_index
    if ci is None or ci == 0:
        return None
    h = _header_of(place, ci)
    st = column_stance(d.st.text(h)) if h else None
    if st is None:
        return None
    for j, cell in enumerate(place.row_cells):
        if j in (0, ci) or not is_same_as(d.st.text(cell)) or _same_as_referent(d, place, j) != ci:
            continue
        hj = _header_of(place, j)
        other = column_stance(d.st.text(hj)) if hj else None
        if "chosen" in (st, other) and {st, other} <= {"chosen", "previous"}:
            return "chosen"
    if st == "previous" and model_id:
        for j, cell in enumerate(place.row_cells):
            hj = _header_of(place, j) if j not in (0, ci) else None
            if hj and column_stance(d.st.text(hj)) == "chosen" and \
                    any(x.id == model_id for k in ("financing", "procedure") for x in find_terms(d.st.text(cell), k)):
                return "chosen"
    return st


def _same_as_referent(d: _Doc, place: Place, j: int) -> int | None:
    """The column an "idem" cell in column ``j`` repeats: the nearest cell to the left
    that names a model, else the nearest to the right (the row label never)."""
    cells = place.row_cells
    def has_model(k):
        t = d.st.text(cells[k])
        return bool(find_terms(t, "financing") or find_terms(t, "procedure"))
    for k in list(range(j - 1, 0, -1)) + list(range(j + 1, len(cells))):
        if has_model(k):
            return k
    return None


# confidence of a stance taken by default (see _default_status): below every stated stance
_DEFAULT_CONF = 0.45


def _extract_models(ctx: ExtractionContext, kind: str) -> list[Fact]:
    d = _state(ctx)
    tax = load_taxonomy()
    # every mention: (fact, confidence of its stance (says where it came from), current-use cue only)
    mentions: list[tuple[Fact, float, bool]] = []
    for m in find_terms(d.text, kind):
        place = d.st.place(m.start)
        if not _care_context(d, m, place) and not (d.qualify_at(m.start, m.end).status
                                                   and _care_model_elsewhere(d, m, kind)):
            continue
        segs, att_conf = _segment_of(d, m, place)
        status, st_conf = _status_of(d, m, place)
        scenario = _scenario_stance(d, place)
        if scenario and (status in (None, "considered", "chosen") or
                         (status == "rejected" and scenario == "rejected")):
            # the options of a scenario the document drops or prefers take its stance
            status, st_conf = scenario, 0.75
        current = status == "previous" and _current_use_only(d, m)
        conf = round(min(0.95, (att_conf + st_conf) / 2), 3)
        for sid in segs:
            if kind == "financing":
                value = {"id": m.id, "variant": tax.financing_variant(m.id) or "none",
                         "segment": sid, "status": status}
            else:
                value = {"id": m.id, "segment": sid, "status": status}
            mentions.append((ctx.fact(kind, m.start, m.end, value, conf), st_conf, current))
    return sorted(_reconcile(mentions), key=lambda f: f.start)


# "Scenario B – ...", "Optie 2: ...", "Variant A" opening a heading: the section describes that option
_SCENARIO_HEADING = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s*)?(?i:scenario|optie|variant)\s+([A-Z]|\d{1,2})\b")
_SCENARIO_MENTION = re.compile(r"\b(?i:scenario|optie|variant)\s+([A-Z]|\d{1,2})\b")
_PREFERRED = re.compile(r"\bvoorkeurs(?:scenario|optie|variant)\b", re.I)


def _scenario_stance(d: _Doc, place: Place) -> str | None:
    """The stance the document takes towards the scenario whose section holds ``place``.

    A memo that weighs options describes each under its own heading; what it says
    about the option elsewhere ("Scenario B valt af", "wij adviseren scenario A",
    "scenario C is het voorkeursscenario") settles the models in that section:
    ``rejected`` for a dropped option, ``chosen`` for the preferred one. Options
    it does not settle stay as their sentences say (``considered``).
    """
    ident = None
    for h in place.headings:
        hm = _SCENARIO_HEADING.match(d.text, h.start, h.end)
        if hm:
            ident = hm.group(1)
            break
    if ident is None:
        return None
    return _scenario_stances(d).get(ident)


def _scenario_stances(d: _Doc) -> dict[str, str]:
    cached = getattr(d, "_scenarios", None)
    if cached is not None:
        return cached
    found: dict[str, set[str]] = {}
    for mm in _SCENARIO_MENTION.finditer(d.text):
        b = d.doc.block_at(mm.start())
        if b is not None and b.kind in ("heading", "table_row"):
            continue
        s, e = d.sentence(mm.start())
        q = qualify(d.text[s:e], mm.start() - s, mm.end() - s)
        if q.negated and not q.hypothetical:
            found.setdefault(mm.group(1), set()).add("rejected")
        elif not q.negated and not q.hypothetical and (q.chosen or q.proposed or _PREFERRED.search(d.text, s, e)):
            found.setdefault(mm.group(1), set()).add("chosen")
    # an option both dropped and preferred is left unsettled
    d._scenarios = {i: next(iter(st)) for i, st in found.items() if len(st) == 1}
    return d._scenarios


# Present-tense cues of the model in use now ("de huidige", "sinds 2020", "momenteel", "wordt nu").
# They make a model ``previous`` only when the document replaces it; otherwise it stays in use.
_CURRENT_CUES = frozenset(("huidige", "bestaande", "lopende", "sinds", "momenteel", "thans", "op dit moment",
                           "nu nog", "wordt nu", "worden nu", "( nu :", "in de huidige", "in de bestaande",
                           "in de lopende", "onder de huidige", "binnen de huidige", "bij de huidige",
                           "in het huidige", "in het bestaande", "binnen het huidige", "vanuit de huidige"))


def _current_use_only(d: _Doc, m: Match) -> bool:
    """Is the mention ``previous`` only through a cue of present use (no past tense, no 'voorheen')?"""
    q = d.qualify_at(m.start, m.end)
    hist = [t.phrase for t in q.triggers if t.category == "historical"]
    return bool(hist) and q.status == "previous" and all(h in _CURRENT_CUES for h in hist)


# a model that comes with another one and replaces nothing ("met daarnaast een omzetplafond")
_COMPANION_MODELS = frozenset(("plafond",))

# Which stance the document takes when mentions of one model for one segment disagree:
# an option weighed and then dropped is rejected, weighed and then chosen is chosen;
# a model in use now that the document also refuses stays refused.
_STANCE_ORDER = ("previous", "rejected", "chosen", "considered")


def _reconcile(mentions: list[tuple[Fact, float, bool]]) -> list[Fact]:
    """One fact per (model, segment): the document's stance, reconciled over its mentions.

    - a model whose only historical cue is one of present use ("de huidige", "sinds
      2020 ... valt onder") is ``previous`` only when the document chooses or weighs
      another model for the same segment (or for the whole document); otherwise it
      is the model in use, ``chosen``;
    - a stance the mention's own sentence states beats one passed on by a heading,
      table title or lead-in, which beats a stance taken by default (a plain
      statement), which beats null;
    - among stances of the same source, ``_STANCE_ORDER`` decides (weighed then dropped →
      rejected; weighed then chosen → chosen), except that a model in use now and
      continued or chosen again keeps both ``previous`` and ``chosen`` only when
      it is replaced for part of the mentions - which we do not try to tell apart:
      the first in the order wins.
    """
    # per segment: model id -> stances, of every mention
    stances: dict = {}
    for f, _, _ in mentions:
        v = f.value
        if v["id"] not in _COMPANION_MODELS and v["status"]:
            stances.setdefault(v["segment"], {}).setdefault(v["id"], set()).add(v["status"])

    def replaced(v) -> bool:
        """Another model chosen or weighed for the same segment, or chosen for the whole document."""
        if v["id"] in _COMPANION_MODELS:
            return True
        seg = v["segment"]
        def other(segment, wanted):
            return any(i != v["id"] and sts & wanted for i, sts in stances.get(segment, {}).items())
        if seg is None:
            return other(None, {"chosen", "considered"}) or \
                any(other(sg, {"chosen"}) for sg in stances if sg is not None)
        return other(seg, {"chosen", "considered"}) or other(None, {"chosen"})

    best: dict[tuple, tuple[Fact, float]] = {}
    for f, st_conf, current in mentions:
        v = f.value
        if current and not replaced(v):
            f = _with_status(f, "chosen")
            v = f.value
        key = (v["id"], v["segment"])
        if key not in best or _rank(f, st_conf) < _rank(*best[key]):
            best[key] = (f, st_conf)
    # a model stated for particular segments: a mention that attaches it to the whole
    # document only by default (a remark in a list of risks) adds nothing
    with_segment = {f.value["id"] for f, _ in best.values() if f.value["segment"] is not None}
    return [f for (mid, seg), (f, st_conf) in best.items()
            if not (seg is None and mid in with_segment and _source(f, st_conf) >= 2)]


def _source(f: Fact, st_conf: float) -> int:
    """0: the mention's own sentence (or a back-reference), 1: a governing span or a
    scenario's outcome, 2: default, 3: no stance."""
    if not f.value["status"]:
        return 3
    if st_conf == _DEFAULT_CONF:
        return 2
    return 0 if st_conf >= 0.8 else 1


def _rank(f: Fact, st_conf: float) -> tuple:
    st = f.value["status"]
    return (_source(f, st_conf),
            _STANCE_ORDER.index(st) if st in _STANCE_ORDER else len(_STANCE_ORDER),
            -f.confidence)


def _with_status(f: Fact, status: str) -> Fact:
    return _replace(f, value={**f.value, "status": status})


def extract_financing(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "financing")


def extract_procedures(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "procedure")
