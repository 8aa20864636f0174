"""The Dask engine: a real scheduler and workers on loopback give the local engine's facts,
survive a killed worker, and report a failing document."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

import bad_inputs as B  # noqa: E402
from inkoopgraaf import batch  # noqa: E402
from inkoopgraaf.cli import main  # noqa: E402
from inkoopgraaf.extract.readers import discover  # noqa: E402
from inkoopgraaf.models.facts import dumps_facts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _corpus(folder: Path, n: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i}.txt").write_text(B.GOOD_TEXT.replace("2025", str(2025 + i)), encoding="utf-8")
    B.truncated_pdf(folder)
    return folder


def _facts(results) -> str:
    return dumps_facts([f for r in results for f in r.facts])


def _worker_processes() -> list:
    """LocalCluster's worker processes: children of this process started by multiprocessing."""
    out = []
    for p in psutil.Process().children(recursive=True):
        try:
            if "spawn_main" in " ".join(p.cmdline()):
                out.append(p)
        except psutil.Error:
            continue
    return out


def test_local_cluster_gives_the_local_facts_and_survives_a_killed_worker(tmp_path, monkeypatch):
    # the texts (2.6 KB) go by path, the small broken PDF as bytes: both ways of sending are used
    monkeypatch.setattr("inkoopgraaf.cluster.SEND_BYTES_LIMIT", 1000)
    corpus = _corpus(tmp_path / "c", 8)
    for p in corpus.glob("doc*.txt"):      # long enough that documents are still running at the kill
        p.write_text(p.read_text(encoding="utf-8") * 8, encoding="utf-8")
    files = discover([corpus])
    local = batch.run_batch(files, {}, None)
    results, killed = {}, []
    for i, result in batch.iter_batch(files, {}, None, jobs=2, engine="dask"):
        results[i] = result
        if not killed and result.ok:       # mid-batch: the first document is back, the others are out
            victim = _worker_processes()[0]
            victim.send_signal(signal.SIGKILL)
            killed.append(victim.pid)
    assert killed and len(results) == len(files)
    results = [results[i] for i in range(len(files))]
    assert [r.ok for r in results] == [r.ok for r in local]
    assert _facts(results) == _facts(local)
    broken = [r for r in results if not r.ok]
    assert len(broken) == 1 and broken[0].record["error"].startswith("damaged PDF")
    assert broken[0].record["path"] == str(files[[f.name for f in files].index("afgebroken.pdf")])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster():
    """`dask scheduler` and two `dask worker` processes, as on several machines, on loopback."""
    dask = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                           "--no-dashboard"], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
        from distributed import Client
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_build_on_a_real_scheduler_matches_the_local_build(tmp_path, dask_cluster):
    corpus = _corpus(tmp_path / "c")
    runner = CliRunner()
    local = runner.invoke(main, ["build", str(corpus), "--out", str(tmp_path / "local"), "--no-report"])
    r = runner.invoke(main, ["build", str(corpus), "--out", str(tmp_path / "dask"), "--no-report",
                             "--engine", "dask", "--scheduler", dask_cluster])
    assert r.exit_code == local.exit_code == 1, r.output
    assert f"inkoopgraaf: {corpus}/afgebroken.pdf: damaged PDF" in r.stderr
    for name in ("facts.jsonl", "documents.csv", "financing.csv", "graph.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_no_scheduler_is_one_plain_line(tmp_path, monkeypatch):
    monkeypatch.setattr("inkoopgraaf.cluster.CONNECT_TIMEOUT", "2s")
    corpus = _corpus(tmp_path / "c", 1)
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask",
                                  "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "no Dask scheduler answers at tcp://127.0.0.1:" in r.output
