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
    doc = ctx.doc
    out = []
    for sent in ctx.spacy_doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        texts = [t.text for t in toks]
        idxs = [t.idx for t in toks]
        words = [norm_token(x) for x in texts]
        keep = [i for i, w in enumerate(words) if w or texts[i] in ",;:"]
        if not keep:
            continue
        # each token's text, offset and normal form read once (a spaCy attribute read is a C call and an object)
        out.append(Clause(start=idxs[keep[0]], end=idxs[keep[-1]] + len(texts[keep[-1]]),
                          words=[words[i] or texts[i] for i in keep], raw=[texts[i] for i in keep],
                          offsets=[(idxs[i], idxs[i] + len(texts[i])) for i in keep],
                          block=doc.block_at(idxs[keep[0]])))
    return out


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
