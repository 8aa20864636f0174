"""Round 8 of the PDF reader's compiled loops (extract/readers/_pdfium_batch.c): a page's lines
with their styles (``page_lines``) and a table's cell texts (``cell_texts``) come out of one call
each, and must equal what the pure-Python loops give, page by page and table by table.

Without the compiled module the comparisons skip; the fallback itself is what the rest of the
reader tests run then.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inkoopgraaf.extract.readers import pdf, pdfium_calls

sys.path.insert(0, str(Path(__file__).parent))
from pdf_factory import make_pdf  # noqa: E402
from test_pdfium_batch import _pages, _paths, _table_pages  # noqa: E402  (the strategy, angles and grid pages, shared PDFs)
from test_readers_pdf import SHARED_PDF, _strategy_pages  # noqa: E402

compiled = pdfium_calls.accelerator()
needs_compiled = pytest.mark.skipif(compiled is None, reason="_pdfium_batch not built (no C compiler)")


def _values(lines):
    return [tuple(getattr(ln, name) for name in pdf._Line.__slots__) for ln in lines]


@needs_compiled
@pytest.mark.parametrize("aligned", [None, False])
def test_compiled_lines_are_the_python_lines(tmp_path, aligned):
    lines = 0
    for path in _paths(tmp_path):
        for page, chars in _pages(path, aligned):
            fast = pdf._page_lines(page, chars)
            slow = pdf._page_lines_python(chars, page.get_height()) if chars.count else []
            assert _values(fast) == _values(slow), path.name
            lines += len(fast)
    assert lines > (5_000 if SHARED_PDF.is_dir() else 20)


def test_a_page_the_compiled_loop_declines_is_read_in_python(tmp_path, monkeypatch):
    """page_lines answers None when a character box is missing: the ctypes loop then reads the page
    (and raises pdfium's error for the box, as before)."""
    path = tmp_path / "strategie.pdf"
    path.write_bytes(make_pdf(_strategy_pages()))
    expected = pdf.read_pdf(path)
    calls = []

    class Declining:
        def __getattr__(self, name):
            return getattr(compiled, name) if compiled is not None else None

        def page_lines(self, *args):
            calls.append(args)
            return None

    monkeypatch.setattr(pdf, "accelerator", lambda: Declining() if compiled is not None else None)
    again = pdf.read_pdf(path)
    assert (again.text, again.blocks, again.pages) == (expected.text, expected.blocks, expected.pages)
    assert calls or compiled is None


@needs_compiled
def test_compiled_cell_texts_are_the_python_joins(tmp_path, monkeypatch):
    table_pages, cells = 0, 0
    for path, chars, tables in _table_pages(tmp_path):
        fast = pdf._fill_cells(chars, tables)
        with monkeypatch.context() as m:
            m.setattr(pdf, "accelerator", lambda: None)
            slow = pdf._fill_cells(chars, tables)
        assert [list(t.items()) for t in fast] == [list(t.items()) for t in slow], path.name
        table_pages += 1
        cells += sum(len(t) for t in fast)
    assert table_pages >= 5 and cells > 20


def test_cell_text_joins_whitespace_rows_and_gaps():
    """The joins of _cell_chars_text, on characters made up for each case: the page's own space
    or line break between two characters, a character lower down (a wrap without a break), another
    cell's character in between, a visible gap."""
    # (index, character, left, right, bottom, top); codes: the page's characters by index
    chars = [(0, "a", 0.0, 5.0, 0.0, 10.0), (2, "b", 10.0, 15.0, 0.0, 10.0),      # a space between
             (4, "c", 16.0, 20.0, 0.0, 10.0),                                      # a line break between
             (5, "d", 0.0, 5.0, -12.0, -2.0),                                      # lower: wrapped
             (7, "e", 6.0, 9.0, -12.0, -2.0),                                      # other cell's "x" between
             (8, "f", 12.0, 15.0, -12.0, -2.0),                                    # a gap of 3 > 0.2 * 10
             (9, "g", 15.5, 18.0, -12.0, -2.0)]                                    # touching: no space
    codes = [ord(ch) for ch in "a b\ncdxefg"]
    assert pdf._cell_chars_text(chars, codes) == "a b\nc\nd e fg"
    assert pdf._joined_cell_chars(chars, codes) == "a b c d e fg"


def test_dutch_words_are_the_lemma_tables_forms_and_lemmas():
    """The word list read by splitting at quotes is what json.loads gives: every key and value."""
    import gzip
    import importlib.resources
    import json

    try:
        data = importlib.resources.files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
        table = json.loads(gzip.decompress(data.read_bytes()))
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("spacy-lookups-data not installed")
    expected = frozenset(table) | frozenset(table.values())
    assert pdf._dutch_words() == expected and len(expected) > 100_000


@pytest.mark.parametrize("text", [
    '{}', '{"a": 1}', '{"a": "b", "c": {"d": "e"}}', '{"a": "b\\"c"}', '{"a": "b\\u00ebc"}', '["a", "b"]',
    '{"a": "b", "c": ["d"]}', '{"a": "b"} x', '{"a": "b" "c": "d"}', '{"a": "b"\n, "c": null}',
])
def test_a_table_of_other_form_is_left_to_json(text):
    """Anything but a flat object of plain strings is not split (the caller parses it as JSON)."""
    assert pdf._flat_table_strings(text) is None


@pytest.mark.parametrize("text, words", [
    ('{"a": "b"}', {"a", "b"}),
    ('{\n    "jeugd": "jeugd",\n    "hulpen": "hulp"\n}', {"jeugd", "hulpen", "hulp"}),
    ('{"en/of": "en/of", "t/m": "tot en met"}', {"en/of", "t/m", "tot en met"}),
])
def test_a_flat_table_gives_its_keys_and_values(text, words):
    import json

    table = json.loads(text)
    assert pdf._flat_table_strings(text) == words == set(table) | set(table.values())
