"""Damaged cache entries and the one confidence of a fact (issue 14, round 6).

A cache entry is a header line (read by every build) and a body line (document and facts, read
on demand). An entry damaged anywhere — empty, truncated, its body garbled, gone between the
header and the body read — costs its document a second extraction, said on stderr in plain
words; the build completes and its outputs are a cold build's. A fact's confidence is the
contract's (three decimals) on every path: fresh, cached, --no-cache, in the store and in every
output file."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.extract import pipeline
from test_incremental_build import _outputs

DOCS = Path(__file__).parent / "data" / "answers_docs"
DAMAGED = "planning_midden_holland.txt"
CHANGED = "gooi_vechtstreek_2015.txt"


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return r


def _entry_of(out: Path, corpus: Path, name: str) -> Path:
    """The cache entry of one corpus file: named by its sha256."""
    sha = hashlib.sha256((corpus / name).read_bytes()).hexdigest()
    (entry,) = (out / ".cache").glob(f"{sha}-*.json")
    return entry


def _damage(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    header, body = data.split(b"\n", 1)
    if how == "empty":
        entry.write_bytes(b"")
    elif how == "truncated body":
        entry.write_bytes(header + b"\n" + body[: len(body) // 2])
    elif how == "no body":
        entry.write_bytes(header + b"\n")
    elif how == "garbled body":       # the same length: only parsing the body can tell
        entry.write_bytes(header + b"\n" + b"{" + b"x" * (len(body) - 2) + b"\n")
    elif how == "body of wrong shape":
        filler = b'{"facts": 1}'
        entry.write_bytes(header + b"\n" + filler + b" " * (len(body) - len(filler) - 1) + b"\n")
    else:
        raise ValueError(how)


def _change(corpus: Path) -> None:
    """One other document changes, so the next build is not 'nothing changed'."""
    path = corpus / CHANGED
    path.write_text(path.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 de jeugdhulp "
                    "met een lumpsum te bekostigen.\n", encoding="utf-8")


def _assert_same_outputs(a: Path, b: Path) -> None:
    a_files, a_rows = _outputs(a)
    b_files, b_rows = _outputs(b)
    assert sorted(a_files) == sorted(b_files)
    for name in a_files:
        assert a_files[name] == b_files[name], name
    assert a_rows == b_rows


@pytest.fixture()
def corpus_of_three(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("bekostiging_noord_limburg.txt", CHANGED, DAMAGED):
        shutil.copy(DOCS / name, folder / name)
    return folder


@pytest.mark.parametrize("how", ["empty", "truncated body", "no body", "garbled body", "body of wrong shape"])
def test_a_damaged_entry_is_extracted_again_and_the_outputs_are_a_cold_builds(corpus_of_three, tmp_path, how):
    out = tmp_path / "out"
    _build(corpus_of_three, out)
    entry = _entry_of(out, corpus_of_three, DAMAGED)
    _damage(entry, how)
    shutil.rmtree(out / ".cache" / "derived")    # every piece is made again: every body is read
    _change(corpus_of_three)
    r = _build(corpus_of_three, out)
    assert f"inkoopgraaf: {corpus_of_three / DAMAGED}: its cache entry is damaged" in r.stderr
    assert "extracted again" in r.stderr
    cold = tmp_path / "cold"
    _build(corpus_of_three, cold, "--no-cache")
    _assert_same_outputs(out, cold)
    assert _entry_of(out, corpus_of_three, DAMAGED).read_bytes().count(b"\n") == 2     # whole again
    again = _build(corpus_of_three, out, "--graph-files", "never")   # an option changed: a real build
    assert "its cache entry is damaged" not in again.stderr


def _hit(tmp_path: Path) -> tuple[pipeline.CachedResult, list, str, Path]:
    source = tmp_path / DAMAGED
    shutil.copy(DOCS / DAMAGED, source)
    cache = tmp_path / ".cache"
    fresh = pipeline.process_file(source, {}, cache)
    facts = [f.to_json() for f in fresh.facts]
    hit = pipeline.cached_result(source, {}, cache)
    assert isinstance(hit, pipeline.CachedResult)
    return hit, facts, fresh.text, hit.entry


@pytest.mark.parametrize("how", ["removed", "garbled body", "no body"])
def test_an_entry_damaged_after_its_header_was_read_gives_the_facts_of_a_second_extraction(tmp_path, capsys, how):
    hit, facts, text, entry = _hit(tmp_path)
    pipeline._LAST_BODY[:] = [None, None]
    if how == "removed":
        entry.unlink()
    else:
        _damage(entry, how)
    assert [f.to_json() for f in hit.facts] == facts
    assert hit.text == text
    assert hit.document.id == hit.record["id"]
    err = capsys.readouterr().err
    assert f"{tmp_path / DAMAGED}: its cache entry is damaged" in err and "extracted again" in err
    assert err.count("its cache entry is damaged") == 1      # once: the entry is whole again
    pipeline._LAST_BODY[:] = [None, None]
    assert [f.to_json() for f in pipeline.cached_result(tmp_path / DAMAGED, {}, tmp_path / ".cache").facts] == facts


def test_a_truncated_entry_is_no_cache_hit(tmp_path, capsys):
    hit, _, _, entry = _hit(tmp_path)
    _damage(entry, "truncated body")
    assert pipeline.cached_result(tmp_path / DAMAGED, {}, tmp_path / ".cache") is None
    assert "its cache entry is damaged" in capsys.readouterr().err


def test_a_missing_entry_is_a_quiet_miss(tmp_path, capsys):
    source = tmp_path / DAMAGED
    shutil.copy(DOCS / DAMAGED, source)
    assert pipeline.cached_result(source, {}, tmp_path / ".cache") is None
    assert capsys.readouterr().err == ""


# -- one confidence -----------------------------------------------------------------------
def sums_to_a_float_error(ctx):
    """A stand-in extractor whose confidence is computed, as the real ones may: 0.64 + 0.2."""
    word = ctx.doc.text.split()[0]
    start = ctx.doc.text.index(word)
    return [ctx.fact("region", start, start + len(word), {"id": "lekstroom", "name": "Lekstroom"}, 0.64 + 0.2)]


@pytest.fixture()
def computed_confidence(monkeypatch):
    assert 0.64 + 0.2 != 0.84
    monkeypatch.setattr(pipeline, "STEPS", (("words", f"{__name__}:sums_to_a_float_error"),))


def test_extraction_gives_the_contracts_confidence(tmp_path, computed_confidence):
    source = tmp_path / "a.txt"
    source.write_text("Lekstroom koopt jeugdhulp in.\n", encoding="utf-8")
    fresh = pipeline.read_and_extract(source)
    assert [f.confidence for f in fresh.facts] == [0.84]
    assert [f.confidence for f in pipeline.process_file(source, {}, tmp_path / "c").facts] == [0.84]
    assert [f.confidence for f in pipeline.process_file(source, {}, tmp_path / "c").facts] == [0.84]


def test_cold_cached_and_uncached_builds_store_and_write_one_confidence(corpus_of_three, tmp_path,
                                                                       computed_confidence):
    import sqlite3
    cold, uncached = tmp_path / "cold", tmp_path / "uncached"
    _build(corpus_of_three, cold)
    _build(corpus_of_three, uncached, "--no-cache")
    cached = tmp_path / "cached"
    shutil.copytree(cold / ".cache", cached / ".cache", ignore=shutil.ignore_patterns("derived"))
    r = _build(corpus_of_three, cached)
    assert "3 unchanged, from cache" in r.stderr
    for out in (cold, uncached, cached):
        con = sqlite3.connect(out / "inkoopgraaf.db")
        assert {c for (c,) in con.execute("SELECT confidence FROM facts")} == {0.84}, out
        con.close()
        assert {json.loads(line)["confidence"] for line in (out / "facts.jsonl").read_text().splitlines()} == {0.84}
    _assert_same_outputs(cold, uncached)
    _assert_same_outputs(cold, cached)
