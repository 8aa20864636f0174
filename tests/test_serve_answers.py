"""The explorer answers as the CLI does (answers2 follow-ups of issue 12): a whole-procurement row
shown for a segment carries that segment's contract start, and every date keeps the precision
the text gave it ('2027', 'oktober 2025'), from a real Datasette on a build of one own document."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer_sample import rows, running_server
from inkoopgraaf.cli import main

DOC = Path(__file__).parent / "data" / "answers_docs" / "inkoopplan_eemland_2025.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("eemland")
    shutil.copy(DOC, corpus / DOC.name)
    out = tmp_path_factory.mktemp("outputs")
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with running_server(out) as base:
        yield base + "/inkoopgraaf"


def test_financiering_gives_the_segments_own_start_as_the_cli_does(server):
    def starts(segment):
        return [(r["Segment"], r["Bekostiging"], r["Ingangsdatum"])
                for r in rows(server, "financiering", segment=segment, bekostiging="", status="")]
    assert starts("ambulant") == [("hele inkoop", "Lumpsum", "2026-07-01")]   # not 2026-01-01
    assert starts("dyslexie") == [("hele inkoop", "Lumpsum", "2027")]         # not 2027-01-01
    assert starts("") == [("hele inkoop", "Lumpsum", "2026-01-01")]           # the whole procurement's own


def test_besluiten_and_regio_profiel_show_a_year_as_the_year(server):
    found = rows(server, "besluiten", regio="eemland", wie="", status="")
    assert [(r["Wie"], r["Wanneer"], r["Status"]) for r in found] == [("college van B&W", "2025", "gepland")]
    profile = rows(server, "regio_profiel", regio="Eemland")
    dates = [r["Wat"] for r in profile if r["Onderwerp"] == "datum"]
    assert "gunning: oktober 2025" in dates and any(d.endswith(": 2027") for d in dates), dates
    assert not any("-01-01" in (r["Wat"] or "") and "2027" in (r["Wat"] or "") for r in profile)
