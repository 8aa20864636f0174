"""The shared clause layer: one notion of sentence for the clause readers (decisions, plan changes).

A :class:`Clause` is one sentence of the project's Dutch pipeline
(``ctx.spacy_doc.sents``) as normalised tokens with their character spans and
the block (paragraph, list item, table row, heading) it starts in. The list is
built once per document (``ExtractionContext.clauses``) and shared; nobody
mutates it. The segment extractors read the same sentences through
``segments/state.py`` (which joins the pieces the sentencizer splits at ':' back
into colon units).

Also here: the token helpers every clause reader needs (:func:`norm_token`,
:func:`has_any`, :func:`is_aux`) and the document's dates as
``(start, end, value)`` (:func:`date_matches`, from the date extractor's facts).

``extract/`` installs as ``inkoopgraaf.extract`` (``package-dir`` in
pyproject.toml): import it as ``inkoopgraaf.extract.clauses`` from an installed
checkout (``pip install -e .``); run straight from the source tree, its relative
imports fail with "attempted relative import beyond top-level package".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

import numpy

from .context import ExtractionContext
from .dates import find_dates
from .lexicon import dutch

_POSSESSIVE_PREPS = dutch("prepositions.possessive")


def norm_token(tok: str) -> str:
    """Lower-case token without surrounding punctuation ('vast.' -> 'vast')."""
    return tok.lower().strip(".,;:!?()[]'\"‘’“”*")


@dataclass
class Clause:
    """A sentence (or a short table row / list item) the extractor reads as one unit."""
    start: int
    end: int
    words: list[str]                       # normalised tokens
    raw: list[str]                         # token texts
    offsets: list[tuple[int, int]]         # char spans of tokens
    block: Any = None

    def char_of(self, i: int) -> int:
        return self.offsets[min(i, len(self.offsets) - 1)][0]


def sentence_clauses(ctx: ExtractionContext) -> list[Clause]:
    """The document's sentences as clauses (computed once per document, shared: do not mutate)."""
    return ctx.clauses


def build_clauses(ctx: ExtractionContext) -> list[Clause]:
    """Every non-empty sentence of the spaCy parse, punctuation-only tokens dropped (',;:' kept)."""
    cols = ctx.token_columns
    if not len(cols.orth):
        return []
    # Worked on the parse's arrays and once per distinct token text: a spaCy Token object, or a
    # Python step, per token cost more than the readers of the clauses.
    forms, form_of_token = numpy.unique(cols.orth, return_inverse=True)
    raw_of, word_of = _token_forms(forms.tolist(), ctx.spacy_doc.vocab.strings)
    kept = numpy.flatnonzero(numpy.array([w != "" for w in word_of], dtype=bool)[form_of_token] & ~cols.is_space)
    kept_forms = form_of_token[kept]
    words = numpy.array(word_of, dtype=object)[kept_forms].tolist()
    raw = numpy.array(raw_of, dtype=object)[kept_forms].tolist()
    starts, ends = cols.idx[kept], cols.idx[kept] + cols.length[kept]
    offsets = list(zip(starts.tolist(), ends.tolist()))
    # each sentence's kept tokens are kept[a:b]; a sentence with none gives no clause
    cuts = numpy.unique(numpy.concatenate(([0], numpy.searchsorted(kept, cols.sent_starts), [len(kept)])))
    firsts, lasts = cuts[:-1], cuts[1:]
    clause_starts = starts[firsts].tolist()
    blocks = ctx.doc.blocks_at(clause_starts)
    return [Clause(s, e, words[a:b], raw[a:b], offsets[a:b], block) for s, e, a, b, block
            in zip(clause_starts, ends[lasts - 1].tolist(), firsts.tolist(), lasts.tolist(), blocks)]


#: Token text -> (text, clause word), by the text's hash in spaCy's strings: the same for every
#: document, so kept across documents (up to _TOKEN_FORMS_MAX texts, then started again).
_TOKEN_FORMS: dict[int, tuple[str, str]] = {}
_TOKEN_FORMS_MAX = 200_000


def _token_forms(hashes: list[int], strings) -> tuple[list[str], list[str]]:
    """The text and the clause word ('' = dropped) of each token text hash."""
    if len(_TOKEN_FORMS) > _TOKEN_FORMS_MAX:
        _TOKEN_FORMS.clear()
    raw, words = [], []
    for h in hashes:
        form = _TOKEN_FORMS.get(h)
        if form is None:
            x = strings[h]
            form = _TOKEN_FORMS[h] = (x, norm_token(x) or (x if x in ",;:" else ""))
        raw.append(form[0])
        words.append(form[1])
    return raw, words


def date_matches(ctx: ExtractionContext) -> list[tuple[int, int, dict]]:
    """(start, end, value) of every date in the document.

    The date extractor's facts (the pipeline runs it first); when there are none
    (an extractor called on its own, in a unit test) the date finder directly."""
    facts = ctx.facts.get("date")
    if facts:
        return sorted((f.start, f.end, f.value) for f in facts)
    return sorted((m.start, m.end, m.value) for m in find_dates(ctx.doc.text, anchor_year=ctx.year))


def as_date(iso: str | None) -> dt.date | None:
    """The date of an ISO string, None for none or a malformed one."""
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def has_any(words: Iterable[str], vocab: Iterable[str]) -> bool:
    """Is any of ``words`` in ``vocab``?"""
    v = vocab if isinstance(vocab, (set, frozenset)) else set(vocab)
    return any(w in v for w in words)


def is_aux(words: list[str], k: int, aux: Iterable[str]) -> bool:
    """words[k] is an auxiliary of the set, not the possessive 'zijn' ('in zijn vergadering van 17 april')."""
    if words[k] not in aux:
        return False
    return not (words[k] == "zijn" and k > 0 and words[k - 1] in _POSSESSIVE_PREPS)


_FRONTED_SUBORDINATORS = dutch("subordinators.fronted")


def fronted_subclause_end(words: list[str]) -> int | None:
    """Index after the comma that closes a fronted subordinate clause ('Omdat ..., is X'), or None."""
    if not words or words[0] not in _FRONTED_SUBORDINATORS or "," not in words:
        return None
    return words.index(",") + 1


def section_window(sentences: list[Clause], k: int, back: int, ahead: int) -> list[Clause]:
    """Up to ``back`` sentences before sentence ``k`` (nearest first), then up to ``ahead`` after it, all in
    the same section: a heading ends the window either way."""
    out = []
    for j in range(k - 1, max(-1, k - 1 - back), -1):
        b = sentences[j].block
        if b is not None and b.kind == "heading":
            break
        out.append(sentences[j])
    for j in range(k + 1, min(len(sentences), k + 1 + ahead)):
        b = sentences[j].block
        if b is not None and b.kind == "heading":
            break
        out.append(sentences[j])
    return out
