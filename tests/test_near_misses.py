"""Near-miss real texts stay quiet (issue 11): no procurement fact the gold lacks.

The real raw set holds texts that mention care, money or procurement without buying
anything (audit office reports, national letters, a budget chapter, besluitenlijsten);
their annotators called them near-misses in the gold notes, blind. On those texts the
extractor must not invent segments, financing models or procedures. Decisions, dates and
places are real on them and are scored by the quality floors; their false positives are
reported by ``scripts/near_misses.py``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.batch import run_batch
from inkoopgraaf.evaluate import false_positives, is_near_miss, load_gold
from inkoopgraaf.extract.manifest import find_manifest
from inkoopgraaf.extract.readers import discover

RAW = Path(__file__).parent / "data" / "real_raw"
GOLDS = [g for g in load_gold(RAW / "gold") if is_near_miss(g)]
PROCUREMENT = ("segments", "financing", "procedures")


def test_the_annotators_near_miss_calls_are_read():
    """The call is read from the start of the notes, not from a passing remark."""
    assert len(GOLDS) >= 10
    assert is_near_miss({"notes": "Near-miss: a national letter."})
    assert is_near_miss({"notes": "Mostly a near-miss (housing subsidy), with one care item."})
    assert not is_near_miss({"notes": "Budget lines. A reader who treats the chapter as a near-miss would drop them."})
    assert not is_near_miss({})


@pytest.fixture(scope="module")
def fps():
    docs = RAW / "docs"
    wanted = {g["doc"] for g in GOLDS}
    results = run_batch([p for p in discover([docs]) if p.stem in wanted], find_manifest([docs]), None)
    assert all(r.ok for r in results)
    return false_positives([f for r in results for f in r.facts], GOLDS)


@pytest.mark.parametrize("doc", sorted(g["doc"] for g in GOLDS))
def test_near_miss_text_gets_no_procurement_fact(fps, doc):
    extra = {t: fps[doc][t] for t in PROCUREMENT if fps[doc][t]}
    assert not extra, f"{doc}: procurement facts the gold lacks: {extra}"


SHARED_PDF = Path(__file__).resolve().parents[2] / "shared" / "pdf"
#: national standards and agendas beside the checkout: they describe models for all municipalities
NATIONAL = ["2.-SAP-Outputgericht-Versie-3.2.b.pdf", "3.-SAP-Taakgericht-Versie-3.2.a-DEF.pdf",
            "Casus_08_Taakgericht.pdf", "hervormingsagenda-jeugd-2023-2028.pdf",
            "Toepassing-landelijk-administratieprotocol-voor-het-LTA-2025-Jeugdhulp--2-.pdf"]


@pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="../shared/pdf is not beside the checkout")
@pytest.mark.parametrize("name", NATIONAL)
def test_a_national_standard_chose_no_model(name):
    """A protocol, a worked case or a national agenda describes models; no region chose one there."""
    from inkoopgraaf.extract.pipeline import extract_document
    from inkoopgraaf.extract.readers import read_document
    chosen = [f.text for f in extract_document(read_document(SHARED_PDF / name))
              if f.type == "financing" and f.value.get("status") == "chosen"]
    assert not chosen, f"{name}: financing stated as chosen: {chosen}"
