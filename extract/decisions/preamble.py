"""The preamble of a published regulation or decree (CVDR, gemeenteblad): who adopts it, on whose proposal.

Dutch regulations open with a fixed formula::

    De raad van de gemeente X;            (the body that adopts; often left out of an excerpt)
    gelezen het voorstel van het college van burgemeester en wethouders van 11 november 2025;
    gelet op artikel 149 van de Gemeentewet;
    b e s l u i t :
    vast te stellen de volgende verordening: ...

The 'besluit' line is the adoption: a decision taken by the opening body, or, when the excerpt does not name
it, by the body a 'gelezen het voorstel van het college' formula addresses: the raad (the college proposes to
the raad; an algemeen bestuur adopts on the proposal of its dagelijks bestuur). The 'gelezen het voorstel'
line is the proposing body's proposal. Words and patterns: ``resources/decision_triggers.json``
(``regulation_preamble``).
"""
from __future__ import annotations

import re

from .actors import NOBODY, ActorResolver
from .record import Decision, _date_value
from .words import triggers


def preamble_decisions(text: str, dates: list[tuple[int, int, dict]], resolver: ActorResolver
                       ) -> tuple[list[Decision], tuple[int, int] | None]:
    """The decisions of a regulation's preamble and the span the sentence loop must skip, or ([], None)."""
    cfg = triggers()["regulation_preamble"]
    head = text[:cfg["head_chars"]]
    adopt = re.search(cfg["adopt_pattern"], head, re.IGNORECASE | re.MULTILINE)
    if adopt is None:
        return [], None
    considered = list(re.finditer(cfg["consideration_pattern"], head[:adopt.start()], re.IGNORECASE | re.MULTILINE))
    if not considered:
        return [], None        # a 'besluit:' without 'gelet op / gelezen' is no regulation's formula
    first = considered[0].start()
    proposal = _proposal(text, considered, dates, resolver)
    actor = _opening_body(head, first, resolver, cfg) or _addressed_body(proposal, cfg)
    if actor is None:
        return [], None
    obj = _tidy(adopt.group("object") or _next_line(text, adopt.end()))
    # a draft (raadsvoorstel, ontwerpbesluit) only proposes the adoption
    status = "proposed" if re.search(cfg["draft_pattern"], head[:adopt.start()], re.IGNORECASE) else "taken"
    out = [proposal[0]] if proposal is not None else []
    out.append(Decision(adopt.start(), adopt.end(), actor, status, obj, None, "explicit", True))
    return out, (first, adopt.end())


def _proposal(text, considered, dates, resolver) -> tuple[Decision, str] | None:
    """('gelezen het voorstel van het college ... van 11 november 2025') -> (the proposal, its body)."""
    cfg = triggers()["regulation_preamble"]
    for m in considered:
        line_end = text.find("\n", m.start())
        line_end = len(text) if line_end < 0 else line_end
        line = text[m.start():line_end]
        pm = re.match(cfg["proposal_pattern"], line, re.IGNORECASE)
        if not pm:
            continue
        body = resolver.actor_of_name(pm.group("body"))
        if body is None or body == NOBODY:
            continue
        end = m.start() + len(line.rstrip(" ;,."))
        date = next((_date_value(v) for s, e, v in dates if m.start() <= s and e <= end), None)
        return Decision(m.start(), end, body, "proposed", _tidy(line), date, "explicit", True, proposer=True), body
    return None


def _opening_body(head: str, first: int, resolver: ActorResolver, cfg: dict) -> str | None:
    """The body the preamble opens with ('Het college van burgemeester en wethouders van de gemeente X;'):
    the last short stretch ending in ';' before the first consideration."""
    before = head[max(0, first - cfg["opening_chars"]):first]
    m = re.search(r"([^;\n]{3,160});\s*$", before)
    if not m:
        return None
    body = resolver.actor_of_name(m.group(1))
    return body if body not in (None, NOBODY) else None


def _addressed_body(proposal: tuple[Decision, str] | None, cfg: dict) -> str | None:
    """Who adopts on a proposal when the excerpt does not say: the body that proposal formula is addressed to."""
    if proposal is None:
        return None
    return cfg["adopter_of_proposer"].get(proposal[1])


def _next_line(text: str, pos: int) -> str:
    for line in text[pos:pos + 600].split("\n"):
        if line.strip():
            return line
    return ""


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ;:,.")
    return s[:120]
