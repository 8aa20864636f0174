"""Text/Markdown reader: inline HTML and emphasis cleaned, tab rows → table cells, exact offsets."""
from __future__ import annotations

import pytest

from inkoopgraaf.extract.document import ReadError
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.text import clean_inline

CLEAN_CASES = [
    ("De <i>regio</i> koopt <u>samen</u> in.", "De regio koopt samen in."),
    ("**Besluit:** het college stemt in.", "Besluit: het college stemt in."),
    ("Een *tijdelijke* regeling voor __Wmo__-cliënten", "Een tijdelijke regeling voor Wmo-cliënten"),
    ("Tarief 5 * 3 = 15", "Tarief 5 * 3 = 15"),
    ("Jeugd &amp; Gezin", "Jeugd & Gezin"),
    ("<ul>- Ontwikkelen- Stabiliseren- Beschermd Thuis</ul>", " Ontwikkelen; Stabiliseren; Beschermd Thuis "),
]


@pytest.mark.parametrize("raw,clean", CLEAN_CASES)
def test_clean_inline(raw, clean):
    assert clean_inline(raw) == clean


TEXT = """# Inkoopstrategie Wmo 2026

De gemeenten kopen **begeleiding** in via een <i>open house</i>-procedure.

## Percelen
Perceel\tFinanciering\tLooptijd
Begeleiding\tTaakgericht\t4 jaar
Huishoudelijke hulp\t<b>Resultaatgericht</b>\t

- Eén contract per aanbieder
- Jaarlijkse indexatie
"""


@pytest.fixture()
def doc(tmp_path):
    path = tmp_path / "wmo.md"
    path.write_text(TEXT, encoding="utf-8")
    return read_document(path)


def test_blocks(doc):
    got = [(b.kind, b.level, doc.text[b.start:b.end]) for b in doc.blocks]
    assert got == [
        ("heading", 1, "Inkoopstrategie Wmo 2026"),
        ("paragraph", None, "De gemeenten kopen begeleiding in via een open house-procedure."),
        ("heading", 2, "Percelen"),
        ("table_row", None, "Perceel\tFinanciering\tLooptijd"),
        ("table_row", None, "Begeleiding\tTaakgericht\t4 jaar"),
        ("table_row", None, "Huishoudelijke hulp\tResultaatgericht"),
        ("list_item", None, "- Eén contract per aanbieder"),
        ("list_item", None, "- Jaarlijkse indexatie"),
    ]
    assert doc.format == "md" and doc.pages == []


def test_cells_are_exact(doc):
    rows = doc.table_rows(0)
    assert [[doc.cell_text(r, i) for i in range(len(r.cells))] for r in rows] == [
        ["Perceel", "Financiering", "Looptijd"], ["Begeleiding", "Taakgericht", "4 jaar"],
        ["Huishoudelijke hulp", "Resultaatgericht"]]
    row = rows[1]
    offset = doc.text.index("Taakgericht")
    assert doc.block_at(offset) is row and doc.cell_index(row, offset) == 1


def test_offsets_point_into_text(doc):
    for b in doc.blocks:
        piece = doc.text[b.start:b.end]
        assert piece and piece == piece.strip()
        assert doc.block_at(b.start) is b


def test_windows_1252_text(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Cliënten krijgen één beschikking.".encode("cp1252"))
    assert "Cliënten krijgen één beschikking." in read_document(path).text


def test_binary_text_file_refused(tmp_path):
    path = tmp_path / "binair.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ReadError):
        read_document(path)


def test_words_broken_over_a_line_end_are_joined(tmp_path):
    """Text taken from a PDF keeps the printed hyphenation: a word broken at a line end is one word again,
    a hyphen that belongs to the word stays ('Wmo-' + 'loket'), a next line in capitals is a new line."""
    p = tmp_path / "a.txt"
    p.write_text("De gemeente koopt de dagbe-\n   steding opnieuw in via het Wmo-\nloket.\nJeugd-\nRegio Noord\n",
                 encoding="utf-8")
    text = read_document(p).text
    assert "dagbesteding opnieuw in" in text
    assert "Wmo-loket." in text
    assert "Jeugd-\nRegio Noord" in text


# -- shared text helpers (builder.py): the fast forms give what the plain regex gives -------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINE_PIECES = st.text(alphabet="ab é-_1 \t\u00a0\u2009\u202f\n", max_size=14)


@settings(max_examples=400, deadline=None)
@given(_LINE_PIECES)
def test_space_runs_collapse_like_every_run(text):
    import re

    from inkoopgraaf.extract.readers.builder import space_runs

    chars = r" \t\u00a0\u2009\u202f"
    assert space_runs(chars).sub(" ", text) == re.sub(f"[{chars}]+", " ", text)


@settings(max_examples=400, deadline=None)
@given(_LINE_PIECES)
def test_broken_word_end_is_the_whole_text_search(text):
    import re

    from inkoopgraaf.extract.readers.builder import ends_in_broken_word

    assert ends_in_broken_word(text) == bool(re.search(r"[^\W\d_]-$", text))


def test_broken_word_ends():
    from inkoopgraaf.extract.readers.builder import ends_in_broken_word

    assert ends_in_broken_word("de specialistische jeugd-")
    assert not ends_in_broken_word("periode 2026-") and not ends_in_broken_word("zie bijlage -")
