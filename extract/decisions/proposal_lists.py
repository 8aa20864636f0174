"""A voorstel's list of decision points under a label line that names the body asked to take them.

A collegevoorstel or raadsvoorstel often puts its points under such a label and nothing else::

    Ter besluitvorming door het college:    De raad wordt gevraagd:
    1. In te stemmen met ...                1. de inkoopstrategie vast te stellen;
    2. De contracten te verlengen.          2. in te stemmen met ...

Each point is a decision proposed to the body the label names. A decision stamp on the paper ('Besluit college
d.d. 3 maart 2026: conform advies') or the adoption formula makes them taken. A bare label ('Beslispunten',
'Voorgesteld besluit') names no body and is left to the sentence loop: who proposes what to whom there is
the document's convention (hold-out 7's aggregate fell when its points were read as proposals to the body of
the title). Words and patterns: ``decision_triggers.json`` (``proposal_points``).
"""
from __future__ import annotations

import re

from .actors import NOBODY, ActorResolver
from .objects import _is_action_item, _tidy_object
from .record import Decision
from .words import triggers


def proposal_points(text: str, resolver: ActorResolver, stamp) -> tuple[list[Decision], list[tuple[int, int]]]:
    """The points of every labelled decision list (see the module docstring) and the spans they cover."""
    cfg = triggers()["proposal_points"]
    lines = _lines(text)
    out: list[Decision] = []
    spans: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(lines):
        body = _label_body(text[a:b], cfg, resolver)
        if body is None:
            continue
        items = _items(text, lines[n + 1:])
        if not items:
            continue
        status, date, actor = "proposed", None, body
        if re.search(triggers()["adoption_formula"], text.lower()):
            status = "taken"        # 'Aldus besloten in de openbare vergadering van ...': the voorstel was adopted
        if stamp is not None and stamp[0] > b:
            status, date, actor = "taken", stamp[3], stamp[2] or body
        for k, (s, e) in enumerate(items):
            label = re.sub(triggers()["list_label_pattern"], "", text[s:e])
            out.append(Decision(s, e, actor, status, _tidy_object(label), date, "explicit", True,
                                proposer=status == "proposed", point=(a, k)))
        spans.append((a, items[-1][1]))
    return out, spans


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, stripped."""
    out, pos = [], 0
    for line in text.split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[#*_]", " ", s)).strip(" :\t").lower()


def _label_body(line: str, cfg: dict, resolver: ActorResolver) -> str | None:
    """The body a label line puts its points to ('De raad wordt gevraagd:' -> raad), or None."""
    if len(line) > 2 * cfg["max_label_chars"] or not line.rstrip().endswith(":"):
        return None
    label = _norm(line)
    if len(label) > cfg["max_label_chars"]:
        return None
    for pattern in cfg["addressed_label_patterns"]:
        m = re.fullmatch(pattern, label)
        if m is not None:
            body = resolver.actor_of_name(m.group("body"))
            return None if body in (None, NOBODY) else body
    return None


def _items(text: str, rest: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The list items right under a label: labelled ('1.', 'a.') or bulleted action lines, up to the first
    other line; none when the first line under the label is itself a deciding clause ('Het college besluit:')."""
    pattern = re.compile(triggers()["list_label_pattern"] + r"|^[\s\-•*\u2022\uf0b7]+")
    items = []
    for s, e in rest:
        line = text[s:e]
        if not pattern.match(line) or not _is_action_item(re.sub(triggers()["list_label_pattern"], "", line)):
            break
        items.append((s, e))
    return items
