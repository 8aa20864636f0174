"""Markdown pipe tables are tables: rows become table_row blocks with cells, so the
segment/financing extractor reads "| Segment | Bekostiging |" tables by row and column."""
from __future__ import annotations

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.text import markdown_cells
from inkoopgraaf.extract.segments import extract_financing, extract_procedures


@pytest.mark.parametrize("line,cells", [
    ("| Perceel | Financiering |", [" Perceel ", " Financiering "]),
    ("|Perceel|Financiering|", ["Perceel", "Financiering"]),
    ("  | Wmo \\| Jeugd | Lumpsum |  ", [" Wmo | Jeugd ", " Lumpsum "]),
    ("|---|---|", []),
    ("| :--- | :---: | ---: |", []),
    ("Tarief a | b", None),          # a pipe inside prose is not a table
    ("|", None),
])
def test_markdown_cells(line, cells):
    assert markdown_cells(line) == cells


DOC = """# Verwervingsplan Wmo 2027

## Bekostiging per perceel

Voor de nieuwe overeenkomsten gelden de volgende afspraken:

| Perceel | Bekostiging | Procedure |
|:--------|:-----------:|----------:|
| Huishoudelijke hulp | Resultaatgerichte bekostiging | Open house |
| Beschermd wonen | Lumpsum per instelling | Bestuurlijk aanbesteden |

Tekst na de tabel.
"""


@pytest.fixture()
def doc(tmp_path):
    p = tmp_path / "plan.md"
    p.write_text(DOC, encoding="utf-8")
    return read_document(p)


def test_pipe_rows_become_table_rows_with_exact_cells(doc):
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [[doc.text[s:e] for s, e in b.cells] for b in rows] == [
        ["Perceel", "Bekostiging", "Procedure"],
        ["Huishoudelijke hulp", "Resultaatgerichte bekostiging", "Open house"],
        ["Beschermd wonen", "Lumpsum per instelling", "Bestuurlijk aanbesteden"],
    ]
    assert len({b.table for b in rows}) == 1 and [b.row for b in rows] == [0, 1, 2]
    # the alignment row leaves no text behind; prose around the table stays prose
    assert "---" not in doc.text
    assert [b.kind for b in doc.blocks][-1] == "paragraph"


def test_pipe_table_rows_attach_models_to_their_segment(doc):
    ctx = ExtractionContext(doc)
    fin = {(f.value["id"], f.value["segment"]) for f in extract_financing(ctx)}
    proc = {(f.value["id"], f.value["segment"]) for f in extract_procedures(ctx)}
    assert ("resultaatgericht", "hulp_bij_huishouden") in fin
    assert ("lumpsum", "beschermd_wonen") in fin
    assert ("open_house", "hulp_bij_huishouden") in proc
    assert ("bestuurlijk_aanbesteden", "beschermd_wonen") in proc
