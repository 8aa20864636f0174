"""PDF reader: pypdfium2 for text and ruled tables; pdfplumber as reference table engine.

Why pdfium: it extracts text 37–70× faster than pdfplumber, keeps two-column
layouts in reading order and tolerates damaged files (a broken
cross-reference table still yields every page).

Tables (measured on /work/shared/pdf, 196 pages, ``bench/bench_reading.py``):
pdfplumber's ``find_tables`` on the 51 pages with enough ruling lines cost
~90% of the reading time (ours 12.0 s CPU vs pdfplumber ``extract_text``
27.3 s: only 2.3×). The options weighed:

1. A stricter pre-filter (rulings that close ≥ 2 corner-sharing cells, not a
   count of rulings) passes 47 pages instead of 51; 43 hold tables. pdfplumber would
   still cost ~140 ms on each, because it parses the whole page in Python.
2. pdfplumber cropped to the grid with explicit ``lines`` settings measured
   153 ms per table page against 140 ms plain: pdfminer's page parse, not
   the table search, is the cost, and cropping happens after it.
3. Building the grid from pdfium's own path objects and filling cells from
   pdfium's character boxes — chosen: 1.8 s CPU in total, 15× faster than
   ``extract_text`` (the table step takes ~11 ms on a page with a table and
   <1 ms on one without), with the same 72 tables and 402 rows on the
   shared PDFs.

The grid algorithm is pdfplumber's "lines" strategy re-done on pdfium
geometry (:func:`_pdfium_tables`): axis-parallel path segments (lines,
rectangle sides, hairline filled bars, inside form XObjects too) are snapped
and joined, crossings become points, the smallest closed rectangles become
cells, corner-sharing cells a table, and rows are laid on the table's common
column grid (a spanned slot stays empty, so cell *i* is column *i*). That the
grid must close real cells is the filter: a framed text box, underlines or
boxes side by side make no table (a 1×n "table" is left to the text flow).
Each character goes to the cell holding its centre (pdfplumber's rule:
pdfium's ``get_text_bounded`` takes every glyph that touches the cell, so a
letter leaning over a ruling lands in two cells); slanted characters, such as
a diagonal "CONCEPT" watermark, are not cell text. On the shared PDFs 96.7% of
cells are identical to pdfplumber's; the rest are improvements (watermark
letters gone, no text duplicated into overlapping cells, "P roduct" →
"Product").

pdfplumber (a project dependency) stays as the reference engine:
``read_pdf(path, table_engine="pdfplumber")`` gives the former behaviour, for
cross-checking the pdfium tables in tests and on new documents.

pdfium gives lines, not paragraphs. Each line's first character carries its
font size, weight and box; from those the reader groups wrapped lines into
paragraphs, recognises headings (larger or bold short text), list items
(bullet markers) and drops running headers/footers and page numbers.
Line-end hyphenation is undone with Dutch-aware rules (:func:`join_hyphenated`).
"""
from __future__ import annotations

import bisect
import contextlib
import ctypes
import functools
import gzip
import importlib.resources
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..document import Document, ReadError, sha256_file
from ...models.gc_pause import collector_paused
from .builder import SpaceRuns, TextBuilder, classify_line, ends_in_broken_word, is_list_item
from .pdfium_calls import OutArray, accelerator, address, addresses, api

# pdfium marks a hyphen it judged to be line-end hyphenation with U+FFFE (some
# builds: U+0002) and drops the line break after it.
_PDFIUM_SOFT_HYPHEN = "\ufffe\x02"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = SpaceRuns(" \t\u00a0\u2009\u202f")
# coordination ellipsis: "Gezins- en opvoedhulp", "Wmo- of Jeugdwet-", "jeugd- tot ..."
_COORDINATORS = {"en", "of", "tot", "en/of", "t/m", "noch", "dan", "als"}
_VOWELS = set("aeiouy")
_DIAERESIS = set("ëïöüä")
_PAGE_NUMBER = re.compile(r"^\W*(?:pagina|page|blz\.?|p\.)?\s*\d{1,4}(?:\s*(?:/|van|of|\|)\s*\d{1,4})?\W*$",
                          re.IGNORECASE)
_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s)\s*\d{1,3}$")
_TERMINAL = (".", "!", "?", ":", ";")
_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s")
_TOC_ENTRY_START = re.compile(r"^(\d+(\.\d+)*|bijlage\s+\d+)", re.I)
# compiled once: the module-level re functions look the pattern up in re's cache at every call
_WHITESPACE_CHAR = re.compile(r"\s")
_SOFT_HYPHEN_MARK = re.compile("[\ufffe\x02]")            # _PDFIUM_SOFT_HYPHEN
_SOFT_HYPHEN_BREAK = re.compile("[\ufffe\x02]\n?")

# Reference engine only: a lines-strategy table needs a grid: >= 3 horizontal
# and >= 3 vertical rulings make the smallest 2×2 table. Pages with less
# drawing cannot hold such a table, so pdfplumber (≈150 ms/page) skips them.
_MIN_RULINGS = 3


class _Line:
    __slots__ = ("text", "size", "bold", "x0", "x1", "top", "bottom", "base", "end_base", "page_height")

    def __init__(self, text, size=0.0, bold=False, x0=0.0, x1=0.0, top=0.0, bottom=0.0, base=0.0,
                 end_base=None, page_height=0.0):
        self.text, self.size, self.bold = text, size, bold
        self.x0, self.x1, self.top, self.bottom, self.page_height = x0, x1, top, bottom, page_height
        # baselines (pdf y grows upwards) of the first and the last character:
        # a pdfium "line" joined at a soft hyphen spans two printed lines
        self.base = base
        self.end_base = base if end_base is None else end_base

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, self.size * 0.7, 1.0)


@dataclass
class _Table:
    bbox: tuple[float, float, float, float]   # pdf coordinates: left, bottom, right, top
    rows: list[list[str]]
    emitted: bool = False

    def contains(self, line: _Line) -> bool:
        l, b, r, t = self.bbox
        cy = (line.top + line.bottom) / 2
        return l - 2 <= line.x0 <= r + 2 and b - 2 <= cy <= t + 2


# -- hyphenation --------------------------------------------------------------

def join_hyphenated(left: str, right: str) -> str:
    """Join ``left`` ending in a line-end hyphen (hyphen removed) with ``right``.

    ``jeugd`` + ``hulp`` → ``jeugdhulp``; ``Gezins`` + ``en opvoedhulp`` →
    ``Gezins- en opvoedhulp`` (coordination: the hyphen is real and a word
    follows); ``Wmo`` + ``verstrekking`` → ``Wmo-verstrekking`` (acronyms and
    names keep their hyphen); ``zee`` + ``egel`` → ``zee-egel`` (Dutch keeps the
    hyphen where vowels clash); URLs keep their hyphen.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not right:
        return left + "-"
    next_word = right.split(None, 1)[0].rstrip(",.;:")
    fragment = _WHITESPACE_CHAR.split(left)[-1] if left else ""
    if next_word.lower() in _COORDINATORS:
        # "Gezins- en opvoedhulp" is coordination, but "opgroei-" + "en zoveel"
        # is the word "opgroeien" broken before its ending: ask the lexicon.
        if fragment[:1].islower() and (fragment + next_word).lower() in _dutch_words():
            return left + right
        return f"{left}- {right}"
    keep = (
        not fragment
        or not fragment[-1].isalpha()
        or not right[0].isalpha()
        or right[0].isupper()
        or any(ch.isupper() or ch.isdigit() for ch in fragment)        # Wmo-, VOT-, J42-
        or any(m in fragment for m in ("/", "www", "@", "http", "."))  # URLs, e-mail
        or (fragment[-1].lower() in _VOWELS and right[0].lower() in _VOWELS)
    )
    if any(ch in _DIAERESIS for ch in right[:2]):   # "ide-eën": the diaeresis already marks the break
        keep = False
    return f"{left}-{right}" if keep else left + right


@functools.lru_cache(maxsize=1)
def _dutch_words() -> frozenset[str]:
    """Dutch word forms from spacy-lookups-data (≈320k forms: its lemma table's forms and lemmas,
    loaded once per process when first asked, ~0.15 s)."""
    try:
        data = importlib.resources.files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
        text = gzip.decompress(data.read_bytes()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset()
    words = _flat_table_strings(text)
    if words is not None:
        return words
    try:
        table = json.loads(text)
    except ValueError:
        return frozenset()
    return frozenset(table) | frozenset(table.values())


def _flat_table_strings(text: str) -> frozenset[str] | None:
    """The keys and values of ``text``, a JSON object of strings, without parsing it: split at
    its quotes, every second piece is a string (json.loads and the two frozensets of keys and
    values took ~0.25 s, this ~0.15 s). None when the text is not of that plain form (an escape
    anywhere, or between the strings anything but ``{``, ``:``, ``,``, ``}`` in that order and
    JSON's whitespace): the caller then parses it."""
    if "\\" in text:
        return None
    pieces = text.split('"')
    if len(pieces) < 5 or len(pieces) % 4 != 1:      # {"k": "v"}: 5 pieces, 4 more per pair
        return None

    def only(glue: set[str], mark: str) -> bool:
        return all(g.strip(" \t\n\r") == mark for g in glue)

    if not (only({pieces[0]}, "{") and only({pieces[-1]}, "}") and only(set(pieces[2::4]), ":")
            and only(set(pieces[4:-1:4]), ",")):
        return None
    return frozenset(pieces[1::2])


def _resolve_soft_hyphens(text: str) -> str:
    """Undo pdfium's in-line soft-hyphen markers with :func:`join_hyphenated`."""
    if "\ufffe" not in text and "\x02" not in text:   # _PDFIUM_SOFT_HYPHEN
        return text
    parts = _SOFT_HYPHEN_MARK.split(text)
    out = parts[0]
    for part in parts[1:]:
        out = join_hyphenated(out, part)
    return out


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one paragraph: hyphenated ends merge, others get a space."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif ends_in_broken_word(out) and not out.endswith("--"):
            out = join_hyphenated(out[:-1], line)
        else:
            out = f"{out} {line}"
    return out


# -- pdfium access ------------------------------------------------------------

def _open(path: Path):
    import pypdfium2 as pdfium

    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise ReadError(path, "not a PDF file (no %PDF header): wrong extension or a damaged download")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        import pypdfium2.raw as c

        if code == c.FPDF_ERR_PASSWORD:
            raise ReadError(path, "encrypted PDF: needs a password") from exc
        if code == c.FPDF_ERR_SECURITY:
            raise ReadError(path, "encrypted PDF: unsupported security handler") from exc
        if code == c.FPDF_ERR_FORMAT:
            raise ReadError(path, "damaged PDF: not in PDF format or corrupted beyond repair "
                                  "(truncated download?)") from exc
        raise ReadError(path, f"PDF could not be opened: {exc}") from exc


class _PageText:
    """A page's characters as pdfium counts them and its text, read once for lines and table cells.

    pdfium's text leaves out control characters, so a text index is in general
    not a character index. When the text has one entry per character and the
    last character's text index is its own index, none was left out (text
    indices rise with character indices), and the text itself gives each
    character's code: pdfium writes a character's code into the text except
    for U+FFFE, its mark of a line-end hyphen (code 2) or of a glyph without
    code point (code 0), which is asked of pdfium. Otherwise every code is
    asked, one call per character as before.
    """

    __slots__ = ("handle", "count", "text", "aligned", "_codes")

    def __init__(self, textpage) -> None:
        self.handle = address(textpage)
        self.count = max(textpage.count_chars(), 0)
        self.text = textpage.get_text_range(0, self.count) if self.count else ""
        self.aligned = (len(self.text) == self.count > 0
                        and api().FPDFText_GetTextIndexFromCharIndex(self.handle, self.count - 1) == self.count - 1)
        self._codes: list[int] | None = None

    @classmethod
    def loaded(cls, handle: int, count: int, text: str, aligned: bool) -> "_PageText":
        """The same from the values _pdfium_batch.c's load_page read (no pypdfium2 objects)."""
        chars = cls.__new__(cls)
        chars.handle, chars.count, chars.text, chars.aligned = handle, count, text, aligned
        chars._codes = None
        return chars

    def char_index(self, text_index: int) -> int:
        """The character index of position ``text_index`` of :attr:`text` (-1 when pdfium has none)."""
        if self.aligned:
            return text_index
        return api().FPDFText_GetCharIndexFromTextIndex(self.handle, text_index)

    def codes(self) -> list[int]:
        """Every character's code point, as ``FPDFText_GetUnicode`` gives it."""
        if self._codes is None:
            unicode, h = api().FPDFText_GetUnicode, self.handle
            if self.aligned:
                codes = list(map(ord, self.text))
                i = self.text.find("\ufffe")
                while i >= 0:   # pdfium's mark: the code itself is asked
                    codes[i] = unicode(h, i)
                    i = self.text.find("\ufffe", i + 1)
                self._codes = codes
            else:
                self._codes = [unicode(h, i) for i in range(self.count)]
        return self._codes


class _CharStyle:
    """Reads the style and box of single characters (a line's first and last) into reused buffers."""

    def __init__(self, chars: _PageText) -> None:
        self.handle, self.fn = chars.handle, api()
        self.box, self.matrix, self.origin = OutArray(4), OutArray(6), OutArray(2, ctypes.c_double)

    def effective_size(self, index: int) -> float:
        """Font size as printed: the Tf size times the text matrix's vertical scale.

        pdfium's FPDFText_GetFontSize returns the bare Tf operand; many producers
        write ``1 Tf`` and scale through the matrix, so the bare value says nothing.
        """
        size = self.fn.FPDFText_GetFontSize(self.handle, index)
        if self.fn.FPDFText_GetMatrix(self.handle, index, self.matrix.addresses[0]):
            _, _, c, d, _, _ = self.matrix.values
            scale = (c ** 2 + d ** 2) ** 0.5
            if scale > 0:
                size *= scale
        return size

    def weight(self, index: int) -> int:
        return self.fn.FPDFText_GetFontWeight(self.handle, index)

    def loose_box(self, index: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the character's font box, like pypdfium2's ``get_charbox(loose=True)``."""
        if not self.fn.FPDFText_GetLooseCharBox(self.handle, index, self.box.addresses[0]):
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError("Failed to get charbox.")
        left, top, right, bottom = self.box.values
        return left, bottom, right, top

    def baseline(self, index: int, default: float) -> float:
        """The y of the character's origin (``default`` when pdfium has none)."""
        if self.fn.FPDFText_GetCharOrigin(self.handle, index, *self.origin.addresses):
            return self.origin.values[1]
        return default


def _line_spans(chars: _PageText) -> list[tuple[str, int, int]]:
    """The page's non-blank pdfium lines as (stripped text, first and last character index; -1
    when pdfium has none)."""
    text = chars.text
    spans = []
    pos = 0
    for m in list(_LINE_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        line_start = pos
        pos = m.end() if m else len(text)
        stripped = raw.strip()
        if not stripped:
            continue
        spans.append((stripped, chars.char_index(line_start + (len(raw) - len(raw.lstrip()))),
                      chars.char_index(line_start + len(raw.rstrip()) - 1)))
    return spans


def _page_lines(page, chars: _PageText) -> list[_Line]:
    """The page's text lines in pdfium reading order, with first-character style and box."""
    if not chars.count:
        return []
    height = page.get_height()
    batch = accelerator()
    if batch is not None:
        # the lines and their values in one compiled call (_pdfium_batch.c page_lines); None: a
        # character box is missing, and the loop below raises for it as it always did
        rows = batch.page_lines(addresses(*_LINE_FUNCTIONS), chars.handle, chars.text, chars.aligned)
        if rows is not None:
            lines = []
            for row in rows:
                if len(row) == 2:            # no character index: the text as it is
                    lines.append(_Line(row[0], page_height=height))
                    continue
                text, plain, size, bold, x0, x1, top, bottom, base, end_base = row
                if not plain:                # (plain: nothing to collapse or resolve)
                    text = _resolve_soft_hyphens(_SPACES.collapse(text))
                lines.append(_Line(text, size, bold, x0, x1, top, bottom, base, end_base, height))
            return lines
    return _page_lines_python(chars, height)


#: the pdfium functions page_lines calls, in the order of its first argument
_LINE_FUNCTIONS = ("FPDFText_GetFontSize", "FPDFText_GetMatrix", "FPDFText_GetFontWeight",
                   "FPDFText_GetLooseCharBox", "FPDFText_GetCharOrigin", "FPDFText_GetCharIndexFromTextIndex")


def _page_lines_python(chars: _PageText, height: float) -> list[_Line]:
    """:func:`_page_lines` through ctypes, a call per pdfium value."""
    spans = _line_spans(chars)
    style = _CharStyle(chars)
    lines: list[_Line] = []
    for stripped, ci, cj in spans:
        if ci < 0:
            lines.append(_Line(stripped, page_height=height))
            continue
        size = style.effective_size(ci)
        # bold if the line's first and last characters are bold: a bold word
        # opening a paragraph does not make it a heading (the last is asked only
        # when the first is bold: pdfium's weight look-up is a slow call)
        bold = style.weight(ci) >= 600 and style.weight(cj if cj >= 0 else ci) >= 600
        l, b, r, t = style.loose_box(ci)
        r2 = style.loose_box(cj)[2] if cj >= 0 else r
        base = style.baseline(ci, b)
        end_base = style.baseline(cj, base) if cj >= 0 else base
        lines.append(_Line(_resolve_soft_hyphens(_SPACES.collapse(stripped)), size=round(size * 2) / 2,
                           bold=bold, x0=l, x1=max(r, r2), top=t, bottom=b, base=base, end_base=end_base,
                           page_height=height))
    return lines


def _has_table_ruling(page) -> bool:
    """Cheap test (~1 ms/page): does the page draw enough rulings to form a table grid?

    Counts thin horizontal and vertical path objects; a rectangle contributes
    two of each (its edges). Measured on the shared PDFs: every page on which
    pdfplumber finds a ≥2×2 table passes, 51 of 196 pages do.
    """
    import pypdfium2.raw as c

    horizontal = vertical = 0
    for obj in page.get_objects(filter=[c.FPDF_PAGEOBJ_PATH], max_depth=3):
        try:
            l, b, r, t = obj.get_bounds()
        except Exception:  # degenerate path without bounds
            continue
        w, h = r - l, t - b
        if h < 3 and w > 10:
            horizontal += 1
        elif w < 3 and h > 10:
            vertical += 1
        elif w > 10 and h > 5 and c.FPDFPath_CountSegments(obj.raw) >= 4:
            horizontal += 2
            vertical += 2
        if horizontal >= _MIN_RULINGS and vertical >= _MIN_RULINGS:
            return True
    return False


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    return join_lines(cell.split("\n"))


def _find_tables(plumber_page) -> list[_Table]:
    tables = []
    height = plumber_page.height
    for t in plumber_page.find_tables():
        rows = [[_cell_text(c) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(r)]
        width = max((sum(1 for c in r if c) for r in rows), default=0)
        # a framed text box is a 1×n "table": leave it to the text flow
        if len(rows) < 2 or width < 2:
            continue
        x0, top, x1, bottom = t.bbox
        tables.append(_Table((x0, height - bottom, x1, height - top), rows))
    return tables


# -- ruled tables from pdfium's vector drawing ---------------------------------
#
# The grid algorithm follows pdfplumber's "lines" strategy (snap → join →
# intersections → smallest cells → tables of corner-sharing cells → rows on a
# common column grid), so the rows and cells match what pdfplumber returned
# before; only the geometry comes from pdfium page objects and the cell text
# from pdfium's text page, which takes ~1 ms where pdfplumber took ~150 ms.
# Coordinates here are "top-down": (x, -y) of pdf user space, so sorting
# matches reading order (top row first) exactly as in pdfplumber.

_SNAP = 3.0          # rulings closer than this are one line (double borders, thin filled rects)
_JOIN = 3.0          # collinear pieces with a gap up to this are one line (cell-by-cell borders)
_MIN_EDGE = 3.0      # shorter edges are dots or the short sides of hairline rectangles
_CROSS = 3.0         # how far a ruling may stop short of another and still meet it
_AXIS = 1.0          # a segment this far off the axis is still horizontal/vertical


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)     # an object without a matrix of its own


def _mat_mul(a, b):
    """Compose affine matrices (a, b, c, d, e, f): first ``a``, then ``b``."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


_SEGMENT_FUNCTIONS = ("FPDFPage_CountObjects", "FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFPageObj_GetMatrix",
                      "FPDFFormObj_CountObjects", "FPDFFormObj_GetObject", "FPDFPath_CountSegments",
                      "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType",
                      "FPDFPathSegment_GetClose")


def _page_segments(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Axis-parallel straight segments of every path on the page, in top-down page space.

    Returns (horizontal, vertical) as (position, low, high). Rectangles give
    their four sides; paths inside form XObjects are mapped through the form's
    matrix. Curves are skipped: table rulings are straight.
    """
    import pypdfium2.raw as c

    batch = accelerator()
    if batch is not None:   # the same walk in C (_pdfium_batch.c)
        constants = (c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM, c.FPDF_SEGMENT_MOVETO, c.FPDF_SEGMENT_LINETO, _AXIS)
        return batch.page_segments(addresses(*_SEGMENT_FUNCTIONS), constants, address(page))
    return _page_segments_python(page)


def _page_segments_python(page) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """:func:`_page_segments` through ctypes, one call per pdfium value."""
    import pypdfium2.raw as c

    fn = api()
    object_type, object_matrix = fn.FPDFPageObj_GetType, fn.FPDFPageObj_GetMatrix
    count_segments, segment_at = fn.FPDFPath_CountSegments, fn.FPDFPath_GetPathSegment
    segment_point, segment_type, segment_closes = (fn.FPDFPathSegment_GetPoint, fn.FPDFPathSegment_GetType,
                                                  fn.FPDFPathSegment_GetClose)
    path, form, move_to, line_to = c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM, c.FPDF_SEGMENT_MOVETO, c.FPDF_SEGMENT_LINETO
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    matrix, xy = OutArray(6), OutArray(2)
    matrix_out, (x_out, y_out) = matrix.addresses[0], xy.addresses

    def visit(obj, outer):
        kind = object_type(obj)
        if kind != path and kind != form:
            return
        m = tuple(matrix.values) if object_matrix(obj, matrix_out) else _IDENTITY
        m = _mat_mul(m, outer) if outer is not None else m
        if kind == form:
            for k in range(fn.FPDFFormObj_CountObjects(obj)):
                visit(fn.FPDFFormObj_GetObject(obj, k), m)
            return
        a, b, cc, d, e, f = m
        start = prev = None
        for k in range(count_segments(obj)):
            seg = segment_at(obj, k)
            if not segment_point(seg, x_out, y_out):
                continue
            x, y = xy.values
            point = (a * x + cc * y + e, -(b * x + d * y + f))
            kind_seg = segment_type(seg)
            if kind_seg == move_to:
                start = prev = point
                continue
            if kind_seg == line_to and prev is not None:
                _add_segment(prev, point, horizontal, vertical)
            prev = point
            if segment_closes(seg) and start is not None:
                _add_segment(point, start, horizontal, vertical)
                prev = start

    handle = address(page)
    for i in range(fn.FPDFPage_CountObjects(handle)):
        visit(fn.FPDFPage_GetObject(handle, i), None)
    return horizontal, vertical


def _add_segment(p, q, horizontal, vertical) -> None:
    """Keep the segment p→q when it is horizontal or vertical (within _AXIS), as (position, low, high)."""
    (x0, y0), (x1, y1) = p, q
    dx, dy = abs(x1 - x0), abs(y1 - y0)
    # the kept extent is longer than _AXIS, so its ends differ and one comparison orders them
    if dy <= _AXIS and dx > _AXIS:
        horizontal.append(((y0 + y1) / 2, x0, x1) if x0 < x1 else ((y0 + y1) / 2, x1, x0))
    elif dx <= _AXIS and dy > _AXIS:
        vertical.append(((x0 + x1) / 2, y0, y1) if y0 < y1 else ((x0 + x1) / 2, y1, y0))


def _merge_rulings(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Snap parallel edges within _SNAP to their mean position, join collinear
    pieces within _JOIN, drop what is shorter than _MIN_EDGE."""
    if not edges:
        return []
    edges = sorted(edges)
    clusters: list[list[tuple[float, float, float]]] = [[edges[0]]]
    for e in edges[1:]:
        if e[0] - clusters[-1][-1][0] <= _SNAP:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    merged = []
    for group in clusters:
        pos = sum(e[0] for e in group) / len(group)
        spans = sorted((lo, hi) for _, lo, hi in group)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + _JOIN:
                hi = max(hi, b)
            else:
                merged.append((pos, lo, hi))
                lo, hi = a, b
        merged.append((pos, lo, hi))
    return [e for e in merged if e[2] - e[1] >= _MIN_EDGE]


def _grid_cells(horizontal, vertical) -> list[tuple[float, float, float, float]]:
    """Smallest rectangles (x0, top, x1, bottom) whose four sides are rulings.

    The compiled loops find the same cells in the same order (_pdfium_batch.c grid_cells: the
    crossings sorted and bisected instead of dicts of float pairs and sets, ~10x faster on the
    shared PDFs' ruled pages); they leave rulings with a NaN to this loop (a NaN key of a dict
    matches only itself)."""
    batch = accelerator()
    if batch is not None:
        cells = batch.grid_cells(horizontal, vertical, _CROSS)
        if cells is not None:
            return cells
    return _grid_cells_python(horizontal, vertical)


def _grid_cells_python(horizontal, vertical) -> list[tuple[float, float, float, float]]:
    """:func:`_grid_cells` in Python: crossings as a dict of points, cells searched from each."""
    # intersections: point → (ids of vertical edges, ids of horizontal edges) through it
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    # merged rulings come sorted by position: a vertical edge meets only the horizontal ones in
    # its span, found by bisection (the same pairs in the same order; unsorted: all are tried)
    ys = [y for y, _, _ in horizontal]
    ordered = all(a <= b for a, b in zip(ys, ys[1:]))
    for vi, (x, vtop, vbottom) in enumerate(vertical):
        first, stop = ((bisect.bisect_left(ys, vtop - _CROSS), bisect.bisect_right(ys, vbottom + _CROSS))
                       if ordered else (0, len(horizontal)))
        for hi in range(first, stop):
            y, hx0, hx1 = horizontal[hi]
            if vtop - _CROSS <= y <= vbottom + _CROSS and hx0 - _CROSS <= x <= hx1 + _CROSS:
                v_ids, h_ids = points.setdefault((x, y), (set(), set()))
                v_ids.add(vi)
                h_ids.add(hi)
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in points:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for lst in (*by_x.values(), *by_y.values()):
        lst.sort()

    cells = []
    for (x, y), (v_ids, h_ids) in points.items():
        found = None
        for y2 in by_x[x]:
            if y2 <= y or not (v_ids & points[(x, y2)][0]):
                continue
            for x2 in by_y[y]:
                if x2 <= x or not (h_ids & points[(x2, y)][1]):
                    continue
                corner = points.get((x2, y2))
                if corner and corner[0] & points[(x2, y)][0] and corner[1] & points[(x, y2)][1]:
                    found = (x, y, x2, y2)
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _group_tables(cells) -> list[list[tuple[float, float, float, float]]]:
    """Cells sharing a corner belong to one table; one-cell "tables" are frames."""
    parent = list(range(len(cells)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, y0, x1, y1) in enumerate(cells):
        for corner in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
            j = owner.setdefault(corner, i)
            parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    tables = [g for g in groups.values() if len(g) > 1]
    return sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))


_WHITESPACE_CODES = frozenset((9, 10, 13, 32, 0xA0))


def _cell_grids(tables: list[list[tuple[float, float, float, float]]]) -> list[tuple]:
    """Per table: its box, boundaries and grid slot → cell, so a character finds its cell by
    bisection."""
    grids = []
    for cells in tables:
        ys = sorted({v for cell in cells for v in (cell[1], cell[3])})
        xs = sorted({v for cell in cells for v in (cell[0], cell[2])})
        slots = {}
        for cell in cells:
            for r in range(bisect.bisect_left(ys, cell[1]), bisect.bisect_left(ys, cell[3])):
                for k in range(bisect.bisect_left(xs, cell[0]), bisect.bisect_left(xs, cell[2])):
                    slots[(r, k)] = cell
        grids.append((xs[0], ys[0], xs[-1], ys[-1], xs, ys, slots))
    return grids


def _slot_numbers(cells: list[tuple], xs: list[float], ys: list[float], slots: dict) -> list[int]:
    """A grid's slots row by row as the number of their cell in ``cells`` (-1: no cell)."""
    number = {}
    for n, cell in enumerate(cells):
        number.setdefault(cell, n)
    return [number[slots[(r, k)]] if (r, k) in slots else -1
            for r in range(len(ys) - 1) for k in range(len(xs) - 1)]


def _chars_by_cell_python(chars: _PageText, grids: list[tuple]) -> dict[tuple, list[tuple]]:
    """Per cell its upright characters as (char index, character, left, right, bottom, top) in
    pdfium order, through ctypes, a call per character (the fallback of _pdfium_batch.c's
    cell_texts, which assigns them the same way)."""
    fn, handle = api(), chars.handle
    loose_box, angle_of = fn.FPDFText_GetLooseCharBox, fn.FPDFText_GetCharAngle
    out = OutArray(4)
    box, box_address = out.values, out.addresses[0]
    # the tables' common box: most characters of a page lie outside it and need no table-by-table test
    lowest_x, lowest_y = min(g[0] for g in grids), min(g[1] for g in grids)
    highest_x, highest_y = max(g[2] for g in grids), max(g[3] for g in grids)
    found: dict[tuple, list[tuple]] = {}
    for i, code in enumerate(chars.codes()):
        if code in _WHITESPACE_CODES or not loose_box(handle, i, box_address):
            continue
        left, top, right, bottom = box
        cx, cy = (left + right) / 2, -(bottom + top) / 2
        if not (lowest_x <= cx < highest_x and lowest_y <= cy < highest_y):
            continue
        for x0, y0, x1, y1, xs, ys, slots in grids:
            if x0 <= cx < x1 and y0 <= cy < y1:
                cell = slots.get((bisect.bisect_right(ys, cy) - 1, bisect.bisect_right(xs, cx) - 1))
                if cell is not None:
                    angle = math.degrees(angle_of(handle, i)) % 90
                    if min(angle, 90 - angle) < 2:
                        found.setdefault(cell, []).append((i, chr(code), left, right, bottom, top))
                break
    return found


def _joined_cell_chars(chars: list[tuple], codes: list[int]) -> str:
    """A cell's characters joined: the page's own whitespace between them, a line break
    where the next one sits lower, a space for a visible gap."""
    return _finished_cell_text(_cell_chars_text(chars, codes))


def _cell_chars_text(chars: list[tuple], codes: list[int]) -> str:
    """:func:`_joined_cell_chars` before its line-level clean-up (what _pdfium_batch.c's
    cell_texts returns per cell)."""
    parts = [chars[0][1]]
    for (i, _, _, right, bottom, top), (j, ch, l2, _, b2, t2) in zip(chars, chars[1:]):
        between = codes[i + 1:j]
        if between and all(code in _WHITESPACE_CODES for code in between):
            parts.append("\n" if 10 in between or 13 in between else " ")
        elif not bottom <= (b2 + t2) / 2 <= top:
            parts.append("\n")      # wrapped without a break character
        elif between or l2 - right > 0.2 * (top - bottom):
            parts.append(" ")       # other cells' text in between, or a visible gap
        parts.append(ch)
    return "".join(parts)


def _finished_cell_text(text: str) -> str:
    """A cell's joined characters as its text: soft hyphens as line-end hyphens, space runs
    collapsed, lines joined (Dutch hyphenation rules)."""
    # a soft hyphen pdfium recognised ends a line inside the cell: keep it as a
    # line-end hyphen so join_lines decides (Dutch rules) whether it stays
    if "\ufffe" in text or "\x02" in text:      # most cells have none: no regex pass
        text = _SOFT_HYPHEN_BREAK.sub("-\n", text)
    return join_lines(_SPACES.collapse(text).split("\n"))


def _fill_cells(chars: _PageText, tables: list[list[tuple[float, float, float, float]]]) -> list[dict[tuple, str]]:
    """Text of every cell: each character goes to the cell holding its centre.

    This is pdfplumber's rule, kept on purpose. pdfium's own
    ``get_text_bounded`` takes every character whose box merely touches the
    rectangle, so a large initial or a glyph leaning over a ruling ends up in
    two cells. Characters set at a slant (a diagonal "CONCEPT" watermark) are
    no cell content and are skipped. One pass over the page's characters
    (~0.5 µs each, ~1 µs more for one inside the tables' common box) serves
    all cells.
    """
    grids = _cell_grids(tables)
    batch = accelerator()
    if batch is not None:
        joined = _compiled_cell_texts(batch, chars, tables, grids)
        return [{cell: _finished_cell_text(raw[n]) for n, cell in enumerate(cells) if raw[n] is not None}
                for cells, raw in zip(tables, joined)]
    codes, found = chars.codes(), _chars_by_cell_python(chars, grids)
    texts: list[dict[tuple, str]] = []
    for cells in tables:
        texts.append({cell: _joined_cell_chars(found[cell], codes) for cell in cells if found.get(cell)})
    return texts


def _compiled_cell_texts(batch, chars: _PageText, tables: list[list[tuple]], grids: list[tuple]) -> list[list]:
    """Assignment and joins in one compiled call (_pdfium_batch.c cell_texts): per table, per cell
    number the joined characters before clean-up (None: no character); a cell listed twice gets its
    characters under its first number, as _chars_by_cell_python keys them by the cell itself."""
    numbered = [(x0, y0, x1, y1, xs, ys, _slot_numbers(cells, xs, ys, slots))
                for cells, (x0, y0, x1, y1, xs, ys, slots) in zip(tables, grids)]
    box_of, angle_of, unicode_of = addresses("FPDFText_GetLooseCharBox", "FPDFText_GetCharAngle", "FPDFText_GetUnicode")
    # an aligned page's codes are read from its text in C (no list of ~2,000 ints built and read back)
    codes = chars.text if chars.aligned else chars.codes()
    return batch.cell_texts(box_of, angle_of, chars.handle, codes, numbered,
                            [len(cells) for cells in tables], unicode_of)


def _pdfium_tables(page, chars: _PageText) -> list[_Table]:
    """Ruled tables on the page (≥ 2 rows and ≥ 2 filled columns), from pdfium alone."""
    horizontal, vertical = _page_segments(page)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal, vertical = _merge_rulings(horizontal), _merge_rulings(vertical)
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    grouped = _group_tables(_grid_cells(horizontal, vertical))
    if not grouped:
        return []
    tables = []
    for cells, texts in zip(grouped, _fill_cells(chars, grouped)):
        columns = sorted({c[0] for c in cells})
        by_top: dict[float, dict[float, tuple]] = {}
        for cell in cells:
            by_top.setdefault(cell[1], {})[cell[0]] = cell
        # column-aligned like pdfplumber: a slot covered by a cell spanning from
        # the left stays empty, so cell i is column i in every row
        rows = [[texts.get(row[x], "") if x in row else "" for x in columns]
                for _, row in sorted(by_top.items())]
        rows = [r for r in rows if any(r)]
        width = max((sum(1 for c in r if c) for r in rows), default=0)
        # a framed text box is a 1×n "table": leave it to the text flow
        if len(rows) < 2 or width < 2:
            continue
        x0 = min(c[0] for c in cells)
        top = min(c[1] for c in cells)
        x1 = max(c[2] for c in cells)
        bottom = max(c[3] for c in cells)
        tables.append(_Table((x0, -bottom, x1, -top), rows))
    return tables


# -- layout analysis ----------------------------------------------------------

def _body_size(pages: list[list[_Line]]) -> float:
    sizes = Counter()
    for lines in pages:
        for ln in lines:
            if ln.size:
                sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _running_lines(pages: list[list[_Line]]) -> set[str]:
    """Header/footer lines: the same text (digits ignored) in the top or bottom
    margin of many pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        seen = set()
        for ln in lines:
            if ln.page_height and 0.12 * ln.page_height < ln.bottom < 0.88 * ln.page_height:
                continue
            key = _DIGITS.sub("#", ln.text.lower())
            if key not in seen:
                seen.add(key)
                counts[key] += 1
    threshold = max(3, 0.3 * len(pages))
    return {k for k, n in counts.items() if n >= threshold}


def _in_margin(ln: _Line) -> bool:
    return bool(ln.page_height) and not (0.08 * ln.page_height < ln.bottom < 0.92 * ln.page_height)


def _is_heading_style(ln: _Line, body: float) -> bool:
    """Larger than body text, or bold at about body size; at most 16 words (12 when only bold),
    not ending like a sentence or a list entry unless numbered."""
    if not body or not ln.size:
        return False
    larger = ln.size >= body * 1.12
    # most lines are plain body text: answered by the size and weight alone, not split into words
    if not larger and not (ln.bold and ln.size >= body * 0.95):
        return False
    if ln.text.endswith((".", ",", ";")) and not _NUMBERED.match(ln.text):
        return False
    words = len(ln.text.split())
    return words <= 16 and (larger or words <= 12)


def _heading_levels(pages: list[list[_Line]], body: float) -> dict[tuple[float, bool], int]:
    """Rank heading styles: the largest font is level 1; bold body-size text comes last."""
    styles = {(ln.size, ln.bold) for lines in pages for ln in lines if _is_heading_style(ln, body)}
    ordered = sorted(styles, key=lambda s: (-s[0], not s[1]))
    return {s: min(i + 1, 6) for i, s in enumerate(ordered)}


class _Group:
    def __init__(self, kind: str, first: _Line, level: int | None = None):
        self.kind, self.level = kind, level
        self.lines = [first]

    @property
    def last(self) -> _Line:
        return self.lines[-1]

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])


def _leading(pages: list[list[_Line]]) -> float:
    """The document's usual baseline distance as a multiple of font size (1.2 if unknown)."""
    ratios: Counter[float] = Counter()
    for lines in pages:
        for a, b in zip(lines, lines[1:]):
            pitch = a.end_base - b.base
            if a.size and a.size == b.size and 0.8 * a.size < pitch < 3 * a.size:
                ratios[round(pitch / a.size, 1)] += 1
    return ratios.most_common(1)[0][0] if ratios else 1.2


def _continues(group: _Group, ln: _Line, heading_style: bool, leading: float, max_x1: float) -> bool:
    """Does ``ln`` wrap-continue the block ``group``?"""
    prev = group.last
    if is_list_item(ln.text):
        # a dash opening a wrapped line inside a sentence ("... we leggen jeugdigen
        # / – bewust of onbewust – normen op") is punctuation, not a list marker
        if not (group.kind == "paragraph" and ln.text[:1] in "–-" and not prev.text.endswith(_TERMINAL)):
            return False
    if not prev.size or not ln.size:       # no geometry: only hyphenation joins
        return prev.text.endswith("-") and ln.text[:1].islower()
    pitch = prev.end_base - ln.base
    normal = max(prev.size, ln.size) * leading
    if group.kind == "heading":
        same_style = heading_style and abs(ln.size - prev.size) < 0.6 and ln.bold == prev.bold
        return same_style and 0 < pitch < normal * 1.3 and len(group.lines) < 4
    if heading_style or abs(ln.size - prev.size) >= 1.0:
        return False
    if pitch < -0.5 * prev.size:
        # the line stands higher: a new column or text box. A sentence broken
        # mid-way continues there; anything else starts a new block.
        return not prev.text.endswith(_TERMINAL) and ln.text[:1].islower()
    if pitch > normal * 1.3:                 # blank space between them
        return False
    if group.kind == "list_item":
        return ln.x0 > group.lines[0].x0 + 2  # hanging indent under the bullet
    if ln.x0 > group.lines[0].x0 + 12 and prev.text.endswith(_TERMINAL):
        return False                         # indented first line of a new paragraph
    width = max(max_x1 - group.lines[0].x0, 1.0)
    if prev.text.endswith(_TERMINAL) and not ln.text[:1].islower() and max_x1 - prev.x1 > 0.12 * width:
        return False                         # previous line ended short: paragraph ended
    return True


def _body_lines(lines: list[_Line], running: set[str]) -> list[_Line]:
    """The page's lines without page numbers and running heads/feet in the margins."""
    kept: list[_Line] = []
    for ln in lines:
        if _in_margin(ln) and (_PAGE_NUMBER.match(ln.text) or _DIGITS.sub("#", ln.text.lower()) in running):
            continue
        kept.append(ln)
    return kept


def _runs_on(ln: _Line, following: _Line | None, body: float, leading: float) -> bool:
    """A bold line that runs on into the next: emphasis, not a title."""
    return (ln.size < body * 1.12 and following is not None
            and following.text[:1].islower() and abs(following.size - ln.size) < 0.6
            and 0 < ln.end_base - following.base < ln.size * leading * 1.3)


def _new_block_kind(ln: _Line, heading_style: bool, body: float, levels: dict,
                    toc_like: bool) -> tuple[str, int | None]:
    """Kind and level of the block ``ln`` opens."""
    kind, level = classify_line(ln.text, True, False)
    if kind == "list_item":
        return kind, level
    kind, level = ("heading", level) if heading_style else ("paragraph", None)
    if kind == "paragraph" and (not ln.size or ln.size >= body - 0.5):
        plain_kind, plain_level = classify_line(ln.text, False, False)
        if plain_kind == "heading":
            kind, level = "heading", plain_level
    if kind == "heading" and level is None:
        level = levels.get((ln.size, ln.bold))
    if toc_like and _TOC_LINE.search(ln.text):
        kind, level = "paragraph", None   # a table of contents names headings, is none
    return kind, level


def _group_lines(kept: list[_Line], tables: list[_Table], body: float, levels: dict,
                 leading: float) -> list[_Group | _Table]:
    """The page's lines grouped into blocks, each table once where its first line stands."""
    toc_like = sum(1 for ln in kept if _TOC_ENTRY_START.match(ln.text)
                   and _TOC_LINE.search(ln.text)) >= 4
    groups: list[_Group | _Table] = []
    current: _Group | None = None
    max_x1 = max((ln.x1 for ln in kept), default=0.0)
    for n, ln in enumerate(kept):
        table = next((t for t in tables if t.contains(ln)), None) if tables else None   # most pages: none
        if table is not None:
            current = None
            if not table.emitted:
                table.emitted = True
                groups.append(table)
            continue
        heading_style = _is_heading_style(ln, body)
        if heading_style and _runs_on(ln, kept[n + 1] if n + 1 < len(kept) else None, body, leading):
            heading_style = False
        if toc_like and current is not None and _TOC_LINE.search(current.last.text):
            current = None          # one table-of-contents entry per block
        if current is not None and _continues(current, ln, heading_style, leading, max_x1):
            current.lines.append(ln)
            continue
        kind, level = _new_block_kind(ln, heading_style, body, levels, toc_like)
        current = _Group(kind, ln, level)
        groups.append(current)
    # tables that no pdfium line fell into (e.g. text drawn as paths) still count
    groups.extend(t for t in tables if not t.emitted)
    return groups


def _emit_groups(builder: TextBuilder, groups: list[_Group | _Table]) -> None:
    for g in groups:
        if isinstance(g, _Table):
            builder.end_table()
            for row in g.rows:
                builder.table_row(row)
            builder.end_table()
            continue
        text = g.text
        kind, level = g.kind, g.level
        if kind == "heading" and (len(text) > 200 or len(text.split()) > 25):
            kind, level = "paragraph", None   # large-print intro text, not a title
        if kind == "list_item":
            level = 1   # bullets are not nested by indentation (yet): one level
        builder.block(kind, text, level=level)


def _layout_page(builder: TextBuilder, lines: list[_Line], tables: list[_Table], body: float,
                 levels: dict, running: set[str], leading: float) -> None:
    _emit_groups(builder, _group_lines(_body_lines(lines, running), tables, body, levels, leading))


def read_pdf(path, table_engine: str = "pdfium") -> Document:
    """Read a PDF into a :class:`Document` (blocks with pages; ruled tables as table rows).

    ``table_engine="pdfplumber"`` finds tables with pdfplumber instead of the
    pdfium grid (slower; kept as the reference for cross-checks).
    """
    if table_engine not in ("pdfium", "pdfplumber"):
        raise ValueError(f"table_engine must be 'pdfium' or 'pdfplumber', not {table_engine!r}")
    path = Path(path)
    pdf = _open(path)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise ReadError(path, "PDF has no pages (truncated or damaged file)")
        with collector_paused(n_pages <= GC_PAUSE_PAGES):
            text, blocks, pages = _read_pages(path, pdf, n_pages, table_engine)
    finally:
        pdf.close()
    return Document(id=path.stem, path=str(path), sha256=sha256_file(path), format="pdf",
                    text=text, pages=pages, blocks=blocks)


#: PDFs up to this many pages are read with the cyclic garbage collector paused (models/gc_pause.py).
GC_PAUSE_PAGES = 300


def _read_pages(path: Path, pdf, n_pages: int, table_engine: str):
    """The text, blocks and page spans of an open PDF: lines and tables per page, then the layout."""
    page_lines: list[list[_Line]] = []
    table_pages: list[int] = []
    tables: dict[int, list[_Table]] = {}
    image_pages = 0
    # the pdfplumber engine's ruling test walks pypdfium2's page objects
    batch = accelerator() if table_engine == "pdfium" else None
    for i in range(n_pages):
        with _loaded_page(pdf, i, batch) as (page, chars):
            lines = _page_lines(page, chars)
            if lines and table_engine == "pdfium":
                found = _pdfium_tables(page, chars)
                if found:
                    tables[i] = found
            elif lines and _has_table_ruling(page):
                table_pages.append(i)
            if not lines and _has_image(page):
                image_pages += 1
        page_lines.append(lines)
    if not any(page_lines):
        if image_pages:
            raise ReadError(path, f"no text layer: needs OCR ({image_pages} of {n_pages} pages are images)")
        raise ReadError(path, "no text layer: the PDF's pages carry no text (blank or drawn as "
                              "vector paths; needs OCR)")

    if table_pages:
        tables = _plumber_tables(path, table_pages)

    body = _body_size(page_lines)
    levels = _heading_levels(page_lines, body)
    running = _running_lines(page_lines)
    leading = _leading(page_lines)
    builder = TextBuilder()
    for i, lines in enumerate(page_lines):
        builder.start_page(i + 1)
        _layout_page(builder, lines, tables.get(i, []), body, levels, running, leading)
        builder.newline()
    return builder.build()


@contextlib.contextmanager
def _loaded_page(pdf, index: int, batch):
    """(page, _PageText) of page ``index``, both closed on leaving.

    With the compiled loops, one call loads the page and its text page and reads the text
    (_pdfium_batch.c load_page) and one closes them, without pypdfium2's page and text-page
    objects, their finalizers and get_text_range's ctypes calls (with the next round-11 steps, the
    reader's Python instructions fell by a fifth). The page is then a :class:`_RawPage`; without
    the compiled loops it is pypdfium2's ``PdfPage``.
    """
    if batch is None:
        page = pdf[index]
        textpage = page.get_textpage()
        try:
            yield page, _PageText(textpage)
        finally:
            textpage.close()
            page.close()
        return
    loaded = batch.load_page(addresses(*_LOAD_FUNCTIONS), address(pdf), index)
    if not isinstance(loaded, tuple):
        import pypdfium2 as pdfium

        raise pdfium.PdfiumError(_LOAD_FAILURES[loaded])
    page, textpage, count, text, aligned, height = loaded
    try:
        yield _RawPage(page, height), _PageText.loaded(textpage, count, text, aligned)
    finally:
        batch.close_page(addresses(*_LOAD_FUNCTIONS[-2:]), page, textpage)


#: the pdfium functions load_page calls (the last two: close_page's), in the order of its first argument
_LOAD_FUNCTIONS = ("FPDF_LoadPage", "FPDFText_LoadPage", "FPDFText_CountChars", "FPDFText_GetTextIndexFromCharIndex",
                   "FPDFText_GetText", "FPDF_GetPageHeightF", "FPDFText_ClosePage", "FPDF_ClosePage")
#: load_page's failure codes as pypdfium2 words them
_LOAD_FAILURES = {1: "Failed to load page.", 2: "Failed to load text page.", 3: "Failed to get character count."}


class _RawPage:
    """A page loaded by _pdfium_batch.c's load_page: its handle (``raw``, as on pypdfium2's pages) and height."""

    __slots__ = ("raw", "_height")

    def __init__(self, raw: int, height: float) -> None:
        self.raw, self._height = raw, height

    def get_height(self) -> float:
        return self._height


def _has_image(page, max_depth: int = 3) -> bool:
    """Does the page hold an image object, in form XObjects too up to ``max_depth`` levels (the
    walk, order and errors of pypdfium2's ``get_objects(filter=[IMAGE], max_depth=3)``)?"""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    fn = api()

    def walk(count: int, get, level: int) -> bool:
        if count < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for k in range(count):
            obj = get(k)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = fn.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_IMAGE:
                return True
            if kind == c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                if walk(fn.FPDFFormObj_CountObjects(obj), functools.partial(fn.FPDFFormObj_GetObject, obj), level + 1):
                    return True
        return False

    handle = address(page)
    return walk(fn.FPDFPage_CountObjects(handle), functools.partial(fn.FPDFPage_GetObject, handle), 0)


def _plumber_tables(path: Path, page_indexes: list[int]) -> dict[int, list[_Table]]:
    """Tables on the given pages; {} if pdfplumber cannot parse the file.

    pdfminer is stricter than pdfium: on a file it cannot parse, the text is
    still complete (from pdfium), only the table structure is lost.
    """
    import pdfplumber

    out: dict[int, list[_Table]] = {}
    try:
        with pdfplumber.open(str(path)) as pl:
            for i in page_indexes:
                if i >= len(pl.pages):
                    break
                page = pl.pages[i]
                try:
                    found = _find_tables(page)
                except Exception:  # one odd page must not cost the document
                    found = []
                finally:
                    page.close()
                if found:
                    out[i] = found
    except Exception:
        return {}
    return out
