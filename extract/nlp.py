"""The project's Dutch spaCy language: a blank ``nl`` pipeline with our own rules.

No pretrained Dutch model can be downloaded here, so — like clinlp — the
project registers its own language (``nl_inkoop``) with tokenizer rules for
the way procurement texts write dates and compounds, and a sentence segmenter
that also starts a sentence at every block and table-cell boundary the reader
found. There is no lemmatizer: no extractor reads ``Token.lemma_`` (the
trigger lists spell every inflected form), so computing lemmas only slowed the
parse. Where a base form is needed (place names, PDF de-hyphenation) the code
reads spacy-lookups-data's table directly.

Use :func:`get_nlp` for the shared pipeline and :func:`parse` to turn a
:class:`~inkoopgraaf.extract.document.Document` into a spaCy ``Doc`` whose
character offsets equal the document's.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import NamedTuple

import numpy
import spacy
from spacy.lang.nl import Dutch, DutchDefaults
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokenizer import Tokenizer

from .document import Document
from .regex_shapes import trie_pattern

# Split where dates and ranges need it: "feb-april'22" → feb - april '22,
# "2018-2022" → 2018 - 2022, "mei/juni" → mei / juni ("mei/ juni" keeps "mei/"), "19/5" stays
# one token. One case per rule in tests/data/tokenizer_cases.json.
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


#: Tokens after which the sentencizer starts a new sentence (its ``punct_chars``).
SENTENCE_FINAL = (".", "!", "?", ";", ":")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: tokenizer rules and a sentencizer (no lemmatizer: no extractor
    reads ``Token.lemma_``; the trigger lists spell every inflected form)."""
    nlp = InkoopDutch(create_tokenizer=_lean_tokenizer)
    nlp.add_pipe("sentencizer", config={"punct_chars": list(SENTENCE_FINAL)})
    nlp.initialize()
    nlp.max_length = 5_000_000
    nlp.tokenizer.max_cache_size = 2 * CHUNK_CACHE
    return nlp


#: The lexeme attributes anything reads from our parse: ``parse_columns`` reads IS_SPACE and IS_PUNCT
#: (besides ORTH, IDX and LENGTH, which are not computed attributes), and so does the sentencizer, run
#: on a Doc of fewer than two tokens. Extractors read the arrays (:class:`TokenColumns`), never a Token.
READ_ATTRIBUTES = frozenset((IS_SPACE, IS_PUNCT))


def _keep_read_attributes(vocab) -> None:
    """Have the vocabulary compute only :data:`READ_ATTRIBUTES` for a word it meets first.

    spaCy computes some twenty attributes per new word (its shape, prefix, suffix, norm, lower
    case, like_url, like_num, is_stop ...), adding the strings to the store: that was most of the
    tokenisation of a text with many words seen for the first time, and none of it is read.
    The words it meets afterwards have the other attributes unset (0): a caller that needs one
    adds its getter to READ_ATTRIBUTES.
    """
    vocab.lex_attr_getters = {attr: getter for attr, getter in vocab.lex_attr_getters.items()
                              if attr in READ_ATTRIBUTES}


#: Distinct chunks (whitespace-free runs) whose split :class:`_ChunkCache` has spaCy keep at most;
#: then its cache starts again. spaCy's own bound is 10,000, fewer than the benchmark texts hold.
CHUNK_CACHE = 100_000


class _ChunkCache:
    """Fills spaCy's tokenizer cache with a text's chunks before spaCy tokenises the text.

    spaCy tokenises a text chunk by chunk (the runs between whitespace) and caches each
    chunk's split, so a chunk seen before costs a look-up. But it saves a split only while no
    special case has matched in the text so far (its flag is per call, spaCy #1250), and every
    text here meets one early: a newline is a special case, so are 'o.a.' and 'blz.'. Nearly
    every chunk went through the affix searches again, text after text. So the chunks never
    seen before are tokenised once beforehand, in calls of their own that meet no special
    case before the chunks to be saved: first the words of letters only (no affix, no
    special case: see the affix searches below), then the other chunks; those of them that
    may have met a special case (some run of their tokens spells one) cut the saving short,
    so the others are tokenised again in a call without them. The text's tokens still come
    from spaCy's own call on the whole text: the cache holds what spaCy computed and would
    compute again, so only the work changes.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.rules = tokenizer.rules
        self.longest_rule = max(map(len, self.rules), default=0)
        self.seen: set[str] = set()
        # A RulesOnDemand loads the rules the whole text could use once, before the warming calls:
        # their chunks are the text's, so they need no other rule to cache the right splits.
        self._load_rules_for = getattr(tokenizer, "load_rules_for", None)
        self._tokenize = tokenizer if self._load_rules_for is None else partial(Tokenizer.__call__, tokenizer)

    def __call__(self, text: str, chunks: list[str] | None = None) -> Doc:
        """spaCy's tokens of ``text`` (``chunks``: ``text.split()``, when the caller has it)."""
        if self._load_rules_for is not None and self._load_rules_for(text):
            self.seen.clear()                   # adding a special case empties spaCy's cache
        new = set(text.split() if chunks is None else chunks) - self.seen
        if new:
            self._warm(new)
        return self._tokenize(text)

    def _warm(self, new: set[str]) -> None:
        if len(self.seen) + len(new) > CHUNK_CACHE:
            self.tokenizer._flush_cache()
            self.seen.clear()
        self.seen |= new
        chunks = sorted((c for c in new if c not in self.rules), key=lambda c: not c.isalpha())
        if not chunks:
            return
        joined = " ".join(chunks)
        doc = self._tokenize(joined)
        clean = [c for c, pieces in zip(chunks, self._pieces(doc, joined, chunks)) if not self._may_meet_special(pieces)]
        if len(clean) < len(chunks):
            self._tokenize(" ".join(clean))

    @staticmethod
    def _pieces(doc: Doc, joined: str, chunks: list[str]):
        """The token texts of each chunk of ``joined`` (the chunks joined by single spaces)."""
        cols = doc.to_array([IDX, LENGTH]).tolist()
        k, end = 0, -1
        for chunk in chunks:
            end += len(chunk) + 1
            pieces = []
            while k < len(cols) and cols[k][0] < end:
                pieces.append(joined[cols[k][0]:cols[k][0] + cols[k][1]])
                k += 1
            yield pieces

    def _may_meet_special(self, pieces: list[str]) -> bool:
        """Does a run of these tokens spell a special case? A chunk whose split met one holds
        the special case's tokens, and those spell it."""
        if len(pieces) == 1:
            return pieces[0] in self.rules
        for i in range(len(pieces)):
            run = ""
            for piece in pieces[i:]:
                run += piece
                if len(run) > self.longest_rule:
                    break
                if run in self.rules:
                    return True
        return False


@lru_cache(maxsize=1)
def _chunk_cache() -> _ChunkCache:
    return _ChunkCache(get_nlp().tokenizer)


class _SuffixSearch:
    """spaCy's suffix search (``piece$|piece$|...``), started where a suffix can start.

    ``re.search`` tries the alternation at every position of a chunk, though each piece must
    end at the chunk's end: when no piece of unbounded width (``\\.\\.+``) matches, a
    match starts at most ``width`` characters before the end, so the same regex searched
    from there finds the same match. A chunk with a newline (``$`` also matches before a
    final one) or an unbounded piece's match is searched whole, as spaCy does. A chunk of
    letters only has no suffix (units and currencies follow a digit; the test checks every
    letter of Unicode), so it is not searched.
    """

    def __init__(self, regex: re.Pattern, pieces: list[str]):
        import re._parser as sre_parse
        widths = [sre_parse.parse(p).getwidth()[1] for p in pieces]
        unbounded = [p for p, w in zip(pieces, widths) if w >= sre_parse.MAXREPEAT - 1]
        self.regex = regex
        self.width = max((w for w in widths if w < sre_parse.MAXREPEAT - 1), default=0)
        self.unbounded = re.compile("|".join(p + "$" for p in unbounded)) if unbounded else None

    def __call__(self, chunk: str):
        if chunk.isalpha():
            return None       # no suffix piece matches in letters only (see _InfixFinditer)
        start = len(chunk) - self.width
        if start <= 0 or "\n" in chunk or (self.unbounded is not None and self.unbounded.search(chunk)):
            return self.regex.search(chunk)
        return self.regex.search(chunk, start)


class _PrefixMatch:
    """spaCy's prefix search as a match at the chunk's start, skipped for a chunk of letters and
    digits only: no prefix piece matches there (the pieces that open with a letter, 'US$', 'C$',
    'A$', need a '$'; ``tests/test_tokenizer_cases.py`` checks the rest against every letter and
    digit of Unicode)."""

    __slots__ = ("match",)

    def __init__(self, regex: re.Pattern):
        self.match = regex.match

    def __call__(self, chunk: str):
        return None if chunk.isalnum() else self.match(chunk)


class _InfixFinditer:
    """spaCy's infix search, skipped for a chunk of letters and digits only: every infix piece
    consumes a character that is neither (punctuation, a symbol, a hyphen, a quote), so such a
    chunk has no infix (``tests/test_tokenizer_cases.py`` checks the pieces against every letter
    and digit of Unicode). Most chunks are plain words, and the infix alternation was tried at
    each of their positions."""

    __slots__ = ("finditer",)

    def __init__(self, regex: re.Pattern):
        self.finditer = regex.finditer

    def __call__(self, chunk: str):
        return () if chunk.isalnum() else self.finditer(chunk)


def _lean_tokenizer(nlp: Language) -> Tokenizer:
    """:func:`_create_tokenizer` over a vocabulary that computes only :data:`READ_ATTRIBUTES`,
    restricted before the special cases put their ~8,500 words in it (computing every attribute
    of those was ~0.1-0.2 CPU s per process, and none of them is read)."""
    _keep_read_attributes(nlp.vocab)
    return _create_tokenizer(nlp)


def _create_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's own tokenizer of the language (``spacy.Tokenizer.v1``: its exceptions, affixes and
    URL match) with the anchored affix searches of :func:`_anchored_searches`.

    They go to the constructor so the special cases (~4,700 Dutch and base exceptions, 0.3 s) are
    loaded once: spaCy reloads them all each time a search is set on a built tokenizer."""
    defaults = nlp.Defaults
    prefix, suffix, infix = _anchored_searches(spacy.util.compile_prefix_regex(defaults.prefixes),
                                               spacy.util.compile_suffix_regex(defaults.suffixes),
                                               spacy.util.compile_infix_regex(defaults.infixes))
    return RulesOnDemand(nlp.vocab, rules=defaults.tokenizer_exceptions, prefix_search=prefix,
                         suffix_search=suffix, infix_finditer=infix, token_match=defaults.token_match,
                         url_match=defaults.url_match)


#: Characters of text a :class:`RulesOnDemand` checks for special cases it has not loaded; past them
#: it loads the rest at once. Checking costs ~0.1 µs a character and loading all ~0.3 CPU s, so a
#: process that tokenises little (one changed document) loads a hundred rules, and a long run pays
#: at most about a third of the load more than loading everything at the start.
ON_DEMAND_CHARS = 1_000_000

#: After this many characters of text in a process, the pending rules a text could use are found
#: by one scan (:class:`_RuleScan`, compiled on first use) instead of one test per candidate rule:
#: a process that reads one short document does not pay for compiling it.
SCAN_AFTER_CHARS = 50_000


class RulesOnDemand(Tokenizer):
    """spaCy's ``Tokenizer`` that adds each special case before the first text that could use it.

    Adding spaCy's ~4,700 Dutch and base exceptions was ~0.3-0.45 CPU s per process (each is
    validated, fused and affix-split for spaCy's phrase matcher), and a text uses a few dozen.
    A special case R can change a text T's tokens only if R without whitespace is a substring of
    T without whitespace: spaCy finds R either as (part of) a whitespace-free chunk or by its
    phrase matcher over consecutive non-space tokens, whose texts joined are a substring of T
    without its whitespace. So before T is tokenised every pending rule that passes that test is
    added (with spaCy's own ``add_special_case``, which also empties spaCy's chunk cache); the
    rules never met stay out, and T's tokens are those of the tokenizer with every rule loaded.
    Rules with whitespace in them (a handful) are loaded at once. ``rules``, pickling,
    ``to_bytes`` and ``explain`` see every rule. The test compares the tokens with spaCy's own
    tokenizer on every exception, alone and in context, and on generated texts.
    """

    def __init__(self, vocab, rules=None, *args, **kwargs):
        super().__init__(vocab, None, *args, **kwargs)
        self._set_pending(rules)

    def _set_pending(self, rules) -> None:
        self._all = dict(rules or {})
        self._index: dict = {}        # a rule's rarest character pair (or its one character) -> rules
        self._unchecked = ON_DEMAND_CHARS
        self._checked = 0             # characters of text looked at (SCAN_AFTER_CHARS)
        self._scan: _RuleScan | None = None
        now = []
        for rule in self._all:
            key = "".join(rule.split())
            if key != rule or not key:
                now.append(rule)
            else:
                self._index.setdefault(_pair_of(key), set()).add(rule)
        self._add(now)

    @property
    def rules(self):
        return self._all

    @rules.setter
    def rules(self, rules):
        Tokenizer.rules.__set__(self, {})
        self._set_pending(rules)

    def add_special_case(self, string, substrings):
        self._all[string] = substrings
        self._drop_pending([string])
        Tokenizer.add_special_case(self, string, substrings)

    def load_rules_for(self, text: str) -> bool:
        """Add the pending rules ``text`` could use; True when any was added (spaCy's chunk cache
        is then empty)."""
        if not self._index:
            return False
        self._unchecked -= len(text)
        if self._unchecked < 0:
            return self.load_all()
        stripped = "".join(text.split())
        self._checked += len(text)
        found = self._found_by_pairs(stripped) if self._checked < SCAN_AFTER_CHARS else self._found_by_scan(stripped)
        self._add(found)
        return bool(found)

    def _found_by_pairs(self, stripped: str) -> list[str]:
        """The pending rules in ``stripped``: one substring test per rule whose pair it holds."""
        pairs = set(zip(stripped, stripped[1:]))
        pairs.update(stripped)
        return [rule for pair in pairs.intersection(self._index) for rule in self._index[pair]
                if rule in stripped]

    def _found_by_scan(self, stripped: str) -> list[str]:
        """The pending rules in ``stripped`` (the rules :meth:`_found_by_pairs` finds), by one scan."""
        if self._scan is None:
            self._scan = _RuleScan([rule for rules in self._index.values() for rule in rules])
        index = self._index
        return [rule for rule in self._scan.rules_in(stripped) if rule in index.get(_pair_of(rule), ())]

    def load_all(self) -> bool:
        pending = [rule for rules in self._index.values() for rule in rules]
        self._add(pending)
        return bool(pending)

    def _add(self, rules) -> None:
        self._drop_pending(rules)
        for rule in sorted(rules):               # spaCy's own order (_load_special_cases)
            Tokenizer.add_special_case(self, rule, self._all[rule])

    def _drop_pending(self, rules) -> None:
        for rule in rules:
            pair = _pair_of("".join(rule.split()))
            waiting = self._index.get(pair)
            if waiting is not None:
                waiting.discard(rule)
                if not waiting:
                    del self._index[pair]

    def __call__(self, text):
        self.load_rules_for(text)
        return Tokenizer.__call__(self, text)

    def to_bytes(self, **kwargs):
        self.load_all()
        return Tokenizer.to_bytes(self, **kwargs)

    def explain(self, text):
        self.load_all()
        return Tokenizer.explain(self, text)


class _RuleScan:
    """Which of ``rules`` (whitespace-free strings) stand in a text, by one regex scan.

    The rules as a trie, looked for at every position (a lookahead): the scan reports the
    longest rule starting there (the trie tries longer continuations first), and every rule
    starting there is a prefix of that one, so the rules in a text are the rules that are
    prefixes of the reported ones. One substring test per candidate rule cost the number of
    candidates (~3,000 on a long text: most rules are abbreviations with a dot) times the
    text's length; the scan is one pass. Compiling it costs ~0.1 CPU s once, so a process
    starts with the tests (:data:`SCAN_AFTER_CHARS`).
    """

    def __init__(self, rules: list[str]):
        self.regex = re.compile("(?=(" + trie_pattern(sorted(rules)) + "))")
        known = set(rules)
        self.prefixes = {r: [r[:k] for k in range(1, len(r) + 1) if r[:k] in known] for r in rules}

    def rules_in(self, stripped: str) -> set[str]:
        return {p for longest in set(self.regex.findall(stripped)) for p in self.prefixes[longest]}


def _pair_of(key: str):
    """The character pair of ``key`` (``key`` itself when one character) a text must hold for
    ``key`` to be in it: one with the most characters that are neither letters nor digits, which
    are rarer in text."""
    if len(key) < 2:
        return key
    pairs = list(zip(key, key[1:]))
    return max(pairs, key=lambda p: (not p[0].isalnum()) + (not p[1].isalnum()))


def _anchored_searches(prefix: re.Pattern, suffix: re.Pattern, infix: re.Pattern) -> tuple:
    """Prefix and suffix searches that give spaCy's matches without trying every position.

    Measured on the benchmark texts, the affix searches were about half of tokenisation. The
    regexes are spaCy's own (``compile_prefix_regex``/``compile_suffix_regex`` of the
    language's affixes); only where the search starts changes, and only when that cannot
    change the match (every prefix piece begins with ``^``, every suffix piece ends with ``$``).
    A regex of another form keeps spaCy's plain search.
    """
    pieces = [p for p in InkoopDefaults.prefixes if p.strip()]
    if prefix.pattern == "|".join("^" + p for p in pieces) and not prefix.flags & re.MULTILINE:
        prefix_search = _PrefixMatch(prefix)  # '^' matches only at the start
    else:
        prefix_search = prefix.search
    pieces = [p for p in InkoopDefaults.suffixes if p.strip()]
    if suffix.pattern == "|".join(p + "$" for p in pieces) and not suffix.flags & re.MULTILINE:
        suffix_search = _SuffixSearch(suffix, pieces)
    else:
        suffix_search = suffix.search
    if infix.pattern == "|".join(p for p in InkoopDefaults.infixes if p.strip()):
        infix_finditer = _InfixFinditer(infix)
    else:
        infix_finditer = infix.finditer
    return prefix_search, suffix_search, infix_finditer


#: Longest text handed to spaCy in one piece; longer texts are cut into blocks at line
#: ends (a newline always ends a sentence here) and the block Docs joined.
BLOCK_CHARS = 1_000_000


def _blocks(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters, after a newline where possible."""
    out, i, n = [], 0, len(text)
    while n - i > limit:
        cut = text.rfind("\n", i, i + limit) + 1
        if cut <= i:                                  # one huge line: cut after a space
            cut = text.rfind(" ", i, i + limit) + 1
        if cut <= i:
            cut = i + limit
        out.append(text[i:cut])
        i = cut
    out.append(text[i:])
    return out


#: Whitespace-free runs longer than this ("((((...", OCR garbage) are tokenised in pieces:
#: spaCy's affix loop re-slices the rest of a run for every prefix it strips (quadratic).
RUN_CHARS = 1000
_LONG_RUN = re.compile(r"\S{%d,}" % (RUN_CHARS + 1))

#: A "sentence" of more tokens than this (a list without full stops, an OCR'd table) is cut,
#: after a comma where one stands in its second half: every extractor works per sentence,
#: so this bounds the work per mention. The longest real sentence in the test material
#: has 125 tokens.
MAX_SENTENCE_TOKENS = 250


def _tokenize(text: str) -> Doc:
    tokenizer = _chunk_cache()
    if not _LONG_RUN.search(text):
        return tokenizer(text)
    pieces, i = [], 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > i:
            pieces.append(text[i:m.start()])
        pieces.extend(text[j:min(j + RUN_CHARS, m.end())] for j in range(m.start(), m.end(), RUN_CHARS))
        i = m.end()
    if i < len(text):
        pieces.append(text[i:])
    return Doc.from_docs([tokenizer(p) for p in pieces], ensure_whitespace=False)


def _make_doc(text: str) -> Doc:
    """The tokenised text (no pipeline component run: :func:`parse` sets the sentences)."""
    nlp = get_nlp()
    chunks = text.split()          # spaCy's chunks: str.split and str.isspace agree on whitespace
    if len(text) <= nlp.max_length and max(map(len, chunks), default=0) <= RUN_CHARS:
        return _chunk_cache()(text, chunks)
    # Beyond spaCy's limit (E088) the text is tokenised in blocks cut at line ends, and long
    # runs in pieces; other texts stay one call, so their tokens are exactly spaCy's.
    blocks = _blocks(text, BLOCK_CHARS) if len(text) > nlp.max_length else [text]
    docs = [_tokenize(b) for b in blocks]
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def _sentencizer_starts(doc: Doc, orth, is_punct) -> numpy.ndarray:
    """SENT_START as spaCy's ``sentencizer`` (our punctuation) sets it on a fresh Doc: 1 or -1.

    The same rule on arrays: a token that is neither punctuation nor one of the sentence-final
    characters starts a sentence when such a character stood since the previous such token
    (the component reads ``token.text`` and ``token.is_punct`` of every token as a Python
    object, which cost more than the tokenisation of the texts).
    """
    strings = doc.vocab.strings
    final = numpy.fromiter((strings.add(c) for c in SENTENCE_FINAL), dtype=numpy.uint64)
    is_final = numpy.isin(orth, final)
    word = ~is_final & (is_punct == 0)
    seen = numpy.concatenate(([0], numpy.cumsum(is_final, dtype=numpy.int64)))  # finals before token k
    words = numpy.flatnonzero(word)
    after = numpy.concatenate(([0], words[:-1] + 1))          # just after the previous word (0 for the first)
    sent = numpy.full(len(orth), -1, dtype=numpy.int64)
    sent[words[seen[words] > seen[after]]] = 1
    sent[0] = 1
    return sent


def _cap_sentences(sent, comma) -> None:
    """Start a new sentence in every run of more than MAX_SENTENCE_TOKENS tokens (in place)."""
    cap = MAX_SENTENCE_TOKENS
    starts = numpy.flatnonzero(sent == 1).tolist()
    bounds = ([0] if not starts or starts[0] != 0 else []) + starts + [len(sent)]
    for a, b in zip(bounds, bounds[1:]):
        while b - a > cap:
            cut = next((k + 1 for k in range(a + cap - 1, a + cap // 2, -1) if comma[k]), a + cap)
            sent[cut] = 1
            a = cut


class TokenColumns(NamedTuple):
    """The parse's tokens as arrays, read from the Doc once and shared (the clause layer reads
    these instead of spaCy ``Token`` objects or a ``to_array`` of its own)."""
    orth: numpy.ndarray           # uint64: the token text's hash in the vocabulary's strings
    idx: numpy.ndarray            # int64: character offset
    length: numpy.ndarray         # int64: characters
    is_space: numpy.ndarray       # bool: a whitespace token
    sent_starts: numpy.ndarray    # int64: the tokens that start a sentence, ascending, 0 first

    @classmethod
    def of(cls, doc: Doc, sent: numpy.ndarray | None = None) -> "TokenColumns":
        """The columns of ``doc``; ``sent``: its SENT_START column when the caller has it."""
        cols = doc.to_array([ORTH, IDX, LENGTH, IS_SPACE])
        if sent is None:
            sent = doc.to_array(SENT_START).astype(numpy.int64)
            if len(sent):
                sent[0] = 1
        return cls(cols[:, 0], cols[:, 1].astype(numpy.int64), cols[:, 2].astype(numpy.int64),
                   cols[:, 3] != 0, numpy.flatnonzero(sent == 1))


def parse(document: Document) -> Doc:
    """spaCy Doc over ``document.text``; sentences also break at block and cell starts."""
    return parse_columns(document)[0]


def parse_columns(document: Document) -> tuple[Doc, TokenColumns]:
    """:func:`parse` and the parse's :class:`TokenColumns`."""
    doc = _make_doc(document.text)
    if len(doc) < 2:
        for _, component in get_nlp().pipeline:
            doc = component(doc)
        return doc, TokenColumns.of(doc)
    starts = set()
    for b in document.blocks:
        starts.add(b.start)
        for s, _ in b.cells:
            starts.add(s)
    # Newlines always end a sentence: a heading or table row never runs into the next.
    # Worked on arrays: Token.is_sent_start's setter checks the whole Doc for a parse on
    # every call, which made this loop quadratic in the document's length.
    cols = doc.to_array([ORTH, IDX, LENGTH, IS_SPACE, IS_PUNCT])
    orth, idx, length = cols[:, 0], cols[:, 1].astype(numpy.int64), cols[:, 2].astype(numpy.int64)
    strings = doc.vocab.strings
    # (the document's text, not ``doc.text``: spaCy rebuilds that from every token)
    breaks = numpy.array([m.start() for m in re.finditer("\n", document.text)], dtype=numpy.int64)
    has_newline = numpy.searchsorted(breaks, idx + length) > numpy.searchsorted(breaks, idx)
    is_tab = orth == numpy.uint64(strings.add("\t"))
    opens = numpy.isin(idx, numpy.fromiter(starts, dtype=numpy.int64, count=len(starts)))
    new_start = opens[1:] | has_newline[:-1] | is_tab[:-1]
    sent = _sentencizer_starts(doc, orth, cols[:, 4])
    sent[1:][new_start] = 1
    if len(doc) > MAX_SENTENCE_TOKENS:
        _cap_sentences(sent, orth == numpy.uint64(strings.add(",")))
    doc.from_array([SENT_START], sent.astype(numpy.uint64))
    return doc, TokenColumns(orth, idx, length, cols[:, 3] != 0, numpy.flatnonzero(sent == 1))
