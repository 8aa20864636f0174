"""Round 8 (issue 14): per-document work shared or skipped, with the facts of the unshared work."""
from pathlib import Path

import pytest

from inkoopgraaf.extract import date_grammar, dates
from inkoopgraaf.extract.pipeline import extract_document
from inkoopgraaf.extract.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "data").glob("holdout*/docs/*.*"))[::4] + sorted((ROOT / "corpus").glob("*.txt"))


def _facts(doc):
    return [(f.type, f.start, f.end, f.text, repr(f.value), f.confidence) for f in extract_document(doc)]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_recent_date_groups_and_stamps_give_the_facts_of_fresh_ones(path, monkeypatch):
    shared = _facts(read_document(path))
    monkeypatch.setattr(dates, "_keep_recent", lambda cache, text, value: None)   # nothing kept
    dates._RECENT_GROUPED.clear()
    dates._RECENT_STAMP.clear()
    assert _facts(read_document(path)) == shared


def test_a_short_document_is_scanned_for_atoms_once(monkeypatch):
    # a hold-out-sized text (under 1,000 characters): its year pass and its dates pass share the scan
    text = ("Datum: 3 maart 2024\n\nHet college besluit op 1 januari 2025 te starten met de nieuwe "
            "contracten voor jeugdhulp. De raad stemde in 2023 in met de inkoopstrategie.\n")
    scanned = []
    real = date_grammar._find_atoms
    monkeypatch.setattr(date_grammar, "_find_atoms", lambda t: scanned.append(t) or real(t))
    monkeypatch.setattr(date_grammar, "_LAST_ATOMS", [])
    dates._RECENT_GROUPED.clear()
    dates._RECENT_STAMP.clear()
    from inkoopgraaf.extract.document import Block, Document
    doc = Document("kort", "kort.txt", "", "txt", text, blocks=[Block("paragraph", 0, len(text))])
    facts = extract_document(doc)
    assert [f.value["start"] for f in facts if f.type == "date"] == ["2024-03-03", "2025-01-01", "2023-01-01"]
    assert scanned.count(text) == 1


def test_the_recent_caches_stay_bounded():
    dates._RECENT_GROUPED.clear()
    for n in range(3 * dates._RECENT_TEXTS):
        dates._grouped(f"op {n + 1} januari 2024 gestart, document {n}")
    assert len(dates._RECENT_GROUPED) == dates._RECENT_TEXTS
    assert f"document {3 * dates._RECENT_TEXTS - 1}" in next(reversed(dates._RECENT_GROUPED))


def _tokens_lowered_one_by_one(text):
    """The qualifier's tokens as they were built before round 8: each token lowered on its own."""
    from inkoopgraaf.extract.qualifier import _TOKEN
    out = []
    for m in _TOKEN.finditer(text):
        tok, s, e = m.group(0), m.start(), m.end()
        if tok.endswith(".") and len(tok) > 1 and tok.count(".") == 1:
            out += [(s, e - 1, tok[:-1].lower()), (e - 1, e, ".")]
        else:
            out.append((s, e, tok.lower()))
    return out


@pytest.mark.parametrize("text", [
    "De gemeente kiest i.p.v. lumpsum voor PxQ. Scenario's blijven open.",
    "İstanbul en Den Bosch: geen keuze.",             # a capital whose lower case is two characters
    "ΟΔΟΣ. Σ ΣΑ σς.",                                 # capital sigma: lowered by what follows it
    "", "...", "Ééns — nooit’s meer",
] + [p.read_text("utf-8")[:3000] for p in DOCS[:6]])
def test_tokens_from_the_lowered_text_are_the_tokens_lowered_one_by_one(text):
    from inkoopgraaf.extract.qualifier import tokenize
    assert tokenize(text) == _tokens_lowered_one_by_one(text)


def test_dan_wel_ends_no_scope_and_wel_alone_does():
    from inkoopgraaf.extract.qualifier import _rules, _sentence, _terminates
    if "wel" not in _rules()[1]:
        pytest.skip("'wel' is no terminator in qualifier_rules.json")
    sen = _sentence("We kiezen lumpsum dan wel PxQ, wel met een plafond.")
    words = [t[2] for t in sen.toks]
    assert sen.terminal == [_terminates(sen.toks, k, _rules()[1]) for k in range(len(sen.toks))]
    assert not sen.terminal[words.index("wel")] and sen.terminal[len(words) - 1 - words[::-1].index("wel")]
