"""ExtractionContext: the per-document layers, and their release after the extraction."""
from __future__ import annotations

import gc
import weakref

from inkoopgraaf.extract import pipeline
from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.document import Block, Document

TEXT = ("Segment Ambulant: wordt voortaan bekostigd met een lumpsum per 1 januari 2025.\n"
        "Het college besluit op 12 maart 2024 de aanbesteding te starten.")


def test_a_released_context_is_freed_by_reference_counting():
    """Extraction runs with the collector paused; the segment state refers back to the context, so
    without ``release`` the document's layers would wait for a pass of the collector."""
    doc = Document("d", "d.txt", "", "txt", TEXT, blocks=[Block("paragraph", 0, 79), Block("paragraph", 80, len(TEXT))])
    gc.disable()
    try:
        ctx = ExtractionContext(doc=doc, year=2024)
        for step in pipeline.STEPS:
            ctx.add(pipeline._load(step.target)(ctx))
        assert ctx.layers and ctx.clauses
        alive = weakref.ref(ctx)
        ctx.release()
        del ctx
        assert alive() is None
    finally:
        gc.enable()


def test_the_pipeline_gives_the_same_facts_as_the_steps_run_by_hand():
    doc = Document("d", "d.txt", "", "txt", TEXT, blocks=[Block("paragraph", 0, 79), Block("paragraph", 80, len(TEXT))])
    ctx = ExtractionContext(doc=doc, year=pipeline.anchor_year(doc))
    by_hand = []
    for step in pipeline.STEPS:
        facts = pipeline._load(step.target)(ctx)
        ctx.add(facts)
        by_hand.extend(facts)
    by_hand.sort(key=lambda f: (f.start, f.end, f.type))
    assert [f.to_json() for f in pipeline.extract_document(doc)] == [f.to_json() for f in by_hand]
    assert by_hand


def test_the_anchor_year_of_the_last_document_is_found_once(monkeypatch, tmp_path):
    """read_and_extract asks for the anchor year twice (the extraction, then documents.csv's record):
    the text is searched once; another document, or a manifest year, is not answered from that."""
    calls = []
    real = pipeline.detect_document_year
    monkeypatch.setattr(pipeline, "detect_document_year", lambda doc: calls.append(doc.id) or real(doc))
    path = tmp_path / "besluit.txt"
    path.write_text(TEXT, "utf-8")
    result = pipeline.read_and_extract(path)
    assert result.ok and result.record["year"] == real(result.document) and calls == ["besluit"]
    other = Document("ander", "ander.txt", "", "txt", "Op 3 mei 2019 is het plan vastgesteld.")
    assert pipeline.anchor_year(other) == 2019 and calls == ["besluit", "ander"]
    other.meta = {"year": "2021"}
    assert pipeline.anchor_year(other) == 2021
