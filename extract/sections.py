"""Where a phrase stands in a Document: section, table row/column, list.

Procurement strategies put their decisions in structure: a section "Segment
Ambulant" followed by a two-column table whose rows say "Financieel kader |
...", "Vorm aanbesteding | ..."; a table "Segment | Bekostigingsvariant" with
one row per segment; a table with one column per perceel; a bulleted list of
sub-segments under a segment. :class:`Structure` turns the reader's blocks into
look-ups that answer, for any character offset, which spans govern it:

    st = Structure(doc)
    p = st.place(offset)
    p.block, p.kind                 # the block and its kind
    p.cell, p.row_label             # (start, end) of its own cell and of its row's first cell
    p.column_header                 # spans of the same column in earlier rows (nearest first)
    p.table_title                   # a one-cell first row of the table ("Segment Ambulant")
    p.table_header                  # spans of the table's first multi-cell row
    p.lead_in                       # the paragraph/heading right before the table or list
    p.list_intro                    # for list items: the block that introduces the list
    p.headings                      # the heading chain, innermost first
    p.row_cells                     # every cell span of its row
Spans are (start, end) offsets into ``doc.text``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .document import Block, Document

Span = tuple[int, int]


class ColumnAbove(Sequence):
    """The spans of one column in the earlier rows of a table, nearest first, made on demand:
    a list per place is as long as the table, so building one per mention was quadratic over a
    long table (a text whose every line holds a tab is one table)."""

    __slots__ = ("_rows", "_ci", "_row", "_spans")

    def __init__(self, rows: list[Block], ci: int, row: int | None):
        self._rows, self._ci, self._row, self._spans = rows, ci, row, None

    def __iter__(self) -> Iterator[Span]:
        if self._spans is not None:
            yield from self._spans
            return
        ci, row = self._ci, self._row
        if row is None:
            return
        for r in reversed(self._rows):
            if r.row is not None and r.row < row and len(r.cells) > ci:
                yield r.cells[ci]

    def _list(self) -> list[Span]:
        if self._spans is None:
            self._spans = list(iter(self))
        return self._spans

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, i):
        return self._list()[i]

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._list())


@dataclass
class Place:
    offset: int
    block: Block | None
    kind: str | None
    cell: Span | None = None
    cell_index: int | None = None
    row_label: Span | None = None
    row_cells: list[Span] = field(default_factory=list)
    column_header: Sequence[Span] = field(default_factory=list)
    table_title: Span | None = None
    table_header: list[Span] = field(default_factory=list)
    lead_in: Span | None = None
    list_intro: Span | None = None
    headings: list[Block] = field(default_factory=list)


class Structure:
    """Section tree and table/list look-ups over one Document's blocks."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.blocks = sorted(doc.blocks, key=lambda b: b.start)
        self.index = {id(b): i for i, b in enumerate(self.blocks)}
        self.tables: dict[int, list[Block]] = {}
        self._row_order: dict[int, list[int]] = {}
        self._cell_starts: dict[int, list[int]] = {}
        self._column_hits: dict[tuple[int, int, str], tuple[list[tuple[int, object]], list[int]]] = {}
        for b in self.blocks:
            if b.kind == "table_row" and b.table is not None:
                self.tables.setdefault(b.table, []).append(b)
        # heading chain per block, computed in one pass (outline semantics of Document.headings_before)
        self._chains: list[list[Block]] = []
        chain: list[Block] = []
        for b in self.blocks:
            if b.kind == "heading":
                lvl = b.level or 9
                chain = list(chain)        # earlier blocks keep their own chain
                while chain and (chain[-1].level or 9) >= lvl:
                    chain.pop()
                chain = chain + [b]
            self._chains.append(chain)

    def text(self, span: Span | None) -> str:
        return self.doc.text[span[0]:span[1]] if span else ""

    def block_index(self, block: Block) -> int:
        return self.index[id(block)]

    def headings_for(self, block: Block | None, offset: int) -> list[Block]:
        """Heading chain governing ``offset`` (innermost first), excluding the block itself."""
        if block is None:
            chain = self.doc.headings_before(offset)
        else:
            chain = self._chains[self.block_index(block)]
            if chain and chain[-1] is block:
                chain = chain[:-1]
        return list(reversed(chain))

    def previous_block(self, block: Block, skip_kinds: tuple[str, ...] = ()) -> Block | None:
        i = self.block_index(block) - 1
        while i >= 0:
            b = self.blocks[i]
            if b.kind not in skip_kinds:
                return b
            i -= 1
        return None

    def list_run_start(self, block: Block) -> Block:
        """First block of the run of list items (or numbered headings) that ``block`` belongs to."""
        i = self.block_index(block)
        kind = block.kind
        while i > 0:
            prev = self.blocks[i - 1]
            if prev.kind != kind or (kind == "heading" and prev.level != block.level):
                break
            i -= 1
        return self.blocks[i]

    def cell_index(self, block: Block, offset: int) -> int | None:
        """``Document.cell_index`` by bisection over the row's cells (a scan per mention was
        quadratic over a long row); a row whose cells are out of order or overlap is scanned."""
        starts = self._cell_starts.get(id(block))
        if starts is None:
            cells = block.cells
            ok = all(max(e, s + 1) <= cells[i + 1][0] for i, (s, e) in enumerate(cells[:-1]))
            starts = self._cell_starts[id(block)] = [s for s, _ in cells] if ok else []
        if not starts:
            return self.doc.cell_index(block, offset)
        i = bisect_right(starts, offset) - 1
        if i >= 0:
            s, e = block.cells[i]
            if offset < max(e, s + 1):
                return i
        return None

    def column_first(self, place: Place, key: str, pred: Callable[[Span], object]) -> tuple[Span, object] | None:
        """The first span of ``place.column_header`` (nearest first) for which ``pred`` is truthy,
        with that value; None when there is none. ``key`` names ``pred``, which must depend on the
        span alone: its hits are found once per table column, so a long table's mentions do not
        each rescan the column above them. Rows out of order fall back to the plain scan."""
        b, ci = place.block, place.cell_index
        if b is None or ci is None or b.row is None or b.table not in self.tables:
            return next(((c, v) for c in place.column_header if (v := pred(c))), None)
        rows = self.tables[b.table]
        order = self._row_order.get(b.table)
        if order is None:
            nums = [r.row for r in rows]
            ordered = all(n is not None for n in nums) and all(x < y for x, y in zip(nums, nums[1:]))
            order = self._row_order[b.table] = nums if ordered else []
        if not order:
            return next(((c, v) for c in place.column_header if (v := pred(c))), None)
        memo = self._column_hits.setdefault((b.table, ci, key), ([], [-1]))
        hits, last = memo          # hits: (row index, value) in order; last[0]: rows looked at up to
        n = bisect_left(order, b.row)          # rows with a smaller row number
        for j in range(last[0] + 1, n):
            r = rows[j]
            if len(r.cells) > ci and (v := pred(r.cells[ci])):
                hits.append((j, v))
        last[0] = max(last[0], n - 1)
        k = bisect_left(hits, (n,)) - 1        # the nearest hit above: the last with row index < n
        return (rows[hits[k][0]].cells[ci], hits[k][1]) if k >= 0 else None

    def place(self, offset: int) -> Place:
        b = self.doc.block_at(offset)
        p = Place(offset=offset, block=b, kind=b.kind if b else None)
        p.headings = self.headings_for(b, offset)
        if b is None:
            return p
        if b.kind == "table_row":
            ci = self.cell_index(b, offset)
            p.cell_index = ci
            p.row_cells = list(b.cells)
            if ci is not None:
                p.cell = b.cells[ci]
                if ci > 0:
                    p.row_label = b.cells[0]
            rows = self.tables.get(b.table, [])
            if rows and len(rows[0].cells) == 1 and rows[0] is not b:
                p.table_title = rows[0].cells[0]
            header = next((r for r in rows if len(r.cells) > 1), None)
            if header is not None and header is not b:
                p.table_header = list(header.cells)
            if ci is not None:
                p.column_header = ColumnAbove(rows, ci, b.row)
            first = rows[0] if rows else b
            prev = self.previous_block(first)
            if prev is not None and prev.kind != "table_row":
                p.lead_in = (prev.start, prev.end)
        elif b.kind in ("list_item", "heading"):
            first = self.list_run_start(b)
            prev = self.previous_block(first)
            if prev is not None and (b.kind == "list_item" or first is not b):
                p.list_intro = (prev.start, prev.end)
                p.lead_in = p.list_intro
        return p
