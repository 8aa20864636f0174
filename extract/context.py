"""What an extractor sees: the document, its anchor year, and earlier extractors' facts.

Every extractor is a function ``extract_x(ctx: ExtractionContext) -> list[Fact]``
registered in :mod:`inkoopgraaf.extract.pipeline`. Extractors run in a fixed
order (places, dates, segments/financing/procedures, decisions, plan changes),
so a later one can use what an earlier one found through ``ctx.facts``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from ..models.facts import Fact
from .document import Document


@dataclass
class ExtractionContext:
    doc: Document
    #: Year that anchors year-less dates: the manifest's year, else the
    #: document's own date as detected by the date extractor (may be None).
    year: int | None = None
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    #: Per-document layers that several extractors share (the segment extractors' state), built once by
    #: :meth:`layer`; ``spacy_doc`` and ``clauses`` are the two every clause reader uses.
    layers: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    #: Set when ``doc`` is one part of a very long document (extract/blocks.py): which part, where it
    #: starts, and the whole document, for what only the whole one has (its header, its title).
    part: Any = None

    @cached_property
    def spacy_doc(self):
        """The document parsed by the project's Dutch pipeline (built on first use)."""
        return self._parsed[0]

    @cached_property
    def token_columns(self):
        """The parse's tokens as arrays (:class:`~inkoopgraaf.extract.nlp.TokenColumns`), read once."""
        return self._parsed[1]

    @cached_property
    def _parsed(self):
        from .nlp import parse_columns
        return parse_columns(self.doc)

    @cached_property
    def clauses(self):
        """The document's sentences as :class:`~inkoopgraaf.extract.clauses.Clause` (built on first use, shared)."""
        from .clauses import build_clauses
        return build_clauses(self)

    def fact(self, type: str, start: int, end: int, value: dict, confidence: float = 0.9) -> Fact:
        """A Fact whose text is exactly the document slice and whose page is looked up."""
        return Fact(doc=self.doc.id, type=type, text=self.doc.text[start:end], start=start, end=end,
                    page=self.doc.page_at(start), value=value, confidence=confidence)

    def layer(self, name: str, build: Callable[["ExtractionContext"], Any]) -> Any:
        """The layer ``name``, built by ``build(self)`` on first use and kept for the document."""
        if name not in self.layers:
            self.layers[name] = build(self)
        return self.layers[name]

    def release(self) -> None:
        """Drop the document's layers once its extraction is done. A layer that refers back to the
        context (the segment state does) closes a reference cycle, which only a pass of the
        collector frees, over every token, clause and match the layers hold; without the layers,
        reference counting frees them at once."""
        self.layers.clear()
        for name in ("_parsed", "spacy_doc", "token_columns", "clauses"):
            self.__dict__.pop(name, None)

    def add(self, facts: list[Fact]) -> None:
        for f in facts:
            self.facts.setdefault(f.type, []).append(f)
