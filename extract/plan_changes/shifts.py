"""Stated shifts ('1 jaar', 'een half jaar', 'tweemaal met één jaar') and moving a date back by one."""
from __future__ import annotations

import datetime as dt
import re

from ..clauses import as_date
from .cues import NUMBER_WORDS, cues


def parse_shift(text: str, last: bool = False) -> tuple[int, int] | None:
    """(months, days) of a stated shift: '1 jaar', 'een half jaar', '3 maanden',
    'tweemaal met één jaar' (= 2 years), '2 x met 1 jaar'. ``last``: the shift nearest the end of
    ``text`` (the text before a target date: 'een looptijd van 4 jaar en met 3 jaar verlengd tot ...'
    moves by the 3 years, not by the contract term)."""
    cfg = cues()
    t = text.lower()
    found = list(re.finditer(cfg["shift_pattern"], t))
    m = (found[-1] if last else found[0]) if found else None
    if not m:
        return None
    num = m.group("num")
    n = NUMBER_WORDS.get(num) if num in NUMBER_WORDS else float(num.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d+)?", num) else None
    if n is None:
        return None
    if m.group("half"):
        n += 0.5
    unit = m.group("unit")
    times = 1
    rep = re.search(cfg["repeat_pattern"], t[:m.start()][-25:])
    if rep:
        times = NUMBER_WORDS.get(rep.group(1), None) or int(rep.group(1)) if rep.group(1).isdigit() or rep.group(1) in NUMBER_WORDS else 1
    n *= times
    if unit.startswith("jaar") or unit.startswith("jaren"):
        return int(round(n * 12)), 0
    if unit.startswith("maand"):
        return int(round(n)), 0
    if unit.startswith("we"):
        return 0, int(round(n * 7))
    return None


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    # keep month-end dates at month end (31 december - 1 jaar = 31 december)
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    day = last if d.day == (dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1)).day else min(d.day, last)
    return dt.date(y, m, day)


def shift_back(value: dict, shift: tuple[int, int], direction: int) -> dict | None:
    """The date value `shift` before (direction=+1, a postponement) or after (-1) `value`."""
    s, e = as_date(value.get("start")), as_date(value.get("end"))
    if not s or not e:
        return None
    months, days = shift
    s2 = _add_months(s, -direction * months) - dt.timedelta(days=direction * days)
    e2 = _add_months(e, -direction * months) - dt.timedelta(days=direction * days)
    return {"start": s2.isoformat(), "end": e2.isoformat(), "granularity": value.get("granularity"),
            "modifier": None, "event": value.get("event")}
