"""extract/regex_shapes.py: first letters of a pattern, and the first-letter dispatch of an
alternation, which must match exactly as the plain alternation does."""
import random
import re
from pathlib import Path

import pytest

from inkoopgraaf.extract.date_grammar import load_resource
from inkoopgraaf.extract.regex_shapes import dispatch_alternation, first_letters

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("pattern, letters", [
    (r"gunning", {"g"}),
    (r"(stellen|indienen)\s+van", {"s", "i"}),
    (r"(uiterste\s+)?termijn", {"u", "t"}),         # an optional opening: what follows may come first
    (r"\bge[iï]nformeerd", {"g"}),
    (r"(?:de|een)\s+overgang", {"d", "e"}),
])
def test_first_letters(pattern, letters):
    assert first_letters(pattern) == letters


@pytest.mark.parametrize("pattern", [r"\w*informatiebrief", r"[a-z]+", r"(?:x)?", r"[iï]d", r"é", r".a", r"(?i:a)b"])
def test_no_first_letters_where_a_match_may_start_otherwise(pattern):
    assert first_letters(pattern) is None


def test_ignore_case_lower_cases_the_letters():
    assert first_letters("Gunning", ignore_case=True) == {"g"}
    assert first_letters("Gunning") == {"G"}


def test_a_pattern_with_a_group_reference_is_not_dispatched():
    assert dispatch_alternation([(0, r"(a)\1"), (1, "b")]) is None
    assert dispatch_alternation([(0, r"(?P<x>a)"), (1, "b")]) is None


def _plain_and_dispatched(alternatives, flags):
    tags = sorted({t for t, _ in alternatives})
    plain = re.compile(r"(?<!\w)(?:" + "|".join(
        f"(?P<t{t}>" + "|".join(p for u, p in alternatives if u == t) + ")" for t in tags) + ")", flags)
    body, group_tag = dispatch_alternation(alternatives, flags)
    return plain, re.compile(r"(?<!\w)(?:" + body + ")", flags), group_tag


def test_dispatch_matches_as_the_plain_alternation_on_overlapping_alternatives():
    alts = [(0, "ab"), (0, r"\w*c"), (1, "a"), (1, "(x)?b\\w"), (2, "abc\\w*")]
    plain, fast, tag = _plain_and_dispatched(alts, 0)
    random.seed(7)
    for _ in range(3000):
        text = "".join(random.choice("abcx ") for _ in range(random.randint(0, 14)))
        a = [(m.span(), int(m.lastgroup[1:])) for m in plain.finditer(text)]
        b = [(m.span(), tag[m.lastindex]) for m in fast.finditer(text)]
        assert a == b, text


def test_dispatch_of_the_date_event_triggers_matches_as_the_plain_alternation():
    ev = load_resource("dates_events.json")["events"]
    alts = [(i, p) for i, n in enumerate(ev) for p in ev[n]]
    plain, fast, tag = _plain_and_dispatched(alts, re.IGNORECASE)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[:12]]
    texts.append("GUNNING Ingangsdatum INFORMATIEBRIEF uiterste termijn voor vragen; de overgang van cliënten")
    assert texts
    for text in texts:
        a = [(m.span(), int(m.lastgroup[1:])) for m in plain.finditer(text)]
        b = [(m.span(), tag[m.lastindex]) for m in fast.finditer(text)]
        assert a == b


def test_date_triggers_with_and_without_the_any_letter_triggers_match_the_plain_alternation():
    # dates._triggers leaves out '\w*informatiebrief', '\w+besluit' where their anchors are absent
    from inkoopgraaf.extract.dates import _event_scan, _triggers
    ev = load_resource("dates_events.json")["events"]
    alts = [(i, p) for i, n in enumerate(ev) for p in ev[n]]
    plain, _, _ = _plain_and_dispatched(alts, re.IGNORECASE)
    assert _event_scan().lean is not None
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))[:6])
    text += " Het collegebesluit en de raadsinformatiebrief; besluitvorming over de gunning."
    random.seed(11)
    for _ in range(400):
        s = random.randrange(len(text))
        e = min(len(text), s + random.randint(1, 500))
        expected = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in plain.finditer(text, s, e)]
        assert [(a, b, i) for a, b, _, i in _triggers.__wrapped__(text, s, e)] == expected


def test_trie_pattern_matches_as_the_plain_alternation_of_its_words():
    from inkoopgraaf.extract.regex_shapes import trie_pattern
    words = ["ma", "maart", "maandag", "mei", "m", "week", "weken", "we", "t.e.m.", "q1"]
    trie = re.compile(r"(?:" + trie_pattern(words) + r")")
    plain = re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")")
    rng = random.Random(7)
    probes = words + [w + tail for w in words for tail in ("x", "rt", " ", ".", "en")] + \
        ["".join(rng.choice("maertwekndgq1. ") for _ in range(rng.randint(0, 9))) for _ in range(3000)]
    for s in probes:
        assert bool(trie.fullmatch(s)) == bool(plain.fullmatch(s)), s
        m1, m2 = trie.match(s), plain.match(s)
        assert (m1 and m1.group()) == (m2 and m2.group()), s      # the longest word wins, as listed longest first


def test_text_reader_tag_test_as_the_listed_element_names():
    """The text reader's 'is this < a tag' test, its element names as a trie, decides as the listed
    alternation it replaced ('h[1-6]' and the rest)."""
    from inkoopgraaf.extract.readers import text as text_reader
    listed = ("a|abbr|address|b|big|blockquote|body|br|caption|center|cite|code|col|colgroup|dd|del|dfn|div|dl|dt|"
              "em|font|h[1-6]|head|hr|html|i|img|ins|kbd|li|mark|meta|ol|p|pre|q|s|samp|small|span|strike|strong|"
              "sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul|var|wbr|link|script|style|section|article|"
              "header|footer|nav|main|aside|figure|figcaption|label|input|form|button|select|option|textarea")
    old = re.compile(r"<(?!/?(?:" + listed + r")\b[^<>]*>|!--|!doctype)", re.I)
    names = sorted(text_reader.HTML_ELEMENT_NAMES)
    probes = ["a < b", "<datum besluit>", "<Blaricum, Huizen en Laren>", "<!-- x -->", "<!DOCTYPE html>", "<h7>", "<h0>"]
    for n in names + ["h", "hh1", "abbrx", "ta", "tab", "option1", "sectio", "Div", "TABLE"]:
        for shape in ("<{}>", "</{}>", "<{} class='x'>", "<{}", "<{}x>", "<{}-x>", "< {}>", "<{}/>"):
            probes.append("tekst " + shape.format(n) + " meer")
    for s in probes:
        assert text_reader._NOT_A_TAG.sub("&lt;", s) == old.sub("&lt;", s), s
