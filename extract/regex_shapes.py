"""What a regular expression's own form says about its matches, read with Python's regex parser.

- :func:`literal_anchors`: literal strings one of which every match contains ('verschoven',
  'in plaats van'): a cheap substring test that a text cannot match (plan_changes/gate.py).
- :func:`first_letters` and :func:`dispatch_alternation`: the ASCII letters a match can start
  with, and an alternation of many patterns regrouped by first letter, which matches exactly as
  the plain alternation does (the same alternative wins at every offset) but lets the engine try
  only the alternatives that can start there (the date event triggers, dates.py).
- :func:`trie_pattern`: an alternation of literal words factored on their common prefixes (the
  date grammar's lead words, the plan-change anchors, the HTML element names of the text reader).

Every reader answers None ('cannot tell') for a form it does not know, and the callers then keep
the plain patterns: the results never depend on what these functions can read.
"""
from __future__ import annotations

import re
from re import _constants as sre, _parser as sre_parse   # the standard library's regex parser

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


def first_letters(pattern: str, ignore_case: bool = False) -> frozenset[str] | None:
    """The ASCII letters a match of ``pattern`` can start with (lower-cased for a pattern compiled
    with IGNORECASE, which matches either case of them), None when it may start with anything else."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    found, may_be_empty = _firsts(list(parsed))
    if found is None or may_be_empty:
        return None
    return frozenset(c.lower() for c in found) if ignore_case else frozenset(found)


def _firsts(items: list) -> tuple[set[str] | None, bool]:
    """The first letters of a sequence, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            body, empty = _firsts(list(av[2]))
            if body is None:
                return None, False
            out |= body
            if av[0] >= 1 and not empty:
                return out, False
            continue                     # an optional part: what follows may come first
        if op is sre.IN:
            chars = [chr(a) for o, a in av if o is sre.LITERAL]
            if len(chars) != len(av):
                return None, False
            letters = _ascii_letters(chars)
            return (None if letters is None else out | letters), False
        if op is sre.LITERAL:
            letters = _ascii_letters([chr(av)])
            return (None if letters is None else out | letters), False
        alternatives = _alternatives(op, av)
        if alternatives is None:
            return None, False
        empty_alt = False
        for alt in alternatives:
            body, empty = _firsts(alt)
            if body is None:
                return None, False
            out |= body
            empty_alt = empty_alt or empty
        if not empty_alt:
            return out, False
    return out, True


def _ascii_letters(chars: list[str]) -> set[str] | None:
    """The characters, when all are ASCII letters: no character matches two different lower-case
    ASCII letters, even ignoring case (the first letters of a dispatch exclude each other)."""
    return set(chars) if all(c.isascii() and c.isalpha() for c in chars) else None


def _has_group_reference(items: list) -> bool:
    for op, av in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        subs = []
        if op is sre.SUBPATTERN:
            subs = [av[3]]
        elif op is sre.BRANCH:
            subs = av[1]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            subs = [av[2]]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            subs = [av[1]]
        elif op is sre.ATOMIC_GROUP:
            subs = [av]
        if any(_has_group_reference(list(s)) for s in subs):
            return True
    return False


def dispatch_alternation(alternatives: list[tuple[object, str]], flags: int = 0) -> tuple[str, dict[int, object]] | None:
    """``alternatives`` ((tag, pattern) in priority order) as one alternation regrouped by first
    letter: '(?=a)(?:<those that can start with a>)|(?=b)(?:...)|...|(?:<those that can start
    with anything>)'. At every offset the same alternative matches as in the plain alternation
    '(?:p1|p2|...)': only alternatives that cannot match there are left out of a letter's group,
    each group keeps the priority order, and the letters' groups exclude each other. Returns the
    pattern and the tag of each capturing group it adds (consecutive alternatives of one tag
    share a group: ``match.lastindex`` names the tag); None when an alternative refers to a group
    by number or name (renumbered, the reference would change)."""
    for _, p in alternatives:
        if re.compile(p, flags).groupindex or _has_group_reference(list(sre_parse.parse(p))):
            return None
    starts = [first_letters(p, bool(flags & re.IGNORECASE)) for _, p in alternatives]
    tags: dict[int, object] = {}
    groups = [0]

    def grouped(chosen: list[tuple[object, str]]) -> str:
        parts: list[str] = []
        run: list[tuple[object, str]] = []
        for i, item in enumerate(chosen):
            run.append(item)
            if i + 1 == len(chosen) or chosen[i + 1][0] != item[0]:
                groups[0] += 1
                tags[groups[0]] = item[0]
                parts.append("(" + "|".join(p for _, p in run) + ")")
                groups[0] += sum(re.compile(p, flags).groups for _, p in run)
                run = []
        return "|".join(parts)

    branches = []
    for letter in sorted(set().union(*[s for s in starts if s])):
        chosen = [a for a, s in zip(alternatives, starts) if s is None or letter in s]
        branches.append(f"(?={letter})(?:{grouped(chosen)})")
    anywhere = [a for a, s in zip(alternatives, starts) if s is None]
    if anywhere:
        branches.append(f"(?:{grouped(anywhere)})")
    return "|".join(branches), tags


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored on common prefixes ('ma(?:art|andag)'): the
    engine tries each first letter once instead of every word in turn. Longer words still win
    over their prefixes (the empty branch comes last)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if not branches:
            return ""
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"
    return build(tree)
