"""Batch behaviour: failure isolation, cache by content hash, idempotent outputs, atomic writes."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from inkoopgraaf.batch import run_batch
from inkoopgraaf.extract import pipeline
from inkoopgraaf.extract.manifest import ManifestError, read_manifest
from inkoopgraaf.models.io import atomic_writer

CALLS: list[str] = []


def count_words(ctx):
    """A tiny stand-in extractor: one 'region' fact on the first word, and a call log."""
    CALLS.append(ctx.doc.id)
    text = ctx.doc.text
    end = len(text.split()[0]) if text.split() else 0
    start = text.index(text.split()[0]) if end else 0
    return [ctx.fact("region", start, start + end, {"id": "x", "name": "x"})]


def boom(ctx):
    if "ontplof" in ctx.doc.text:
        raise RuntimeError("rule bug")
    return []


@pytest.fixture
def fake_steps(monkeypatch):
    CALLS.clear()
    monkeypatch.setattr(pipeline, "STEPS", (("words", f"{__name__}:count_words"), ("boom", f"{__name__}:boom")))
    monkeypatch.setattr(pipeline, "anchor_year", lambda doc: None)


def _write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


def test_one_bad_file_never_stops_the_batch(tmp_path, fake_steps):
    good = _write(tmp_path / "a.txt", "Inkoopstrategie regio Lekstroom")
    empty = _write(tmp_path / "b.txt", "   \n")
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4 this is not really a pdf")
    crash = _write(tmp_path / "d.txt", "Deze tekst ontplof de regel")
    res = run_batch([good, empty, pdf, crash], {}, None)
    assert [r.record["status"] for r in res] == ["ok", "failed", "failed", "failed"]
    assert res[0].facts and res[0].facts[0].text == "Inkoopstrategie"
    assert "no text" in res[1].record["error"]
    assert res[2].record["error"]
    assert "extraction failed: RuntimeError: rule bug" in res[3].record["error"]


def test_cache_skips_unchanged_and_reextracts_changed(tmp_path, fake_steps):
    a = _write(tmp_path / "a.txt", "Alpha tekst")
    b = _write(tmp_path / "b.txt", "Beta tekst")
    cache = tmp_path / ".cache"
    first = run_batch([a, b], {}, cache)
    assert sorted(CALLS) == ["a", "b"] and not any(r.cached for r in first)
    CALLS.clear()
    second = run_batch([a, b], {}, cache)
    assert CALLS == [] and all(r.cached for r in second)
    assert [f.to_json() for r in second for f in r.facts] == [f.to_json() for r in first for f in r.facts]
    _write(b, "Gamma tekst")
    third = run_batch([a, b], {}, cache)
    assert CALLS == ["b"]
    assert third[1].facts[0].text == "Gamma"


def test_parallel_jobs_give_the_same_results(tmp_path, monkeypatch):
    # real extractors are not needed: the pool runs process_file in workers
    files = [_write(tmp_path / f"{i}.txt", f"Document {i} over jeugdhulp") for i in range(4)]
    monkeypatch.setattr(pipeline, "STEPS", ())
    serial = run_batch(files, {}, None, jobs=1)
    parallel = run_batch(files, {}, None, jobs=2)
    assert [r.record for r in serial] == [r.record for r in parallel]


def test_manifest_is_optional_and_validated(tmp_path):
    assert read_manifest(tmp_path / "manifest.csv") == {}
    m = _write(tmp_path / "manifest.csv", "file,region,title,year,kind,source\na.txt,lekstroom,T,2022,memo,x\n")
    rows = read_manifest(m)
    assert rows["a.txt"]["year"] == 2022 and rows["a"]["region"] == "lekstroom"
    _write(m, "file,year\na.txt,twintig\nb.txt,2021\n")
    warnings = []
    rows = read_manifest(m, warn=warnings.append)   # a bad row is a warning naming its line, never fatal
    assert "a.txt" not in rows and rows["b.txt"]["year"] == 2021
    assert warnings == [f"{m}:2: year 'twintig' is not a year (e.g. 2022); row ignored"]
    _write(m, "titel,jaar\nx,2020\n")
    with pytest.raises(ManifestError, match="needs a header row"):
        read_manifest(m)


def test_atomic_writer_leaves_old_file_on_crash(tmp_path):
    target = tmp_path / "facts.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write("half")
            raise RuntimeError("crash")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["facts.jsonl"]


def test_extractor_version_is_stable():
    assert pipeline.extractor_version() == pipeline.extractor_version()
    assert len(pipeline.extractor_version()) == 16


def test_atomic_writer_files_are_readable_by_others(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_writer(target) as fh:
        fh.write("a,b\n")
    assert target.stat().st_mode & 0o044  # not the 0600 of a temp file
