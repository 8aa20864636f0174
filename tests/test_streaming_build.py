"""A build streams documents (issue 14, "memory bounded"): cached results keep their facts and
text in their cache entry, fresh ones are written there as they complete, and a one-changed
build reads the facts and text of the changed document only."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from inkoopgraaf.batch import BatchFacts, BatchTexts, run_batch
from inkoopgraaf.cli import main
from inkoopgraaf.extract import pipeline
from inkoopgraaf.extract.pipeline import CachedResult, cached_result, read_and_extract
from inkoopgraaf.models.store import update_store

DOCS = Path(__file__).parent / "data" / "answers_docs"
THREE = ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "planning_midden_holland.txt")


@pytest.fixture()
def bodies_read(monkeypatch):
    """The cache entries whose body (document and facts) is parsed, by file stem of the document."""
    read: list[Path] = []
    real = pipeline._entry_body

    def recording(entry):
        read.append(entry)
        return real(entry)
    monkeypatch.setattr(pipeline, "_entry_body", recording)
    monkeypatch.setattr(pipeline, "_LAST_BODY", [None, None])
    return read


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return r


def test_a_fresh_result_is_held_as_its_cache_entry_and_reads_back_the_same(corpus, tmp_path):
    path = corpus / THREE[0]
    fresh = read_and_extract(path, {}, doc_id="noord")
    [spilled] = run_batch([path], {}, tmp_path / "cache")
    assert isinstance(spilled, CachedResult) and not spilled.cached
    assert "facts" not in vars(spilled) and "document" not in vars(spilled)   # nothing held
    assert spilled.record == {**fresh.record, "id": path.stem}
    assert [f.to_json() for f in spilled.facts] == [{**f.to_json(), "doc": path.stem} for f in fresh.facts]
    assert spilled.text == fresh.document.text and spilled.document.blocks == fresh.document.blocks
    assert spilled.fact_count == len(fresh.facts) and spilled.region_ids() == fresh.region_ids()


def test_a_cache_hit_reads_only_its_entrys_header(corpus, tmp_path, bodies_read):
    cache = tmp_path / "cache"
    [first] = run_batch([corpus / THREE[1]], {}, cache)
    bodies_read.clear()
    hit = cached_result(corpus / THREE[1], {}, cache, doc_id="gooi")
    assert hit.cached and hit.record == {**first.record, "id": "gooi"} and bodies_read == []
    assert {f.doc for f in hit.facts} == {"gooi"}      # a renamed file's facts get its id
    assert hit.document.id == "gooi" and hit.document.path == str(corpus / THREE[1])
    # the manifest row is part of the reading: another row is another result
    assert cached_result(corpus / THREE[1], {"year": "2019"}, cache) is None


def test_a_one_changed_build_reads_the_changed_documents_facts_and_text_only(corpus, tmp_path, bodies_read):
    out = tmp_path / "out"
    _build(corpus, out, "--no-report", "--graph-files", "never")
    changed = corpus / "planning_midden_holland.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 "
                       "de jeugdhulp met een lumpsum te bekostigen.\n", encoding="utf-8")
    bodies_read.clear()
    r = _build(corpus, out, "--no-report", "--graph-files", "never")
    assert "2 unchanged, from cache" in r.stderr
    [entry] = set(bodies_read)
    assert pipeline.cache_key(pipeline.sha256_file(changed), changed) == entry.stem
    # and the outputs are those of a cold build of the same corpus
    cold = tmp_path / "cold"
    _build(corpus, cold, "--no-report", "--graph-files", "never", "--no-cache")
    for name in ("facts.jsonl", "documents.csv", "financing.csv", "timeline.csv"):
        assert (out / name).read_bytes() == (cold / name).read_bytes(), name
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(p.name for p in (cold / "texts").iterdir())


def test_batch_views_read_one_document_at_a_time(corpus, tmp_path):
    results = run_batch(sorted(corpus.iterdir()), {}, tmp_path / "cache")
    facts, texts = BatchFacts(results), BatchTexts(results)
    assert len(facts) == len(list(facts)) == sum(len(r.facts) for r in results)
    assert [f.doc for f in facts] == [r.record["id"] for r in results for _ in range(r.fact_count)]
    assert sorted(texts) == sorted(p.stem for p in corpus.iterdir())
    assert texts["gooi_vechtstreek_2015"] == results[1].text and texts.get("missing") is None


def test_the_store_reads_the_contents_of_changed_documents_only(corpus, tmp_path):
    results = run_batch(sorted(corpus.iterdir()), {}, tmp_path / "cache")
    records = [dict(r.record) for r in results]
    by_id = {r.record["id"]: r for r in results}
    asked: list[str] = []

    def contents(doc):
        asked.append(doc)
        return by_id[doc].facts, by_id[doc].text
    db = tmp_path / "store.db"
    prints = {rec["id"]: f"v1-{rec['id']}" for rec in records}
    stats = update_store(db, records, contents, {}, prints)
    assert (stats.added, sorted(asked)) == (3, sorted(by_id))
    asked.clear()
    gone = records.pop(0)["id"]
    stats = update_store(db, records, contents, {}, {**prints, records[0]["id"]: "v2"})
    assert (stats.updated, stats.removed, stats.unchanged, asked) == (1, 1, 1, [records[0]["id"]])
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM facts WHERE doc = ?", (gone,)).fetchone() == (0,)
        kept = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()
    assert kept == sum(by_id[rec["id"]].fact_count for rec in records)


def test_the_local_pool_keeps_no_result_it_has_handed_over(corpus):
    """A cold build's fresh results reach the cache one by one: the pool must not keep them."""
    import gc
    import weakref
    from inkoopgraaf.batch import Budget, pool_results
    tasks = [(i, p, {}, p.stem) for i, p in enumerate(sorted(corpus.iterdir()))]
    handed = []
    for _i, result in pool_results(tasks, Budget(), 2):
        assert result.ok and result.facts
        handed.append(weakref.ref(result))
        del result
        gc.collect()
        # the one just handed over may still be the generator's; none before it
        assert all(ref() is None for ref in handed[:-1]), "the pool still holds a result it yielded"
    assert len(handed) == len(THREE)


def test_a_build_without_cache_spills_its_results_and_removes_them(corpus, tmp_path, monkeypatch):
    """--no-cache: fresh results go to a private OUT/.spill-* folder as they complete (held as
    entries there, like cache hits), which is gone when the build ends; a killed build's is
    removed by the next build."""
    import inkoopgraaf.batch as batch
    seen = []
    real = batch.run_batch

    def recording(*args, **kwargs):
        results = real(*args, **kwargs)
        seen.extend(results)
        return results
    monkeypatch.setattr(batch, "run_batch", recording)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".spill-left-by-a-killed-build").mkdir()
    _build(corpus, out, "--no-cache", "--no-report")
    assert len(seen) == 3 and all(isinstance(r, CachedResult) and not r.cached for r in seen)
    assert all(r.entry.parent.name.startswith(".spill-") for r in seen)
    assert not list(out.glob(".spill-*")) and not (out / ".cache").exists()
