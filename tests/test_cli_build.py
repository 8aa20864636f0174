"""End to end: `inkoopgraaf build` and `extract` on a small folder with one broken file."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main

STRATEGY = """Inkoopstrategie jeugdhulp regio Rivierenland 2025

De colleges van de gemeenten Tiel, Culemborg en Buren hebben op 12 maart 2024 besloten de jeugdhulp opnieuw in te kopen.
Voor het segment ambulante jeugdhulp kiezen de gemeenten voor lumpsumfinanciering.
Segment\tBekostiging
Dyslexiezorg\tTrajectfinanciering
De nieuwe contracten gaan in per 1 januari 2025.
"""


@pytest.fixture
def small_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rivierenland.txt").write_text(STRATEGY, encoding="utf-8")
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj garbage")
    return corpus


def test_build_writes_everything_and_reports_the_broken_file(small_corpus, tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(small_corpus), "--out", str(out)])
    assert r.exit_code == 1, r.output
    assert "kapot.pdf" in r.stderr and "rivierenland" not in r.stderr.split("kapot.pdf")[0]
    for name in ("facts.jsonl", "documents.csv", "graph.graphml", "graph.gexf", "graph.json", "graph.ttl",
                 "financing.csv", "timeline.csv", "decisions.csv", "plan_changes.csv", "report.html",
                 "neo4j/nodes.csv", "neo4j/relationships.csv", "texts/rivierenland.txt"):
        assert (out / name).exists(), name
    facts = [json.loads(line) for line in (out / "facts.jsonl").read_text().splitlines()]
    types = {f["type"] for f in facts}
    assert {"region", "municipality", "date", "segment", "financing", "decision"} <= types
    text = (out / "texts" / "rivierenland.txt").read_text()
    assert all(text[f["start"]:f["end"]] == f["text"] for f in facts)
    docs = (out / "documents.csv").read_text()
    assert "failed" in docs and "rivierenland" in docs


def test_rebuild_is_idempotent_and_uses_the_cache(small_corpus, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["build", str(small_corpus), "--out", str(out), "--no-report"])
    first = {p: (out / p).read_bytes() for p in ("facts.jsonl", "documents.csv", "financing.csv", "graph.json")}
    current = os.readlink(out / ".snapshots" / "current")
    r = runner.invoke(main, ["build", str(small_corpus), "--out", str(out), "--no-report"])
    # nothing changed: the current generation is kept as it is, the failure is still reported
    assert "nothing changed;" in r.stderr and "kapot.pdf" in r.stderr and r.exit_code == 1
    assert os.readlink(out / ".snapshots" / "current") == current
    assert {p: (out / p).read_bytes() for p in first} == first
    # a touched but identical file is unchanged too (size + mtime, then sha256)
    st = (small_corpus / "rivierenland.txt").stat()
    os.utime(small_corpus / "rivierenland.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5 * 10**9))
    r = runner.invoke(main, ["build", str(small_corpus), "--out", str(out), "--no-report"])
    assert "nothing changed;" in r.stderr
    # another option is another build, but extraction still comes from the cache
    r = runner.invoke(main, ["build", str(small_corpus), "--out", str(out)])
    assert "1 unchanged, from cache" in r.stderr
    assert os.readlink(out / ".snapshots" / "current") != current
    assert {p: (out / p).read_bytes() for p in first} == first
    # a removed document disappears from every output, its text too (an empty build
    # replaces a non-empty snapshot only when asked: see test_faults.py)
    (small_corpus / "rivierenland.txt").unlink()
    runner.invoke(main, ["build", str(small_corpus), "--out", str(out), "--no-report", "--allow-empty"])
    assert not (out / "texts" / "rivierenland.txt").exists()
    assert (out / "facts.jsonl").read_text() == ""


def test_extract_contract_exit_codes(small_corpus, tmp_path):
    runner = CliRunner()
    good_only = tmp_path / "good"
    good_only.mkdir()
    shutil.copy(small_corpus / "rivierenland.txt", good_only)
    r = runner.invoke(main, ["extract", str(good_only), "--out", str(tmp_path / "o1")])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["extract", str(small_corpus), "--out", str(tmp_path / "o2")])
    assert r.exit_code == 1 and "kapot.pdf" in r.stderr
    assert (tmp_path / "o2" / "facts.jsonl").read_text().strip()
    r = runner.invoke(main, ["extract", str(tmp_path / "bestaat-niet.pdf"), "--out", str(tmp_path / "o3")])
    assert r.exit_code == 1 and "no such file" in r.stderr


def test_every_command_has_help_with_examples():
    for cmd in ("build", "extract", "eval", "report", "query", "region", "compare", "timeline"):
        r = CliRunner().invoke(main, [cmd, "--help"])
        assert r.exit_code == 0 and "inkoopgraaf" in r.output, cmd


def test_command_list_says_what_build_does():
    # the one-line summary in `inkoopgraaf --help` must not be cut to 'The main job: CORPUS...'
    out = CliRunner().invoke(main, ["--help"]).output
    line = " ".join(out.split("build", 1)[1].split("compare", 1)[0].split())
    assert "CORPUS..." not in line and "outputs/" in line


def test_report_command_rewrites_the_report_from_a_build(small_corpus, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["build", str(small_corpus), "--out", str(out), "--no-report"])
    assert not (out / "report.html").exists()
    r = runner.invoke(main, ["report", "--outputs", str(out)])
    assert r.exit_code == 0, r.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" in html and "rivierenland" in html
    missing = runner.invoke(main, ["report", "--outputs", str(tmp_path / "leeg")])
    assert missing.exit_code != 0 and "inkoopgraaf build" in missing.output


def test_build_takes_several_folders_and_files_and_says_each_phase_and_what_to_open(small_corpus, tmp_path):
    other = tmp_path / "losse-stukken"
    other.mkdir()
    (other / "memo.txt").write_text("Memo inkoop Wmo regio Rivierenland\n\nHet college besloot op 3 maart 2025 "
                                    "de hulp bij het huishouden opnieuw in te kopen.\n", encoding="utf-8")
    single = tmp_path / "nota.md"
    single.write_text("# Nota dyslexiezorg\n\nVoor dyslexiezorg kiezen we voor populatiebekostiging.\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(small_corpus), str(other), str(single), "--out", str(out)])
    assert r.exit_code == 1, r.output          # kapot.pdf still fails, alone
    docs = (out / "documents.csv").read_text()
    assert "rivierenland" in docs and "memo" in docs and "nota" in docs
    for phase in ("reading and extracting: 4 document(s)", "writing facts.jsonl", "writing graph and tables",
                  "writing inkoopgraaf.db", "writing report.html"):
        assert phase in r.stderr, phase
    assert ".inputs.json" not in r.stderr
    assert r.stderr.rstrip().splitlines()[-1].startswith(f"next: open {out / 'report.html'}, or explore it")
    assert f"inkoopgraaf serve --outputs {out}" in r.stderr


def test_build_names_a_missing_path_and_what_to_do(tmp_path):
    r = CliRunner().invoke(main, ["build", str(tmp_path / "nergens"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1
    assert "nergens: no such file or folder" in r.output and "inkoopgraaf build MAP" in r.output
