"""The manifest as people save it: Dutch Excel writes ';' and Windows-1252."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.extract.manifest import read_manifest

ROWS = [("file", "region", "title", "year"), ("a.txt", "lekstroom", "Beleidsplan café-overleg", "2022"),
        ("b.txt", "achterhoek", "Notitie", "twintig"), ("c.txt", "achterhoek", "Inkoop Wmo", "2021")]


@pytest.mark.parametrize("sep,encoding", [(";", "cp1252"), (";", "utf-8-sig"), (",", "utf-8"),
                                          (",", "cp1252"), ("\t", "utf-8-sig")])
def test_excel_manifests_are_read_and_a_bad_row_is_a_warning(tmp_path, sep, encoding):
    m = tmp_path / "manifest.csv"
    m.write_bytes("\r\n".join(sep.join(r) for r in ROWS).encode(encoding) + b"\r\n")
    warnings = []
    rows = read_manifest(m, warn=warnings.append)
    assert rows["a.txt"]["title"] == "Beleidsplan café-overleg" and rows["a"]["year"] == 2022
    assert rows["c.txt"]["region"] == "achterhoek" and "b.txt" not in rows
    assert warnings == [f"{m}:3: year 'twintig' is not a year (e.g. 2022); row ignored"]


def test_a_bad_manifest_row_never_stops_the_batch(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Inkoopstrategie Wmo regio Lekstroom\n\nDe contracten starten per 1 januari 2024.\n",
                                  encoding="utf-8")
    (corpus / "manifest.csv").write_bytes("file;title;year\r\na.txt;Café;twintig\r\n".encode("cp1252"))
    r = CliRunner().invoke(main, ["extract", str(corpus), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert (f"inkoopgraaf: warning: {corpus}/manifest.csv:2: year 'twintig' is not a year (e.g. 2022); "
            "row ignored") in r.stderr.splitlines()
    assert (tmp_path / "out" / "facts.jsonl").read_text().strip()
