"""The report's Python side without a browser: escaping, payload, Dutch value summaries."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

import pandas as pd
import pytest

from inkoopgraaf.models.facts import Fact
from inkoopgraaf.report import build_payload, json_for_script, render_html, summarize, write_report
from inkoopgraaf.report.render import UNKNOWN_REGION, WHOLE_DOCUMENT, format_interval
from report_sample import HOSTILE_TEXT, hostile_inputs, sample_inputs

DATA_ISLAND = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)

HOSTILE_STRINGS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT >",
    "<!-- <script>",
    "<img src=x onerror=alert(1)>",
    "</textarea></title></style>",
    "a & b &amp; c",
    "regel\u2028scheiding\u2029alinea",
    "{{JS}} {{DATA}}",
    HOSTILE_TEXT,
]


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_json_for_script_round_trips_and_cannot_close_the_element(text):
    encoded = json_for_script({"t": text, "list": [text]})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == {"t": text, "list": [text]}


def test_rendered_page_keeps_hostile_text_inside_the_data_island():
    facts, documents, texts = hostile_inputs()
    page = render_html(build_payload(facts, documents, texts))
    islands = DATA_ISLAND.findall(page)
    assert len(islands) == 1
    data = json.loads(islands[0])
    assert data["texts"][0] == HOSTILE_TEXT
    # Exactly two script elements: the data island and the report's own code.
    assert len(re.findall(r"<script\b", page, re.I)) == 2
    assert "{{" not in page.replace(islands[0], "")


def test_csp_allows_only_the_inline_script_and_no_network():
    facts, documents, texts = sample_inputs()
    page = render_html(build_payload(facts, documents, texts))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "http" not in csp
    script = re.findall(r"<script>(.*?)</script>", page, re.S)[-1]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


@pytest.mark.parametrize("asset", ["template.html", "report.css", "report.js"])
def test_assets_are_self_contained_and_never_parse_data_as_html(asset):
    text = resources.files("inkoopgraaf.report").joinpath(asset).read_text("utf-8")
    # The only URL allowed is the SVG namespace name, which is never fetched.
    urls = set(re.findall(r"https?://[^\s'\"<>)]+", text)) - {"http://www.w3.org/2000/svg"}
    assert not urls
    assert not re.search(r"@import|url\((?!#)|<link\b|\bsrc=", text)  # url(#id): same-document marker
    if asset == "report.js":
        code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # the header comment names the sinks it avoids
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code


@pytest.mark.parametrize("start,end,granularity,expected", [
    ("2023-01-01", "2023-01-01", "day", "1 januari 2023"),
    ("2022-04-01", "2022-04-30", "month", "april 2022"),
    ("2024-02-01", "2024-02-29", "month", "februari 2024"),
    ("2022-01-01", "2022-03-31", "quarter", "Q1 2022"),
    ("2022-01-01", "2022-12-31", "year", "2022"),
    ("2014-01-01", "2018-12-31", "years", "2014–2018"),
    ("2022-03-20", "2022-06-20", "season", "20 maart 2022 – 20 juni 2022"),
    ("2021-03-11", "2021-03-20", "day", "11 maart 2021 – 20 maart 2021"),
    ("2022-12-01", "2022-12-31", "month", "december 2022"),
    (None, None, "unknown", "datum onbekend"),
    ("onzin", None, "unknown", "onzin"),
])
def test_format_interval_reads_like_dutch(start, end, granularity, expected):
    assert format_interval(start, end, granularity) == expected


@pytest.mark.parametrize("ftype,value,expected", [
    ("date", {"start": "2023-01-01", "end": "2023-01-01", "granularity": "day", "modifier": "per", "event": "contract_start"},
     "per 1 januari 2023 · start contract"),
    ("financing", {"id": "lumpsum", "variant": "taakgericht", "segment": "dyslexie", "status": "chosen"},
     "Lumpsum (taakgericht) · gekozen · segment Dyslexie"),
    ("financing", {"id": "pxq", "variant": None, "segment": None, "status": "rejected"},
     "PxQ (inspanningsgericht) · afgewezen · hele document"),
    ("procedure", {"id": "open_house", "segment": None, "status": None}, "Open House · status onbekend · hele document"),
    ("decision", {"actor": "raad", "status": "taken", "object": "inkoopkader vastgesteld", "date": None},
     "Gemeenteraad · genomen: inkoopkader vastgesteld"),
    ("municipality", {"cbs": "GM0356", "name": "Nieuwegein"}, "Nieuwegein (GM0356)"),
    ("region", {"id": "lekstroom", "name": "Lekstroom"}, "Lekstroom (lekstroom)"),
    ("segment", {"id": "other", "label": "begeleiding Groep", "domain": "jeugd", "parent": "onderwijs"},
     "Overig: begeleiding Groep (jeugd) · onderdeel van Jeugdhulp in onderwijstijd"),
    ("plan_change", {"what": "ingang contract", "from": {"start": "2022-07-01"}, "to": {"start": "2022-10-01"}},
     "ingang contract: 1 juli 2022 → 1 oktober 2022 (+92 dagen)"),
    ("plan_change", {"what": "dyslexie", "from": "2022-01-01", "to": "2021-08-01", "shift_days": -153},
     "dyslexie: 1 januari 2022 → 1 augustus 2021 (-153 dagen)"),
])
def test_summaries(ftype, value, expected):
    assert summarize(ftype, value) == expected


def _payload():
    facts, documents, texts = sample_inputs()
    return build_payload(facts, documents, texts), facts


def test_regions_come_from_region_facts_and_unknown_region_catches_the_rest():
    payload, _ = _payload()
    names = {r["id"]: r for r in payload["regions"]}
    assert set(names) == {"rivierenland", "holland_rijnland", UNKNOWN_REGION}
    assert [m[0] for m in names["rivierenland"]["municipalities"]] == ["GM0216", "GM0281", "GM1960"]
    failed = next(i for i, d in enumerate(payload["docs"]) if d["status"] == "failed")
    assert payload["docs"][failed]["regions"] == [payload["regions"].index(names[UNKNOWN_REGION])]
    assert payload["regions"][-1]["id"] == UNKNOWN_REGION  # "onbekend" sorts last


def test_matrix_groups_financing_and_procedure_per_region_and_segment():
    payload, facts = _payload()
    regions = [r["id"] for r in payload["regions"]]
    rows = {regions[row["region"]]: row["cells"] for row in payload["matrix"]["rows"]}
    ambulant = rows["rivierenland"]["ambulant"]
    assert [(e[0], e[2], e[3]) for e in ambulant["fin"]] == [("lumpsum", "taakgericht", "chosen"),
                                                            ("pxq", "inspanningsgericht", "previous")]
    assert facts[ambulant["fin"][0][4][0]].text == "lumpsum"
    assert [e[0] for e in rows["rivierenland"]["dyslexie"]["proc"]] == ["open_house"]
    # A procedure without a segment applies to the whole document.
    assert [e[0] for e in rows["holland_rijnland"][WHOLE_DOCUMENT]["proc"]] == ["niet_openbaar"]
    columns = [c["id"] for c in payload["matrix"]["columns"]]
    assert columns[0] == WHOLE_DOCUMENT
    assert columns.index("ambulant") < columns.index("hulp_bij_huishouden")  # youth care before Wmo


def test_timeline_events_and_plan_changes():
    payload, _ = _payload()
    regions = [r["id"] for r in payload["regions"]]
    tl = {regions[t["region"]]: t for t in payload["timeline"]}
    events = [(e[0], e[1]) for e in tl["rivierenland"]["events"]]
    assert ("contract_start", "2024-01-01") in events and ("publication", "2023-03-01") in events
    assert events == sorted(events, key=lambda e: e[1])
    # The same decision date from the date fact is one event (not one per mention).
    assert events.count(("decision", "2022-12-12")) == 1
    assert [(c[1], c[2], c[3]) for c in tl["rivierenland"]["changes"]] == [("2023-01-01", "2024-01-01", 365)]


def test_repeated_mentions_of_one_date_become_one_timeline_event():
    text = "Start per 1 januari 2025. Nogmaals: per 1 januari 2025."
    value = {"start": "2025-01-01", "end": "2025-01-01", "granularity": "day", "modifier": "per", "event": "contract_start"}
    facts = [Fact("d", "date", "1 januari 2025", i, i + 14, None, value, 0.9) for i in (10, 40)]
    payload = build_payload(facts, [{"id": "d", "status": "ok", "regions": ["ijmond"]}], {"d": text})
    (event,) = payload["timeline"][0]["events"]
    assert event[:3] == ["contract_start", "2025-01-01", "2025-01-01"] and event[3] == [0, 1]


def test_decisions_and_facts_rows():
    payload, facts = _payload()
    assert sorted((d[1], d[2]) for d in payload["decisions"]) == [("college", "taken"), ("raad", "proposed")]
    assert len(payload["facts"]) == len(facts)
    row = payload["facts"][0]
    assert payload["docs"][row[0]]["id"] == facts[0].doc and row[1:6] == [facts[0].type, facts[0].start,
                                                                          facts[0].end, facts[0].page, facts[0].text]


def test_facts_of_an_undeclared_document_and_dict_facts_are_accepted():
    fact = {"doc": "los", "type": "region", "text": "IJmond", "start": 0, "end": 6, "page": 2,
            "value": {"id": "ijmond", "name": "IJmond"}, "confidence": 0.9}
    payload = build_payload([fact], [], {"los": "IJmond werkt samen."})
    assert payload["docs"][0]["id"] == "los" and payload["docs"][0]["characters"] == 19
    assert payload["regions"] == [{"id": "ijmond", "name": "IJmond", "docs": [0], "municipalities": []}]


def test_tables_embed_readable_columns_and_link_rows_to_their_evidence():
    facts, documents, texts = sample_inputs()
    lump = next(f for f in facts if f.text == "lumpsum")
    df = pd.DataFrame([{"region": "rivierenland", "region_name": "Rivierenland", "segment": "all",
                        "segment_label": None, "financing": "lumpsum", "status": "chosen", "year": pd.NA,
                        "node": "x", "evidence_doc": lump.doc, "evidence_start": lump.start, "evidence_end": lump.end},
                       {"region": "ijmond", "region_name": "IJmond", "segment": "dyslexie",
                        "segment_label": "Dyslexie", "financing": "pxq", "status": None, "year": 2022,
                        "node": "y", "evidence_doc": None, "evidence_start": None, "evidence_end": None}])
    payload = build_payload(facts, documents, texts, tables={"financing": df, "eigen_tabel": df[["year"]]})
    table, own = payload["tables"]
    # Readable columns replace ids; machine columns (graph node, offsets) are left out.
    assert table["name"] == "Bekostiging per regio, segment en document"
    assert table["columns"] == ["Regio", "Segment", "Bekostiging", "Status", "Jaar document", "Brondocument"]
    assert table["rows"][0][:5] == ["Rivierenland", "hele document", "lumpsum", "gekozen", ""]
    assert table["rows"][1][:5] == ["IJmond", "Dyslexie", "pxq", "", "2022"]
    assert table["links"] == [facts.index(lump), None]
    assert own["name"] == "eigen_tabel" and "links" not in own


def test_write_report_writes_one_readable_file(tmp_path):
    facts, documents, texts = sample_inputs()
    path = write_report(tmp_path / "sub" / "rapport.html", facts, documents, texts, title="Regio's <vergelijken>")
    page = path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "<title>Regio&#x27;s &lt;vergelijken&gt;</title>" in page
    assert path.stat().st_mode & 0o044  # shareable, not the temp file's private 0600
    assert json.loads(DATA_ISLAND.search(page).group(1))["meta"]["title"] == "Regio's <vergelijken>"


def test_document_without_title_is_named_by_its_first_line():
    text = "\n\n  Verwervingsstrategie   Jeugdhulp Regio Gooi en Vechtstreek 2025\nDe regio koopt in.\n"
    payload = build_payload([], [{"id": "gooi", "status": "ok", "title": ""}], {"gooi": text})
    assert payload["docs"][0]["title"] == "Verwervingsstrategie Jeugdhulp Regio Gooi en Vechtstreek 2025"


@pytest.mark.parametrize("table,column,value,expected", [
    ("financing", "procedure", "open_house; sas", "Open House; SAS-procedure"),
    ("decisions", "segments", "dyslexie; verblijf", "Dyslexie; Jeugdhulp met verblijf"),
    ("decisions", "status", "planned", "gepland"),
    ("financing", "status", "previous", "eerder"),
    ("timeline", "event", "award_provisional", "Voorlopige gunning"),
    ("financing", "contract_start", "2024-01-01", "1 januari 2024"),
    ("members", "named_in_document", True, "ja"),
    ("financing", "variant", "none", "geen iSD-variant"),
    ("timeline", "segment", None, ""),
])
def test_table_cells_are_shown_in_dutch(table, column, value, expected):
    from inkoopgraaf.report.render import _table_value
    assert _table_value(table, column, value) == expected


def test_documents_csv_region_strings_are_split_not_iterated(tmp_path):
    """documents.csv stores regions as 'ijmond|zuid_kennemerland'; each is one region."""
    from inkoopgraaf.report.render import _region_list
    assert _region_list("ijmond|zuid_kennemerland") == ["ijmond", "zuid_kennemerland"]
    assert _region_list("") == [] and _region_list(None) == []
    assert _region_list(["lekstroom"]) == ["lekstroom"]
