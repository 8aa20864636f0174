"""The date caches (clause bounds, triggers, hedges, tenses) are shared by the document-year pass
and the dates pass of one document (dates._cold_caches): the facts are those of passes that each
start cold."""
from pathlib import Path

import pytest

from inkoopgraaf.extract import dates
from inkoopgraaf.extract.pipeline import extract_document
from inkoopgraaf.extract.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "data").glob("holdout*/docs/*.*"))[::3] + sorted((ROOT / "corpus").glob("*.txt"))


def _facts(doc):
    return [(f.type, f.start, f.end, repr(f.value)) for f in extract_document(doc)]


def _always_cold(text):
    for cached in (dates.clause_bounds, dates._triggers, dates._clause_hedge, dates._clause_tenses):
        cached.cache_clear()


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_shared_caches_give_the_facts_of_cold_passes(path, monkeypatch):
    doc = read_document(path)
    shared = _facts(doc)
    monkeypatch.setattr(dates, "_cold_caches", _always_cold)
    assert _facts(read_document(path)) == shared


def test_a_new_document_starts_the_caches_cold():
    dates._cold_caches("eerste document " * 100)
    dates.clause_bounds("eerste document " * 100, 5, 9)
    assert dates.clause_bounds.cache_info().currsize == 1
    dates._cold_caches(("eerste document " * 100)[:40])     # a phrase of its head: kept
    assert dates.clause_bounds.cache_info().currsize == 1
    dates._cold_caches("tweede document " * 100)
    assert dates.clause_bounds.cache_info().currsize == 0
