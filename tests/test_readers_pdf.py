"""PDF reader: layout → blocks, dehyphenation, tables, and clear failures.

Synthetic PDFs are written by tests/pdf_factory.py; the real PDFs in
/work/shared/pdf are read once per module (they take a few seconds).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from inkoopgraaf.extract.document import ReadError
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.pdf import join_hyphenated, join_lines, read_pdf

sys.path.insert(0, str(Path(__file__).parent))
from pdf_factory import make_pdf  # noqa: E402

SHARED_PDF = Path("/work/shared/pdf")

# (left fragment before the line-end hyphen, next line, joined) — Dutch cases
HYPHENATION_CASES = [
    ("specialistische jeugd", "hulp vanaf 2026", "specialistische jeugdhulp vanaf 2026"),
    ("ambulante Gezins", "en opvoedhulp", "ambulante Gezins- en opvoedhulp"),
    ("de Wmo", "of Jeugdwet", "de Wmo- of Jeugdwet"),
    ("hun Wmo- en Jw", "processen", "hun Wmo- en Jw-processen"),
    ("het VOT", "bericht", "het VOT-bericht"),
    ("de Stuurgroep i", "Sociaal Domein", "de Stuurgroep i-Sociaal Domein"),
    ("zie www.i", "sociaaldomein.nl", "zie www.i-sociaaldomein.nl"),
    ("over opvoeden en opgroei", "en zoveel mogelijk", "over opvoeden en opgroeien zoveel mogelijk"),
    ("een zee", "egel", "een zee-egel"),
    ("twee ide", "eën", "twee ideeën"),
    ("periode 2026", "2030", "periode 2026-2030"),
    ("samenwer", "kingspartners", "samenwerkingspartners"),
]


@pytest.mark.parametrize("left,right,joined", HYPHENATION_CASES)
def test_join_hyphenated(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_join_lines_only_merges_hyphenated_words():
    assert join_lines(["De inkoop van jeugd-", "hulp start - na overleg -", "in mei."]) == \
        "De inkoop van jeugdhulp start - na overleg - in mei."


# -- a synthetic three-page strategy ------------------------------------------

def _chrome(n):
    return [("text", 72, 760, 9, "Regio Noordkust - Inkoopstrategie Jeugd 2026"),
            ("text", 280, 30, 9, f"Pagina {n} van 3")]


def _strategy_pages():
    p1 = _chrome(1) + [
        ("text", 72, 700, 16, "1 Inleiding"),
        ("text", 72, 670, 11, "De gemeenten in de regio kopen de specialistische jeugd-"),
        ("text", 72, 656, 11, "hulp vanaf 2026 samen in. Ook de ambulante Gezins-"),
        ("text", 72, 642, 11, "en opvoedhulp valt onder deze opdracht."),
        ("text", 72, 610, 11, "De looptijd van de overeenkomst is vier jaar met een optie"),
        ("text", 72, 596, 11, "tot verlenging van twee keer twee jaar."),
        ("text", 72, 560, 14, "Uitgangspunten"),
        ("text", 72, 530, 11, "• Resultaatgerichte financiering voor alle trajecten in de"),
        ("text", 84, 516, 11, "specialistische jeugdhulp;"),
        ("text", 72, 502, 11, "• Een beperkt aantal aanbieders per perceel."),
    ]
    grid = [("line", 72, y, 472, y) for y in (700, 680, 660, 640)]
    grid += [("line", x, 640, x, 700) for x in (72, 222, 352, 472)]
    p2 = _chrome(2) + [("text", 72, 730, 11, "De percelen staan in de tabel hieronder.")] + grid + [
        ("text", 76, 686, 10, "Perceel"), ("text", 226, 686, 10, "Financiering"), ("text", 356, 686, 10, "Looptijd"),
        ("text", 76, 666, 10, "Verblijf"), ("text", 226, 666, 10, "Inspanningsgericht"), ("text", 356, 666, 10, "4 jaar"),
        ("text", 76, 646, 10, "Ambulant"), ("text", 226, 646, 10, "Taakgericht"), ("text", 356, 646, 10, "6 jaar"),
        ("text", 72, 600, 11, "Na de tabel volgt de planning van de aanbesteding."),
    ]
    p3 = _chrome(3) + [("text", 72, 700, 11, "De gunning is voorzien op 1 oktober 2025.")]
    return [p1, p2, p3]


@pytest.fixture(scope="module")
def strategy(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "noordkust-strategie.pdf"
    path.write_bytes(make_pdf(_strategy_pages()))
    return read_pdf(path)


def _texts(doc, kind):
    return [doc.text[b.start:b.end] for b in doc.blocks if b.kind == kind]


def test_pages_and_running_chrome(strategy):
    doc = strategy
    assert len(doc.pages) == 3 and doc.format == "pdf" and doc.id == "noordkust-strategie"
    assert "Pagina" not in doc.text and "Regio Noordkust" not in doc.text
    assert doc.text[slice(*doc.pages[2])].strip() == "De gunning is voorzien op 1 oktober 2025."


def test_headings_by_number_and_font_size(strategy):
    heads = [(strategy.text[b.start:b.end], b.level) for b in strategy.blocks if b.kind == "heading"]
    assert heads == [("1 Inleiding", 1), ("Uitgangspunten", 2)]


def test_wrapped_lines_become_one_paragraph(strategy):
    paras = _texts(strategy, "paragraph")
    assert ("De gemeenten in de regio kopen de specialistische jeugdhulp vanaf 2026 samen in. "
            "Ook de ambulante Gezins- en opvoedhulp valt onder deze opdracht.") in paras
    assert "De looptijd van de overeenkomst is vier jaar met een optie tot verlenging van twee keer twee jaar." in paras


def test_list_items_with_hanging_indent(strategy):
    assert _texts(strategy, "list_item") == [
        "• Resultaatgerichte financiering voor alle trajecten in de specialistische jeugdhulp;",
        "• Een beperkt aantal aanbieders per perceel."]


def test_ruled_table_becomes_rows_with_cells(strategy):
    doc = strategy
    rows = doc.table_rows(0)
    assert [[doc.cell_text(r, i) for i in range(len(r.cells))] for r in rows] == [
        ["Perceel", "Financiering", "Looptijd"],
        ["Verblijf", "Inspanningsgericht", "4 jaar"],
        ["Ambulant", "Taakgericht", "6 jaar"]]
    assert all(r.page == 2 for r in rows)
    # the table's words are not repeated as paragraphs
    assert doc.text.count("Inspanningsgericht") == 1
    order = [doc.text[b.start:b.end][:10] for b in doc.blocks if b.page == 2]
    assert order[0].startswith("De percele") and order[-1].startswith("Na de tab")


def test_block_pages_match_page_ranges(strategy):
    for b in strategy.blocks:
        assert strategy.page_at(b.start) == b.page


# -- failures -------------------------------------------------------------------

def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_encrypted_pdf_needs_password(tmp_path):
    path = _write(tmp_path, "geheim.pdf", make_pdf([[("text", 72, 700, 12, "Vertrouwelijk")]],
                                                   encrypt_with_unknown_password=True))
    with pytest.raises(ReadError, match="encrypted PDF: needs a password"):
        read_document(path)


def test_scanned_pdf_needs_ocr(tmp_path):
    path = _write(tmp_path, "scan.pdf", make_pdf([[("image",)], [("image",)]]))
    with pytest.raises(ReadError, match="no text layer: needs OCR"):
        read_document(path)


def test_collector_runs_again_after_reading(tmp_path, monkeypatch):
    """The reader pauses the cyclic garbage collector per PDF (models/gc_pause.py): after a read,
    a refused read and for a PDF over the page bound it is running."""
    import gc
    from inkoopgraaf.extract.readers import pdf
    seen, page_lines = [], pdf._page_lines
    monkeypatch.setattr(pdf, "_page_lines", lambda *a: (seen.append(gc.isenabled()), page_lines(*a))[1])
    path = _write(tmp_path, "kort.pdf", make_pdf(_strategy_pages()))
    read_pdf(path)
    assert seen and not any(seen) and gc.isenabled()
    with pytest.raises(ReadError):
        read_pdf(_write(tmp_path, "leeg.pdf", make_pdf([[], []])))
    assert gc.isenabled()
    seen.clear()
    monkeypatch.setattr(pdf, "GC_PAUSE_PAGES", 2)
    read_pdf(path)
    assert seen and all(seen)


def test_blank_pdf_is_no_success(tmp_path):
    path = _write(tmp_path, "leeg.pdf", make_pdf([[], []]))
    with pytest.raises(ReadError, match="no text layer"):
        read_document(path)


@pytest.mark.parametrize("label,data,reason", [
    ("html saved as pdf", b"<html><body>Niet gevonden</body></html>", "not a PDF file"),
    ("empty file", b"", r"empty file \(0 bytes\)"),
    ("header only", b"%PDF-1.7\n%garbage garbage\n", "damaged PDF"),
])
def test_garbage_gives_clear_error(tmp_path, label, data, reason):
    with pytest.raises(ReadError, match=reason):
        read_document(_write(tmp_path, "kapot.pdf", data))


def test_truncated_pdf_reads_or_fails_clearly(tmp_path):
    whole = make_pdf(_strategy_pages())
    path = _write(tmp_path, "afgebroken.pdf", whole[: len(whole) * 2 // 3])
    try:
        doc = read_document(path)          # pdfium may rebuild what is left
    except ReadError as exc:
        assert exc.reason
    else:
        assert doc.text.strip()


# -- the shared real PDFs -------------------------------------------------------

needs_shared = pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="shared PDFs not present")


@pytest.fixture(scope="module")
def real_docs():
    return {p.name: read_document(p) for p in sorted(SHARED_PDF.glob("*.pdf"))}


@needs_shared
def test_every_shared_pdf_reads(real_docs):
    assert len(real_docs) == len(list(SHARED_PDF.glob("*.pdf"))) >= 6
    for name, doc in real_docs.items():
        assert doc.text.strip(), name
        assert "\ufffe" not in doc.text and "\x02" not in doc.text, name
        assert doc.pages[0][0] == 0 and doc.pages[-1][1] == len(doc.text), name
        assert all(a[1] == b[0] for a, b in zip(doc.pages, doc.pages[1:])), name
        for b in doc.blocks:
            piece = doc.text[b.start:b.end]
            assert b.kind == "table_row" or piece == piece.strip() and piece, (name, b)
            assert doc.page_at(b.start) == b.page, (name, b)
            for s, e in b.cells:
                assert b.start <= s <= e <= b.end


@needs_shared
def test_damaged_xref_pdf_keeps_all_80_pages(real_docs):
    doc = real_docs["hervormingsagenda-jeugd-2023-2028.pdf"]
    assert len(doc.pages) == 80
    assert sum(1 for s, e in doc.pages if e > s) >= 75
    assert "ondersteuning" in doc.text and "ondersteu ning" not in doc.text


@needs_shared
def test_real_dehyphenation_and_tables(real_docs):
    sap = real_docs["2.-SAP-Outputgericht-Versie-3.2.b.pdf"]
    assert "Wmo- en Jw-processen" in sap.text
    assert "Stuurgroep i-Sociaal Domein" in sap.text
    heads = [sap.text[b.start:b.end] for b in sap.blocks if b.kind == "heading"]
    assert "2.3 Toewijzingsproces" in heads
    rows = [b for b in sap.blocks if b.kind == "table_row"]
    assert any(sap.cell_text(r, 0) == "Verzoek om Toewijzing (VOT)" for r in rows if r.cells)
    casus = real_docs["Casus_08_Taakgericht.pdf"]
    assert casus.table_rows(0)


def _pdf_paths(tmp_path):
    path = tmp_path / "strategie.pdf"
    path.write_bytes(make_pdf(_strategy_pages()))
    return [path] + (sorted(SHARED_PDF.glob("*.pdf")) if SHARED_PDF.is_dir() else [])


def test_page_text_gives_pdfium_codes_and_indices(tmp_path):
    """Codes taken from the page text are pdfium's per-character codes (line-end hyphens, code 2,
    included), and text indices are character indices, on every page read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    from inkoopgraaf.extract.readers.pdf import _PageText

    hyphens = 0
    for path in _pdf_paths(tmp_path):
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            textpage = page.get_textpage()
            chars = _PageText(textpage)
            codes = [c.FPDFText_GetUnicode(textpage.raw, i) for i in range(chars.count)]
            assert chars.codes() == codes, (path.name, page)
            hyphens += codes.count(2)
            for t in range(len(chars.text)):
                assert chars.char_index(t) == c.FPDFText_GetCharIndexFromTextIndex(textpage.raw, t)
            textpage.close()
            page.close()
        pdf.close()
    assert hyphens or not SHARED_PDF.is_dir()      # the shared PDFs carry pdfium's line-end hyphens


def test_pages_whose_text_skips_characters_read_the_same(tmp_path, monkeypatch):
    """When pdfium's text is not one entry per character, codes and indices are asked per
    character; the document comes out the same."""
    from inkoopgraaf.extract.readers import pdf

    paths = _pdf_paths(tmp_path)[:3]
    before = [read_pdf(p) for p in paths]

    class Unaligned(pdf._PageText):
        def __init__(self, textpage):
            super().__init__(textpage)
            self.aligned = False

    monkeypatch.setattr(pdf, "_PageText", Unaligned)
    for doc, path in zip(before, paths):
        again = read_pdf(path)
        assert (again.text, again.blocks, again.pages) == (doc.text, doc.blocks, doc.pages), path.name


# -- ruled-table detection (pdfium rulings → grid → cells) -----------------------

def _grid(x_lines, y_lines, kind="line"):
    """A full grid: every x from bottom to top, every y from left to right."""
    left, right, bottom, top = x_lines[0], x_lines[-1], y_lines[-1], y_lines[0]
    if kind == "line":
        return ([("line", left, y, right, y) for y in y_lines]
                + [("line", x, bottom, x, top) for x in x_lines])
    # hairline filled rectangles, as word processors export table borders
    return ([("bar", left, y - 0.25, right - left, 0.5) for y in y_lines]
            + [("bar", x - 0.25, bottom, 0.5, top - bottom) for x in x_lines])


def _cells_on(page_ops, **kw):
    def read(tmp_path):
        path = tmp_path / "tabel.pdf"
        path.write_bytes(make_pdf([page_ops]))
        doc = read_pdf(path, **kw)
        rows = [b for b in doc.blocks if b.kind == "table_row"]
        return doc, [[doc.cell_text(r, i) for i in range(len(r.cells))] for r in rows]
    return read


_INTRO = [("text", 72, 740, 11, "De gemeenten in de regio Westkust kopen samen in.")]
_THREE_BY_THREE = [
    ("text", 76, 686, 10, "Perceel"), ("text", 226, 686, 10, "Bekostiging"), ("text", 356, 686, 10, "Looptijd"),
    ("text", 76, 666, 10, "Wonen"), ("text", 226, 666, 10, "Trajectprijs"), ("text", 356, 666, 10, "5 jaar"),
    ("text", 76, 646, 10, "Dagbesteding"), ("text", 226, 646, 10, "Resultaat"), ("text", 356, 646, 10, "3 jaar"),
]
_EXPECTED_3X3 = [["Perceel", "Bekostiging", "Looptijd"], ["Wonen", "Trajectprijs", "5 jaar"],
                 ["Dagbesteding", "Resultaat", "3 jaar"]]

# (label, page drawing, expected rows) — pages that are and are not tables
GRID_CASES = [
    ("3x3 grid of stroked lines", _INTRO + _grid([72, 222, 352, 472], [700, 680, 660, 640]) + _THREE_BY_THREE,
     _EXPECTED_3X3),
    ("3x3 grid of hairline filled bars", _INTRO + _grid([72, 222, 352, 472], [700, 680, 660, 640], "bar")
     + _THREE_BY_THREE, _EXPECTED_3X3),
    ("3x3 grid of one rectangle per cell", _INTRO + [("rect", x, y, 150 if x == 72 else (130 if x == 222 else 120), 20)
                                                     for x in (72, 222, 352) for y in (680, 660, 640)]
     + _THREE_BY_THREE, _EXPECTED_3X3),
    ("framed text box is not a table", _INTRO + [("rect", 70, 630, 400, 60),
                                                 ("text", 76, 670, 11, "Let op: de inschrijving sluit op 1 maart."),
                                                 ("text", 76, 650, 11, "Vragen kunnen tot 15 februari.")], []),
    ("underlined heading and a rule are not a table", _INTRO + [
        ("text", 72, 700, 14, "Planning"), ("line", 72, 696, 300, 696), ("line", 72, 600, 540, 600),
        ("text", 72, 680, 11, "De gunning volgt in het najaar.")], []),
    ("two boxes side by side are not a table", _INTRO + [
        ("rect", 72, 640, 200, 60), ("rect", 300, 640, 200, 60),
        ("text", 80, 670, 10, "Regio Noord"), ("text", 308, 670, 10, "Regio Zuid")], []),
    ("diagonal watermark over a table stays out of the cells", _INTRO
     + _grid([72, 222, 352, 472], [700, 680, 660, 640]) + _THREE_BY_THREE
     + [("slanted", 150, 560, 60, 30, "CONCEPT")], _EXPECTED_3X3),
]


@pytest.mark.parametrize("label,ops,expected", GRID_CASES, ids=[c[0] for c in GRID_CASES])
def test_grid_detection(tmp_path, label, ops, expected):
    doc, rows = _cells_on(ops)(tmp_path)
    assert rows == expected, label
    if not expected:   # no table: its words stay in the running text
        words = [op[4] for op in ops if op[0] == "text"]
        assert all(w in doc.text for w in words)


def test_spanning_cell_keeps_columns_aligned(tmp_path):
    # header "Financiering" spans the two right columns: the second row's
    # cells still sit under the header's columns (empty slot for the span)
    ops = [("line", 72, y, 472, y) for y in (700, 680, 660)]
    ops += [("line", x, 660, x, 700) for x in (72, 222, 472)] + [("line", 352, 660, 352, 680)]
    ops += [("text", 76, 686, 10, "Perceel"), ("text", 226, 686, 10, "Financiering"),
            ("text", 76, 666, 10, "Verblijf"), ("text", 226, 666, 10, "Inspanning"), ("text", 356, 666, 10, "Resultaat")]
    _, rows = _cells_on(ops)(tmp_path)
    assert rows == [["Perceel", "Financiering"], ["Verblijf", "Inspanning", "Resultaat"]]


def test_wrapped_cell_text_is_one_cell(tmp_path):
    ops = _grid([72, 222, 472], [700, 660, 640]) + [
        ("text", 76, 686, 10, "Specialistische jeugd-"), ("text", 76, 672, 10, "hulp met verblijf"),
        ("text", 226, 686, 10, "Inspanningsgericht"),
        ("text", 76, 646, 10, "Ambulant"), ("text", 226, 646, 10, "Taakgericht")]
    _, rows = _cells_on(ops)(tmp_path)
    assert rows == [["Specialistische jeugdhulp met verblijf", "Inspanningsgericht"], ["Ambulant", "Taakgericht"]]


def test_pdfplumber_reference_engine_agrees(tmp_path):
    """pdfplumber stays available as the reference table engine: on a clean
    ruled table both engines give the same rows."""
    ops = _INTRO + _grid([72, 222, 352, 472], [700, 680, 660, 640]) + _THREE_BY_THREE
    _, ours = _cells_on(ops)(tmp_path)
    _, reference = _cells_on(ops, table_engine="pdfplumber")(tmp_path)
    assert ours == reference == _EXPECTED_3X3
