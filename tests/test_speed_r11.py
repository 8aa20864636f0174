"""Round 11 (issue 14): work skipped where its triggers are absent gives the answers of the full work."""
import random
import re
from pathlib import Path

import pytest

from inkoopgraaf.extract import qualifier
from inkoopgraaf.extract.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "data").glob("holdout*/docs/*.*"))[::3] + sorted((ROOT / "corpus").glob("*.txt"))


def _pieces(text: str, n: int, seed: int) -> list[str]:
    """The text's sentences (cut at end punctuation and blank lines) and ``n`` random spans of it."""
    rnd = random.Random(seed)
    out = [s for s in re.split(r"(?<=[.!?;:])\s+|\n\s*\n", text) if s.strip()]
    for _ in range(n):
        a = rnd.randrange(len(text))
        out.append(text[a:a + rnd.randrange(1, 400)])
    return out


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_a_text_the_trigger_search_passes_over_holds_no_trigger(path):
    text = read_document(path).text
    skipped = 0
    for piece in _pieces(text, 200, len(text)):
        if not qualifier._may_hold_trigger(piece):
            skipped += 1
            assert qualifier._Sentence(piece).found == [], piece
    assert skipped > 0          # the search does pass over text (else it would only cost)


@pytest.mark.parametrize("text", [
    "Het is mogelijk verblijf en zorg aan te bieden.",          # a prefix rule inside a longer word run
    "Zo veel mogelijkheden; de vraag is of dat kan.",            # a multi-token rule after a common word
    "Wij kiezen, na lang wikken, voor een lumpsum.",              # a rule with a gap
    "Bekostiging (optie B) via trajecten.",                      # a rule that opens with punctuation
    "Niet langer PxQ.", "i.p.v. uurtarieven", "Scenario's voor 2026",
    "ΣΥΝΟΛΟ geen lumpsum", "İnkoop: geen lumpsum",             # lower case not by slices: analysed
    "De gemeente betaalt een vast bedrag per cliënt.",           # no trigger at all
])
def test_qualify_with_the_search_is_qualify_of_the_full_analysis(text, monkeypatch):
    def answers():
        qualifier._analysis.cache_clear()
        out = [qualifier.qualify_text(text), qualifier.find_triggers(text)]
        out += [qualifier.qualify(text, s, e) for s, e, _ in qualifier.tokenize(text)]
        return out
    gated = answers()
    monkeypatch.setattr(qualifier, "_may_hold_trigger", lambda t: True)
    assert gated == answers()
    qualifier._analysis.cache_clear()


def test_every_rule_is_found_by_the_search():
    # each rule's own phrase (its tokens as text, a gap as one word) must pass the search
    for rule in qualifier._rules()[0]:
        words = ["x" if t == "..." else t.rstrip("*") + ("heden" if t.endswith("*") else "") for t in rule.tokens]
        phrase = " ".join(words)
        if qualifier._Sentence(phrase).found:
            assert qualifier._may_hold_trigger(phrase), rule.phrase
            assert qualifier._may_hold_trigger("Dus " + phrase.upper() + "."), rule.phrase


def _pending_tokenizer():
    """A fresh tokenizer of the project's pipeline with every special case still pending."""
    from inkoopgraaf.extract import nlp
    return nlp.InkoopDutch(create_tokenizer=nlp._lean_tokenizer).tokenizer


def _texts_with_rules(rules, n: int, seed: int) -> list[str]:
    """Texts of words and rules glued and spaced at random: rules inside, across and beside words."""
    rnd = random.Random(seed)
    words = ["de", "gemeente", "o.a.", "blz.", "a.", "2026", "e.d.", "(", ")", "'s", "Jan.", "ca.", "etc"]
    out = []
    for _ in range(n):
        parts = [rnd.choice(rules) if rnd.random() < 0.3 else rnd.choice(words) for _ in range(rnd.randrange(1, 30))]
        out.append("".join(p + rnd.choice(["", " ", "\n", "  "]) for p in parts))
    return out


def test_the_rule_scan_finds_the_rules_the_substring_tests_find():
    tok = _pending_tokenizer()
    rules = sorted(r for waiting in tok._index.values() for r in waiting)
    assert len(rules) > 1000
    texts = [read_document(p).text for p in DOCS] + _texts_with_rules(rules, 400, 11)
    for text in texts:
        stripped = "".join(text.split())
        assert sorted(tok._found_by_scan(stripped)) == sorted(tok._found_by_pairs(stripped)), text[:200]


def test_rules_found_by_the_scan_give_the_tokens_of_the_substring_tests(monkeypatch):
    from inkoopgraaf.extract import nlp
    texts = [read_document(p).text for p in DOCS[:8]]
    by_scan, by_tests = _pending_tokenizer(), _pending_tokenizer()
    monkeypatch.setattr(nlp, "SCAN_AFTER_CHARS", 10 ** 12)
    tests_tokens = [[t.text for t in by_tests(text)] for text in texts]
    monkeypatch.setattr(nlp, "SCAN_AFTER_CHARS", 0)
    assert [[t.text for t in by_scan(text)] for text in texts] == tests_tokens
    assert by_scan._scan is not None and by_tests._scan is None
    assert by_scan._index == by_tests._index           # the same rules loaded, the same still pending
