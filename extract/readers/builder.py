"""Build a Document's text and blocks together, so offsets are exact by construction.

Every reader appends cleaned pieces through :class:`TextBuilder`; a block's
``start``/``end`` are the builder's offsets before and after its text, so
``doc.text[block.start:block.end]`` is always the block's cleaned text.
"""
from __future__ import annotations

import re

from ..document import Block

_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\S")
_DATE_LINE = re.compile(r"^\d{1,2}\s+\w+\s+\d{4}")      # a date opening the line
_LIST_MARKER = re.compile(r"^\s*(?:[-–•●▪◦*·o]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+)")


class SpaceRuns:
    """Collapses every run of the whitespace characters ``chars`` (a plain space, a tab, and any
    non-ASCII spaces) to one space.

    The pattern matches only the runs that are not already one plain space, so the text is not
    rebuilt at each single space between words (most runs are one); a text without a double
    space and without any of the other characters has nothing to collapse and skips the regex
    (a few ``in`` tests: a Dutch paragraph with an "é" or a "–" is not ASCII, and the regex's
    scan of it cost ~4 µs per block).
    """

    def __init__(self, chars: str) -> None:
        if not {ch for ch in chars if ch.isascii()} <= {" ", "\t"}:
            raise ValueError("the ASCII members of a space run are a space and a tab")
        self.others = tuple(dict.fromkeys(ch for ch in chars if ch != " "))
        others = "".join(re.escape(ch) for ch in self.others)
        every = re.escape(" ") + others
        self.pattern = re.compile(f"[{others}][{every}]*| [{every}]+")

    def collapse(self, text: str) -> str:
        if "  " not in text and (text.isascii() and "\t" not in text
                                 or not any(map(text.__contains__, self.others))):
            return text
        return self.pattern.sub(" ", text)


_SPACES = SpaceRuns(" \t\u00a0")
#: a text that ends in a word broken by a hyphen ("jeugd-", "resultaat-"), not a dash after a space or digit
_BROKEN_WORD_END = re.compile(r"[^\W\d_]-$")


def ends_in_broken_word(text: str) -> bool:
    """Does ``text`` end in a word broken over the line end by a hyphen ("jeugd-"), not in a dash after a
    space or a digit? The text and PDF readers join such a word with the next line. Only the last three
    characters can take part (the letter, the hyphen and a final newline that ``$`` allows), so a growing
    paragraph is not searched from its start for every line joined to it."""
    return _BROKEN_WORD_END.search(text[-3:]) is not None


#: Pieces kept apart before they are joined into one string (see ``write``).
_JOIN_AT = 50_000


class TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self._done: list[str] = []     # earlier pieces joined (a long text: one string per _JOIN_AT pieces)
        self.length = 0
        self.blocks: list[Block] = []
        self.pages: list[tuple[int, int]] = []
        self._table: int | None = None
        self._row = 0
        self._tables = 0
        self._page_start: int | None = None
        self._page: int | None = None

    # -- low level ---------------------------------------------------------
    def write(self, s: str) -> tuple[int, int]:
        start = self.length
        if s:
            self.parts.append(s)
            self.length += len(s)
            if len(self.parts) >= _JOIN_AT:
                # a string per piece costs ~50 bytes beside its text: a 100 MB text's millions of
                # pieces would outweigh the text; the last three stay apart for newline()
                self._done.append("".join(self.parts[:-3]))
                del self.parts[:-3]
        return start, self.length

    def newline(self, n: int = 1) -> None:
        """Ensure the text ends with at least ``n`` newlines (no-op at start)."""
        if not self.length:
            return
        if n == 1 and self.parts and self.parts[-1][-1:] == "\n":   # the usual case: ends in one already
            return
        tail = "".join(self.parts[-3:])[-n:]
        need = n - (len(tail) - len(tail.rstrip("\n")))
        if need > 0:
            self.write("\n" * need)

    # -- pages -------------------------------------------------------------
    def start_page(self, number: int) -> None:
        self.end_page()
        self._page, self._page_start = number, self.length

    def end_page(self) -> None:
        if self._page_start is not None:
            self.pages.append((self._page_start, self.length))
            self._page_start = None

    # -- blocks ------------------------------------------------------------
    def block(self, kind: str, text: str, level: int | None = None) -> Block | None:
        text = _SPACES.collapse(text).strip()
        if not text:
            return None
        self.end_table()
        self.newline()
        s, e = self.write(text)
        b = Block(kind, s, e, level=level, page=self._page)
        self.blocks.append(b)
        self.write("\n")
        return b

    def table_row(self, cells: list[str]) -> Block | None:
        cells = [_SPACES.collapse(c).strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not any(cells):
            return None
        if self._table is None:
            self._table, self._row = self._tables, 0
            self._tables += 1
        self.newline()
        row_start = self.length
        spans = []
        for i, c in enumerate(cells):
            if i:
                self.write("\t")
            spans.append(self.write(c))
        b = Block("table_row", row_start, self.length, cells=spans, table=self._table,
                  row=self._row, page=self._page)
        self._row += 1
        self.blocks.append(b)
        self.write("\n")
        return b

    def end_table(self) -> None:
        self._table = None

    def build(self) -> tuple[str, list[Block], list[tuple[int, int]]]:
        self.end_page()
        return "".join(self._done + self.parts), self.blocks, self.pages


def classify_line(line: str, prev_blank: bool, next_blank: bool) -> tuple[str, int | None]:
    """Guess the block kind of one line of plain text: heading, list_item or paragraph.

    Headings are short lines without closing punctuation that stand alone
    (blank line before or after); a numbered heading ``3.5 Visie`` gets level
    2 from its number. Used by the text and PDF readers.
    """
    stripped = line.strip()
    marker, numbered = _LIST_MARKER.match(line), _NUMBERED_HEADING.match(stripped)
    if marker and not numbered:
        return "list_item", None
    short = len(stripped) <= 100 and not stripped.endswith((".", ",", ";", ":")) and len(stripped.split()) <= 14
    if numbered and short and not _DATE_LINE.match(stripped):
        # "1 januari 2022: ..." is a date line, not heading 1
        return "heading", numbered.group(1).count(".") + 1
    if marker:
        return "list_item", None
    if short and (prev_blank or next_blank) and stripped[:1].isupper() or short and prev_blank and next_blank:
        return "heading", None
    return "paragraph", None


def is_list_item(line: str) -> bool:
    """Does :func:`classify_line` make ``line`` a list item? (That never depends on the blank lines
    around it.) Most lines have no list marker and are answered by one match."""
    return bool(_LIST_MARKER.match(line)) and classify_line(line, False, False)[0] == "list_item"
