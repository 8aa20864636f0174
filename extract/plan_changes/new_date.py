"""A new date after a missed one: 'Aanvankelijk ... per 1 januari 2022, maar die deadline wordt niet gehaald.
Daarom is de nieuwe datum: 1 januari 2023'."""
from __future__ import annotations

import re
from functools import lru_cache

from ..clauses import as_date, section_window
from .changes import PlanChange, _Date, _find, _in_year_of, _what
from .cues import cues
from .old_date import _old_date


def _new_date(ctx, sentences, k, low: str, dates: list[_Date]) -> PlanChange | None:
    """'... die deadline wordt niet gehaald. Daarom is de nieuwe datum: 1 januari 2023.'"""
    cfg = cues()
    hit = _new_date_cue(low)
    if not hit:
        return None
    sent = sentences[k]
    cue = sent.start + hit[0]
    text = ctx.doc.text
    # the new date follows the cue, possibly in the next sentence piece ('datum:' ends a sentence)
    limit = cue + len(hit[1]) + 40
    to = next((d for d in dates if cue < d.start <= limit), None)
    if to is None:
        return None
    # only a real move: the nearby text must say what was planned before ('aanvankelijk', 'niet gehaald')
    window = section_window(sentences, k, back=3, ahead=0) + [sent]
    if not any(re.search(cfg["old_plan_cues"], text[s.start:s.end].lower()) for s in window):
        return None
    frm = _date_before(ctx, sentences, k, dates, to, cue)
    if not frm:
        return None
    start = min([s.start for s in window if re.search(cfg["old_plan_cues"], text[s.start:s.end].lower())] + [sent.start])
    first = next(s for s in sentences if s.start == start) if start != sent.start else sent
    return PlanChange(start, to.end, _what(first, text, first.end), frm, to.value, "new_date")


@lru_cache(maxsize=1)
def _new_date_patterns() -> tuple[list[re.Pattern], re.Pattern | None]:
    """``new_date_patterns`` of the cue file compiled once, and all of them as one alternation (none has a
    back-reference or an inline flag): it matches somewhere iff one of them does."""
    pats = cues().get("new_date_patterns", [])
    gate = re.compile("|".join("(?:" + p + ")" for p in pats)) if pats else None
    return [re.compile(p) for p in pats], gate


def _new_date_cue(low: str) -> tuple[int, str] | None:
    """(offset, words) of the phrase that announces the new date: a fixed phrase ('de nieuwe datum'), else
    the first new-date pattern ('wordt de ingangsdatum ... 1 januari 2026', 'is nu voorzien in februari')."""
    cfg = cues()
    hit = _find(low, cfg["new_date_phrases"])
    if hit:
        return hit
    pats, gate = _new_date_patterns()
    if gate is None or not gate.search(low):
        return None   # most clauses: one pass instead of one per pattern
    found = [m for m in (p.search(low) for p in pats) if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    return m.start(), m.group(0)


def _date_before(ctx, sentences, k, dates: list[_Date], to: _Date, cue: int) -> dict | None:
    """The old date of a new-date statement: said with its cue in the clause, else planned nearby (before or
    after the new one), else any earlier date in the clause before the cue."""
    cfg = cues()
    sent, text = sentences[k], ctx.doc.text
    # 'De publicatie, eerder voorzien in mei, volgt nu in september': the old date said with its cue in the clause
    said = [d for d in dates if sent.start <= d.start and d.end <= cue and d.first and to.first
            and re.search(cfg["old_plan_cues"], text[max(sent.start, d.start - 30):d.start].lower())]
    frm = _in_year_of(said[-1], to, text) if said else None
    if not frm:
        frm = _old_date(ctx, sentences, k, dates, to, 1, None, exclude=[to])
    if not frm:
        frm = _old_date(ctx, sentences, k, dates, to, -1, None, exclude=[to])
    if not frm:
        # 'De start per 1 maart is niet meer haalbaar en wordt de startdatum 1 juni': the old date in the clause
        own = [(d, _in_year_of(d, to, text)) for d in dates if sent.start <= d.start and d.end <= cue and d.first and to.first]
        own = [v for d, v in own if as_date(v["start"]) and as_date(v["start"]) < to.first]
        frm = own[-1] if own else None
    return frm
