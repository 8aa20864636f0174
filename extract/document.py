"""The Document every reader produces, and structural look-ups over it.

A reader turns one file into one :class:`Document`: the extracted ``text``
(all fact offsets point into it), page offset ranges, and ``blocks`` —
headings, paragraphs, list items and table rows (with cell spans) — with
character offsets. Extractors use the blocks to know *where* a phrase stands:
under which heading, in which table row or column, in which list.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row")


class ReadError(Exception):
    """A file could not be turned into a Document. The message says why."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass(slots=True)
class Block:
    kind: str                      # one of BLOCK_KINDS
    start: int
    end: int
    level: int | None = None       # heading level (1 = top) or list depth
    cells: list[tuple[int, int]] = field(default_factory=list)  # table_row: cell spans
    table: int | None = None       # table_row: index of its table in the document
    row: int | None = None         # table_row: index of the row in its table
    page: int | None = None

    def to_json(self) -> dict:
        d = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.level is not None:
            d["level"] = self.level
        if self.cells:
            d["cells"] = [list(c) for c in self.cells]
        if self.table is not None:
            d["table"], d["row"] = self.table, self.row
        if self.page is not None:
            d["page"] = self.page
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Block":
        return cls(kind=d["kind"], start=d["start"], end=d["end"], level=d.get("level"),
                   cells=[tuple(c) for c in d.get("cells", [])], table=d.get("table"),
                   row=d.get("row"), page=d.get("page"))


@dataclass
class Document:
    id: str                                   # file stem
    path: str
    sha256: str
    format: str                               # txt, md, html, pdf, docx
    text: str
    pages: list[tuple[int, int]] = field(default_factory=list)  # page i+1 = text[s:e]
    blocks: list[Block] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # manifest row (title, year, region...) if any
    _block_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _page_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _outline: tuple[list[int], list[tuple[Block, ...]]] | None = field(default=None, repr=False, compare=False)

    # -- look-ups -----------------------------------------------------------
    def page_at(self, offset: int) -> int | None:
        """1-based page number of a character offset, or None for unpaged formats."""
        if not self.pages:
            return None
        if self._page_starts is None or len(self._page_starts) != len(self.pages):
            self._page_starts = [s for s, _ in self.pages]
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return max(i, 0) + 1

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset`` (blocks do not overlap)."""
        starts = self._indexed_block_starts()
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i]
        return None

    def blocks_at(self, offsets: list[int]) -> list[Block | None]:
        """:meth:`block_at` of each offset, in one pass (the clause layer asks once per sentence)."""
        starts = self._indexed_block_starts()
        if not starts:
            return [None] * len(offsets)
        ends = numpy.array([max(b.end, b.start + 1) for b in self.blocks], dtype=numpy.int64)
        at = numpy.asarray(offsets, dtype=numpy.int64)
        i = numpy.searchsorted(numpy.asarray(starts, dtype=numpy.int64), at, side="right") - 1
        inside = (i >= 0) & (at < ends[numpy.maximum(i, 0)])
        return [self.blocks[k] if ok else None for k, ok in zip(i.tolist(), inside.tolist())]

    def first_block_from(self, offset: int) -> int:
        """Index in ``blocks`` (sorted by start) of the first block starting at or after ``offset``
        (``len(blocks)`` when none does): a look-up by bisection instead of a walk from the first block."""
        return bisect.bisect_left(self._indexed_block_starts(), offset)

    def _indexed_block_starts(self) -> list[int]:
        """The blocks' starts, the blocks sorted by start first (again when blocks were added)."""
        if self._block_starts is None or len(self._block_starts) != len(self.blocks):
            self.blocks.sort(key=lambda b: b.start)
            self._block_starts = [b.start for b in self.blocks]
            self._outline = None          # the block order may have changed
        return self._block_starts

    def headings_before(self, offset: int) -> list[Block]:
        """The heading chain that governs ``offset``: outermost first.

        A heading of level L closes every open heading of level >= L, as in an
        outline. Headings without a level count as level 9 (innermost).
        """
        reach, chains = self._heading_outline()
        # blocks are walked in list order up to the first one that starts after ``offset``
        return list(chains[bisect.bisect_right(reach, offset)])

    def _heading_outline(self) -> tuple[list[int], list[tuple[Block, ...]]]:
        """Running maximum of block starts, and the open heading chain before each block.

        ``chains[k]`` is the chain after walking ``blocks[:k]``; the first block starting
        after an offset is found by bisecting the running maximum, so a look-up costs
        O(log n) instead of a walk over all blocks (plan changes ask once per sentence).
        """
        if self._outline is not None and len(self._outline[1]) == len(self.blocks) + 1:
            return self._outline
        reach: list[int] = []
        chains: list[tuple[Block, ...]] = [()]
        chain: list[Block] = []
        top = None
        for b in self.blocks:
            top = b.start if top is None or b.start > top else top
            reach.append(top)
            if b.kind == "heading":
                lvl = b.level or 9
                while chain and (chain[-1].level or 9) >= lvl:
                    chain.pop()
                chain.append(b)
                chains.append(tuple(chain))
            else:
                chains.append(chains[-1])
        self._outline = (reach, chains)
        return self._outline

    def table_rows(self, table: int) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table_row" and b.table == table]

    def cell_index(self, block: Block, offset: int) -> int | None:
        for i, (s, e) in enumerate(block.cells):
            if s <= offset < max(e, s + 1):
                return i
        return None

    def cell_text(self, block: Block, i: int) -> str:
        s, e = block.cells[i]
        return self.text[s:e]

    def iter_blocks(self, kind: str | None = None) -> Iterator[Block]:
        for b in self.blocks:
            if kind is None or b.kind == kind:
                yield b

    def to_json(self) -> dict:
        return {"id": self.id, "path": self.path, "sha256": self.sha256, "format": self.format,
                "text": self.text, "pages": [list(p) for p in self.pages],
                "blocks": [b.to_json() for b in self.blocks], "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> "Document":
        return cls(id=d["id"], path=d["path"], sha256=d["sha256"], format=d["format"],
                   text=d["text"], pages=[tuple(p) for p in d.get("pages", [])],
                   blocks=[Block.from_json(b) for b in d.get("blocks", [])], meta=d.get("meta", {}))


def sha256_file(path: Path | str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
