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
from re import _constants as sre, _parser as sre_parse   # the standard library's regex parser

from ..date_grammar import trie_pattern

#: items that match no text: they neither add to a literal nor end it
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
#: more alternatives than this in one literal set is no useful test
_MAX_STRINGS = 200


def literal_anchors(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one (the set whose shortest
    string is longest), or None when the pattern gives none (or matches case-insensitively)."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _anchors(list(parsed))
    return frozenset(found) if found and min(map(len, found)) > 0 else None


def _anchors(items: list) -> set[str] | None:
    """The best literal set of a sequence: the texts a match must start with from some item on,
    or the anchors of each alternative of one item (every item's match is part of the match)."""
    best = None
    for i, (op, av) in enumerate(items):
        cands = [_prefixes(items[i:])[0]]
        alternatives = _alternatives(op, av)
        if alternatives:
            each = [_anchors(alt) for alt in alternatives]
            cands.append(set().union(*each) if all(each) else None)
        for cand in cands:
            if cand and "" not in cand and (best is None or min(map(len, cand)) > min(map(len, best))):
                best = cand
    return best


def _alternatives(op, av) -> list[list] | None:
    """The alternatives of a branch or a group (a group is one), None for another item or a
    group with flags of its own."""
    if op is sre.BRANCH:
        return [list(alt) for alt in av[1]]
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return [list(av[3])]
    return None


def _prefixes(items: list) -> tuple[set[str] | None, bool]:
    """The literal texts a match of ``items`` starts with, and whether they are its whole text
    (every item literal, so what follows may be appended)."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            out = {p + chr(av) for p in out}
            continue
        alternatives = _alternatives(op, av)
        if alternatives is None:
            # a class, a repeat, a wildcard, a group with flags: the literal text ends here
            return (out if out != {""} else None), False
        parts = [_prefixes(alt) for alt in alternatives]
        if any(p is None for p, _ in parts):
            return (out if out != {""} else None), False
        joined = {p + q for p in out for part, _ in parts for q in part}
        if len(joined) > _MAX_STRINGS:
            return out, False
        out = joined
        if not all(whole for _, whole in parts):
            return out, False
    return out, True


def cue_gate(patterns) -> re.Pattern | None:
    """One search that finds something in every text any of ``patterns`` matches (a trie of
    their literal anchors), or None when a pattern has no anchors."""
    anchors: set[str] = set()
    for p in patterns:
        found = literal_anchors(p)
        if found is None:
            return None
        anchors |= found
    return re.compile(trie_pattern(anchors)) if anchors else None
