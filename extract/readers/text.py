"""Plain text and Markdown reader.

Real strategy texts arrive as text exported from web pages and Word files:
they carry inline HTML (``<i>``, ``<u>``, ``<p>``, ``<ol>``/``<ul>`` lists inside
table cells), markdown emphasis (``**...**``, ``*...*``) and tab-separated
table rows. This reader cleans all of it into plain text and blocks; because
the cleaned text is built piece by piece, every block offset is exact.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..document import Document, ReadError, sha256_file
from ..regex_shapes import trie_pattern
from .builder import TextBuilder, classify_line, ends_in_broken_word
from .encoding import NotText, decode_text, decoded_chunks, stream_encoding

_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# list items glued together inside a cell: "<ul>- Ontwikkelen- Stabiliseren- Beschermd Thuis"
_GLUED_ITEM = re.compile(r"(?<=[\w).])- (?=[A-Z0-9])")
# Markdown pipe tables: "| a | b |" rows, a "|---|:--:|" alignment row under the header
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_ALIGN_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# HTML element names: a "<" before anything else is text, not a tag ("de gemeenten <Blaricum,
# Huizen en Laren>" in a contract template, "<datum besluit>" placeholders, "a < b")
HTML_ELEMENT_NAMES = frozenset(
    "a abbr address b big blockquote body br caption center cite code col colgroup dd del dfn div dl dt em font "
    "h1 h2 h3 h4 h5 h6 head hr html i img ins kbd li mark meta ol p pre q s samp small span strike strong sub sup "
    "table tbody td tfoot th thead title tr tt u ul var wbr link script style section article header footer nav "
    "main aside figure figcaption label input form button select option textarea".split())
# the names factored on their prefixes (regex_shapes.trie_pattern: the same names, each first letter tried once)
_HTML_ELEMENTS = trie_pattern(HTML_ELEMENT_NAMES)
_NOT_A_TAG = re.compile(r"<(?!/?(?:" + _HTML_ELEMENTS + r")\b[^<>]*>|!--|!doctype)", re.I)
_LIST_TAGS = {"ul", "ol"}
_BREAK_TAGS = {"p", "br", "li", "div", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}


class _InlineHTML(HTMLParser):
    """Strip inline tags from one line; block tags become a separator."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.list_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _LIST_TAGS:
            self.list_depth += 1
        if tag in _BREAK_TAGS:
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in _LIST_TAGS:
            self.list_depth = max(0, self.list_depth - 1)
        if tag in _BREAK_TAGS:
            self.out.append(" ")

    def handle_data(self, data):
        if self.list_depth:
            # "- Ontwikkelen- Stabiliseren" → "Ontwikkelen; Stabiliseren"
            data = _GLUED_ITEM.sub("; ", data)
            data = re.sub(r"^\s*-\s+", "", data)
        self.out.append(data)


def clean_inline(line: str) -> str:
    """Remove inline HTML and markdown emphasis from one line of text."""
    if "<" in line or "&" in line:
        p = _InlineHTML()
        p.feed(_NOT_A_TAG.sub("&lt;", line))
        p.close()
        line = "".join(p.out)
        line = html.unescape(line) if "&" in line else line
    if "*" in line or "__" in line:
        line = _EMPHASIS.sub("", line)
    return line


def markdown_cells(line: str) -> list[str] | None:
    """Cells of a Markdown pipe-table row ("| a | b |"), or None when the line is not one.

    Escaped pipes (``\\|``) stay inside their cell. The alignment row
    (``|---|:---:|``) is not a row of the table: it returns ``[]``.
    """
    if not _MD_TABLE_ROW.match(line) or line.strip() == "|":
        return None
    if _MD_ALIGN_ROW.match(line):
        return []
    inner = line.strip()[1:-1]
    return [c.replace("\\|", "|") for c in _MD_CELL_SPLIT.split(inner)]


def build_from_lines(lines, builder: TextBuilder | None = None) -> TextBuilder:
    """Turn lines of plain text into blocks (the text and Markdown reader; the PDF reader has its own layout).

    ``lines`` may be any iterable (a stream of a long file's lines): a line's kind needs
    only whether the lines before and after it are blank."""
    b = builder or TextBuilder()
    it = _join_broken_words(iter(lines))
    raw = next(it, None)
    prev_blank = True
    while raw is not None:
        nxt = next(it, None)
        _add_line(b, raw, prev_blank, nxt is None or not nxt.strip())
        prev_blank, raw = not raw.strip(), nxt
    return b


def _join_broken_words(lines):
    """Lines with a word broken over the line end joined again ("resultaat-" + "gericht bekostigd" ->
    "resultaatgericht bekostigd"), as the PDF reader does: text exported from a PDF keeps the printed
    hyphenation, and a care or financing word split in two is no longer found. Only a next line that
    goes on in lower case continues the word (the PDF reader's rules decide whether the hyphen stays:
    'Wmo-' + 'verstrekking', 'Gezins-' + 'en opvoedhulp')."""
    from .pdf import join_hyphenated      # the PDF reader builds on this module: import on first use
    pending = None
    for raw in lines:
        if pending is not None:
            nxt = raw.strip()
            if nxt[:1].islower():
                pending = join_hyphenated(pending.rstrip()[:-1], nxt)
                if ends_in_broken_word(pending):
                    continue
                raw, pending = pending, None
            else:
                yield pending
                pending = None
        if ends_in_broken_word(raw.rstrip("\r\n")):
            pending = raw.rstrip("\r\n")
            continue
        yield raw
    if pending is not None:
        yield pending


def _add_line(b: TextBuilder, raw: str, prev_blank: bool, next_blank: bool) -> None:
    if not raw.strip():
        b.end_table()
        return
    if "\t" in raw.strip("\n") and raw.strip("\t \n"):
        b.table_row([clean_inline(c) for c in raw.rstrip("\n").split("\t")])
        return
    md_cells = markdown_cells(raw)
    if md_cells is not None:
        # a pipe table is a table like a tab-separated one: cells become table_row cells
        if md_cells:
            b.table_row([clean_inline(c) for c in md_cells])
        return
    line = clean_inline(raw)
    if not line.strip():
        return
    m = _MD_HEADING.match(line.strip())
    if m:
        b.block("heading", m.group(2), level=len(m.group(1)))
        return
    kind, level = classify_line(line, prev_blank, next_blank)
    b.block(kind, line, level=level)


#: Files larger than this are decoded and split into lines in a stream of chunks of this size,
#: never holding the file's bytes, its decoded text and its lines at once.
STREAM_BYTES = 8 * 1024 * 1024


def read_text(path: Path) -> Document:
    path = Path(path)
    if path.stat().st_size > STREAM_BYTES:
        lines = _streamed_lines(path, STREAM_BYTES)
    else:
        try:
            text, _ = decode_text(path.read_bytes())
        except NotText as exc:
            raise ReadError(path, str(exc)) from exc
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    clean, blocks, _ = build_from_lines(lines).build()
    fmt = path.suffix.lower().lstrip(".") or "txt"
    return Document(id=path.stem, path=str(path), sha256=sha256_file(path),
                    format=fmt, text=clean, pages=[], blocks=blocks)


def _streamed_lines(path: Path, chunk: int):
    """The lines of a long text file, decoded chunk by chunk with the encoding ``decode_text``
    would choose for the whole file (checked on the fly: a file that turns out not to be UTF-8
    is read again as Windows-1252), line ends as in the whole-file reader."""
    try:
        codec = stream_encoding(path, chunk)
    except NotText as exc:
        raise ReadError(path, str(exc)) from exc
    carry = ""
    for text in decoded_chunks(path, codec, chunk):
        text = carry + text
        carry = ""
        if text.endswith("\r"):          # a CRLF split over two chunks stays one line end
            text, carry = text[:-1], "\r"
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        carry = lines.pop() + carry
        yield from lines
    yield from carry.replace("\r\n", "\n").replace("\r", "\n").split("\n")
