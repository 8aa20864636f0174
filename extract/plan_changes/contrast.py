"""Contrast in one clause: 'per 1 oktober in plaats van 1 juli', 'niet op 1 januari ..., maar op 1 augustus'."""
from __future__ import annotations

import re

from ..clauses import Clause
from .changes import PlanChange, _Date, _find, _what
from .cues import cues

#: 'niet ... maar': the old date between them, the new one after
NOT_BUT = re.compile(r"(?<!\w)niet\b(?P<mid>.*?)(?:,\s*|\s)maar\b")


def _contrast_instead(ctx, sent: Clause, low: str, in_sent: list[_Date]) -> PlanChange | None:
    """'per 1 oktober 2022 in te laten gaan in plaats van 1 juli 2022'."""
    hit = _find(low, cues()["instead_of"])
    if not hit:
        return None
    cue = sent.start + hit[0]
    old = [d for d in in_sent if d.start > cue]
    new = [d for d in in_sent if d.end <= cue]
    if not old or not new:
        return None
    frm, to = old[0], new[-1]
    return PlanChange(sent.start, sent.end, _what(sent, ctx.doc.text, to.start), frm.value, to.value, "contrast")


def _contrast_not_but(ctx, sent: Clause, low: str, in_sent: list[_Date]) -> PlanChange | None:
    """'niet op de deadline van 1 januari 2022 te laten ingaan, maar op 1 augustus 2021'."""
    m = NOT_BUT.search(low)
    if not m:
        return None
    not_at, but_at = sent.start + m.start(), sent.start + m.end()
    old = [d for d in in_sent if not_at < d.start < but_at]
    new = [d for d in in_sent if d.start >= but_at]
    if not old or not new:
        return None
    # the two must be of one kind (both calendar dates), and the clause must be about timing
    if not re.search(cues()["timing_words"], low):
        return None
    return PlanChange(sent.start, sent.end, _what(sent, ctx.doc.text, old[0].start), old[0].value, new[0].value,
                      "contrast")
