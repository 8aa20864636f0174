"""The PDF reader's optional compiled loops (extract/readers/_pdfium_batch.c) give exactly what
the pure-Python loops give: per page (segments, lines with their styles, cell texts) and per
document.

Without the compiled module (no C compiler at install time) the reader runs the Python loops;
these tests then check that fallback and skip the comparisons.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inkoopgraaf.extract.readers import pdf, pdfium_calls

sys.path.insert(0, str(Path(__file__).parent))
from pdf_factory import make_pdf  # noqa: E402
from test_readers_pdf import GRID_CASES, SHARED_PDF, _strategy_pages  # noqa: E402

compiled = pdfium_calls.accelerator()
needs_compiled = pytest.mark.skipif(compiled is None, reason="_pdfium_batch not built (no C compiler)")


@pytest.fixture
def pure_python(monkeypatch):
    """The reader as on a machine without the compiled module."""
    monkeypatch.setattr(pdf, "accelerator", lambda: None)


def _angles_page():
    """Upright, nearly upright and slanted letters over a table: the upright test's edges."""
    ops = [op for op in GRID_CASES[0][1]]
    for n, degrees in enumerate((0.5, 1.99, 2.01, 45, 87.99, 88.01, 90, 180, -1.5, -2.5, 270.5, 358.1)):
        ops.append(("slanted", 80 + 30 * (n % 12), 650 + (n % 3) * 18, 9, degrees, "x"))
    return [ops]


def _paths(tmp_path) -> list[Path]:
    pages = {"strategie.pdf": _strategy_pages(), "hoeken.pdf": _angles_page()}
    pages.update({f"grid{n}.pdf": [case[1]] for n, case in enumerate(GRID_CASES)})
    paths = []
    for name, content in pages.items():
        path = tmp_path / name
        path.write_bytes(make_pdf(content))
        paths.append(path)
    return paths + (sorted(SHARED_PDF.glob("*.pdf")) if SHARED_PDF.is_dir() else [])


def _pages(path: Path, aligned: bool | None = None):
    """(page, _PageText) of every page; ``aligned=False`` makes the page text look unaligned, so
    every text index is mapped by pdfium (the path of pages whose text skips characters)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            try:
                chars = pdf._PageText(textpage)
                if aligned is not None:
                    chars.aligned = aligned
                yield page, chars
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _table_pages(tmp_path):
    """(path, _PageText, tables) of every page of :func:`_paths` on which the reader finds a table."""
    for path in _paths(tmp_path):
        for page, chars in _pages(path):
            horizontal, vertical = (pdf._merge_rulings(edges) for edges in pdf._page_segments(page))
            tables = pdf._group_tables(pdf._grid_cells(horizontal, vertical))
            if tables:
                yield path, chars, tables


@needs_compiled
def test_segments_are_the_python_walks(tmp_path):
    pages = 0
    for path in _paths(tmp_path):
        for page, _ in _pages(path):
            assert pdf._page_segments(page) == pdf._page_segments_python(page), path.name
            pages += 1
    assert pages >= 10


def _python_cell_texts(chars, tables, grids) -> list[list]:
    """What cell_texts must give, from the Python loops: per table, per cell number the joined
    characters of the cell (None: none; a cell listed twice: under its first number only)."""
    found, codes = pdf._chars_by_cell_python(chars, grids), chars.codes()
    expected = []
    for cells in tables:
        first = {}
        for n, cell in enumerate(cells):
            first.setdefault(cell, n)
        expected.append([pdf._cell_chars_text(found[cell], codes) if first[cell] == n and found.get(cell) else None
                         for n, cell in enumerate(cells)])
    return expected


@needs_compiled
def test_compiled_cell_texts_are_the_python_characters_by_cell(tmp_path):
    """Each upright character in the cell holding its centre, joined as in Python, before the
    clean-up that could hide a misplaced space or line break."""
    table_pages = 0
    for path, chars, tables in _table_pages(tmp_path):
        grids = pdf._cell_grids(tables)
        assert pdf._compiled_cell_texts(compiled, chars, tables, grids) == _python_cell_texts(chars, tables, grids), \
            path.name
        table_pages += 1
    assert table_pages >= 5


def _expected_row(stripped, ci, cj, style):
    """page_lines' row for one of _line_spans' lines, from the ctypes answers of _CharStyle."""
    if ci < 0:
        return (stripped, None)
    bold = style.weight(ci) >= 600 and style.weight(cj if cj >= 0 else ci) >= 600
    left, bottom, right, top = style.loose_box(ci)
    right2 = style.loose_box(cj)[2] if cj >= 0 else right
    base = style.baseline(ci, bottom)
    end_base = style.baseline(cj, base) if cj >= 0 else base
    plain = stripped.isascii() and not any(mark in stripped for mark in ("\t", "  ", "\x02"))
    return (stripped, plain, round(style.effective_size(ci) * 2) / 2, bold, left, max(right, right2), top,
            bottom, base, end_base)


@needs_compiled
@pytest.mark.parametrize("aligned", [True, False])
def test_page_lines_rows_are_the_ctypes_answers(tmp_path, aligned):
    """Text, plain flag, size, weight, box and baseline of every line's first and last character;
    unaligned: every text index mapped by pdfium. A plain line is one the clean-up leaves alone."""
    asked = 0
    for path in _paths(tmp_path):
        for _, chars in _pages(path):
            chars.aligned = chars.aligned and aligned
            rows = compiled.page_lines(pdfium_calls.addresses(*pdf._LINE_FUNCTIONS), chars.handle, chars.text,
                                       chars.aligned)
            style = pdf._CharStyle(chars)
            assert rows == [_expected_row(*span, style) for span in pdf._line_spans(chars)], path.name
            for row in rows:
                if len(row) > 2 and row[1]:
                    assert pdf._resolve_soft_hyphens(pdf._SPACES.collapse(row[0])) == row[0]
            asked += len(rows)
    assert asked > (5_000 if SHARED_PDF.is_dir() else 20)


@needs_compiled
def test_documents_read_the_same_without_the_compiled_loops(tmp_path, monkeypatch):
    paths = _paths(tmp_path)
    fast = [pdf.read_pdf(p) for p in paths]
    monkeypatch.setattr(pdf, "accelerator", lambda: None)
    for doc, path in zip(fast, paths):
        slow = pdf.read_pdf(path)
        assert (slow.text, slow.blocks, slow.pages) == (doc.text, doc.blocks, doc.pages), path.name


def test_python_loops_read_the_grid_cases(tmp_path, pure_python):
    """The fallback alone (as without a compiler) still finds every table of the grid cases."""
    for n, (label, ops, expected) in enumerate(GRID_CASES):
        path = tmp_path / f"grid{n}.pdf"
        path.write_bytes(make_pdf([ops]))
        doc = pdf.read_pdf(path)
        rows = [[doc.cell_text(b, k) for k in range(len(b.cells))] for b in doc.blocks if b.kind == "table_row"]
        assert rows == expected, label


def test_without_the_module_the_reader_uses_python(monkeypatch):
    """A missing build (ImportError) and the switch both mean: the Python loops."""
    pdfium_calls.accelerator.cache_clear()
    try:
        monkeypatch.setitem(sys.modules, "inkoopgraaf.extract.readers._pdfium_batch", None)
        assert pdfium_calls.accelerator() is None
        pdfium_calls.accelerator.cache_clear()
        monkeypatch.delitem(sys.modules, "inkoopgraaf.extract.readers._pdfium_batch")
        monkeypatch.setenv(pdfium_calls.PURE_PYTHON_ENV, "1")
        assert pdfium_calls.accelerator() is None
    finally:
        pdfium_calls.accelerator.cache_clear()
    monkeypatch.delenv(pdfium_calls.PURE_PYTHON_ENV)
    assert (pdfium_calls.accelerator() is None) == (compiled is None)
