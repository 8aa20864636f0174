"""A first, cheap test of a sentence for plan-change cues: the literal text some cue must hold.

Every stage tries its cue patterns on every sentence (a few regex passes each), and only a few
sentences in a hundred hold a cue. So each cue pattern is read once for literal text that every
match of it contains ('verschoven', 'in plaats van', 'nieuwe datum'); a sentence that holds none
of those strings cannot match any pattern, and one search over it says so. The strings are read
from the patterns themselves (Python's own regex parser), so a new cue in decision_triggers.json
needs no second list; a pattern whose form gives no such string gives no gate, and then every
sentence is tried, as before.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..regex_shapes import literal_anchors, trie_pattern

__all__ = ["CueGate", "literal_anchors"]


class CueGate:
    """Which stages may find a cue in a text: those with one of their patterns' literal anchors
    in it (a stage with a pattern that gives none is always named)."""

    def __init__(self, stage_patterns: dict[str, list[str]]):
        by_anchor: dict[str, set[str]] = {}
        always: set[str] = set()
        for stage, patterns in stage_patterns.items():
            for p in patterns:
                found = literal_anchors(p)
                if found is None:
                    always.add(stage)
                for a in found or ():
                    by_anchor.setdefault(a, set()).add(stage)
        self.always = frozenset(always)
        # a hit is the longest anchor starting at its offset: it also stands for the shorter
        # anchors it begins with ('startdatum' holds 'start')
        self._stages = {a: frozenset().union(*(st for b, st in by_anchor.items() if a.startswith(b)))
                        for a in by_anchor}
        self._begins_with = {a: [(len(b), frozenset(st)) for b, st in by_anchor.items() if a.startswith(b)]
                             for a in by_anchor}
        trie = trie_pattern(by_anchor)
        # the first anchor by a plain search (the engine skips to the offsets of their first
        # letters); from there a lookahead reports every offset where one starts, overlapping too
        self._first = re.compile(trie) if by_anchor else None
        self._every = re.compile("(?=(" + trie + "))") if by_anchor else None

    def stages_in(self, text: str) -> frozenset[str]:
        found = self.always
        first = self._first.search(text) if self._first is not None else None
        if first is not None:
            for m in self._every.finditer(text, first.start()):
                found = found | self._stages[m.group(1)]
        return found

    def stages_by_span(self, low: str, starts: list[int], ends: list[int]) -> dict[int, frozenset[str]] | None:
        """:meth:`stages_in` of each span [starts[k], ends[k]) of ``low`` (spans in text order, not
        overlapping), for the spans that name a stage: one pass over the whole text instead of one
        search per span. None when some stage is always named (then every span is)."""
        if self.always or self._first is None:
            return None
        out: dict[int, frozenset[str]] = {}
        pos = 0
        while (m := self._first.search(low, pos)) is not None:
            at = m.start()
            pos = at + 1
            k = bisect_right(starts, at) - 1
            if k < 0 or at >= ends[k]:
                continue
            longest = self._every.match(low, at).group(1)
            for n, stages in self._begins_with[longest]:
                if at + n <= ends[k]:            # an anchor cut by the span's end is not in it
                    out[k] = out.get(k, frozenset()) | stages
        return out
