"""Extraction grows at most linearly with its input (issue 15, item 11).

Tables of products and OCR'd pages give "sentences" without full stops, long
runs of punctuation and long lists of dates. Each pathological pattern is fed
at 10 KB and at 50 KB and the process CPU time of the two runs is compared in
the same test: linear work gives a ratio of about 5, quadratic about 25. The
bound (10) is generous on purpose: this checks the complexity class, not speed
(no wall time, no absolute figure).
"""
from __future__ import annotations

import gc
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from inkoopgraaf.extract import nlp
from inkoopgraaf.extract.document import Block, Document
from inkoopgraaf.extract.pipeline import extract_document
from inkoopgraaf.extract.readers import read_document

SMALL, LARGE = 10_000, 50_000
MAX_RATIO = 10.0          # 5 is linear; superlinear growth gives 25 (quadratic) or more

PATTERNS = {
    # a list without full stops: one "sentence" naming a segment over and over
    "segment list": "ambulante jeugdhulp ",
    # financing wordings repeated (tariff tables flattened into one line)
    "financing wordings": "lumpsum per uur, tarief per uur en lumpsum per cliënt ",
    "open brackets": "(",
    "date list": "1 januari 2024, 15 maart 2025, 30/4, 2026-2027, ",
    "mixed clause": "Segment Ambulant: de huidige lumpsum wordt niet langer, maar wel per uur; (zie 2024) ",
}

_DOMAIN_WORDS = ["ambulante", "jeugdhulp", "lumpsum", "per", "uur", "tarief", "inspanningsgericht",
                 "outputgericht", "segment", "perceel", "verblijf", "Wmo", "begeleiding", "niet", "geen",
                 "huidige", "nieuwe", "kiezen", "voor", "maar", "die", "zoals", "besluit", "januari",
                 "2024", "2025", "1", "april", "wordt", "onderzocht", "de", "het", "en"]
_PUNCTUATION = [",", ";", ":", "(", ")", "-", "/", "'", "…", "..", "\t", "\n", "•"]


def _tile(unit: str, size: int) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size]


def _extract_cpu(path, text: str) -> float:
    """CPU s of extracting ``text``, the cyclic collector kept out: a full collection of the heap
    the rest of a serial test session left behind costs more than a 10 KB extraction, and landing
    in one run and not the other it made the ratio (not the growth) jump."""
    path.write_text(text, "utf-8")
    gc.collect()
    gc.disable()
    try:
        t = time.process_time()
        extract_document(read_document(path))
        return time.process_time() - t
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """Load the pipeline, taxonomy and rules once, so the first measured run pays nothing extra."""
    path = tmp_path_factory.mktemp("warm") / "warm.txt"
    _extract_cpu(path, "Segment Ambulant wordt per 1 januari 2025 bekostigd met een lumpsum.\n")
    return path


def _ratio(path, unit: str) -> tuple[float, float, float]:
    small = min(_extract_cpu(path, _tile(unit, SMALL)) for _ in range(2))
    large = min(_extract_cpu(path, _tile(unit, LARGE)) for _ in range(2))
    return small, large, large / max(small, 1e-3)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_grows_linearly(name, warm, tmp_path):
    small, large, ratio = _ratio(tmp_path / "doc.txt", PATTERNS[name])
    assert ratio < MAX_RATIO, f"{name}: {small:.2f} s at 10 KB, {large:.2f} s at 50 KB (x{ratio:.1f})"


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_DOMAIN_WORDS + _PUNCTUATION), min_size=20, max_size=80))
def test_random_domain_runs_grow_linearly(warm, tmp_path, words):
    unit = " ".join(words) + " "
    small, large, ratio = _ratio(tmp_path / "doc.txt", unit)
    assert ratio < MAX_RATIO, f"{unit[:80]!r}: {small:.2f} s at 10 KB, {large:.2f} s at 50 KB (x{ratio:.1f})"


# -- the spaCy layer ----------------------------------------------------------------

def test_text_beyond_max_length_is_parsed_in_blocks(monkeypatch):
    text = "".join(f"Regel {i}: segment ambulante jeugdhulp met een lumpsum per 1 januari 2025.\n"
                   for i in range(400))
    whole = nlp.parse(Document("d", "d.txt", "", "txt", text))
    monkeypatch.setattr(nlp.get_nlp(), "max_length", 5_000)     # force E088's case
    monkeypatch.setattr(nlp, "BLOCK_CHARS", 2_000)
    blocks = nlp.parse(Document("d", "d.txt", "", "txt", text))
    assert blocks.text == text
    assert [t.text for t in blocks] == [t.text for t in whole]
    assert [(s.start_char, s.end_char) for s in blocks.sents] == [(s.start_char, s.end_char) for s in whole.sents]


def test_long_punctuation_run_keeps_offsets():
    text = "Inleiding (" + "(" * 5_000 + " segment ambulante jeugdhulp.\n"
    doc = nlp.parse(Document("d", "d.txt", "", "txt", text))
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert any(t.text == "jeugdhulp" for t in doc)


def test_sentence_without_full_stops_is_cut():
    text = "ambulante jeugdhulp, " * 400
    doc = nlp.parse(Document("d", "d.txt", "", "txt", text, blocks=[Block("paragraph", 0, len(text))]))
    sents = list(doc.sents)
    assert len(sents) > 1
    assert max(len(s) for s in sents) <= nlp.MAX_SENTENCE_TOKENS
    # cut after a comma, so no phrase is split
    assert all(s[-1].text == "," for s in sents[:-1])


# -- the garbage collector ------------------------------------------------------------

def _collector_states(monkeypatch, text: str) -> list[bool]:
    """gc.isenabled() as every extraction step saw it."""
    import gc
    from inkoopgraaf.extract import pipeline
    seen, load = [], pipeline._load

    def probed(target):
        step = load(target)
        return lambda ctx: (seen.append(gc.isenabled()), step(ctx))[1]
    monkeypatch.setattr(pipeline, "_load", probed)
    extract_document(Document("d", "d.txt", "", "txt", text, blocks=[Block("paragraph", 0, len(text))]))
    return seen


def test_collector_paused_per_document_and_restored(monkeypatch):
    import gc
    from inkoopgraaf.extract import pipeline
    text = "Segment Ambulant wordt per 1 januari 2025 bekostigd met een lumpsum.\n"
    assert gc.isenabled()
    assert not any(_collector_states(monkeypatch, text))          # paused while a document is extracted
    assert gc.isenabled()                                          # and running again after it
    monkeypatch.setattr(pipeline, "GC_PAUSE_CHARS", 10)            # a long document keeps it running
    assert all(_collector_states(monkeypatch, text))
    gc.disable()                                                   # a caller's own choice is kept
    try:
        monkeypatch.setattr(pipeline, "GC_PAUSE_CHARS", 10_000)
        _collector_states(monkeypatch, text)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_restarts_when_an_extractor_fails(monkeypatch):
    import gc
    from inkoopgraaf.extract import pipeline

    def broken(target):
        def fail(ctx):
            raise RuntimeError("extractor bug")
        return fail
    monkeypatch.setattr(pipeline, "_load", broken)
    with pytest.raises(RuntimeError):
        extract_document(Document("d", "d.txt", "", "txt", "Tekst.\n"))
    assert gc.isenabled()


# -- the indexed look-ups answer as the scans they replace ---------------------------------

def _table(rows: list[list[str]], row_numbers: list[int | None]) -> Document:
    """A text table, one line per row and cells joined by ' | ', with the given row numbers."""
    text, blocks = "", []
    for cells, number in zip(rows, row_numbers):
        spans, pos = [], len(text)
        for c in cells:
            spans.append((pos, pos + len(c)))
            pos += len(c) + 3
        blocks.append(Block("table_row", len(text), pos - 3, cells=spans, table=0, row=number))
        text += " | ".join(cells) + "\n"
    return Document("t", "t.txt", "", "txt", text, blocks=blocks)


@pytest.mark.parametrize("numbers", [[0, 1, 2, 3, 4, 5], [0, 2, 1, 3, 5, 4], [0, None, 2, 3, 4, 5]])
def test_column_first_finds_the_nearest_cell_above_as_a_scan(numbers):
    from inkoopgraaf.extract.sections import Structure
    rows = [["Perceel", "Bekostiging"], ["Ambulant", "lumpsum"], ["Verblijf", "nog open"],
            ["Dyslexie", "per uur"], ["Vervoer", "lumpsum"], ["Crisis", "p x q"]]
    doc = _table(rows, numbers)
    st = Structure(doc)
    has_u = lambda span: "u" in st.text(span)           # noqa: E731
    for b in doc.blocks:
        for s, e in b.cells:
            place = st.place(s)
            scan = next(((c, True) for c in place.column_header if has_u(c)), None)
            assert st.column_first(place, "has u", has_u) == scan
            assert list(place.column_header) == [r.cells[place.cell_index] for r in reversed(doc.blocks)
                                                 if None not in (r.row, b.row) and r.row < b.row]


def test_cell_index_by_bisection_matches_the_scan():
    from inkoopgraaf.extract.sections import Structure
    doc = _table([["a", "", "bb", "ccc"]], [0])
    doc.blocks.append(Block("table_row", 0, 8, cells=[(0, 5), (2, 3), (4, 8)], table=1, row=0))  # overlapping
    st = Structure(doc)
    for b in doc.blocks:
        for offset in range(-1, b.end + 2):
            assert st.cell_index(b, offset) == doc.cell_index(b, offset)
