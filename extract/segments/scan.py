"""One pass over a text for all taxonomy wordings at once, with the matches of one regex per wording.

:func:`~inkoopgraaf.extract.segments.find_terms` has one regex per taxonomy
wording (~290 of them). Run one by one, each is a full pass over the document.
Nearly every one of them starts with ``(?<![\\w&])`` and a literal first word, so
a single scanner finds every position where some first word starts; only the
regexes of the first words found there are then tried, at that position. The
result is exactly what ``rx.finditer(text)`` gives for every regex: positions
are visited left to right and a wording's next match may not start before its
previous one ended. Regexes without that shape (the ``re:`` wordings) still run
as their own pass.

:func:`non_overlapping` keeps the longest matches without overlap, in the
priority order the caller sorted them, with a bisect instead of a comparison
against every match taken so far.
"""
from __future__ import annotations

import bisect
import re
import re._parser as _parser
from functools import cached_property
from typing import Iterator, Sequence

_LEAD = r"(?<![\w&])"
#: where a word starts: behind no word character (implied by ``_LEAD`` and by ``\\b`` before a word character)
_WORD_START = r"(?<!\w)"
_WORD = re.compile(r"\w")


class LazyPattern:
    """A wording's regex, compiled the first time it is used (any attribute but ``pattern``).

    Every wording regex repeats the inflections and compound heads, so compiling the ~380 of
    them (all four kinds) took ~0.45 CPU s in each process; the scan finds the candidates by the literal first
    word read from ``pattern`` (:class:`TermIndex`) and tries only the regexes of the words in
    the text, so a document compiles only those. Once compiled it is ``re.compile(pattern,
    flags)`` itself: the same matches, ``flags`` and groups.
    """

    __slots__ = ("pattern", "_flags", "_regex")

    def __init__(self, pattern: str, flags: int):
        self.pattern, self._flags, self._regex = pattern, flags, None

    def compiled(self) -> re.Pattern:
        if self._regex is None:
            self._regex = re.compile(self.pattern, self._flags)
        return self._regex

    def __getattr__(self, name: str):
        if name in LazyPattern.__slots__:       # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def _literal_first_word(pattern: str) -> str | None:
    """The literal first word of a generated wording regex, or None if the pattern has another shape."""
    if not pattern.startswith(_LEAD):
        return None
    body = pattern[len(_LEAD):]
    cut = body.find("(?:")
    escaped = body if cut < 0 else body[:cut]
    word = re.sub(r"\\(.)", r"\1", escaped, flags=re.S)
    if not word or re.escape(word) != escaped:
        return None
    return word


def _trie_regex(words: Sequence[str]) -> str:
    """One regex for all ``words`` as a trie, longer words first, an empty group ``w<i>``
    marking where word i ends: the engine rejects a position on its first character
    instead of trying every word there."""
    root: dict = {}
    for i, w in enumerate(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = i

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(f"(?P<w{node['']}>)")   # after the longer words: the longest wins
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return walk(root)


def _case_twins(words: Sequence[str]) -> bool:
    """Do two different characters of ``words`` match each other ignoring case?"""
    chars = sorted({ch for w in words for ch in w})
    return any(re.fullmatch(re.escape(a), b, re.I) for i, a in enumerate(chars) for b in chars[i + 1:])


def _lead_words(items) -> list[str] | str | None:
    """The literal words one of which every match of the parsed ``items`` starts with.

    ``"zero-width"`` when the items consume nothing (``\\b``, lookarounds), None when the
    first consumed item is not a literal (a class, a repeat of one): then no word is known.
    An optional item ("(?:vast\\s+)?bedrag") adds the words of what follows it.
    """
    items = list(items)
    for k, (op, av) in enumerate(items):
        if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
            continue                                  # zero width: the match starts after it
        if op is _parser.LITERAL:
            word = []
            for op2, av2 in items[k:]:
                if op2 is not _parser.LITERAL:
                    break
                word.append(chr(av2))
            return ["".join(word)]
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            lo, _, body = av
            found = _lead_words(body.data)
            if lo == 0:                               # optional: the match may also start after it
                rest = _lead_words(items[k + 1:])
                if found is None or rest is None or rest == "zero-width":
                    return None
                return rest if found == "zero-width" else found + rest
        elif op is _parser.SUBPATTERN:
            found = _lead_words(av[-1].data)
        elif op is _parser.BRANCH:
            leads = [_lead_words(branch.data) for branch in av[1]]
            if all(lead == "zero-width" for lead in leads):
                continue
            if any(lead is None or lead == "zero-width" for lead in leads):
                return None
            found = [w for lead in leads for w in lead]
        else:
            return None
        if found != "zero-width":
            return found
    return "zero-width"


def _first_words(rx: re.Pattern) -> list[str] | None:
    """The literal first words of any regex (None if some match may start otherwise)."""
    try:
        lead = _lead_words(_parser.parse(rx.pattern, rx.flags).data)
    except Exception:  # noqa: BLE001 - an unusual pattern just keeps its own pass
        return None
    return lead if isinstance(lead, list) and all(lead) else None


def _opens_with_boundary(rx: re.Pattern) -> bool:
    """Does every match of ``rx`` start at a word boundary (the pattern opens with ``\\b``)?"""
    try:
        items = _parser.parse(rx.pattern, rx.flags).data
    except Exception:  # noqa: BLE001 - an unusual pattern just scans without a lead
        return False
    while items and items[0][0] is _parser.SUBPATTERN:      # "(?-i:\\bED\\b)"
        items = items[0][1][-1].data
    return bool(items) and items[0] == (_parser.AT, _parser.AT_BOUNDARY)


#: a lead as the character before the word, which the scan consumes: a pattern that opens with a
#: character class lets the engine skip to the characters that can be one, instead of trying
#: every position (only without re.I)
_LEAD_CHARACTER = {_WORD_START: r"\W"}


class _Trie:
    """One regex finding every position where one of ``by_word``'s first words starts (behind
    ``lead``), with, per longest word found, the regexes whose first word matches there.

    ``padded``: the regex consumes the character before the word (see :data:`_LEAD_CHARACTER`)
    and scans the text behind one space (the lead of a word at the very start), so that a
    hit's start is the word's offset in the text."""

    def __init__(self, by_word: dict[str, list[int]], lead: str, flags: int):
        # longest first: the scanner reports the longest first word found at a position;
        # every shorter one matching there matches a prefix of it (``compatible``)
        words = sorted(by_word, key=lambda w: (-len(w), w))
        self.words = words
        # one compiled test per word: re.fullmatch(re.escape(b), ...) for every pair of words looked
        # its pattern up in re's cache ~80,000 times per process
        spells = {b: re.compile(re.escape(b), re.I).fullmatch for b in words}
        self.compatible = [
            sorted({n for b in words if len(b) <= len(a) and spells[b](a[:len(b)]) for n in by_word[b]})
            for a in words]   # regex order: a wording's matches are then collected in regex order
        if flags & re.I and _case_twins(words):   # a trie would keep only one of two case-equal branches
            alts = "|".join(f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(words))
        else:
            alts = _trie_regex(words)
        lead_char = _LEAD_CHARACTER.get(lead)
        self.padded = not flags & re.I and lead_char is not None
        self.scanner = re.compile((lead_char if self.padded else lead) + f"(?=(?:{alts}))", flags)


def _folded_by_word(by_word: dict[str, list[int]]) -> dict[str, list[int]] | None:
    """``by_word`` keyed by lower-case words (words equal but for case merged), or None when
    lowering changes a word's length (then positions in a lowered text would not line up)."""
    folded: dict[str, list[int]] = {}
    for w, nums in by_word.items():
        if len(w.lower()) != len(w):
            return None
        folded.setdefault(w.lower(), []).extend(nums)
    return {w: sorted(nums) for w, nums in folded.items()}


def _case_variants(words) -> str | None:
    """The lower-case characters ``re.IGNORECASE`` lets a character of ``words`` match beside its own
    lower case ("ſ" for "s", "ı" for "i"): the engine's own table (None if it is not at hand)."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:          # another engine: the folded scan is not proven equal there
        return None
    return "".join(sorted({chr(v) for w in words for ch in w.lower() for v in _EXTRA_CASES.get(ord(ch), ())}))


class _WordScanner:
    """The positions where a first word of ``by_word`` starts, found in one pass.

    A case-insensitive regex makes the engine fold every character it tries, and keeps it from
    skipping to the characters a word can start with; so the pass runs case-sensitively over
    the lower-cased text (same length, same offsets). That finds exactly the positions the
    ``re.I`` scan finds unless the text holds a character the engine also equates with a
    word's letter ("ſ" with "s"), or lowering changes the text's length ("İ"): then the
    ``re.I`` scan runs on the text itself. (``\\w`` holds for a character iff for its lower
    case, so the lead behaves the same on both.)
    """

    def __init__(self, by_word: dict[str, list[int]], lead: str):
        self.by_word, self.lead = by_word, lead
        folded = _folded_by_word(by_word)
        self.variants = _case_variants(by_word) if folded is not None else None
        self.folded = _Trie(folded, lead, 0) if self.variants is not None else None

    @cached_property
    def exact(self) -> _Trie:
        """The ``re.I`` scan, built when a text first needs it (most never do: a process's
        first document paid ~0.05 CPU s for it)."""
        return _Trie(self.by_word, self.lead, re.I)

    def _trie_for(self, text: str, lowered: str | None) -> tuple[_Trie, str]:
        if self.folded is None or lowered is None or any(ch in lowered for ch in self.variants):
            return self.exact, text
        return self.folded, lowered

    def collect(self, text: str, lowered: str | None, patterns: list[re.Pattern],
                out: dict[int, list[re.Match]]) -> None:
        """Add the ``finditer`` matches of the scanner's regexes to ``out`` (``lowered``: ``text.lower()``
        when it has the text's length, else None)."""
        trie, scanned = self._trie_for(text, lowered)
        if trie.padded:
            scanned = " " + scanned
        resume = [0] * len(patterns)            # where a regex's next match may start
        compatible = trie.compatible
        for hit in trie.scanner.finditer(scanned):
            p = hit.start()
            for n in compatible[int(hit.lastgroup[1:])]:
                if p >= resume[n]:
                    rx = patterns[n]
                    if type(rx) is LazyPattern:      # its first use: the regex itself from now on
                        rx = patterns[n] = rx.compiled()
                    m = rx.match(text, p)
                    if m is not None:
                        out.setdefault(n, []).append(m)
                        resume[n] = m.end() if m.end() > p else p + 1


class TermIndex:
    """The scanners and per-first-word regex lists for one tuple of wording regexes.

    A regex whose every match starts with one of a few literal words is tried only where
    one of them stands: generated wordings (``(?<![\\w&])`` and a literal word) and ``re:``
    wordings that open with ``\\b`` before a word character share one scanner, of the
    positions behind no word character (the lead both imply; each regex checks its own when
    it is tried); other ``re:`` wordings whose first words are known (after lookarounds, in
    each alternative) share a second one without a lead. Only the rest still run as their
    own pass. Either way a regex's matches are exactly ``finditer``'s.
    """

    def __init__(self, patterns: Sequence[re.Pattern]):
        self.patterns = list(patterns)
        self.raw: list[int] = []                     # regexes that need their own pass
        by_word_start: dict[str, list[int]] = {}
        by_free_word: dict[str, list[int]] = {}
        for n, rx in enumerate(self.patterns):
            word = _literal_first_word(rx.pattern)
            words = [word] if word is not None else _first_words(rx)
            if words is None:
                self.raw.append(n)
                continue
            at_word_start = word is not None or (_opens_with_boundary(rx) and all(_WORD.match(w) for w in words))
            group = by_word_start if at_word_start else by_free_word
            for w in words:
                group.setdefault(w, []).append(n)
        self.scanners = [_WordScanner(words, lead) for words, lead in
                         ((by_word_start, _WORD_START), (by_free_word, "")) if words]

    def spans(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Per regex number, the (start, end) of its ``finditer`` matches (absent: none)."""
        return {n: [m.span() for m in found] for n, found in self.matches(text).items()}

    def matches(self, text: str) -> dict[int, list[re.Match]]:
        """Per regex number, its ``finditer`` matches (absent: none; the same spans and groups)."""
        out: dict[int, list[re.Match]] = {}
        for n in self.raw:
            out[n] = list(self.patterns[n].finditer(text))
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = None
        for scanner in self.scanners:
            scanner.collect(text, lowered, self.patterns, out)
        return out


_INDEXES: dict[int, tuple[object, TermIndex]] = {}


def term_index(compiled: Sequence[tuple]) -> TermIndex:
    """The index of a tuple of ``(entry, regex, ...)`` rows, built once per tuple."""
    held = _INDEXES.get(id(compiled))
    if held is None or held[0] is not compiled:
        held = (compiled, TermIndex([row[1] for row in compiled]))
        _INDEXES[id(compiled)] = held
    return held[1]


def term_matches(compiled: Sequence[tuple], text: str) -> Iterator[tuple[tuple, int, int]]:
    """``(row, start, end)`` for every match of every row's regex: rows in order, matches by position."""
    found = term_index(compiled).matches(text)
    for n in sorted(found):
        row = compiled[n]
        for m in found[n]:
            yield row, m.start(), m.end()


def non_overlapping(cands: Sequence) -> list:
    """The candidates (with ``.start``/``.end``, in priority order) that overlap no earlier kept one.

    Kept spans never overlap, so their starts and ends are both sorted: a new span
    overlaps a kept one only if it overlaps its neighbour on either side.
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list = []
    for c in cands:
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and ends[i - 1] > c.start and c.end > starts[i - 1]:
            continue
        if i < len(starts) and starts[i] < c.end and c.start < ends[i]:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.insert(i, c)
    return kept
