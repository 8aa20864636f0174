"""The one-pass wording scan (extract/segments/scan.py) finds exactly what each regex's own
``finditer`` finds, on the lower-cased fast path and on the texts that must take the
case-insensitive path (characters ``re.IGNORECASE`` equates with a letter, "İ")."""
import re

import pytest

from inkoopgraaf.extract.segments.scan import TermIndex
from inkoopgraaf.extract.segments.cues import CUE
from inkoopgraaf.extract.segments.state import _DOCUMENT_CUES
from inkoopgraaf.extract.segments.terms import KINDS, _compiled, _find_terms, find_all_terms, scan_document

TEXTS = [
    "Segment Ambulant: wordt voortaan bekostigd met een lumpsum per 1 januari 2025.",
    "Jeugdhulp met verblijf2 en crisishulp13; P x Q en PxQ, op basis van inzet per uur.",
    "DE GESLOTEN JEUGDHULP kopen we landelijk in; Hoog-specialistisch & ambulant.",
    "&jeugdhulp, jeugd&hulp, (jeugdhulp), -jeugdhulp, jeugdhulp-aanbieders, dyslexiezorg",
    "betalen we per uur, betaald per etmaal, bestuurlijk aanbesteden, Bestuurlijke aanbesteding",
    # characters that match a letter only case-insensitively, or that lengthen when lowered
    "Jeugdhulp met verblıjf, crıſishulp en ambulante hulp",
    "İnkoop jeugdhulp met verblijf",
    "Jeugdhulp per inwoner, jeugdhulp met verblijf; lumpſum per jeugdige",
    "",
]


def _finditer_spans(patterns, text):
    out = {}
    for n, rx in enumerate(patterns):
        found = [(m.start(), m.end()) for m in rx.finditer(text)]
        if found:
            out[n] = found
    return out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text", TEXTS)
def test_scan_equals_finditer_for_taxonomy_wordings(kind, text):
    patterns = [row[1] for row in _compiled(kind)]
    found = {n: spans for n, spans in TermIndex(patterns).spans(text).items() if spans}
    assert found == _finditer_spans(patterns, text)


@pytest.mark.parametrize("text", TEXTS)
def test_one_scan_for_all_kinds_equals_each_kind_alone(text):
    assert find_all_terms(text) == {kind: _find_terms(text, kind) for kind in KINDS}


def test_scan_equals_finditer_for_each_lead():
    # a generated wording (lead (?<![\w&])), a re: wording opening with \b, one behind a
    # lookbehind (no lead), and upper-case words that fold onto each other
    patterns = [re.compile(r"(?<![\w&])ſom(?:men)?(?=\d{0,2}(?!\w))", re.I),
                re.compile(r"\bsom\s+per\b", re.I),
                re.compile(r"(?<=betalen )per\s+uur\b", re.I),
                re.compile(r"\bED\b", re.I),
                re.compile(r"\bEd\w*", re.I),
                re.compile(r"\b(?:vast\s+)?(?:bedrag|budget)\s+per\b", re.I),   # optional first word
                re.compile(r"(?:de\s+)*uur(?:tarief)?", re.I)]
    for text in ("som per uur; Sommen, ſom per, ſommen", "betalen per uur ed Eduard ED", "İ som per", "x" * 5,
                 "Vast bedrag per jaar, een bedrag per uur; vast budget per; de de uurtarief, vastbedrag per"):
        found = {n: spans for n, spans in TermIndex(patterns).spans(text).items() if spans}
        assert found == _finditer_spans(patterns, text)


def test_lowering_keeps_word_characters_apart_from_the_rest():
    # the lowered-text scan relies on it: \w holds for a character iff it holds for its lower case
    word = re.compile(r"\w")
    for cp in range(0x3000):
        ch = chr(cp)
        low = ch.lower()
        if len(low) == 1:
            assert bool(word.match(ch)) == bool(word.match(low)), hex(cp)


LOT_TEXTS = [
    "Perceel 2: Verblijf\nperceel B – Jeugdhulp thuis (ambulante begeleiding)\nHet perceel Specialistische Jeugdhulp.",
    "De strategie kent drie percelen: (a) ambulante hulp, (b) verblijf, (c) crisis. Optie 2 valt af.",
    "  Perceel 3 Vervoer\nSegment C omvat dagbesteding; percelen 1 t/m 3 en lot A; scenario B is gekozen.",
]


@pytest.mark.parametrize("text", TEXTS + LOT_TEXTS)
def test_document_cues_found_in_the_one_scan_equal_finditer(text):
    cues = tuple(CUE[name] for name in _DOCUMENT_CUES)
    terms, found = scan_document(text, cues)
    assert terms == find_all_terms(text)
    for cue, matches in zip(cues, found):
        expected = list(cue.finditer(text))
        assert [(m.span(), m.groups()) for m in matches] == [(m.span(), m.groups()) for m in expected]


def test_lazy_wording_regexes_equal_the_compiled_ones():
    """A generated wording's regex (scan.LazyPattern) is compiled on first use; compiled, it is
    re.compile of its pattern and flags, with the same matches, and survives a pickle (workers)."""
    import pickle
    from inkoopgraaf.extract.segments.scan import LazyPattern
    rows = [row for kind in KINDS for row in _compiled(kind)]
    lazy = [row[1] for row in rows if isinstance(row[1], LazyPattern)]
    assert len(lazy) > 200
    for rx in lazy[:40]:
        fresh = LazyPattern(rx.pattern, re.IGNORECASE)
        assert fresh._regex is None
        twin = pickle.loads(pickle.dumps(fresh))
        eager = re.compile(rx.pattern, re.IGNORECASE)
        assert fresh.compiled() is fresh.compiled() and fresh.flags == eager.flags
        for text in TEXTS:
            assert [m.span() for m in fresh.finditer(text)] == [m.span() for m in eager.finditer(text)]
            assert [m.span() for m in twin.finditer(text)] == [m.span() for m in eager.finditer(text)]


def test_a_scan_compiles_only_the_wordings_whose_first_word_it_meets():
    from inkoopgraaf.extract.segments.scan import LazyPattern
    patterns = [LazyPattern(r"(?<![\w&])jeugdhulp(?:en)?(?=\d{0,2}(?!\w))", re.I),     # the generated shape
                LazyPattern(r"(?<![\w&])dyslexie(?:zorg)?(?=\d{0,2}(?!\w))", re.I)]
    index = TermIndex(patterns)
    assert index.spans("Jeugdhulp en jeugdhulp2") == {0: [(0, 9), (13, 22)]}
    assert patterns[0]._regex is not None and patterns[1]._regex is None
    assert index.spans("de dyslexiezorgen, dyslexie") == {1: [(19, 27)]}
    assert patterns[1]._regex is not None


def test_the_case_insensitive_trie_is_built_only_when_a_text_needs_it():
    patterns = [row[1] for row in _compiled("segment")]
    index = TermIndex(patterns)
    assert all("exact" not in vars(s) for s in index.scanners if s.folded is not None)
    text = "Jeugdhulp met verblıjf, crıſishulp en ambulante hulp"      # 'ı', 'ſ': the re.I path
    assert index.spans(text) == _finditer_spans([re.compile(p.pattern, p.flags) for p in patterns], text)
    assert any("exact" in vars(s) for s in index.scanners)
