"""`inkoopgraaf serve`: a real Datasette on a free loopback port, its canned queries' JSON,
Dutch metadata, SQL off by default, evidence links, and escaping of hostile document text."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from explorer_sample import HOSTILE_TEXT, get, rows, running_server, write_outputs
from inkoopgraaf import serve as serve_mod
from inkoopgraaf.serve import canned_queries, metadata


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    return write_outputs(tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="module")
def server(outputs):
    with running_server(outputs) as base:
        yield base + "/inkoopgraaf"


def test_financing_by_segment_and_model_with_start_date(server):
    found = rows(server, "financiering", segment="dyslexie", bekostiging="populatiebekostiging", status="")
    assert [(r["Regio"], r["Segment"], r["Bekostiging"], r["Status"]) for r in found] == [
        ("Lekstroom", "Dyslexie", "Populatiebekostiging", "gekozen")]
    assert found[0]["Citaat"] and found[0]["Document"] == "Update inkoop sociaal domein Lekstroom 2022"
    assert isinstance(found[0]["Bewijs"], int) and "Ingangsdatum" in found[0]
    # the document's own wording and the Dutch status word resolve
    lumpsum = rows(server, "financiering", segment="", bekostiging="lumpsum-financiering", status="gekozen")
    assert {(r["Regio"], r["Segment"]) for r in lumpsum} == {("Lekstroom", "Wmo begeleiding"),
                                                              ("Lekstroom", "Dyslexie")}
    assert {r["Status"] for r in lumpsum} == {"gekozen"}


def test_decisions_of_a_region_who_what_when_status(server):
    found = rows(server, "besluiten", regio="Lekstroom", wie="", status="")
    got = {(r["Wie"], r["Wat"], r["Wanneer"], r["Status"]) for r in found}
    assert ("college van B&W", "Wmo-begeleiding opnieuw inkopen", "2015-05-12", "genomen") in got
    assert ("gemeenteraad", "verordening", "december 2022", "gepland") in got
    assert [r["Wat"] for r in rows(server, "besluiten", regio="lekstroom", wie="raad", status="gepland")] == \
        ["verordening"]


def test_plan_changes_per_region_in_days(server):
    found = rows(server, "planwijzigingen", regio="")
    assert found
    for r in found:
        assert r["Van"] and r["Naar"] and r["Citaat"]
        n = abs(r["Dagen"])
        word = "vervroegd" if r["Dagen"] < 0 else ("verlengd" if r["Soort datum"] == "einddatum contract"
                                                    else "uitgesteld")
        assert r["Verschuiving"] == f"{word} met {n} dagen"
    lek = rows(server, "planwijzigingen", regio="lekstroom")
    assert [(r["Van"], r["Naar"], r["Verschuiving"]) for r in lek] == [("2022-07-01", "2022-10-01",
                                                                        "uitgesteld met 92 dagen")]


def test_region_profile_over_the_years(server):
    found = rows(server, "regio_profiel", regio="lekstroom")
    assert {r["Jaar"] for r in found} >= {2015, 2022}
    assert {"segment", "bekostiging", "planwijziging", "besluit"} <= {r["Onderwerp"] for r in found}
    pxq = [(r["Jaar"], r["Status"]) for r in found if r["Onderwerp"] == "bekostiging" and r["Wat"].startswith("PxQ")]
    assert (2015, "gekozen") in pxq and (2022, "eerder") in pxq  # what changed between the years


def test_search_in_documents_with_quote_and_link(server):
    found = rows(server, "zoek", zoekterm="populatiebekostiging")
    assert found and all("populatiebekostiging" in (r["Citaat"] or "").lower() for r in found)
    assert any(r["Soort"] == "tekst" for r in found) and any(r["Bewijs"] for r in found)
    assert rows(server, "zoek", zoekterm="") == []
    assert rows(server, "zoek", zoekterm='"open OR (') == []  # FTS syntax in input is no error
    status, page = get(f"{server}/zoek?zoekterm=populatiebekostiging")
    link = re.search(r'href="(/inkoopgraaf/bewijs\?fact=\d+)"', page)
    assert status == 200 and link and "volledige tekst" in page
    # the evidence view shows the span in its context and links to the whole document
    fact = int(link.group(1).rsplit("=", 1)[1])
    ev = rows(server, "bewijs", fact=fact)[0]
    assert re.search(r"⟦[^⟧]+⟧", ev["Context"]) and ev["Document"]
    status, page = get(server.rsplit("/", 1)[0] + link.group(1))
    assert status == 200 and "/inkoopgraaf/texts/" in page


def test_tables_are_in_dutch_with_facets_and_evidence_links(server):
    status, page = get(server)
    assert status == 200 and "Welke regio&#39;s financieren segment X met model Y?" in page
    assert '<a href="/inkoopgraaf/decisions">Besluiten</a>' in page  # tables by their Dutch titles
    status, page = get(f"{server}/financing")
    assert status == 200 and "Bekostiging per regio en segment" in page
    assert "Variant (iSD): uitvoeringsvariant" in page
    assert 'href="/inkoopgraaf/bewijs?fact=' in page
    data = json.loads(get(f"{server}/financing.json?_facet=region&_facet=status")[1])
    assert {"region", "status"} <= set(data["facet_results"])


def test_sql_is_off_by_default_and_the_file_is_read_only(server, outputs):
    assert get(f"{server}?sql=select+1")[0] == 403
    assert get(f"{server}/financiering.json?segment=&bekostiging=&status=")[0] == 200
    with running_server(outputs, "--sql") as base:
        status, body = get(f"{base}/inkoopgraaf.json?sql=select+count(*)+as+n+from+facts&_shape=array")
        assert status == 200 and json.loads(body)[0]["n"] > 0
        status, _ = get(f"{base}/inkoopgraaf.json?sql=delete+from+facts")
        assert status != 200 or "error" in _


def test_hostile_document_text_is_escaped(server):
    pages = [get(f"{server}/zoek?zoekterm=lumpsum")[1], get(f"{server}/texts/hostile")[1],
             get(f"{server}/documents/hostile")[1]]
    fact = rows(server, "zoek", zoekterm="lumpsum")
    fact = next(r["Bewijs"] for r in fact if r["Stuk"] == "hostile" and r["Bewijs"])
    pages.append(get(f"{server}/bewijs?fact={fact}")[1])
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page and 'onmouseover="alert' not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page or "&lt;b onmouseover" in page
    assert HOSTILE_TEXT.split("\n")[0] not in pages[1]


def test_serve_binds_loopback_and_sql_off_by_default(outputs, monkeypatch):
    seen = {}
    monkeypatch.setattr(serve_mod, "_run_until_stopped", lambda args: seen.setdefault("args", args) and 0)
    res = CliRunner().invoke(serve_mod.serve, ["--outputs", str(outputs)])
    assert res.exit_code == 0, res.output
    args = seen["args"]
    assert args[args.index("--host") + 1] == "127.0.0.1" and args[args.index("--port") + 1] == "8001"
    assert "-i" in args and "default_allow_sql" in args and args[args.index("default_allow_sql") + 1] == "off"


def test_serve_without_a_build_says_what_to_do(tmp_path):
    res = CliRunner().invoke(serve_mod.serve, ["--outputs", str(tmp_path)])
    assert res.exit_code != 0 and "inkoopgraaf build" in res.output


def test_metadata_labels_every_column_of_every_table(outputs):
    meta = metadata(outputs / "inkoopgraaf.db")["databases"]["inkoopgraaf"]
    import sqlite3
    con = sqlite3.connect(outputs / "inkoopgraaf.db")
    for table, conf in meta["tables"].items():
        if conf.get("hidden"):
            continue
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        assert conf.get("title") and conf.get("description"), table
        assert set(conf["columns"]) == set(cols), (table, set(cols) - set(conf["columns"]))
    assert list(canned_queries())[:5] == ["financiering", "besluiten", "planwijzigingen", "regio_profiel", "zoek"]
    assert all(q["title"] and q["description"] for q in canned_queries().values())
