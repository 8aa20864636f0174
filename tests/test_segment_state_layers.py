"""segments/state.py and care_models.py read shared layers instead of walking the document again:
each answer equals the one the walk gave (spaCy's sentence Spans, a scan of every mention)."""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.document import Block, Document
from inkoopgraaf.extract.readers import discover, read_document
from inkoopgraaf.extract.segments.state import _Doc

ROOT = Path(__file__).resolve().parents[1]
FILES = discover([ROOT / "corpus"] + sorted((ROOT / "tests" / "data").glob("holdout*/docs")))[::4]


def _spacy_sentences(ctx: ExtractionContext) -> list[tuple[int, int]]:
    sdoc = ctx.spacy_doc
    return [(s.start_char, s.end_char) for s in sdoc.sents] if len(sdoc) else [(0, len(ctx.doc.text))]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_sentences_from_the_columns_are_spacys(path):
    ctx = ExtractionContext(doc=read_document(path))
    assert _Doc(ctx).sents == _spacy_sentences(ctx)


@pytest.mark.parametrize("text", ["", "x", "Een zin.", "Een. Twee:\ndrie\tvier; vijf!  ", "\n\n", "a" * 3000 + " b."])
def test_sentences_from_the_columns_at_the_edges(text):
    doc = Document("d", "d.txt", "", "txt", text, blocks=[Block("paragraph", 0, len(text))] if text else [])
    ctx = ExtractionContext(doc=doc)
    assert _Doc(ctx).sents == _spacy_sentences(ctx)


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_care_model_elsewhere_is_the_walk_over_every_mention(path):
    """care_models._care_model_elsewhere from the per-model starts == the walk over all mentions."""
    from inkoopgraaf.extract.segments.care_models import _care_context, _care_model_elsewhere, _in_care_context
    d = _Doc(ExtractionContext(doc=read_document(path)))
    for kind in ("financing", "procedure"):
        for m in d.terms(kind):
            walk = m.id != "subsidie" and any(x.id == m.id and x.start != m.start and
                                              _in_care_context(d, x, d.st.place(x.start)) for x in d.terms(kind))
            assert _care_model_elsewhere(d, m, kind) == walk
            assert _care_context(d, m, d.st.place(m.start)) == _in_care_context(d, m, d.st.place(m.start))


def test_next_heading_start_in_and_out_of_text_order():
    """mentions._next_heading_start == the first heading in block order after the offset."""
    from inkoopgraaf.extract.segments.mentions import _next_heading_start
    text = "H1\nalinea\nH2\nalinea\nH3\nslot"
    heads = [Block("heading", 0, 2), Block("heading", 10, 12), Block("heading", 20, 22)]
    paras = [Block("paragraph", 3, 9), Block("paragraph", 13, 19), Block("paragraph", 23, 27)]
    for blocks in ([heads[0], paras[0], heads[1], paras[1], heads[2], paras[2]],
                   [heads[2], paras[0], heads[0], paras[1], heads[1], paras[2]]):
        d = _Doc(ExtractionContext(doc=Document("d", "d.txt", "", "txt", text, blocks=list(blocks))))
        d.doc.blocks[:] = blocks             # the order under test, as the document holds it
        for offset in range(-1, len(text) + 1):
            walk = next((x.start for x in d.doc.blocks if x.kind == "heading" and x.start > offset), len(text))
            assert _next_heading_start(d, offset) == walk, (offset, [b.start for b in blocks])
