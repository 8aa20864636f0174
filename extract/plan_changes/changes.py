"""The plan-change record, the dates it is built from, and the phrase naming what moves."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..clauses import Clause, as_date
from .cues import cues


@dataclass
class _Date:
    start: int
    end: int
    value: dict

    @property
    def first(self) -> dt.date | None:
        return as_date(self.value.get("start"))


def date_span(d: _Date) -> tuple[int, int]:
    """The span of a date (for spans_within: the dates of a sentence, a cell or a line by bisection)."""
    return d.start, d.end


@dataclass
class PlanChange:
    start: int
    end: int
    what: str
    frm: dict
    to: dict
    how: str

    @property
    def shift_days(self) -> int | None:
        a, b = as_date(self.frm.get("start")), as_date(self.to.get("start"))
        return (b - a).days if a and b else None


def _clean_value(v: dict) -> dict:
    return {k: v.get(k) for k in ("start", "end", "granularity", "modifier", "event")}


def _find(text_lower: str, phrases: Iterable[str]) -> tuple[int, str] | None:
    """(offset, phrase) of the earliest whole-word phrase in the text; of phrases starting at that offset, the
    first in list order. One pass: at each offset a regex alternation tries its branches in order, so the leftmost
    match of ``(p1)|(p2)|...`` is exactly the earliest start with ties going to the earlier phrase."""
    phrases = tuple(phrases)
    if not phrases:
        return None
    m = _phrase_alternation(phrases).search(text_lower)
    return (m.start(), phrases[m.lastindex - 1]) if m else None


@lru_cache(maxsize=64)
def _phrase_alternation(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w])(?:" + "|".join("(" + re.escape(p) + ")" for p in phrases) + r")(?![\w])")


def _what(sent: Clause, text: str, stop_at: int) -> str:
    """What moves: the phrase after 'om' (the planned action), else the clause's subject,
    up to the first date or verb-ish word; short."""
    cfg = cues()
    words, offs = sent.words, sent.offsets
    stops = set(cfg["what_stop_words"])
    a = None
    for i, w in enumerate(words):
        if offs[i][0] >= stop_at:
            break
        if w == "om":
            a = i + 1
    if a is None:
        a = 0
        # a clause that opens with an adverbial ('Daarom besluiten de portefeuillehouders de invoering ...',
        # 'Voorgesteld wordt de planning ...') has its subject/object after the finite verb
        if words and words[0] not in ("de", "het", "deze", "dit", "een", "die"):
            for i, w in enumerate(words[:8]):
                if w in cfg["subject_after"]:
                    a = i + 1
                    break
            for s_ in range(a, min(a + 6, len(words))):
                if words[s_] in ("de", "het", "deze", "dit") and s_ + 1 < len(words):
                    a = s_
                    break
    b = a
    while b < len(words) and offs[b][0] < stop_at and words[b] not in stops and b - a < 10:
        b += 1
    if b < len(words) and b - a <= 1 and words[a] in ("de", "het", "een", "dit", "deze"):
        b = min(len(words), a + 2)   # 'de' alone says nothing: 'de planning'

    if b <= a:
        return ""
    return re.sub(r"\s+", " ", text[offs[a][0]:offs[b - 1][1]]).strip(" ,.;:'\"")


def _in_year_of(d: "_Date", to: "_Date", text: str) -> dict:
    """A year-less old month or day said in the same clause as a dated new one ('eerder voorzien in mei, volgt
    nu in september 2025') lies in the new date's year: the date reader may have put it in the next one."""
    v = d.value
    if re.search(r"\d{4}|'\d{2}", text[d.start:d.end]) or not to.first or not d.first or d.first.year == to.first.year:
        return v
    try:
        moved = {**v, "start": d.first.replace(year=to.first.year).isoformat(),
                 "end": as_date(v["end"]).replace(year=to.first.year).isoformat() if v.get("end") else None}
    except ValueError:
        return v
    return moved
