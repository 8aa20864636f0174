"""The one-pass wording scan (extract/segments/scan.py) finds exactly what each regex's own
``finditer`` finds, on the lower-cased fast path and on the texts that must take the
case-insensitive path (characters ``re.IGNORECASE`` equates with a letter, "İ")."""
import re

import pytest

from inkoopgraaf.extract.segments.scan import TermIndex
from inkoopgraaf.extract.segments.terms import KINDS, _compiled, _find_terms, find_all_terms

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
