"""Start-up of a build: document ids and the stat index (inkoopgraaf/docids.py, snapshot.py).

The ids resolve the corpus root only when two files share a stem, and the stat index keys
files by os.path.abspath with the working folder asked once: the same ids and keys as before."""
import os
from pathlib import Path

import pytest

from inkoopgraaf import docids
from inkoopgraaf.docids import assign_doc_ids
from inkoopgraaf.snapshot import StatIndex


def _files(tmp_path, names):
    out = []
    for name in names:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"tekst van {name}\n", encoding="utf-8")
        out.append(p)
    return out


def test_unique_stems_need_no_root(tmp_path, monkeypatch):
    paths = _files(tmp_path, ["a/nota.txt", "b/besluit.md"])

    def no_root(_paths):
        raise AssertionError("the root was resolved without a clash")
    monkeypatch.setattr(docids, "corpus_root", no_root)
    assert assign_doc_ids(paths) == (["nota", "besluit"], [])


def test_clashing_stems_get_their_path_below_the_root(tmp_path):
    paths = _files(tmp_path, ["a/nota.txt", "b/nota.md", "c/plan.txt"])
    ids, warnings = assign_doc_ids(paths)
    assert ids == ["a_nota_txt", "b_nota_md", "plan"]
    assert len(warnings) == 1 and "share the name 'nota'" in warnings[0]


def test_clash_below_a_symlinked_file_uses_its_target(tmp_path):
    (elsewhere,) = _files(tmp_path, ["elders/x/nota.txt"])
    (own,) = _files(tmp_path, ["corpus/y/nota.md"])
    link = tmp_path / "corpus" / "z" / "nota.txt"
    link.parent.mkdir(parents=True)
    link.symlink_to(elsewhere)
    ids, _ = assign_doc_ids([own, link])
    # the root is the common folder of the resolved files: the link's target counts
    assert ids == ["corpus_y_nota_md", "elders_x_nota_txt"]


@pytest.mark.parametrize("relative", [True, False])
def test_stat_index_keys_are_abspath(tmp_path, monkeypatch, relative):
    (p,) = _files(tmp_path, ["docs/../docs/nota.txt"])
    monkeypatch.chdir(tmp_path)
    given = Path("docs/../docs/nota.txt") if relative else tmp_path / "docs/../docs/nota.txt"
    os.utime(p, (1_600_000_000, 1_600_000_000))      # not written just now: the index keeps it
    index = StatIndex(tmp_path / "cache")
    sha = index.sha(given)
    assert sha is not None and len(sha) == 64
    assert list(index.entries) == [os.path.abspath(given)]
    assert index.sha(given) == sha                     # found again by that key
    index.keep_only([given])
    assert list(index.entries) == [os.path.abspath(given)]


def test_stat_index_reads_files_only(tmp_path):
    (p,) = _files(tmp_path, ["nota.txt"])
    link = tmp_path / "link.txt"
    link.symlink_to(p)
    index = StatIndex(None)
    assert index.sha(tmp_path) is None                       # a folder
    assert index.sha(tmp_path / "missing.txt") is None
    assert index.sha(link) == index.sha(p) is not None      # a link to a file is that file


# --------------------------------------------------------------------------- a page's facts, then its texts
def _cached_results(tmp_path, n=3):
    from inkoopgraaf.extract import pipeline
    cache = tmp_path / ".cache"
    results, expected = [], {}
    for i in range(n):
        source = tmp_path / f"doc{i}.txt"
        source.write_text(f"De gemeenteraad van Zeist besluit op {i + 1} maart 2024 de inkoop van "
                          f"jeugdhulp met een lumpsum te financieren. Document {i}.\n", encoding="utf-8")
        fresh = pipeline.process_file(source, {}, cache)
        expected[f"doc{i}"] = ([f.to_json() for f in fresh.facts], fresh.text)
        hit = pipeline.cached_result(source, {}, cache)
        assert isinstance(hit, pipeline.CachedResult)
        results.append(hit)
    return results, expected


def test_a_pages_facts_then_texts_parse_each_entry_once(tmp_path, monkeypatch):
    from inkoopgraaf.batch import BatchTexts
    from inkoopgraaf.extract import pipeline
    results, expected = _cached_results(tmp_path)
    pipeline._LAST_BODY[:] = [None, None]
    parsed = []
    real = pipeline.json.loads
    monkeypatch.setattr(pipeline.json, "loads", lambda s, *a, **k: parsed.append(1) or real(s, *a, **k))
    texts = BatchTexts(results)
    got_facts = {d: [f.to_json() for f in texts.facts_of(d)] for d in expected}   # the report's order:
    got_texts = {d: texts[d] for d in expected}                                   # facts, then texts
    assert len(parsed) == len(expected)
    assert {d: (got_facts[d], got_texts[d]) for d in expected} == expected
    assert texts._pending == {} and texts._pending_chars == 0
    assert texts["doc1"] == expected["doc1"][1]          # asked again: read again, the same text


def test_texts_kept_aside_are_bounded(tmp_path, monkeypatch):
    from inkoopgraaf.batch import BatchTexts
    results, expected = _cached_results(tmp_path)
    texts = BatchTexts(results)
    monkeypatch.setattr(BatchTexts, "PENDING_CHARS", len(expected["doc0"][1]) + 1)
    for d in expected:
        texts.facts_of(d)
    assert list(texts._pending) == ["doc2"]              # the older ones dropped
    assert {d: texts[d] for d in expected} == {d: t for d, (_, t) in expected.items()}
