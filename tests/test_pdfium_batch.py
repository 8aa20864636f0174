"""The PDF reader's optional compiled loops (extract/readers/_pdfium_batch.c) give exactly what
the pure-Python loops give: per page (segments, characters by cell) and per document.

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


def _pages(path: Path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            textpage = page.get_textpage()
            try:
                yield page, pdf._PageText(textpage)
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


@needs_compiled
def test_segments_are_the_python_walks(tmp_path):
    pages = 0
    for path in _paths(tmp_path):
        for page, _ in _pages(path):
            assert pdf._page_segments(page) == pdf._page_segments_python(page), path.name
            pages += 1
    assert pages >= 10


@needs_compiled
def test_characters_by_cell_are_the_python_loops(tmp_path):
    table_pages = 0
    for path in _paths(tmp_path):
        for page, chars in _pages(path):
            horizontal, vertical = (pdf._merge_rulings(edges) for edges in pdf._page_segments(page))
            tables = pdf._group_tables(pdf._grid_cells(horizontal, vertical))
            if not tables:
                continue
            grids = pdf._cell_grids(tables)
            assert pdf._chars_by_cell(chars, tables, grids) == pdf._chars_by_cell_python(chars, grids), path.name
            table_pages += 1
    assert table_pages >= 5


@needs_compiled
def test_fetched_styles_are_the_ctypes_answers(tmp_path):
    """Size, weight, box and baseline of every line's first and last character."""
    asked = 0
    for path in _paths(tmp_path):
        for _, chars in _pages(path):
            ends = sorted({i for _, ci, cj in pdf._line_spans(chars) for i in (ci, cj) if i >= 0})
            fetched, direct = pdf._FetchedStyle(compiled, chars, ends), pdf._CharStyle(chars)
            for i in ends:
                assert fetched.effective_size(i) == direct.effective_size(i)
                assert fetched.weight(i) == direct.weight(i)
                assert fetched.loose_box(i) == direct.loose_box(i)
                assert fetched.baseline(i, -1.0) == direct.baseline(i, -1.0)
            asked += len(ends)
    assert asked > (1000 if SHARED_PDF.is_dir() else 10)


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
