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
from dataclasses import dataclass
from functools import lru_cache

from ..models.facts import Fact
from ..models.taxonomy import Entry, load_taxonomy
from .context import ExtractionContext
from .qualifier import DECLINED, qualify, qualify_lead_in, qualify_text
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
    cands = []
    for e, rx, acronym in _compiled(kind):
        for m in rx.finditer(text):
            s, t = m.start(), m.group(0)
            if acronym and t.islower():
                continue          # short wordings count only when written as acronyms (KmB, HbH, DAS)
            if kind == "generic":
                cands.append(Match("segment", "", s, m.end(), generic=True))
            else:
                cands.append(Match(kind, e.id, s, m.end(), lot=getattr(e, "lot", False)))
    # longest first; on a tie a lot reading wins (it is checked against its marker later)
    cands.sort(key=lambda m: (-(m.end - m.start), not m.lot, m.start))
    taken: list[Match] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda m: m.start)


# -- shared helpers -----------------------------------------------------------

_LABEL_PREFIX = re.compile(
    r"^[\s\-–•●▪◦*·o]*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s*)?"
    r"(?:(?:segment|subsegment|perceel|deelperceel|voorziening|lot)(?:\s+(?-i:[A-Z]|\d{1,2})\b)?\s*[:.]?\s*)?['\"‘’“”]?",
    re.IGNORECASE)
_TOPIC_INTRO = re.compile(r"\b(onderwerp\w*|thema\w*|uitgangspunt\w*|doelstelling\w*|doelen|principe\w*|"
                          r"basisprincipe\w*|agenda|vragen|ontwikkeling\w*|inzichten|kenmerken)\b", re.I)
_CONTRACT_CUE = re.compile(
    r"\b(gecontracteerd\w*|contracte\w*|contract\w*\s+met|overeenkomst\w*|inkopen|ingekocht|inkoop|"
    r"aanbested\w*|besteden\b|aanbesteed|subsidies?\s+aan|gesubsidieerd|raamovereenkomst\w*|deelovereenkomst\w*|"
    r"gegund|gunnen|uitbesteed)", re.I)
_MARKER_BEFORE = re.compile(
    r"(?:\b(?:segment|subsegment|perceel|deelperceel|inkoopsegment|voorziening|lot|inkoop|aanbesteding|"
    r"inkooptraject|contractering|verwerving)(?:en)?\s*(?:(?-i:[A-Z]|\d{1,2})\b\s*)?[:.]?\s*['\"‘’“”]?\s*)$", re.I)
_PART_OF = re.compile(r"\b(omvat|omvatten|bestaat\s+uit|bestaan\s+uit|behoren|behoort|onder\s+te\s+verdelen\s+in|"
                      r"bevat|bevatten|valt\s+onder|vallen\s+onder|ondergebracht\s+bij)\b", re.I)
# a header cell saying only "Perceel"/"Segment": the cells below are column labels, not sub-segments
_COLUMN_MARKER = re.compile(r"^\s*(perce(el|len)|segment(en)?|voorziening(en)?|lot)\s*\w{0,2}\s*$", re.I)
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
        tax = load_taxonomy()
        raw = find_terms(self.text, "segment")
        # lots ("perceel complexe jeugdhulp"): a lot wording is the lot where
        # a marker precedes it, and everywhere once the document defined it so
        lot_phrases = set()
        for m in raw:
            if m.lot and self._marker_before(m.start):
                lot_phrases.add(self._norm(self.text[m.start:m.end]))
        out = []
        lot_rx = [(e, rx) for e, rx, _ in _compiled("segment") if getattr(e, "lot", False)]
        for m in raw:
            phrase = self._norm(self.text[m.start:m.end])
            if m.lot and phrase not in lot_phrases:
                # not defined as a lot here: fall back to the care-type reading
                sub = [x for x in find_terms(self.text[m.start:m.end], "segment") if not x.lot]
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
        i = bisect.bisect_left([m.start for m in self.seg_matches], span[0])
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
        for sm in self.segments_in(span):
            if sm.start <= off + 1 and sm.start >= s:
                return sm
            if sm.start > off + 1:
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
    # a sub-segment named in the other domain's words belongs to its parent's
    # segment (jeugd "Persoonlijke Verzorging" under Ambulante Jeugdhulp)
    if parent and tax.segment_domain(sid) and tax.segment_domain(parent) and \
            tax.segment_domain(sid) != tax.segment_domain(parent):
        sid = parent
    label = re.sub(r"\s+", " ", d.text[m.start:m.end]).strip()
    return {"id": sid, "label": label, "domain": tax.segment_domain(sid) or "jeugd", "parent": parent}


def _is_topic_list(d: _Doc, place: Place) -> bool:
    return bool(place.list_intro and _TOPIC_INTRO.search(d.st.text(place.list_intro)))


def _parent_for(d: _Doc, m: Match, place: Place) -> tuple[str | None, bool]:
    """(parent segment id, structural) for a segment mention from its place."""
    b = place.block
    if b is None:
        return None, False
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
    return False, 0.0


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
        ok, conf = _is_segment_mention(d, m, place)
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


# -- financing and procedures ----------------------------------------------------

_CHOICE_LABEL = re.compile(r"\b(bekostigingsvariant\w*|gekozen\s+\w+|keuze\w*|vorm\s+(?:van\s+)?aanbesteding|"
                           r"aanbestedingsvorm|nieuwe\s+\w+)\b", re.I)


def _excluded(q) -> bool:
    """Is a segment mention negated itself ("valt buiten"), not merely the topic of a declined option?"""
    return any(t.category == "negated" and not t.phrase.startswith(DECLINED) for t in q.triggers)


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
    if in_sent:
        near = min(in_sent, key=lambda x: abs(x.start - m.start))
        return [d.resolve(near, place)], 0.8
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
            return [d.resolve(lab, place)], 0.7
    only = _only_segment(d)
    if only:
        # a document that buys one segment (a Wmo HbH tender): its models are that segment's
        return [only], 0.75
    return [None], 0.8


# "Voor de jeugd-GGZ", "Bij het perceel Verblijf", "Wat betreft dyslexie": a fronted topic phrase
_PARAGRAPH_TOPIC = re.compile(
    r"(?i:voor|bij|binnen|wat\s+betreft|ten\s+aanzien\s+van|met\s+betrekking\s+tot)\s+"
    r"(?:(?i:de|het|dit|deze)\s+)?[^\s,.;:]+(?:[ \-][^\s,.;:]+){0,3}")


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


def _status_of(d: _Doc, m: Match, place: Place) -> tuple[str | None, float]:
    q = d.qualify_at(m.start, m.end)
    if q.status:
        return q.status, 0.85
    b = place.block
    in_table = b is not None and b.kind == "table_row"
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


# confidence of a stance taken by default (see _default_status): below every stated stance
_DEFAULT_CONF = 0.45


def _extract_models(ctx: ExtractionContext, kind: str) -> list[Fact]:
    d = _state(ctx)
    tax = load_taxonomy()
    facts: dict[tuple, Fact] = {}
    defaulted: set[tuple] = set()
    for m in find_terms(d.text, kind):
        place = d.st.place(m.start)
        if not _care_context(d, m, place):
            continue
        segs, att_conf = _segment_of(d, m, place)
        status, st_conf = _status_of(d, m, place)
        conf = round(min(0.95, (att_conf + st_conf) / 2), 3)
        for sid in segs:
            if kind == "financing":
                value = {"id": m.id, "variant": tax.financing_variant(m.id) or "none",
                         "segment": sid, "status": status}
            else:
                value = {"id": m.id, "segment": sid, "status": status}
            key = (m.id, sid, status)
            f = ctx.fact(kind, m.start, m.end, value, conf)
            if key not in facts or facts[key].confidence < conf:
                facts[key] = f
                if st_conf == _DEFAULT_CONF:
                    defaulted.add(key)
                else:
                    defaulted.discard(key)
    # a mention whose stance was not stated (null, or chosen by default) adds
    # nothing where another mention of the same model for the same segment states one
    stated = {(f.value["id"], f.value["segment"]) for k, f in facts.items()
              if f.value["status"] and k not in defaulted}
    kept = [f for k, f in facts.items()
            if (f.value["status"] and k not in defaulted) or (f.value["id"], f.value["segment"]) not in stated]
    return sorted(kept, key=lambda f: f.start)


def extract_financing(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "financing")


def extract_procedures(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "procedure")
