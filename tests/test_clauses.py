"""The shared clause layer (extract/clauses.py): one clause per sentence of the parse, read from
the parse's token arrays."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inkoopgraaf.extract.clauses import build_clauses, norm_token
from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.document import Block, Document


def _clauses(text: str, blocks=()) -> list:
    return build_clauses(ExtractionContext(doc=Document("d", "d.txt", "", "txt", text, blocks=list(blocks))))


def test_a_clause_per_sentence_with_normalised_words_and_exact_offsets():
    text = "Het college besluit: segment 1 per 1 januari 2025. Daarna (kort) het tweede deel!"
    clauses = _clauses(text)
    assert [c.words for c in clauses] == [
        ["het", "college", "besluit", ":"], ["segment", "1", "per", "1", "januari", "2025"],
        ["daarna", "kort", "het", "tweede", "deel"]]
    for c in clauses:
        assert [text[s:e] for s, e in c.offsets] == c.raw
        assert (c.start, c.end) == (c.offsets[0][0], c.offsets[-1][1])
        assert [norm_token(x) or x for x in c.raw] == c.words


def test_punctuation_only_sentences_and_whitespace_give_no_clause():
    assert _clauses("") == []
    assert _clauses("\n\n") == []
    assert [c.words for c in _clauses("Eerste zin.\n. . .\n!\nTweede zin")] == [["eerste", "zin"], ["tweede", "zin"]]


def test_each_clause_knows_the_block_it_starts_in():
    text = "Besluit\nHet college besluit tot een lumpsum.\nLos"
    heading, para = Block("heading", 0, 7, level=1), Block("paragraph", 8, 44)
    clauses = _clauses(text, [para, heading])            # blocks out of order: sorted on look-up
    assert [c.block for c in clauses] == [heading, para, None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=8), st.lists(st.integers(-5, 130), max_size=30))
def test_blocks_at_is_block_at_of_each_offset(spans, offsets):
    blocks, at = [], 0
    for gap, width in spans:                              # non-overlapping blocks, some empty
        blocks.append(Block("paragraph", at + gap, at + gap + width))
        at += gap + width
    doc = Document("d", "d.txt", "", "txt", "x" * (at + 10), blocks=blocks)
    assert doc.blocks_at(offsets) == [doc.block_at(o) for o in offsets]
