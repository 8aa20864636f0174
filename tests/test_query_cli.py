"""Query CLI and notebook API on a tmp outputs/ folder written from the mini corpus."""
from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from inkoopgraaf.api import OutputsNotBuilt, UnknownId, load
from inkoopgraaf.models.facts import dumps_facts
from inkoopgraaf.query_cli import COMMANDS, compare, query, region, timeline
from test_graph import load_case


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    facts, docs, _, _ = load_case()
    d = tmp_path_factory.mktemp("outputs")
    (d / "facts.jsonl").write_text(dumps_facts(facts), encoding="utf-8")
    with open(d / "documents.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(docs[0]))
        w.writeheader()
        w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in docs)
    return d


def run(cmd, *args):
    return CliRunner().invoke(cmd, [str(a) for a in args], catch_exceptions=False)


# --------------------------------------------------------------------------- API
def test_api_three_lines(outputs):
    kg = load(outputs)
    assert {"region", "segment", "financing", "status", "evidence_quote"} <= set(kg.financing.columns)
    assert kg.graph.has_node("region:lekstroom")
    assert len(kg.facts) == len(load_case()[0]) and "value_id" in kg.facts.columns
    assert set(kg.documents["id"]) >= {"lekstroom_memo_2015", "kapot_bestand"}


@pytest.mark.parametrize("typed,kind,expected", [
    ("dyslexie", "segment", "dyslexie"),
    ("Dyslexiezorg", "segment", "dyslexie"),            # a label as written
    ("perceel complexe jeugdhulp", "segment", "complex"),
    ("Lumpsum", "financing", "lumpsum"),
    ("lump sum", "financing", "lumpsum"),                # a taxonomy wording
    ("Open House", "procedure", "open_house"),
    ("Zuid-Kennemerland", "region", "zuid_kennemerland"),
])
def test_resolve_ids_labels_and_wordings(outputs, typed, kind, expected):
    assert load(outputs).resolve(kind, typed) == expected


@pytest.mark.parametrize("typed,kind,suggestion", [
    ("dyslexi", "segment", "dyslexie"),
    ("lekstrom", "region", "lekstroom"),
    ("populatie", "financing", "populatiebekostiging"),
])
def test_unknown_ids_suggest_the_nearest(outputs, typed, kind, suggestion):
    with pytest.raises(UnknownId) as err:
        load(outputs).resolve(kind, typed)
    assert suggestion in err.value.suggestions


def test_api_missing_outputs(tmp_path):
    with pytest.raises(OutputsNotBuilt, match="inkoopgraaf build"):
        load(tmp_path / "nothing")


def test_api_compare_and_profile(outputs):
    kg = load(outputs)
    cmp = kg.compare("complex")
    assert set(cmp.region) == {"ijmond", "zuid_kennemerland"}
    prof = kg.profile("lekstroom")
    assert set(prof.year.dropna()) == {2015, 2022}
    assert {"segment", "financing", "event", "plan_change", "decision"} <= set(prof.aspect)


# --------------------------------------------------------------------------- CLI
def test_commands_list():
    assert COMMANDS[:4] == [query, region, compare, timeline] and "serve" in {c.name for c in COMMANDS}
    assert all(isinstance(c, click.Command) for c in COMMANDS)


def test_query_answers_with_evidence(outputs):
    res = run(query, "--segment", "dyslexie", "--financing", "populatiebekostiging", "--outputs", outputs)
    assert res.exit_code == 0, res.output
    assert "populatiebekostiging (gekozen)" in res.output
    assert "procedure Open House" in res.output                        # Dutch labels, not ids
    assert "“populatiebekostiging” (Update inkoop sociaal domein Lekstroom 2022)" in res.output  # titles


def test_query_english_and_page_numbers(outputs):
    res = run(query, "--segment", "wmo_begeleiding", "--year", "2015", "--lang", "en", "--outputs", outputs)
    assert res.exit_code == 0, res.output
    assert "pxq (chosen)" in res.output and "contract start 2016-01-01" in res.output
    assert "(Memo inkoop Wmo-begeleiding regio Lekstroom, p. 1)" in res.output


def test_query_json_and_csv(outputs):
    res = run(query, "--financing", "lumpsum", "--format", "json", "--outputs", outputs)
    rows = json.loads(res.output)
    assert {(r["region"], r["segment"], r["status"]) for r in rows} == {
        ("lekstroom", "wmo_begeleiding", "chosen"), ("ijmond", "complex", "considered"),
        ("zuid_kennemerland", "complex", "considered")}
    assert all(r["evidence_quote"] for r in rows)
    res = run(query, "--procedure", "open_house", "--format", "csv", "--outputs", outputs)
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["region"], r["segment"], r["procedure"]) for r in rows] == [("lekstroom", "dyslexie", "open_house")]


def test_query_no_results_is_plain(outputs):
    res = run(query, "--segment", "crisis", "--outputs", outputs)
    assert res.exit_code == 0 and "Geen resultaten" in res.output


def test_unknown_id_is_a_usage_error_with_suggestion(outputs):
    res = CliRunner().invoke(query, ["--segment", "dyslexi", "--outputs", str(outputs)])
    assert res.exit_code == 2
    assert "unknown segment 'dyslexi'" in res.output and "dyslexie" in res.output
    res = CliRunner().invoke(region, ["lekstrom", "--outputs", str(outputs)])
    assert res.exit_code == 2 and "Did you mean: lekstroom" in res.output


def test_outputs_not_built(tmp_path):
    for cmd, args in ((query, ["--segment", "dyslexie"]), (region, ["lekstroom"]),
                      (compare, ["--segment", "ambulant"]), (timeline, ["achterhoek"])):
        res = CliRunner().invoke(cmd, [*args, "--outputs", str(tmp_path / "outputs")])
        assert res.exit_code == 1
        assert "run `inkoopgraaf build` first" in res.output.lower()


def test_region_profile_over_time(outputs):
    res = run(region, "lekstroom", "--outputs", outputs)
    assert res.exit_code == 0, res.output
    i2015, i2022 = res.output.index("== 2015"), res.output.index("== 2022")
    assert i2015 < i2022
    assert "Wmo begeleiding: PxQ (gekozen)" in res.output[i2015:i2022]
    assert "Wmo begeleiding: lumpsum (gekozen)" in res.output[i2022:]
    assert "Wmo begeleiding: PxQ (eerder)" in res.output[i2022:]


def test_compare_shows_whole_procurement_model_when_segment_has_none(outputs):
    res = run(compare, "--segment", "complex", "--format", "json", "--outputs", outputs)
    rows = json.loads(res.output)
    assert {(r["region"], r["financing"], r["status"]) for r in rows} == {
        ("ijmond", "lumpsum", "considered"), ("zuid_kennemerland", "lumpsum", "considered")}
    res = run(compare, "--segment", "other:veilig_thuis", "--format", "json", "--outputs", outputs)
    rows = json.loads(res.output)
    assert {(r["region"], r["segment"], r["financing"]) for r in rows} == {
        ("ijmond", "all", "pxq"), ("zuid_kennemerland", "all", "pxq")}


def test_timeline_with_plan_change(outputs):
    res = run(timeline, "lekstroom", "--outputs", outputs)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("5 data in 1 regio('s): Lekstroom")        # a one-line summary first
    starts = [l[:10] for l in lines[1:] if l[:4].isdigit()]
    assert starts == sorted(starts)
    assert any(l.startswith("2022-07-01") and "verschoven" in l for l in lines)
    assert "verschoven van 2022-07-01 naar 2022-10-01: uitgesteld met 92 dagen" in res.output
    assert "schuift op van 1 juli 2022 naar 1 oktober 2022" in res.output
    res = run(timeline, "lekstroom", "--format", "json", "--lang", "en", "--outputs", outputs)
    assert {r["event"] for r in json.loads(res.output)} == {"decision", "contract_start"}


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c.name)
def test_help_teaches_by_example(cmd):
    res = CliRunner().invoke(cmd, ["--help"])
    assert res.exit_code == 0
    assert "Examples:" in res.output and f"inkoopgraaf {cmd.name}" in res.output
    assert "--outputs" in res.output
    if cmd.name not in ("serve", "ids"):
        assert "--format" in res.output and "--lang" in res.output and "--excel" in res.output


def test_unknown_id_without_close_match_lists_known_ids(outputs):
    res = CliRunner().invoke(timeline, ["xyzzy", "--outputs", str(outputs)])
    assert res.exit_code == 2
    assert "Known region ids in these outputs: ijmond, lekstroom, unknown, zuid_kennemerland" in res.output
