"""Per-document state shared by the segment, financing and procedure extractors.

:class:`_Doc` holds the document's sentences, its structure (blocks, tables,
headings) and its segment mentions (lot readings resolved), computed once and
kept on the extraction context; the sentence helpers join the pieces the
sentencizer splits at ':' back into one statement.
"""
from __future__ import annotations

import bisect
import re

import numpy

from ...models.taxonomy import load_taxonomy
from ..context import ExtractionContext
from ..qualifier import DECLINED, qualify
from ..sections import Place, Structure
from .cues import CUE, NOT_LABEL_ADJECTIVES
from .terms import Match, _single_rx, _term_rx, find_terms, scan_document


#: the cues the segment extractors run over the whole document: found in the document's one
#: scan with the taxonomy wordings (:meth:`_Doc.cue_matches`)
_DOCUMENT_CUES = ("other_lot", "lot_definition", "lot_definition_line", "lots_inline_lead", "lot_reference",
                  "scenario_mention")

#: what may follow a wording that must be a whole label: the line's end, its contents, a page number
_WHOLE_LABEL_END = re.compile(r"[ \t]*(?:$|\n|[:(/–—\-]|\.\.|\d)", re.M)


class _Doc:
    """Per-document state shared by the three extractors."""

    def __init__(self, ctx: ExtractionContext):
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.st = Structure(ctx.doc)
        self.sents = self._sentences()
        self._starts = [s for s, _ in self.sents]
        self._terms, found = scan_document(self.text, tuple(CUE[name] for name in _DOCUMENT_CUES))
        self._cues = dict(zip(_DOCUMENT_CUES, found))
        self.seg_matches = self._segment_matches()
        # filled on first use by the stages that own them (mentions, lots, stance); None = not yet
        self._segment_facts = None    # mentions._segment_facts
        self._excluded = None         # mentions._excluded_ids
        self._lots = None             # lots._lot_map
        self._scenarios = None        # stance._scenario_stances
        self._qualified: dict[tuple[int, int], object] = {}     # qualify_at, per span
        self._uniform_rows: dict[int, bool] = {}               # attachment._by_table, per row block

    def terms(self, kind: str) -> list[Match]:
        """``find_terms(self.text, kind)``: the document's wordings of ``kind``, found once for all kinds."""
        return list(self._terms[kind])

    def cue_matches(self, name: str) -> list[re.Match]:
        """``list(CUE[name].finditer(self.text))`` for a cue of :data:`_DOCUMENT_CUES`, from the document's one scan."""
        return self._cues[name]

    def _sentences(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence of the parse, as ``doc.sents`` gives them: from the parse's
        shared columns (a Span object per sentence cost more than the rest of the state)."""
        cols = self.ctx.token_columns
        if not len(cols.idx):
            return [(0, len(self.text))]
        firsts = cols.sent_starts
        lasts = numpy.append(firsts[1:], len(cols.idx)) - 1
        return list(zip(cols.idx[firsts].tolist(), (cols.idx[lasts] + cols.length[lasts]).tolist()))

    def sentence(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sents[i]

    def qualify_at(self, start: int, end: int):
        # the mention stages ask up to five times for the same span; a Qualification is not changed
        q = self._qualified.get((start, end))
        if q is None:
            s, e = self.sentence(start)
            e = max(e, end)
            q = self._qualified[(start, end)] = qualify(self.text[s:e], start - s, end - s)
        return q

    # -- segment mentions --------------------------------------------------
    def _segment_matches(self) -> list[Match]:
        raw = self.terms("segment")
        # lots ("perceel complexe jeugdhulp"): a lot wording is the lot where
        # a marker precedes it, and everywhere once the document defined it so
        lot_phrases = set()
        for m in raw:
            if m.lot and self._marker_before(m.start):
                lot_phrases.add(self._norm(self.text[m.start:m.end]))
        out = []
        for m in raw:
            phrase = self._norm(self.text[m.start:m.end])
            if m.lot and phrase not in lot_phrases and not self._names_lot_unmarked(m):
                # not defined as a lot here: fall back to the care-type reading
                alt = self._non_lot(m)
                if alt:
                    out.append(alt)
                continue
            # (a care-type wording that is the tail of a defined lot phrase stays itself)
            out.append(m)
        tax = load_taxonomy()
        taken = _Spans(out)
        for g in self.terms("generic"):
            if self._generic_group(g, tax).get("whole_label") and not _WHOLE_LABEL_END.match(self.text, g.end):
                continue
            if not taken.overlaps(g.start, g.end):
                out.append(g)
                taken.add(g.start, g.end)
        out += self._other_lots(out, tax)
        return sorted(out, key=lambda m: m.start)

    def _other_lots(self, found: list[Match], tax) -> list[Match]:
        """Lots labelled with care the taxonomy has no wording for ("het perceel Specialistische
        Jeugdhulp", "Perceel 3: Vervoer"): segment ``other`` over the label. A label that only
        names a domain ("perceel Jeugd") or overlaps a care wording is left to those."""
        domain_only = {w for ws in tax.domain_words.values() for w in ws}
        out = []
        taken = _Spans(found)
        for lm in self.cue_matches("other_lot"):
            s, e = lm.span(1)
            label = self.text[s:e]
            if label.lower() in domain_only or taken.overlaps(s, e) or \
                    find_terms(label, "segment") or find_terms(label, "generic"):
                continue
            out.append(Match("segment", "other", s, e, lot=True))
        return out

    def _names_lot_unmarked(self, m: Match) -> bool:
        """A lot wording that names its lot without a marker ("Laag- en Hoogcomplexe Jeugdhulp")."""
        e = load_taxonomy().segment(m.id)
        if e is None:
            return False
        for t in e.unmarked_terms:
            mm = _term_rx(t).match(self.text, m.start)
            if mm and mm.end() == m.end:
                return True
        return False

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
            ci = self.st.cell_index(b, start)
            s = b.cells[ci][0] if ci is not None else s
        before = self.text[max(s, start - 40):start]
        before = CUE["determiner_before_marker"].sub("", before)
        return bool(CUE["marker_before"].search(before))

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
        return self._document_domain()

    def _document_domain(self) -> str:
        """The domain of a generic word nothing near it names: the one domain the document names
        (a Wmo text that says "Wmo" only in its title); in a text naming neither, the one domain
        of its specific care wordings (a budget chapter listing dagbesteding and kortdurend
        verblijf); else youth care."""
        cached = getattr(self, "_doc_domain", None)
        if cached is None:
            tax = load_taxonomy()
            named = {d for d in tax.domain_words if self._names_domain(d)}
            if not named:
                named = {tax.segment_domain(x.id) for x in self.seg_matches if not x.generic}
            cached = self._doc_domain = named.pop() if len(named) == 1 and None not in named else "jeugd"
        return cached

    def resolve(self, m: Match, place: Place | None = None) -> str:
        tax = load_taxonomy()
        if not m.generic:
            return self._cross_domain(m, tax) or m.id
        place = place or self.st.place(m.start)
        d = self._adjacent_domain(m) or self._enumerated_domain(m, tax) or self.domain_at(m.start, place)
        return self._generic_group(m, tax)["ids"].get(d, "ambulant")

    def _enumerated_domain(self, m: Match, tax) -> str | None:
        """The domain of the care a generic word is enumerated with: "Begeleiding, dagbesteding en
        kortdurend verblijf" is Wmo care, "begeleiding en pleegzorg" youth care. Only when every
        specific wording of the enumeration belongs to one domain."""
        i = bisect.bisect_left(self.seg_matches, m.start, key=lambda x: x.start)
        if i >= len(self.seg_matches) or self.seg_matches[i] != m:
            return None
        chain = []
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(self.seg_matches) and len(chain) < 6:
                a, b = sorted((self.seg_matches[j], self.seg_matches[j + step]), key=lambda x: x.start)
                if not CUE["coordinated"].fullmatch(self.text, a.end, b.start):
                    break
                j += step
                chain.append(self.seg_matches[j])
        doms = {tax.segment_domain(x.id) for x in chain if not x.generic}
        return doms.pop() if len(doms) == 1 and None not in doms else None

    def _generic_group(self, m: Match, tax) -> dict:
        """The generic group whose wording this is ("begeleiding" vs "wonen"); the first when none says so."""
        groups = tax.generic_segments
        for g in groups:
            if any(_single_rx(t).fullmatch(self.text, m.start, m.end) for t in g["terms"]):
                return g
        return groups[0]

    def _adjacent_domain(self, m: Match) -> str | None:
        """The domain a generic word names itself: "Begeleiding Wmo", "Wmo-begeleiding", "begeleiding jeugd"."""
        words = load_taxonomy().domain_words
        after = self.text[m.end:m.end + 25].lower()
        before = self.text[max(0, m.start - 25):m.start].lower()
        for dom, ws in words.items():
            for w in ws:
                if re.match(rf"[\s\-]*{re.escape(w)}\b", after) or re.search(rf"\b{re.escape(w)}[\s\-]*$", before):
                    return dom
        return None

    def _cross_domain(self, m: Match, tax) -> str | None:
        """A Wmo-only wording in a youth text that never names the Wmo: the youth care of that name;
        likewise a youth-care wording in a Wmo text that never names youth care (taxonomy
        ``cross_domain``). A text that names neither domain is of the other one when every other
        care wording in it is ("ambulante begeleiding" among beschermd wonen, beschermd thuis and
        dagbesteding); else the wording keeps its own reading."""
        dom = tax.segment_domain(m.id)
        other = {"wmo": "jeugd", "jeugd": "wmo"}.get(dom)
        if other is None or not tax.cross_domain(m.id, other) or self._names_domain(dom):
            return None
        others = self._domains_besides(m.id, tax)
        if dom in others or not (self._names_domain(other) or others == {other}):
            return None
        return tax.cross_domain(m.id, other)

    def _domains_besides(self, sid: str, tax) -> set[str | None]:
        """The domains of the care wordings of other ids than ``sid``, once per id (a set over every
        match per mention made a text of many mentions quadratic)."""
        memo = self.__dict__.setdefault("_other_domains", {})
        if sid not in memo:
            memo[sid] = {tax.segment_domain(x.id) for x in self.seg_matches if x.id != sid and not x.generic}
        return memo[sid]

    def _names_domain(self, dom: str) -> bool:
        cached = getattr(self, "_domains_named", None)
        if cached is None:
            low = self.text.lower()
            cached = self._domains_named = {d for d, ws in load_taxonomy().domain_words.items()
                                            if any(re.search(rf"\b{re.escape(w)}\b", low) for w in ws)}
        return dom in cached

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
        m = CUE["label_prefix"].match(t)
        off = s + (m.end() if m else 0)
        # a label may open with one degree/kind adjective before its care wording
        # ("Lichte ambulante jeugdhulp", "Intensieve begeleiding", "Zware verblijfszorg")
        adj = CUE["label_adjective"].match(self.text, off, e)
        offs = (off, adj.end()) if adj and adj.group(1).lower() not in NOT_LABEL_ADJECTIVES else (off,)
        for o in offs:
            for sm in self.segments_in(span):
                if sm.start <= o + 1 and sm.start >= s:
                    return sm
                if sm.start > o + 1:
                    break
        return None


class _Spans:
    """Spans by start, to ask whether a new span overlaps any of them without comparing it with
    every one (a generic wording against every match made long documents quadratic)."""

    def __init__(self, matches) -> None:
        self.spans = sorted((m.start, m.end) for m in matches)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Is there a span (s, e) with ``s < end`` and ``e > start``? Only spans starting within the
        longest span's length before ``start`` can reach it."""
        lo = bisect.bisect_left(self.spans, (start - self.longest, -1))
        hi = bisect.bisect_left(self.spans, (end, -1))
        return any(e > start for _, e in self.spans[lo:hi])

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        self.longest = max(self.longest, end - start)


def _state(ctx: ExtractionContext) -> _Doc:
    """The document's segment state, built once and shared by the three extractors (a context layer)."""
    return ctx.layer("segments", _Doc)


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


def _excluded(q) -> bool:
    """Is a segment mention negated itself ("valt buiten"), not merely the topic of a declined option?"""
    return any(t.category == "negated" and not t.phrase.startswith(DECLINED) for t in q.triggers)


def _has_model(d: _Doc, span: tuple[int, int]) -> bool:
    t = d.text[span[0]:span[1]]
    return bool(find_terms(t, "financing") or find_terms(t, "procedure"))


def _antecedent_segment(d: _Doc, sent_start: int) -> Match | None:
    """The segment a sentence opened by 'daarvoor'/'hiervoor' points back at.

    "De crisiszorg valt buiten deze inkoop: daarvoor loopt een subsidie." The
    sentencizer breaks at the colon; the pronominal adverb refers to the last
    segment named in the previous sentence of the same block (even one the
    previous sentence excludes: the model is given for it).
    """
    if not CUE["anaphor_opening"].match(d.text, sent_start, min(len(d.text), sent_start + 60)):
        return None
    b = d.doc.block_at(sent_start)
    ps, pe = d.sentence(max(0, sent_start - 1))
    if b is None or ps < b.start or ps >= sent_start:
        return None
    named = [x for x in d.segments_in((ps, sent_start)) if not x.generic]
    return named[-1] if named else None
