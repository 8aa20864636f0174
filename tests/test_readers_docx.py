"""DOCX reader: structure in document order, and safe refusal of hostile archives.

Every .docx is built here with zipfile and minimal WordprocessingML, so the
tests need no fixtures on disk and show exactly what the reader relies on.
"""
from __future__ import annotations

import zipfile

import pytest

from inkoopgraaf.extract.document import ReadError
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.docx import read_docx

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
  <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="Kop 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="EigenKop"><w:name w:val="Hoofdstuktitel"/><w:basedOn w:val="Kop1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""


def p(text: str, style: str | None = None, ilvl: int | None = None) -> str:
    ppr = ""
    if style or ilvl is not None:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if ilvl is not None:
            inner += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(text: str, span: int = 1) -> str:
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{pr}{p(text)}</w:tc>"


def document_xml(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {NS}><w:body>{body}</w:body></w:document>")


def make_docx(path, body: str, styles: str | None = STYLES, extra: dict | None = None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document_xml(body) if not body.startswith("<?xml") else body)
        if styles:
            zf.writestr("word/styles.xml", styles)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


BODY = "".join([
    p("Inkoopstrategie Jeugdhulp 2026", "Kop1"),
    p("De gemeenten in de regio kopen specialistische jeugdhulp gezamenlijk in."),
    p("Uitgangspunten", "Kop2"),
    p("Resultaatgerichte financiering per traject", "Lijstalinea", ilvl=0),
    p("Met een vast tarief per cliënt", None, ilvl=1),
    "<w:tbl>",
    "<w:tr>" + tc("Segment") + tc("Financiering") + tc("Looptijd") + "</w:tr>",
    "<w:tr>" + tc("Verblijf") + tc("Inspanningsgericht") + tc("4 jaar") + "</w:tr>",
    "<w:tr>" + tc("Toelichting volgt in bijlage 2", span=3) + "</w:tr>",
    "</w:tbl>",
    p("Planning", "EigenKop"),
    '<w:p><w:r><w:t>De aanbesteding start op </w:t></w:r><w:r><w:delText>1 maart</w:delText></w:r>'
    '<w:r><w:t>1 april 2026.</w:t></w:r></w:p>',
])


@pytest.fixture()
def strategy_docx(tmp_path):
    return read_docx(make_docx(tmp_path / "strategie.docx", BODY))


def test_blocks_in_document_order(strategy_docx):
    doc = strategy_docx
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [("heading", 1), ("paragraph", None), ("heading", 2), ("list_item", 1),
                     ("list_item", 2), ("table_row", None), ("table_row", None), ("table_row", None),
                     ("heading", 1), ("paragraph", None)]
    assert doc.format == "docx" and doc.id == "strategie" and doc.pages == []


def test_offsets_are_exact(strategy_docx):
    doc = strategy_docx
    for b in doc.blocks:
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]
        for s, e in b.cells:
            assert "\t" not in doc.text[s:e] and "\n" not in doc.text[s:e]
    assert doc.text[doc.blocks[0].start:doc.blocks[0].end] == "Inkoopstrategie Jeugdhulp 2026"


def test_table_cells_and_grid_span(strategy_docx):
    doc = strategy_docx
    rows = doc.table_rows(0)
    assert [doc.cell_text(rows[1], i) for i in range(3)] == ["Verblijf", "Inspanningsgericht", "4 jaar"]
    assert doc.cell_text(rows[2], 0) == "Toelichting volgt in bijlage 2"
    assert [r.row for r in rows] == [0, 1, 2]


def test_tracked_deletions_are_not_text(strategy_docx):
    assert "1 maart" not in strategy_docx.text
    assert "De aanbesteding start op 1 april 2026." in strategy_docx.text


def test_heading_chain(strategy_docx):
    doc = strategy_docx
    item = doc.text.index("Met een vast tarief")
    assert [doc.text[h.start:h.end] for h in doc.headings_before(item)] == [
        "Inkoopstrategie Jeugdhulp 2026", "Uitgangspunten"]


def test_without_styles_part(tmp_path):
    doc = read_docx(make_docx(tmp_path / "kaal.docx", p("Alleen tekst over Wmo-ondersteuning."), styles=None))
    assert doc.text.strip() == "Alleen tekst over Wmo-ondersteuning."


# -- hostile and broken files -------------------------------------------------

def test_zip_bomb_ratio_is_refused(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document_xml(p("x")))
        zf.writestr("word/media/vulling.bin", b"\0" * (20 * 1024 * 1024))   # ~20 KB compressed
    with pytest.raises(ReadError, match="zip bomb"):
        read_docx(path)


def test_zip_bomb_total_size_is_refused(tmp_path, monkeypatch):
    import inkoopgraaf.extract.readers.docx as docx_reader

    # a real 200 MB archive is too slow to build in a unit test: lower the limit
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_UNCOMPRESSED", 50_000)
    path = make_docx(tmp_path / "groot.docx", p("Tekst. " * 10_000))
    with pytest.raises(ReadError, match="would unpack to"):
        read_docx(path)


BROKEN = [
    ("plain text", b"Dit is geen Word-bestand maar platte tekst.", r"this \.docx is plain text \(rename it to \.txt"),
    ("html page", b"<!DOCTYPE html><html><body>x</body></html>", r"this \.docx is an HTML page"),
    ("not a zip archive", bytes(range(256)), "not a valid .docx"),
    ("old .doc / encrypted", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "password-protected or old-format"),
]


@pytest.mark.parametrize("label,data,reason", BROKEN, ids=[b[0] for b in BROKEN])
def test_non_zip_files(tmp_path, label, data, reason):
    path = tmp_path / "kapot.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read_docx(path)


def test_malformed_xml(tmp_path):
    path = make_docx(tmp_path / "kapot.docx", f'<?xml version="1.0"?><w:document {NS}><w:body><w:p><w:r>')
    with pytest.raises(ReadError, match="malformed XML in word/document.xml"):
        read_docx(path)


def test_entity_expansion_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            f'<w:document {NS}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    path = make_docx(tmp_path / "entiteit.docx", bomb)
    with pytest.raises(ReadError, match="unsafe XML"):
        read_docx(path)


def test_missing_document_part(tmp_path):
    path = tmp_path / "leeg.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/styles.xml", STYLES)
    with pytest.raises(ReadError, match="word/document.xml is missing"):
        read_docx(path)


def test_truncated_archive(tmp_path):
    good = make_docx(tmp_path / "heel.docx", BODY)
    cut = tmp_path / "afgebroken.docx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ReadError):
        read_document(cut)


def test_dispatch_through_read_document(tmp_path):
    doc = read_document(make_docx(tmp_path / "via_dispatch.docx", BODY))
    assert doc.format == "docx" and doc.blocks
