"""Round 11: the compiled page loader (_pdfium_batch.c load_page / close_page) reads what pypdfium2's
page and text-page objects read, and the image test walks what pypdfium2's ``get_objects`` walks."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inkoopgraaf.extract.document import ReadError
from inkoopgraaf.extract.readers import pdf, pdfium_calls

sys.path.insert(0, str(Path(__file__).parent))
from pdf_factory import make_pdf  # noqa: E402
from test_readers_pdf import GRID_CASES, SHARED_PDF, _strategy_pages  # noqa: E402

compiled = pdfium_calls.accelerator()
needs_compiled = pytest.mark.skipif(compiled is None, reason="_pdfium_batch not built (no C compiler)")


def _paths(tmp_path) -> list[Path]:
    pages = {"strategie.pdf": _strategy_pages(), "leeg.pdf": [[("rect", 50, 50, 100, 40)]],
             "scan.pdf": [[("image",)], [("text", 72, 700, 11, "Tekst naast een afbeelding."), ("image",)]]}
    pages.update({f"grid{n}.pdf": [case[1]] for n, case in enumerate(GRID_CASES)})
    paths = []
    for name, content in pages.items():
        path = tmp_path / name
        path.write_bytes(make_pdf(content))
        paths.append(path)
    return paths + (sorted(SHARED_PDF.glob("*.pdf")) if SHARED_PDF.is_dir() else [])


def _page_views(path: Path, batch):
    """Per page: (height, count, text, aligned, the text's character indices, has an image)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        views = []
        for i in range(len(document)):
            with pdf._loaded_page(document, i, batch) as (page, chars):
                indices = [chars.char_index(k) for k in range(0, len(chars.text), 7)]
                views.append((page.get_height(), chars.count, chars.text, chars.aligned, indices,
                              pdf._has_image(page)))
        return views
    finally:
        document.close()


@needs_compiled
def test_compiled_loader_reads_what_pypdfium2_reads(tmp_path):
    for path in _paths(tmp_path):
        assert _page_views(path, compiled) == _page_views(path, None), path.name


@needs_compiled
def test_compiled_loader_maps_unaligned_text_indices_like_pdfium(tmp_path):
    """A page read as unaligned asks pdfium for every index: the same answers through both loaders."""
    import pypdfium2 as pdfium

    path = _paths(tmp_path)[0]
    document = pdfium.PdfDocument(str(path))
    try:
        with pdf._loaded_page(document, 0, compiled) as (_, chars):
            chars.aligned = False
            mapped = [chars.char_index(k) for k in range(len(chars.text))]
        with pdf._loaded_page(document, 0, None) as (_, chars):
            chars.aligned = False
            assert mapped == [chars.char_index(k) for k in range(len(chars.text))]
            assert mapped == list(range(len(chars.text)))   # this page's text skips no character
    finally:
        document.close()


@needs_compiled
def test_compiled_loader_raises_pypdfium2s_error_for_a_missing_page(tmp_path):
    import pypdfium2 as pdfium

    path = _paths(tmp_path)[0]
    document = pdfium.PdfDocument(str(path))
    try:
        with pytest.raises(pdfium.PdfiumError, match="Failed to load page."):
            with pdf._loaded_page(document, len(document) + 3, compiled):
                pass
    finally:
        document.close()


def test_image_test_is_pypdfium2s_object_walk(tmp_path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    answers = []
    for path in _paths(tmp_path):
        document = pdfium.PdfDocument(str(path))
        try:
            for page in document:
                walked = next(page.get_objects(filter=[c.FPDF_PAGEOBJ_IMAGE], max_depth=3), None) is not None
                assert pdf._has_image(page) == walked, path.name
                answers.append(walked)
                page.close()
        finally:
            document.close()
    assert True in answers and False in answers


def test_image_pages_are_counted_in_both_loaders(tmp_path, monkeypatch):
    """A page with an image and no text: the OCR message names it, with and without the compiled loops."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[("image",)], [("image",)]]))
    messages = []
    for batch in (compiled, None):
        monkeypatch.setattr(pdf, "accelerator", lambda batch=batch: batch)
        with pytest.raises(ReadError) as err:
            pdf.read_pdf(path)
        messages.append(str(err.value).split(": ", 1)[1])
    assert messages == ["no text layer: needs OCR (2 of 2 pages are images)"] * 2


def test_documents_read_the_same_through_both_loaders(tmp_path, monkeypatch):
    for path in _paths(tmp_path):
        if path.name == "leeg.pdf":      # no text: a ReadError, tested above
            continue
        fast = pdf.read_pdf(path)
        monkeypatch.setattr(pdf, "accelerator", lambda: None)
        slow = pdf.read_pdf(path)
        monkeypatch.undo()
        assert (fast.text, fast.blocks, fast.pages) == (slow.text, slow.blocks, slow.pages), path.name


@needs_compiled
def test_cell_texts_read_an_aligned_pages_codes_from_its_text(tmp_path):
    """cell_texts given an aligned page's text gives what it gives with the codes list of
    _PageText.codes() (pdfium's U+FFFE marks asked of pdfium in both)."""
    from test_pdfium_batch import _table_pages

    box_of, angle_of, unicode_of = pdfium_calls.addresses("FPDFText_GetLooseCharBox", "FPDFText_GetCharAngle",
                                                          "FPDFText_GetUnicode")
    pages = marks = 0
    for path, chars, tables in _table_pages(tmp_path):
        assert chars.aligned, path.name
        numbered = [(x0, y0, x1, y1, xs, ys, pdf._slot_numbers(cells, xs, ys, slots))
                    for cells, (x0, y0, x1, y1, xs, ys, slots) in zip(tables, pdf._cell_grids(tables))]
        counts = [len(cells) for cells in tables]
        from_text = compiled.cell_texts(box_of, angle_of, chars.handle, chars.text, numbered, counts, unicode_of)
        assert from_text == compiled.cell_texts(box_of, angle_of, chars.handle, chars.codes(), numbered, counts), \
            path.name
        if not pages:
            with pytest.raises(TypeError):      # a text without the function to ask U+FFFE's code
                compiled.cell_texts(box_of, angle_of, chars.handle, chars.text, numbered, counts)
        pages += 1
        marks += "\ufffe" in chars.text
    assert pages >= 5
    assert marks or not SHARED_PDF.is_dir()     # the shared PDFs have table pages with the mark


@pytest.mark.parametrize("chars", [" \t\u00a0", " \t\u00a0\u2009\u202f"])
def test_space_collapse_skips_only_texts_the_regex_leaves_alone(chars):
    """The shortcut (no double space, none of the other space characters) returns the text exactly
    when the regex would change nothing: checked on every string of up to 4 characters from a pool
    of spaces, letters and non-ASCII letters, and on longer random ones."""
    import itertools
    import random

    from inkoopgraaf.extract.readers.builder import SpaceRuns

    runs = SpaceRuns(chars)
    pool = "a é\t\u00a0\u2009\u202f–\n"
    texts = ["".join(t) for n in range(5) for t in itertools.product(pool, repeat=n)]
    rnd = random.Random(11)
    texts += ["".join(rnd.choice(pool + "bcdëï") for _ in range(rnd.randint(5, 60))) for _ in range(3000)]
    for text in texts:
        assert runs.collapse(text) == runs.pattern.sub(" ", text), repr(text)


def _random_rulings(rnd, n: int, positions) -> list[tuple[float, float, float]]:
    edges = []
    for _ in range(n):
        low = rnd.choice((0.0, -0.0, 10.0, 20.0, 30.0, rnd.uniform(0, 40)))
        edges.append((rnd.choice(positions), low, low + rnd.choice((1.0, 9.0, 10.0, 20.0, 40.0))))
    return edges


@needs_compiled
def test_grid_cells_compiled_are_the_python_loop():
    """The same cells in the same order: on random grids with shared positions, signed zeros,
    rulings that stop short (within _CROSS and beyond) and horizontals out of order; a NaN is
    left to the Python loop."""
    import random

    rnd = random.Random(14)
    positions = (0.0, -0.0, 10.0, 12.0, 20.0, 23.5, 30.0, 40.0, 41.0)
    compared = with_cells = 0
    for _ in range(3000):
        horizontal = _random_rulings(rnd, rnd.randint(0, 9), positions)
        vertical = _random_rulings(rnd, rnd.randint(0, 9), positions)
        if rnd.random() < 0.7:
            horizontal.sort()
        expected = pdf._grid_cells_python(horizontal, vertical)
        got = compiled.grid_cells(horizontal, vertical, pdf._CROSS)
        assert repr(got) == repr(expected), (horizontal, vertical)
        compared += 1
        with_cells += bool(expected)
    assert with_cells > 300
    nan = [(float("nan"), 0.0, 30.0), (10.0, 0.0, 30.0)]
    assert compiled.grid_cells(nan, [(0.0, 0.0, 30.0), (20.0, 0.0, 30.0)], pdf._CROSS) is None
    assert pdf._grid_cells(nan, [(0.0, 0.0, 30.0), (20.0, 0.0, 30.0)]) == \
        pdf._grid_cells_python(nan, [(0.0, 0.0, 30.0), (20.0, 0.0, 30.0)])


@needs_compiled
def test_grid_cells_compiled_on_the_test_and_shared_pages(tmp_path):
    import pypdfium2 as pdfium

    pages = 0
    for path in _paths(tmp_path):
        document = pdfium.PdfDocument(str(path))
        try:
            for page in document:
                horizontal, vertical = (pdf._merge_rulings(edges) for edges in pdf._page_segments(page))
                assert repr(pdf._grid_cells(horizontal, vertical)) == \
                    repr(pdf._grid_cells_python(horizontal, vertical)), path.name
                pages += bool(horizontal and vertical)
                page.close()
        finally:
            document.close()
    assert pages >= 5
