"""Taxonomy wordings found in text: :func:`find_terms` and the :class:`Match` it returns.

Matching is compound-aware (see ``models/taxonomy.json``): wordings match
across hyphens and spaces ("Hoog-specialistisch"), with inflections and as the
modifier of a compound ("dyslexie|aanbieders") but never as the head of
another word's compound ("corona|crisis"). The wordings themselves are data
(``models/taxonomy.json``); this module only turns them into patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...models.taxonomy import Entry, load_taxonomy
from .scan import LazyPattern, TermIndex, non_overlapping, term_matches


_SEP = r"[\s\-‐–/]*"
#: where a wording ends: no word character follows, but a footnote number of one or two
#: digits glued to it in a PDF may ("jeugdhulp met verblijf2", "crisishulp13")
_END = r"(?=\d{0,2}(?!\w))"


@dataclass(frozen=True)
class Match:
    kind: str          # segment | financing | procedure
    id: str
    start: int
    end: int
    lot: bool = False
    generic: bool = False


def _word_regex(word: str, suffix: str) -> str:
    return re.escape(word) + suffix


@lru_cache(maxsize=None)
def _compiled(kind: str) -> tuple[tuple[Entry | dict, re.Pattern | LazyPattern, bool], ...]:
    """(entry, regex, acronym) per term of ``kind`` (segment|financing|procedure|generic); a
    generated wording's regex is compiled on first use (:class:`LazyPattern`)."""
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
        rx = r"(?<![\w&])" + _SEP.join(parts) + _END
        acronym = len(words) == 1 and len(words[0]) <= 4
        out.append((e, LazyPattern(rx, re.IGNORECASE), acronym))
    return tuple(out)


#: texts up to this long (a sentence, a window, a cell) keep their matches: the stance and mention
#: rules ask for the same sentence's models once per mention in it; whole documents are not kept
_MEMO_CHARS = 20_000


def find_terms(text: str, kind: str) -> list[Match]:
    """Non-overlapping taxonomy matches of ``kind`` in ``text`` (longest first)."""
    if len(text) <= _MEMO_CHARS:
        return list(_find_terms_memo(text, kind))
    return _find_terms(text, kind)


@lru_cache(maxsize=4096)
def _find_terms_memo(text: str, kind: str) -> tuple[Match, ...]:
    return tuple(_find_terms(text, kind))


#: the kinds of wording a document is searched for, each once (see :func:`find_all_terms`)
KINDS = ("segment", "generic", "financing", "procedure")


@lru_cache(maxsize=1)
def _all_compiled() -> tuple[tuple[tuple, ...], dict[str, range]]:
    """The rows of every kind in one tuple, and which rows are each kind's."""
    rows: list[tuple] = []
    ranges = {}
    for kind in KINDS:
        ranges[kind] = range(len(rows), len(rows) + len(_compiled(kind)))
        rows.extend(_compiled(kind))
    return tuple(rows), ranges


def find_all_terms(text: str) -> dict[str, list[Match]]:
    """``find_terms(text, kind)`` for every kind of :data:`KINDS`, from one scan of ``text``."""
    return scan_document(text)[0]


def scan_document(text: str, cues: tuple[re.Pattern, ...] = ()) -> tuple[dict[str, list[Match]], list[list[re.Match]]]:
    """``find_terms(text, kind)`` for every kind of :data:`KINDS`, and ``list(cue.finditer(text))``
    for every one of ``cues``, from one scan of ``text``.

    A document is searched for all four kinds and for the cues its extractors run over the
    whole text; one scanner per lead over all their first words passes over it once instead
    of once per regex group (a regex's matches do not depend on the others scanned with it)."""
    rows, ranges = _all_compiled()
    found = _document_index(cues).matches(text)
    numbers = sorted(n for n in found if n < len(rows))
    terms = {kind: _select(kind, text, ((rows[n], m.start(), m.end()) for n in numbers if n in rows_of
                                        for m in found[n]))
             for kind, rows_of in ranges.items()}
    return terms, [found.get(len(rows) + k, []) for k in range(len(cues))]


@lru_cache(maxsize=8)
def _document_index(cues: tuple[re.Pattern, ...]) -> TermIndex:
    return TermIndex([row[1] for row in _all_compiled()[0]] + list(cues))


def _find_terms(text: str, kind: str) -> list[Match]:
    return _select(kind, text, term_matches(_compiled(kind), text))  # one pass for all wordings of the kind


def _select(kind: str, text: str, matches) -> list[Match]:
    """The non-overlapping Matches of ``kind`` among ``(row, start, end)`` regex matches (rows in order)."""
    cands = []
    for (e, _, acronym), s, end in matches:
        if acronym and text[s:end].islower():
            continue          # short wordings count only when written as acronyms (KmB, HbH, DAS)
        if kind == "generic":
            cands.append(Match("segment", "", s, end, generic=True))
        else:
            cands.append(Match(kind, e.id, s, end, lot=getattr(e, "lot", False)))
    # longest first; on a tie a lot reading wins (it is checked against its marker later)
    cands.sort(key=lambda m: (-(m.end - m.start), not m.lot, m.start))
    return non_overlapping(cands)


@lru_cache(maxsize=None)
def _single_rx(term: str) -> re.Pattern:
    tax = load_taxonomy()
    infl = "|".join(sorted((re.escape(s) for s in tax.inflections), key=len, reverse=True))
    words = [w.strip("-") for w in term.lower().split() if w.strip("-")]
    return re.compile(r"(?<![\w&])" + _SEP.join(re.escape(w) + f"(?:{infl})?" for w in words) + r"(?![\w])", re.I)


@lru_cache(maxsize=None)
def _term_rx(term: str) -> re.Pattern:
    """One taxonomy term as a pattern: a 're:' term as written, else like :func:`_single_rx`."""
    return re.compile(term[3:], re.I) if term.startswith("re:") else _single_rx(term)
