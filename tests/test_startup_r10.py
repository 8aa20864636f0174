"""extract/nlp.py RulesOnDemand: special cases added before the first text that could use them.

The tokens must be those of spaCy's own Tokenizer with every rule loaded at the start, on the
corpus, the hold-outs and real dev texts, on texts where a rule could match across whitespace,
and after the on-demand budget ran out.
"""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer

from inkoopgraaf.extract import nlp

ROOT = Path(__file__).resolve().parent.parent
ATTRS = [ORTH, NORM, IDX, LENGTH, SPACY, IS_SPACE, IS_PUNCT]


def _eager(tokenizer) -> Tokenizer:
    """spaCy's own Tokenizer with the same vocabulary, searches and every rule loaded at once."""
    return Tokenizer(tokenizer.vocab, rules=dict(tokenizer.rules), prefix_search=tokenizer.prefix_search,
                     suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                     token_match=tokenizer.token_match, url_match=tokenizer.url_match)


def _fresh():
    return nlp.InkoopDutch(create_tokenizer=nlp._lean_tokenizer).tokenizer


def _texts() -> list[str]:
    folders = [ROOT / "corpus", *sorted((ROOT / "tests" / "data").glob("holdout*/docs")),
               ROOT.parent / "shared" / "real" / "dev" / "docs"]
    return [p.read_text("utf-8", errors="replace") for f in folders if f.is_dir()
            for p in sorted(f.iterdir()) if p.suffix in (".txt", ".md", ".html")]


def test_the_rules_are_loaded_on_demand():
    tok = _fresh()
    assert isinstance(tok, nlp.RulesOnDemand)
    assert len(tok.rules) > 4000
    loaded_before = len(Tokenizer.rules.__get__(tok))
    assert loaded_before < 20                      # only the rules with whitespace in them
    tok("Zie o.a. blz. 3.")
    loaded = Tokenizer.rules.__get__(tok)
    assert {"o.a.", "blz."} <= set(loaded) and len(loaded) < 100


def test_on_demand_gives_spacys_tokens_on_real_texts():
    texts = _texts()
    assert len(texts) > 20
    lazy = _fresh()
    cache = nlp._ChunkCache(lazy)
    eager = _eager(lazy)
    for text in texts:
        assert cache(text).to_array(ATTRS).tolist() == eager(text).to_array(ATTRS).tolist()


def test_rules_matching_across_whitespace_are_loaded():
    """A rule's phrase-matcher pattern can match tokens with spaces between them ('a. s.' holds the
    pieces of 'a.s.'); such a match can hide another special case, so the rule is loaded too."""
    lazy = _fresh()
    eager = _eager(lazy)
    rules = sorted(r for r in lazy.rules if not any(c.isspace() for c in r) and len(r) > 2)
    texts = [" ".join(r) for r in rules[::7]] + [r[:2] + " " + r[2:] + " x" for r in rules[::5]]
    for text in texts:
        assert lazy(text).to_array(ATTRS).tolist() == eager(text).to_array(ATTRS).tolist(), text


def test_past_the_budget_every_rule_is_loaded(monkeypatch):
    monkeypatch.setattr(nlp, "ON_DEMAND_CHARS", 10)
    lazy = _fresh()
    eager = _eager(lazy)
    text = "Volgens art. 3 lid 2, i.p.v. de regeling (o.a. blz. 12) enz."
    assert lazy(text).to_array(ATTRS).tolist() == eager(text).to_array(ATTRS).tolist()
    assert len(Tokenizer.rules.__get__(lazy)) == len(lazy.rules)


def test_pickling_keeps_every_rule():
    """(to_bytes cannot serialise the anchored searches, on main as well: they are not regex methods.)"""
    lazy = _fresh()
    lazy("o.a.")
    restored = pickle.loads(pickle.dumps(lazy))
    assert restored.rules == lazy.rules
    text = "m.b.t. art. 5, t.a.v. nr. 12"
    assert restored(text).to_array(ATTRS).tolist() == _eager(lazy)(text).to_array(ATTRS).tolist()


@pytest.mark.parametrize("rule", ["xD", "8)", ":-)", "a.s."])
def test_a_rule_added_by_hand_counts(rule):
    lazy = _fresh()
    lazy.add_special_case("zgn.", [{ORTH: "zgn."}])
    assert "zgn." in lazy.rules and "zgn." in Tokenizer.rules.__get__(lazy)
    text = f"de zgn. {rule} regel"
    assert lazy(text).to_array(ATTRS).tolist() == _eager(lazy)(text).to_array(ATTRS).tolist()
