"""Incremental builds and bounded exports (issue 14): what a build rewrites, keeps and drops."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models.exports import read_node_link

DOCS = Path(__file__).parent / "data" / "answers_docs"
THREE = ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "planning_midden_holland.txt")


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in THREE:
        shutil.copy(DOCS / name, folder / name)
    return folder


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report", *extra])
    assert r.exit_code == 0, r.output
    return r


def _generation(out: Path) -> Path:
    return (out / ".snapshots" / "current").resolve()


def _snapshot_bytes(out: Path) -> dict[str, bytes]:
    gen = _generation(out)
    return {str(p.relative_to(gen)): p.read_bytes() for p in sorted(gen.rglob("*")) if p.is_file()}


def test_a_no_change_build_keeps_the_generation_and_its_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    gen, before = _generation(out), _snapshot_bytes(out)
    r = _build(corpus, out)
    assert f"nothing changed; {out}/ is current (3 document(s), 0 failed;" in r.stderr
    assert _generation(out) == gen and _snapshot_bytes(out) == before
    # a changed option is another build (the inputs key covers options, not only files)
    _build(corpus, out, "--graph-files", "never")
    assert _generation(out) != gen and not (out / "graph.json").exists()


def test_one_changed_document_rewrites_its_rows_only(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    old = _generation(out)
    changed = corpus / "planning_midden_holland.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 "
                       "de jeugdhulp met een lumpsum te bekostigen.\n", encoding="utf-8")
    r = _build(corpus, out)
    assert "2 unchanged, from cache" in r.stderr
    assert "inkoopgraaf.db (0 added, 1 changed, 0 removed)" in r.stderr
    new = _generation(out)
    for name in THREE:   # unchanged texts are the previous generation's files (hard links), not copies
        same = (new / "texts" / name.replace(".txt", ".txt")).stat().st_ino == (old / "texts" / name).stat().st_ino
        assert same == (name != changed.name), name


def test_a_removed_document_disappears_from_every_output_and_the_cache(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, "--graph-files", "always")
    cache_before = {p.name for p in (out / ".cache").glob("*.json")}
    gone = "gooi_vechtstreek_2015"
    assert any(gone.encode() in data for data in _snapshot_bytes(out).values())
    (corpus / f"{gone}.txt").unlink()
    _build(corpus, out, "--graph-files", "always")
    for name, data in _snapshot_bytes(out).items():
        if name != "inkoopgraaf.db":
            assert gone.encode() not in data, name
    con = sqlite3.connect(_generation(out) / "inkoopgraaf.db")
    try:
        assert con.execute("SELECT count(*) FROM documents WHERE id = ?", (gone,)).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM facts WHERE doc = ?", (gone,)).fetchone() == (0,)
    finally:
        con.close()
    cache_after = {p.name for p in (out / ".cache").glob("*.json")}
    assert len(cache_after - {"stat-index.json"}) == len(cache_before - {"stat-index.json"}) - 1


def test_export_whole_corpus_equals_the_build_file_and_region_filters(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, "--graph-files", "always")
    runner = CliRunner()
    whole = tmp_path / "alles.json"
    r = runner.invoke(main, ["export", "json", "--outputs", str(out), "--out", str(whole)])
    assert r.exit_code == 0, r.output
    assert whole.read_bytes() == (out / "graph.json").read_bytes()
    part = tmp_path / "gooi.graphml"
    r = runner.invoke(main, ["export", "graphml", "--region", "gooi_en_vechtstreek", "--outputs", str(out),
                             "--out", str(part)])
    assert r.exit_code == 0, r.output
    H = nx.read_graphml(part, force_multigraph=True)
    docs = {n for n, d in H.nodes(data=True) if d.get("kind") == "Document"}
    assert docs == {"doc:gooi_vechtstreek_2015"}
    assert H.number_of_nodes() < read_node_link(whole).number_of_nodes()
    r = runner.invoke(main, ["export", "ttl", "--region", "gooi_vechtstrek", "--outputs", str(out)])
    assert r.exit_code == 1 and "Did you mean: gooi_en_vechtstreek" in r.stderr


def test_a_large_corpus_gets_no_whole_corpus_graph_files_unless_asked(corpus, tmp_path, monkeypatch):
    import inkoopgraaf.cli as cli
    monkeypatch.setattr(cli, "GRAPH_FILES_AUTO_MAX", 2)
    out = tmp_path / "out"
    r = _build(corpus, out)
    assert not (out / "graph.gexf").exists() and (out / "financing.csv").exists()
    assert "graph files not written for 3 documents (more than 2)" in r.stderr
    _build(corpus, out, "--graph-files", "always")
    assert (out / "graph.gexf").exists()
    assert os.path.islink(out / "graph.gexf")


def test_the_stat_index_hashes_a_file_only_when_its_size_or_mtime_changed(tmp_path, monkeypatch):
    from inkoopgraaf import snapshot
    doc = tmp_path / "nota.txt"
    doc.write_text("Regio Twente kiest voor lumpsum.", encoding="utf-8")
    old = doc.stat().st_mtime_ns - 60 * 10**9          # written a minute ago: not racily clean
    os.utime(doc, ns=(old, old))
    hashed = []
    real = snapshot._sha256
    monkeypatch.setattr(snapshot, "_sha256", lambda p: hashed.append(p) or real(p))
    index = snapshot.StatIndex(tmp_path / ".cache")
    first = index.sha(doc)
    index.save()
    again = snapshot.StatIndex(tmp_path / ".cache")
    assert again.sha(doc) == first and len(hashed) == 1          # one stat, no read
    doc.write_text("Regio Twente kiest voor PxQ!!!!", encoding="utf-8")   # same size, new mtime
    os.utime(doc, ns=(old + 10**9, old + 10**9))
    assert again.sha(doc) != first and len(hashed) == 2
    doc.write_text("Net geschreven.", encoding="utf-8")      # just written: hashed every time until it settles
    again.sha(doc)
    again.sha(doc)
    assert len(hashed) == 4
