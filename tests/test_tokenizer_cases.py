"""extract/nlp.py's tokenizer and sentence rules, one case per rule (tests/data/tokenizer_cases.json).

A case gives a text and the tokens (``tokens``) and/or sentences (``sents``) that
``nlp.parse`` must yield; offsets always equal the text's.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoopgraaf.extract import nlp
from inkoopgraaf.extract.document import Block, Document

CASES = json.loads((Path(__file__).parent / "data" / "tokenizer_cases.json").read_text("utf-8"))["cases"]


def _string(part) -> str:
    """A text part: a string, or {char, times} for a repeated character."""
    return part if isinstance(part, str) else part["char"] * part["times"]


def _text(case) -> str:
    text = case["text"]
    return text if isinstance(text, str) else "".join(_string(p) for p in text)


def _tokens(case) -> list[str]:
    out = []
    for t in case["tokens"]:
        if isinstance(t, dict) and "token" in t:
            out.extend([t["token"]] * t["count"])
        else:
            out.append(_string(t))
    return out


def test_cases_are_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert "tokens" in case or "sents" in case, case["id"]
        assert case.get("why"), case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_tokenizer_case(case):
    text = _text(case)
    blocks = [Block.from_json(b) for b in case.get("blocks", [])]
    doc = nlp.parse(Document("d", "d.txt", "", "txt", text, blocks=blocks))
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    if "tokens" in case:
        assert [t.text for t in doc] == _tokens(case)
    if "sents" in case:
        assert [s.text for s in doc.sents] == case["sents"]


def test_no_infix_piece_matches_inside_letters_and_digits():
    """nlp._InfixFinditer skips chunks of letters and digits only: no infix piece may match in
    such a text, whatever letters or digits stand around (every alphanumeric code point, next
    to each other and between letters and digits of both cases)."""
    tokenizer = nlp.get_nlp().tokenizer
    assert isinstance(tokenizer.infix_finditer, nlp._InfixFinditer)
    regex = tokenizer.infix_finditer.finditer.__self__
    alnum = "".join(chr(c) for c in range(0x110000) if chr(c).isalnum())
    for around in ("", "a", "A", "1"):
        assert regex.search(around + around.join(alnum) + around) is None


def test_no_prefix_or_suffix_piece_matches_inside_letters():
    """nlp._PrefixMatch skips chunks of letters and digits, _SuffixSearch chunks of letters:
    no piece, unanchored, matches anywhere in such text (the three prefixes that open with a
    letter, 'US$', 'C$', 'A$', hold a '$')."""
    import re
    prefixes = [p for p in nlp.InkoopDefaults.prefixes if p.strip()]
    suffixes = [p for p in nlp.InkoopDefaults.suffixes if p.strip()]
    assert [p for p in prefixes if p[:1].isalnum()] == ["US\\$", "C\\$", "A\\$"]
    assert not [p for p in suffixes if p[:1].isalnum()]
    tokenizer = nlp.get_nlp().tokenizer
    assert isinstance(tokenizer.prefix_search, nlp._PrefixMatch)
    assert isinstance(tokenizer.suffix_search, nlp._SuffixSearch)
    alnum = "".join(chr(c) for c in range(0x110000) if chr(c).isalnum())
    alpha = "".join(c for c in alnum if c.isalpha())
    for around in ("", "a", "A", "1"):
        assert re.compile("|".join(prefixes)).search(around + around.join(alnum) + around) is None
    for around in ("", "a", "A"):
        assert re.compile("|".join(suffixes)).search(around + around.join(alpha) + around) is None


def test_skipping_affix_searches_keeps_the_tokens():
    texts = ["feb-april'22 en 2018-2022, mei/juni", "Wmo…jeugdhulp(ambulant)", "aé1ß",
             "10km, US$5 en 's-Hertogenbosch (NH). i.p.v. 3%"] + [c["text"] for c in CASES if isinstance(c["text"], str)]
    tokenizer = nlp.get_nlp().tokenizer
    fast = tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer
    try:                                     # spaCy's own searches (setting them empties the cache)
        tokenizer.prefix_search, tokenizer.suffix_search = fast[0].match, fast[1].regex.search
        tokenizer.infix_finditer = fast[2].finditer
        plain = [[(t.idx, t.text) for t in tokenizer(text)] for text in texts]
    finally:
        tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer = fast
    assert [[(t.idx, t.text) for t in tokenizer(text)] for text in texts] == plain


def _set_searches_after(tokenizer) -> None:
    """The anchored searches set on a built tokenizer (how get_nlp did it before round 9: each
    setter reloads every special case)."""
    prefix, suffix, infix = (tokenizer.prefix_search.__self__, tokenizer.suffix_search.__self__,
                             tokenizer.infix_finditer.__self__)
    tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer = \
        nlp._anchored_searches(prefix, suffix, infix)


def test_the_special_cases_survive_the_affix_set_up():
    """The anchored searches go to the tokenizer's constructor (the special cases loaded once): the
    shared tokenizer has spaCy's exceptions, and splits every one of them, alone and in a sentence,
    as spaCy's own tokenizer with the searches set afterwards does (the same text, offset, length,
    trailing space and the attributes read, READ_ATTRIBUTES)."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SPACY
    old = nlp.InkoopDutch()
    nlp._keep_read_attributes(old.vocab)
    plain = old.tokenizer
    shared = nlp.get_nlp().tokenizer
    assert shared.rules == plain.rules and len(shared.rules) > 1000
    assert shared.token_match == plain.token_match and shared.url_match == plain.url_match
    _set_searches_after(plain)
    assert type(shared.prefix_search) is type(plain.prefix_search) is nlp._PrefixMatch
    texts = sorted(plain.rules) + [f"({r}) {r}, x{r}" for r in sorted(plain.rules)]
    texts.append("Zie o.a. blz. 3, art. 2 lid 1 en m.b.t. de Wmo (t.a.v. nr. 12) enz.")
    attrs = [ORTH, IDX, LENGTH, SPACY, IS_SPACE, IS_PUNCT]
    assert {IS_SPACE, IS_PUNCT} == set(nlp.READ_ATTRIBUTES)
    rows = [shared(text).to_array(attrs).tolist() for text in texts]
    assert rows == [plain(text).to_array(attrs).tolist() for text in texts]


@lru_cache(maxsize=1)
def _plain_tokenizer():
    """A tokenizer of the project's language with the same affix searches and vocabulary attributes,
    and no warmed cache."""
    return nlp.InkoopDutch(create_tokenizer=nlp._lean_tokenizer).tokenizer


def _token_rows(doc):
    from spacy.attrs import IDX, LENGTH, NORM, ORTH, SPACY
    return doc.to_array([ORTH, NORM, IDX, LENGTH, SPACY]).tolist()


_RULES = sorted(nlp.get_nlp().tokenizer.rules)
_PIECES = ["de", "Wmo", "2025", "10km", "US$5", "'22", "(", ")", "'", "’", ":", ";", ".", ",", "-", "/", "…",
           "%", "€", "s", "t", "(1)", "1.", "\n", "\n\n", "\t", "\xa0", " ", "  "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_RULES), st.sampled_from(_PIECES), st.text(max_size=4)),
                min_size=1, max_size=30),
       st.lists(st.sampled_from(["", " ", " ", "\n", "  "]), min_size=30, max_size=30))
def test_the_warmed_chunk_cache_keeps_spacys_tokens(parts, gaps):
    """nlp._ChunkCache tokenises a text's new chunks beforehand so that spaCy caches their split: the
    tokens (text, norm, offset, length, trailing space) are those of a tokenizer without that step, for
    texts of special cases, affixes, quotes and whitespace next to each other (where a special case
    could match across chunks) and random characters."""
    text = "".join(p + g for p, g in zip(parts, gaps))
    assert _token_rows(nlp._chunk_cache()(text)) == _token_rows(_plain_tokenizer()(text))


def test_the_chunk_cache_starts_again_at_its_bound(monkeypatch):
    """Past CHUNK_CACHE distinct chunks the cache is emptied and filled again; the tokens stay spaCy's."""
    monkeypatch.setattr(nlp, "CHUNK_CACHE", 50)
    cache = nlp._ChunkCache(nlp.get_nlp().tokenizer)
    texts = [" ".join(f"woord{i}{j}, o.a. ({j})" for j in range(20)) + "\n" for i in range(10)]
    for text in texts:
        assert _token_rows(cache(text)) == _token_rows(_plain_tokenizer()(text))
        assert len(cache.seen) <= 50


def test_the_vocabulary_computes_only_the_attributes_read(monkeypatch):
    """nlp._keep_read_attributes: new words get IS_SPACE and IS_PUNCT (what parse_columns and the
    sentencizer read) as a vocabulary with every attribute gives them; the parse's columns and
    sentences are the same with either vocabulary."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
    shared = nlp.get_nlp()
    assert set(shared.vocab.lex_attr_getters) == set(nlp.READ_ATTRIBUTES)
    full = nlp.InkoopDutch(create_tokenizer=nlp._create_tokenizer)
    full.add_pipe("sentencizer", config={"punct_chars": list(nlp.SENTENCE_FINAL)})
    full.initialize()
    assert len(full.vocab.lex_attr_getters) > 10
    texts = ["Nieuwwoordxq, (haakjes) — streep… „aanhalingstekens” ¿vraag? ¡uitroep! 10km; €5 en 's-Hertogenbosch.\n"
             "\t• punt · midden ‰ § ¶ ※ ‽ 〈x〉 «y» ‹z› 2018-2022: mei/juni '22 i.p.v. o.a.\u00a0blz. 3",
             "x", "."] + [_text(c) for c in CASES]
    for n, text in enumerate(texts):
        text = f"{text} uniekwoord{n}zq"         # words no earlier test has put in the vocabulary
        blocks = [Block("paragraph", 0, len(text))]
        document = Document("d", "d.txt", "", "txt", text, blocks=blocks)
        ours_doc, ours_cols = nlp.parse_columns(document)
        monkeypatch.setattr(nlp, "get_nlp", lambda: full)
        monkeypatch.setattr(nlp, "_chunk_cache", lambda: nlp._ChunkCache(full.tokenizer))
        full_doc, full_cols = nlp.parse_columns(document)
        monkeypatch.undo()
        attrs = [ORTH, IDX, LENGTH, IS_SPACE, IS_PUNCT, SENT_START]
        assert ours_doc.to_array(attrs).tolist() == full_doc.to_array(attrs).tolist(), text
        assert [c.tolist() for c in ours_cols] == [c.tolist() for c in full_cols], text
