"""HTML reader: structure from a real parser, site chrome dropped, broken markup survives."""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.extract.document import ReadError
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.html import read_html

SHARED_HTML = Path("/work/shared/html")

PAGE = """<!DOCTYPE html><html lang="nl"><head><title>Regio Zuidwest - Inkoop</title>
<style>p { color: red }</style><script>var menu = "Home";</script></head>
<body>
<div id="menuHolder"><ul><li><a href="/">Home</a></li><li>Contact</li></ul></div>
<nav><a href="/nieuws">Nieuws</a></nav>
<div id="breadcrumb">U bent hier: <a href="/">Home</a></div>
<div id="content">
  <h1>Inkoopstrategie Jeugd &amp; Wmo</h1>
  <p>De regio koopt <strong>vanaf 1 januari 2027</strong> de
     specialistische jeugdhulp gezamenlijk in.</p>
  <h2>Percelen</h2>
  <ul>
    <li>Jeugdhulp met verblijf
      <ul><li>Gezinshuizen</li><li>Residentieel</li></ul>
    </li>
    <li>Ambulante jeugdhulp</li>
  </ul>
  <table>
    <tr><th>Perceel</th><th>Financiering</th></tr>
    <tr><td>Verblijf</td><td>Inspanningsgericht</td></tr>
  </table>
  <div>Besluit van het college<br>van 12 maart 2026.</div>
</div>
<footer>© Gemeente Voorbeeld · Privacyverklaring</footer>
</body></html>"""


@pytest.fixture()
def page(tmp_path):
    path = tmp_path / "zuidwest.html"
    path.write_text(PAGE, encoding="utf-8")
    return read_html(path)


def blocks(doc):
    return [(b.kind, b.level, doc.text[b.start:b.end]) for b in doc.blocks]


def test_structure_in_order(page):
    assert blocks(page) == [
        ("heading", 1, "Inkoopstrategie Jeugd & Wmo"),
        ("paragraph", None, "De regio koopt vanaf 1 januari 2027 de specialistische jeugdhulp gezamenlijk in."),
        ("heading", 2, "Percelen"),
        ("list_item", 1, "Jeugdhulp met verblijf"),
        ("list_item", 2, "Gezinshuizen"),
        ("list_item", 2, "Residentieel"),
        ("list_item", 1, "Ambulante jeugdhulp"),
        ("table_row", None, "Perceel\tFinanciering"),
        ("table_row", None, "Verblijf\tInspanningsgericht"),
        ("paragraph", None, "Besluit van het college"),
        ("paragraph", None, "van 12 maart 2026."),
    ]


@pytest.mark.parametrize("noise", ["Home", "Contact", "Nieuws", "U bent hier", "Privacyverklaring",
                                   "color: red", "var menu"])
def test_chrome_and_code_dropped(page, noise):
    assert noise not in page.text


def test_cells(page):
    row = page.table_rows(0)[1]
    assert [page.cell_text(row, i) for i in range(2)] == ["Verblijf", "Inspanningsgericht"]


def test_title_used_when_no_h1(tmp_path):
    path = tmp_path / "zonder_h1.html"
    path.write_text("<html><head><title>Besluitenlijst 3 juni</title></head><body><p>Vastgesteld.</p></body></html>")
    doc = read_html(path)
    assert blocks(doc)[0] == ("heading", 1, "Besluitenlijst 3 juni")


MALFORMED = [
    ("unclosed tags", "<html><body><p>Eerste alinea<p>Tweede <b>vet<div>blok</body>", "Tweede vet"),
    ("stray end tags", "</div></span><h2>Agenda</h3><p>Punt 1</td></p>", "Agenda"),
    ("no html element", "<li>Los punt</li><li>Nog een punt", "Nog een punt"),
    ("windows-1252 bytes", "<p>Cliënt en zorgaanbieder</p>".encode("cp1252"), "zorgaanbieder"),
]


@pytest.mark.parametrize("label,markup,expect", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_markup_reads(tmp_path, label, markup, expect):
    path = tmp_path / "kapot.html"
    path.write_bytes(markup if isinstance(markup, bytes) else markup.encode())
    doc = read_document(path)
    assert expect in doc.text
    for b in doc.blocks:
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]


@pytest.mark.parametrize("data,reason", [
    (b"", r"empty file \(0 bytes\)"),
    (b"  \n\t ", "empty HTML"),
    (b"<html><head><script>alert(1)</script></head><body><nav>Menu</nav></body></html>", "no readable text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
])
def test_unreadable_html(tmp_path, data, reason):
    path = tmp_path / "leeg.html"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read_document(path)


@pytest.mark.skipif(not SHARED_HTML.is_dir(), reason="shared HTML not present")
@pytest.mark.parametrize("name", ["den_helder_meeting.html", "den_helder_faulty_meeting.html",
                                  "den_helder_meeting_item.html"])
def test_shared_pages(name):
    doc = read_document(SHARED_HTML / name)
    assert doc.format == "html" and doc.blocks
    assert "jwplayer" not in doc.text and "U bent hier" not in doc.text
    assert any(b.kind == "heading" for b in doc.blocks)
    if name != "den_helder_meeting_item.html":
        assert any(b.kind == "list_item" for b in doc.blocks)


NEWSLETTER = """<html><body>
<header><p class="editie">Nieuwsbrief Jeugd · editie 4 · 2 oktober 2025</p></header>
<main><h1>Nieuwe contracten per 1 januari 2026</h1><p>De regio ronde de aanbesteding af.</p></main>
<footer><p>Deze nieuwsbrief is een uitgave van de gemeenten Tiel, Culemborg en Buren.</p></footer>
</body></html>"""

SITE = """<html><body>
<header><a href="/">Home</a> <a href="/nieuws">Nieuws</a> <a href="/contact">Contact</a></header>
<main><h1>Inkoop Wmo</h1><p>Tekst van de pagina.</p></main>
<footer><a href="/a">Over ons</a> · <a href="/b">Vacatures</a></footer>
</body></html>"""


def test_content_in_header_and_footer_is_kept(tmp_path):
    """A newsletter's issue line and publisher are content; a site's menus and legal lines are not."""
    path = tmp_path / "nieuwsbrief.html"
    path.write_text(NEWSLETTER, encoding="utf-8")
    doc = read_html(path)
    assert "editie 4 · 2 oktober 2025" in doc.text
    assert "gemeenten Tiel, Culemborg en Buren" in doc.text
    site = tmp_path / "site.html"
    site.write_text(SITE, encoding="utf-8")
    text = read_html(site).text
    assert "Tekst van de pagina." in text
    for chrome in ("Home", "Contact", "Vacatures"):
        assert chrome not in text
