"""Which segment a financing or procedure mention applies to.

In this order: its table row's first cell, its column header, the table's
title row, a segment named in the same sentence (bound by "voor" or by its own
clause), a lot referred to by identifier, an anaphor ("daarvoor"), segments
named earlier in the same list item, a paragraph's fronted topic, the heading
chain, the one care a short heading is about, the one segment a document buys; else ``None`` (the whole document).
"""
from __future__ import annotations

from ..sections import Place
from .cues import CUE
from .lots import _lot_references
from .mentions import _heading_topic, _segment_facts
from .state import _antecedent_segment, _Doc, _excluded, _has_model, _next_sentence
from .terms import Match


Attachment = tuple[list[str | None], float]


def _segment_of(d: _Doc, m: Match, place: Place) -> Attachment:
    """Segment ids a financing/procedure mention applies to, with attachment confidence.

    The rules of ``_ATTACHMENT_RULES`` are tried in order; the first that attaches wins.
    """
    for rule in _ATTACHMENT_RULES:
        found = rule(d, m, place)
        if found is not None:
            return found
    return [None], 0.8


def _by_table(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """Row label, numbered row's description cell, column header, table title."""
    b = place.block
    if b is None or b.kind != "table_row":
        return None
    uniform = d._uniform_rows.get(id(b))        # once per row: a long row has many mentions
    if uniform is None:
        cells = [d.st.text(c).strip().lower() for c in place.row_cells]
        uniform = d._uniform_rows[id(b)] = len(cells) > 2 and len(set(cells)) == 1
    if uniform:
        return [None], 0.9            # same in every column: applies to all lots
    if place.row_label:
        lab = d.label_segment(place.row_label)
        if lab:
            return [d.resolve(lab, place)], 0.95
        if CUE["bare_lot_id"].match(d.text, *place.row_label):
            # "| 2 | Begeleiding individueel ... | Uurtarief |": the row is numbered, its
            # description cell (before the model's cell) names the lot's care
            for c in place.row_cells[1:]:
                if place.cell and c[0] >= place.cell[0]:
                    break
                lab = d.label_segment(c)
                if lab:
                    return [d.resolve(lab, place)], 0.9
    above = d.st.column_first(place, "label_segment", d.label_segment)   # once per table column
    if above:
        return [d.resolve(above[1], place)], 0.9
    if place.table_title:
        lab = d.label_segment(place.table_title)
        if lab:
            return [d.resolve(lab, place)], 0.9
    return None


def _by_sentence(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """Care named in the sentence (bound, else nearest), lots by identifier, else an anaphor."""
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
        return _with_coordinated(d, in_sent, pos, ids, place), 0.8
    short = _short_form_of_named(d, s, e, place)
    if short:
        return short, 0.75
    ante = _antecedent_segment(d, s)
    if ante is not None:
        # "... bestaat uit verblijf, crisis en jeugd-GGZ. Hiervoor ...": the whole enumeration
        before = [x for x in d.segments_in(d.sentence(ante.start)) if not x.generic]
        return _with_coordinated(d, before, ante.start, [d.resolve(ante, place)], place), 0.75
    after = _forward_scope(d, m, place)
    if after:
        return after, 0.7
    both = _plural_antecedents(d, s, place)
    if both:
        return both, 0.7
    ref = CUE["lot_reference"].search(d.text, s, e)
    if ref and not _lot_named_with_care(d, ref.group(1)):
        # "de mogelijkheden van populatiebekostiging in perceel 2", a lot the text never
        # defines: a segment of its own that fits no id
        return ["other"], 0.6
    return None


def _short_form_of_named(d: _Doc, s: int, e: int, place: Place) -> list[str]:
    """A generic care word that shortens care the document names in full ("Voor de begeleiding wordt ..."
    after "Hulp bij het Huishouden en Wmo-begeleiding"): the one named segment whose wording ends in that
    word, earlier in the same section (the part a long text is cut into starts at a heading, so the look-back
    stays within what every part sees). None when no named wording, or more than one segment, ends so."""
    heads = d.doc.headings_before(s)
    since = heads[-1].start if heads else 0
    for g in (x for x in d.segments_in((s, e)) if x.generic):
        word = d.text[g.start:g.end].lower()
        ids = {d.resolve(x, place) for x in d.segments_in((since, g.start)) if not x.generic
               and d.text[x.start:x.end].lower().endswith(word) and len(d.text[x.start:x.end]) > len(word)}
        if len(ids) == 1:
            return [ids.pop()]
    return []


def _lot_named_with_care(d: _Doc, ident: str) -> bool:
    """Does any sentence that refers to lot ``ident`` also name care ("perceel 2 is verblijf")?
    Then the text tells what the lot holds, only not in a form the lot map reads."""
    for mm in d.cue_matches("lot_reference"):
        if mm.group(1) == ident and any(not x.generic for x in d.segments_in(d.sentence(mm.start()))):
            return True
    return False


def _distinct(d: _Doc, found: list[Match], place: Place) -> list[str]:
    ids: list[str] = []
    for x in found:
        sid = d.resolve(x, place)
        if sid not in ids:
            ids.append(sid)
    return ids


def _forward_scope(d: _Doc, m: Match, place: Place) -> list[str]:
    """The care the next sentence gives the model's scope to: "We werken met een lumpsum.
    Dit geldt voor het verblijf en de crisiszorg." (the next sentence names no model of its own)."""
    nxt = _next_sentence(d, m.start)
    if nxt is None or not CUE["forward_scope"].match(d.text, nxt[0], nxt[1]) or _has_model(d, nxt):
        return []
    return _distinct(d, [x for x in d.segments_in(nxt) if not x.generic], place)


def _plural_antecedents(d: _Doc, s: int, place: Place) -> list[str]:
    """The segments a sentence opened by "Beide segmenten" / "Deze percelen" points back at:
    the care named in the previous sentence of the same block, when it names two or more."""
    if not CUE["plural_anaphor"].match(d.text, s, min(len(d.text), s + 60)):
        return []
    b = d.doc.block_at(s)
    ps, _ = d.sentence(max(0, s - 1))
    if b is None or ps < b.start or ps >= s:
        return []
    ids: list[str] = []
    for x in d.segments_in((ps, s)):
        if not x.generic and not _excluded(d.qualify_at(x.start, x.end)):
            sid = d.resolve(x, place)
            if sid not in ids:
                ids.append(sid)
    return ids if len(ids) >= 2 else []


def _by_block(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """Segments named earlier in the list item; a paragraph's fronted topic."""
    b = place.block
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
        # "Voor verblijf en crisis geldt:" above the list: its items are that care's
        intro = [x for x in d.segments_in(place.list_intro) if not x.generic] if place.list_intro else []
        if intro:
            return _distinct(d, intro, place), 0.65
    if b is not None and b.kind == "paragraph":
        # a paragraph opened by a topic phrase keeps that topic in its later
        # sentences: "Voor de jeugd-GGZ blijft X. Wel onderzoeken we Y."
        s = d.sentence(m.start)[0]
        topic = CUE["paragraph_topic"].match(d.text, b.start, min(b.end, s))
        if topic:
            named = [x for x in d.segments_in((topic.start(), topic.end())) if not x.generic]
            if len({d.resolve(x, place) for x in named}) == 1:
                return _topic_coordinated(d, named[0], place), 0.65
    return None


def _topic_coordinated(d: _Doc, first: Match, place: Place) -> list[str]:
    """A paragraph's topic with the care joined to it in its opening sentence: "Voor verblijf
    (inclusief pleegzorg) en voor de hoogcomplexe jeugdhulp kiezen we ..." is about both."""
    ids = [d.resolve(first, place)]
    prev = first
    for x in d.segments_in((first.end, d.sentence(first.start)[1])):
        if not x.generic and CUE["topic_coordinated"].fullmatch(d.text, prev.end, x.start):
            sid = d.resolve(x, place)
            if sid not in ids:
                ids.append(sid)
            prev = x
    return ids


def _by_heading(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """The innermost heading that names a segment (with a label or marker) or a lot by identifier."""
    for h in place.headings:
        lab = d.label_segment((h.start, h.end))
        if lab is None:
            lab = next((x for x in d.segments_in((h.start, h.end)) if d._marker_before(x.start)), None)
        if lab is None:
            # "Opties voor de begeleiding", "Bekostiging verblijf": the care the heading's
            # 'voor' or its opening topic noun names is the section's topic
            lab = next((x for x in d.segments_in((h.start, h.end))
                        if CUE["heading_for_topic"].search(d.text, h.start, x.start)
                        or CUE["heading_topic_noun"].fullmatch(d.text, h.start, x.start)), None)
        if lab:
            return _heading_segments(d, lab, h, place), 0.7
        refs = _lot_references(d, h.start, h.end)
        if refs:
            return refs[0][1], 0.7
    return None


def _by_heading_topic(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """The care an innermost short heading is about without opening with it ("Invoeren maatregel
    gereguleerde instroom HSJH" over "het lumpsum budget is uitgenut")."""
    if not place.headings:
        return None
    sid = _heading_topic(d, place.headings[0], place)
    return ([sid], 0.6) if sid else None


def _heading_topic_attachment(d: _Doc, m: Match, place: Place) -> bool:
    """Does a model mention attach to its innermost heading's topic, no earlier rule attaching it
    (the document-wide rule left out: it reads the segment facts being decided)?"""
    for rule in _ATTACHMENT_RULES:
        if rule is _by_only_segment:
            return False
        found = rule(d, m, place)
        if found is not None:
            return rule is _by_heading_topic
    return False


def _by_only_segment(d: _Doc, m: Match, place: Place) -> Attachment | None:
    """A document that buys one segment (a Wmo HbH tender): its models are that segment's."""
    only = _only_segment(d)
    return ([only], 0.75) if only else None


#: in order: the first rule that attaches a mention wins
_ATTACHMENT_RULES = (_by_table, _by_sentence, _by_block, _by_heading, _by_heading_topic, _by_only_segment)


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
        if x.start >= m.end and CUE["for_following"].fullmatch(d.text, m.end, x.start):
            return [d.resolve(x, place)]
    cuts = [s] + [c.end() for c in CUE["clause_break"].finditer(d.text, s, e)] + [e]
    for a, b in zip(cuts, cuts[1:]):
        if a <= m.start < b:
            own = []
            for x in in_sent:
                if a <= x.start < b and d.resolve(x, place) not in own:
                    own.append(d.resolve(x, place))
            return own if len(own) == 1 else []
    return []


def _with_coordinated(d: _Doc, in_sent: list[Match], pos: int, ids: list, place: Place) -> list:
    """The nearest segment with the care joined to it by 'en' / ',' / '/': "open house van
    Laag- en Hoogcomplexe jeugdhulp" is for both lots."""
    k = next((i for i, x in enumerate(in_sent) if x.start == pos), None)
    if k is None:
        return ids
    out = list(ids)
    def joined(a: Match, b: Match) -> bool:
        # ... and "zowel verblijf als crisis": 'als' joins two care words after 'zowel'
        return bool(CUE["coordinated"].fullmatch(d.text, a.end, b.start) or (
            CUE["both_and_second"].fullmatch(d.text, a.end, b.start)
            and CUE["both_and_first"].search(d.text, max(0, a.start - 20), a.start)))
    lo = k
    while lo > 0 and joined(in_sent[lo - 1], in_sent[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(in_sent) and joined(in_sent[hi], in_sent[hi + 1]):
        hi += 1
    for x in in_sent[lo:hi + 1]:
        sid = d.resolve(x, place)
        if sid not in out:
            out.append(sid)
    return out


def _heading_segments(d: _Doc, lab: Match, h, place: Place) -> list[str]:
    """The segments a heading is about: its label and the care joined to it by a
    coordinator ("Verblijf en crisis", "Dyslexie / jeugd-GGZ"); not the contents
    after a colon or dash ("Verblijf: pleegzorg" names a sub-segment)."""
    ids = [d.resolve(lab, place)]
    prev = lab
    for x in d.segments_in((lab.end, h.end)):
        if x.generic or not CUE["heading_coordinator"].fullmatch(d.text[prev.end:x.start]):
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
    if len(tops) == 1 and parents <= tops and "other" not in tops and \
            not any(_among_other_items(d, f.start) for f in facts):
        # ... and is about it: the segment is named in its title or opening, not only
        # in passing deep in a long text (an administration protocol's one example)
        if min(f.start for f in facts) < _OPENING_CHARS:
            return next(iter(tops))
    return None


def _among_other_items(d: _Doc, offset: int) -> bool:
    """Is the segment one item of a list whose other items name no care ("drie categorieën:
    - zonder contract - vrijgevestigde GGZ - instellingen")? Then the document covers more
    than that one segment, and its models are not that segment's alone."""
    b = d.doc.block_at(offset)
    if b is None or b.kind != "list_item":
        return False
    blocks = d.doc.blocks
    i = blocks.index(b)
    siblings = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(blocks) and blocks[j].kind == "list_item":
            siblings.append(blocks[j])
            j += step
    return any(not d.segments_in((x.start, x.end)) for x in siblings)


# how far into a document its title and opening paragraph reach
_OPENING_CHARS = 1500
