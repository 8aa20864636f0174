"""Faults: a dying worker, a build killed mid-write, two builds at once, a full disk, an empty corpus."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import bad_inputs as B
from inkoopgraaf import batch
from inkoopgraaf.cli import main
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover
from inkoopgraaf.models.facts import dumps_facts
from inkoopgraaf.models.io import atomic_writer, resolve_snapshot
from inkoopgraaf.snapshot import build_lock

ROOT = Path(__file__).resolve().parents[1]
DERIVED = ("facts.jsonl", "documents.csv", "decisions.csv", "financing.csv", "graph.gexf", "graph.ttl",
           "neo4j/nodes.csv", "texts/goed.txt")


def _corpus(folder: Path, n: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i}.txt").write_text(B.GOOD_TEXT.replace("2025", str(2025 + i)), encoding="utf-8")
    return folder


def _facts(results) -> str:
    return dumps_facts([f for r in results for f in r.facts])


# -- a dying worker -----------------------------------------------------------
def _kill_worker_of(name: str):
    real = batch.read_and_extract

    def reading(path, meta=None, max_bytes=None, doc_id=None):
        if Path(path).name == name:
            os.kill(os.getpid(), signal.SIGKILL)     # what an out-of-memory kill looks like
        return real(path, meta, max_bytes, doc_id)
    return reading


def test_a_document_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "c")
    (corpus / "moordenaar.txt").write_text(B.GOOD_TEXT, encoding="utf-8")
    files = discover([corpus])
    expected = batch.run_batch([f for f in files if f.name != "moordenaar.txt"], {}, None)
    # fork, so the workers inherit the patched function that kills the process
    monkeypatch.setattr(batch, "START_METHOD", "fork")
    monkeypatch.setattr(batch, "read_and_extract", _kill_worker_of("moordenaar.txt"))
    results = batch.run_batch(files, {}, None, jobs=2)
    by_name = {Path(r.record["path"]).name: r for r in results}
    assert by_name["moordenaar.txt"].record["error"] == batch.DIED
    assert [r.ok for r in results].count(False) == 1
    assert _facts([r for r in results if r.ok]) == _facts(expected)


def test_a_worker_killed_from_outside_mid_batch_loses_no_document(tmp_path):
    psutil = pytest.importorskip("psutil")
    corpus = _corpus(tmp_path / "c", 6)
    for p in corpus.glob("doc*.txt"):      # long enough that documents are still running when one dies
        p.write_text(p.read_text("utf-8") * 40, encoding="utf-8")
    files = discover([corpus])
    expected = _facts(batch.run_batch(files, {}, None))
    killed = []

    def killer():
        me = psutil.Process()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            # the pool's workers are forked by the fork server: grandchildren of this process
            busy = [p for p in me.children(recursive=True)
                    if p.ppid() != me.pid and p.cpu_percent(interval=0.05) > 20]
            if busy:
                busy[0].send_signal(signal.SIGKILL)
                killed.append(busy[0].pid)
            time.sleep(0.05)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    results = batch.run_batch(files, {}, None, jobs=2)
    t.join()
    assert killed, "no worker was seen working"
    assert all(r.ok for r in results), [r.record["error"] for r in results]
    assert _facts(results) == expected


def test_time_budget_turns_a_stuck_document_into_its_own_error(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "c", 2)
    real = batch.read_and_extract

    def stuck(path, meta=None, max_bytes=None, doc_id=None):
        if Path(path).name == "doc1.txt":
            while True:
                time.sleep(0.01)
        return real(path, meta, max_bytes, doc_id)
    monkeypatch.setattr(batch, "read_and_extract", stuck)
    results = batch.run_batch(discover([corpus]), {}, None, budget=batch.Budget(seconds=6))
    assert results[0].ok
    assert results[1].record["error"] == ("over the time budget of 6 s per document (a pathological file?); "
                                          "raise it with --timeout")


# -- the write phase ----------------------------------------------------------
def _good_corpus(tmp_path: Path, text: str = B.GOOD_TEXT) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "goed.txt").write_text(text, encoding="utf-8")
    return corpus


def _snapshot_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in DERIVED}


KILLER = """
import os, signal, sys
from inkoopgraaf.models import exports
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
exports.write_turtle = die
from inkoopgraaf.cli import main
main(["build", sys.argv[1], "--out", sys.argv[2], "--no-report"])
"""


def test_kill_9_during_the_write_phase_leaves_the_previous_snapshot(tmp_path):
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"]).exit_code == 0
    before = _snapshot_bytes(out)
    (corpus / "goed.txt").write_text(B.GOOD_TEXT.replace("Buren", "Maasdriel"), encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(out)], capture_output=True, timeout=300)
    assert p.returncode == -signal.SIGKILL, p.stderr
    # killed after facts.jsonl, documents.csv and texts/ of the new build were written: none is visible
    assert _snapshot_bytes(out) == before
    snapshot = resolve_snapshot(out)
    assert all((snapshot / n).read_bytes() == before[n] for n in DERIVED)
    leftovers = list((out / ".snapshots").glob("*.tmp"))
    assert leftovers and (leftovers[0] / "facts.jsonl").exists()
    # the next build cleans up and switches to a complete new build
    r = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert r.exit_code == 0, r.output
    assert not list((out / ".snapshots").glob("*.tmp"))
    assert "Maasdriel" in (out / "facts.jsonl").read_text() and (out / "graph.ttl").exists()


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    with build_lock(out):
        r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)])
    assert r.exit_code == 1
    assert (f"Error: another build is running into {out}/ (PID {os.getpid()}); wait for it to finish, "
            "or build into another folder with --out") in r.output
    assert not (out / "facts.jsonl").exists()
    assert CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"]).exit_code == 0


def test_disk_full_says_so_and_keeps_the_previous_outputs(tmp_path, monkeypatch):
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"]).exit_code == 0
    before = _snapshot_bytes(out)
    (corpus / "goed.txt").write_text(B.GOOD_TEXT.replace("Buren", "Maasdriel"), encoding="utf-8")

    def full_disk(G, path):
        with atomic_writer(path) as fh:
            fh.write("@prefix")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr("inkoopgraaf.models.exports.write_turtle", full_disk)
    r = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert (f"Error: no space left on device while writing {out}/graph.ttl; the previous outputs are "
            "unchanged") in r.output
    assert _snapshot_bytes(out) == before
    assert not list((out / ".snapshots").glob("*.tmp"))


def test_an_empty_corpus_never_wipes_a_snapshot_unless_asked(tmp_path):
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"]).exit_code == 0
    before = _snapshot_bytes(out)
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    r = runner.invoke(main, ["build", str(empty), "--out", str(out)])
    assert r.exit_code == 1
    n = len((out / "facts.jsonl").read_text().splitlines())
    assert f"inkoopgraaf: skipped {empty}/oud.doc: unsupported format '.doc'" in r.stderr.splitlines()
    assert (f"Error: no document in {empty} could be read (0 tried); refusing to replace the outputs in {out}/ "
            f"({n} facts) with an empty build. Pass --allow-empty to do it anyway.") in r.output
    assert _snapshot_bytes(out) == before
    r = runner.invoke(main, ["build", str(empty), "--out", str(out), "--allow-empty"])
    assert r.exit_code == 0 and (out / "facts.jsonl").read_text() == ""
    assert not (out / "texts" / "goed.txt").exists()


def test_report_is_byte_identical_on_re_runs(tmp_path, monkeypatch):
    import re
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["build", str(corpus), "--out", str(out)])
    first = (out / "report.html").read_bytes()
    assert not re.search(rb"\d\d-\d\d-\d{4} \d\d:\d\d", first)     # no clock reading inside
    runner.invoke(main, ["build", str(corpus), "--out", str(out)])
    assert (out / "report.html").read_bytes() == first
    runner.invoke(main, ["report", "--outputs", str(out)])
    assert (out / "report.html").read_bytes() == first
    # a reproducible build may name its time: SOURCE_DATE_EPOCH
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")
    runner.invoke(main, ["report", "--outputs", str(out)])
    assert b"01-01-2025 12:00" in (out / "report.html").read_bytes()


# -- what the cache keys on -----------------------------------------------------
def test_cache_key_includes_the_format(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(B.DUTCH, encoding="utf-8")
    (corpus / "b.docx").write_text(B.DUTCH, encoding="utf-8")
    out = tmp_path / "out"
    for extra in ([], [], ["--no-cache"]):
        r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report", *extra])
        assert r.exit_code == 1
        assert "b.docx: not a Word file: this .docx is plain text" in r.stderr


def test_failed_documents_are_not_re_read_every_build(tmp_path, monkeypatch):
    corpus = _good_corpus(tmp_path)
    B.truncated_pdf(corpus)
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    from inkoopgraaf.extract import pipeline
    read = []
    real = pipeline.read_document
    monkeypatch.setattr(pipeline, "read_document", lambda p: read.append(p) or real(p))
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert read == [] and r.exit_code == 1
    assert "afgebroken.pdf: damaged PDF" in r.stderr


def test_csv_cells_never_start_a_formula(tmp_path):
    hostile = ("Inkoopstrategie jeugdhulp regio Rivierenland 2025\n\n"
               "=HYPERLINK(\"http://x\") De colleges van de gemeenten Tiel en Buren hebben op 12 maart 2024 "
               "besloten voor het segment ambulante jeugdhulp te kiezen voor lumpsumfinanciering.\n")
    corpus, out = _good_corpus(tmp_path, hostile), tmp_path / "out"
    (corpus / "manifest.csv").write_text("file,title\ngoed.txt,+cmd|' /C calc'!A0\n", encoding="utf-8")
    CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    import csv
    checked = 0
    for path in [*out.glob("*.csv"), *(out / "neo4j").glob("*.csv")]:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@")), (path.name, cell)
                    checked += cell.startswith("'=") or cell.startswith("'+")
    assert checked >= 2
    assert "'+cmd|" in (out / "documents.csv").read_text(encoding="utf-8")


def test_readers_see_one_generation(tmp_path):
    corpus, out = _good_corpus(tmp_path), tmp_path / "out"
    CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    snap = resolve_snapshot(out)
    assert snap.parent.name == ".snapshots" and (snap / "facts.jsonl").is_file()
    from inkoopgraaf.api import load
    kg = load(out)
    assert len(kg.facts) == len((snap / "facts.jsonl").read_text().splitlines())
    assert json.loads((snap / "facts.jsonl").read_text().splitlines()[0])["doc"] == "goed"


def test_workers_are_recycled_and_give_the_same_facts(tmp_path, monkeypatch):
    files = discover([_corpus(tmp_path / "c", 4)])
    expected = _facts(batch.run_batch(files, {}, None))
    monkeypatch.setattr(batch, "RECYCLE_AFTER", 1)      # a fresh pool for every 2 documents
    results = batch.run_batch(files, {}, None, jobs=2)
    assert _facts(results) == expected
    # two rounds of two documents, each on new worker processes: no worker saw a third document
    assert 2 <= len(batch.LAST_WORKERS) <= len(files)


RECYCLING_RUN = '''
import sys
from pathlib import Path
from inkoopgraaf import batch
from inkoopgraaf.extract.readers import discover
batch.RECYCLE_AFTER = 2
results = batch.run_batch(discover([Path(sys.argv[1])]), {}, None, jobs=2)
print(sum(r.ok for r in results), len(batch.LAST_WORKERS))
'''


def test_recycled_workers_never_leave_queued_documents_waiting(tmp_path):
    """Ten documents, two workers, each replaced after two: every document is extracted.

    With the executor's own max_tasks_per_child this hung on Python 3.11 once both workers had
    reached their limit (a finished task counted as an idle worker, so no replacement came)."""
    corpus = _corpus(tmp_path / "c", 10)
    done = subprocess.run([sys.executable, "-c", RECYCLING_RUN, str(corpus)], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    ok, workers = map(int, done.stdout.split())
    assert ok == 10
    assert workers >= 5         # five rounds of two documents, each on fresh worker processes


def test_watchdog_kills_a_worker_stuck_where_no_alarm_reaches(tmp_path, monkeypatch):
    import contextlib
    corpus = _corpus(tmp_path / "c", 3)
    real = batch.read_and_extract

    def stuck(path, meta=None, max_bytes=None, doc_id=None):
        if Path(path).name == "doc1.txt":
            while True:         # as if inside C code: the worker's own alarm is switched off below
                pass
        return real(path, meta, max_bytes, doc_id)
    monkeypatch.setattr(batch, "START_METHOD", "fork")
    monkeypatch.setattr(batch, "read_and_extract", stuck)
    monkeypatch.setattr(batch, "_alarm", lambda seconds: contextlib.nullcontext())
    monkeypatch.setattr(batch, "WATCHDOG_GRACE", 0.5)
    results = batch.run_batch(discover([corpus]), {}, None, jobs=2, budget=batch.Budget(seconds=8))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].record["error"] == batch.Budget(seconds=8).timeout_reason()
