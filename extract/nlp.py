"""The project's Dutch spaCy language: a blank ``nl`` pipeline with our own rules.

No pretrained Dutch model can be downloaded here, so — like clinlp — the
project registers its own language (``nl_inkoop``) with tokenizer rules for
the way procurement texts write dates and compounds, a lookup lemmatizer
(spacy-lookups-data, plus a small override table for strong verbs of
decision-making), and a sentence segmenter that also starts a sentence at
every block and table-cell boundary the reader found.

Use :func:`get_nlp` for the shared pipeline and :func:`parse` to turn a
:class:`~inkoopgraaf.extract.document.Document` into a spaCy ``Doc`` whose
character offsets equal the document's.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import spacy
from spacy.lang.nl import Dutch, DutchDefaults
from spacy.language import Language
from spacy.tokens import Doc

from .document import Document

# Split where dates and ranges need it: "feb-april'22" → feb - april '22,
# "2018-2022" → 2018 - 2022, "mei/ juni" → mei / juni, "19/5" stays one token.
_EXTRA_INFIXES = [
    r"(?<=[A-Za-z])[-–/](?=[A-Za-z0-9'])",     # feb-april, mei/juni, april-'22
    r"(?<=[0-9]{4})[-–/](?=[0-9]{2,4})",        # 2018-2022, 2015/2016
    r"(?<=[a-z])'(?=[0-9]{2}\b)",               # april'22
]
_EXTRA_PREFIXES = [r"'(?=[0-9]{2}\b)"]


class InkoopDefaults(DutchDefaults):
    infixes = list(DutchDefaults.infixes or []) + _EXTRA_INFIXES
    prefixes = list(DutchDefaults.prefixes or []) + _EXTRA_PREFIXES


@spacy.registry.languages("nl_inkoop")
class InkoopDutch(Dutch):
    lang = "nl"
    Defaults = InkoopDefaults


def _load_overrides() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("resources/lemma_overrides.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@Language.component("inkoop_lemma_overrides")
def lemma_overrides(doc: Doc) -> Doc:
    table = _OVERRIDES
    for tok in doc:
        lemma = table.get(tok.lower_)
        if lemma:
            tok.lemma_ = lemma
        elif not tok.lemma_:
            tok.lemma_ = tok.lower_
    return doc


_OVERRIDES = _load_overrides()


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: tokenizer rules, lookup lemmatizer, overrides, sentencizer."""
    nlp = InkoopDutch()
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("inkoop_lemma_overrides")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", ":"]})
    nlp.initialize()
    nlp.max_length = 5_000_000
    return nlp


def parse(document: Document) -> Doc:
    """spaCy Doc over ``document.text``; sentences also break at block and cell starts."""
    nlp = get_nlp()
    doc = nlp(document.text)
    starts = set()
    for b in document.blocks:
        starts.add(b.start)
        for s, _ in b.cells:
            starts.add(s)
    # Newlines always end a sentence: a heading or table row never runs into the next.
    for tok in doc:
        if tok.i == 0:
            continue
        if tok.idx in starts or "\n" in doc[tok.i - 1].text or doc[tok.i - 1].text == "\t":
            tok.is_sent_start = True
    return doc
