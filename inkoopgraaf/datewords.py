"""A date shown as precisely as the text gave it: one rule for every place an answer shows a date.

The facts store a date as an interval (``start``..``end``) and, for date facts, its granularity.
``2023`` is 2023-01-01..2023-12-31 and ``juni 2019`` 2019-06-01..2019-06-30; showing such a date
as its first day ('2023-01-01') states a precision the text does not have. The CLI
(query_cli), the explorer (a SQL function ``datum`` the Datasette plugin registers, used by the
canned queries) and the notebook helpers all call :func:`as_written`.
"""
from __future__ import annotations

import calendar
from datetime import date

from .report.labels import MONTHS

_MONTH_NAMES = {"nl": tuple(MONTHS),
                "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December")}
#: begin/medio/eind of a year or a month (the thirds extract/date_grammar.py gives them)
_PARTS = {"nl": ("begin", "medio", "eind"), "en": ("early", "mid", "late")}
_YEAR_THIRDS = (((1, 1), (4, 30)), ((5, 1), (8, 31)), ((9, 1), (12, 31)))


def _day(text) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except (TypeError, ValueError):
        return None


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _part_of_year(d0: date, d1: date, lang: str) -> str | None:
    for i, ((m0, a0), (m1, a1)) in enumerate(_YEAR_THIRDS):
        if d0 == date(d0.year, m0, a0) and d1 == date(d0.year, m1, a1):
            return f"{_PARTS[lang][i]} {d0.year}"
    return None


def _part_of_month(d0: date, d1: date, lang: str) -> str | None:
    month = f"{_MONTH_NAMES[lang][d0.month - 1]} {d0.year}"
    for i, (a, b) in enumerate(((1, 10), (11, 20), (21, _month_end(d0).day))):
        if (d0.day, d1.day) == (a, b) and (d0.year, d0.month) == (d1.year, d1.month):
            return f"{_PARTS[lang][i]} {month}"
    return None


def as_written(start, end=None, granularity: str | None = None, lang: str = "nl") -> str:
    """'2023' for a year, '2017–2018' for whole years, 'juni 2019' for a month, the day for a day,
    else 'start..end'.

    With the date fact's ``granularity`` (year or month), a third of that unit is shown as
    the text says it ('eind 2020', 'begin juni 2021'); without it only whole years and whole
    months are recognised, so a stated range ('september – december 2020') stays a range.
    An empty start gives ''."""
    lang = lang if lang in _MONTH_NAMES else "nl"
    d0 = _day(start)
    if d0 is None:
        return ""
    d1 = _day(end) or d0
    if d1 == d0:
        return d0.isoformat()
    if d0 == date(d0.year, 1, 1) and d1 == date(d1.year, 12, 31):
        # a year ('2023') or whole years ('2017–2018', 'de jaren 2019-2023')
        return str(d0.year) if d1.year == d0.year else f"{d0.year}–{d1.year}"
    if d0.day == 1 and d1 == _month_end(d0):
        return f"{_MONTH_NAMES[lang][d0.month - 1]} {d0.year}"
    part = (_part_of_year(d0, d1, lang) if granularity == "year"
            else _part_of_month(d0, d1, lang) if granularity == "month" else None)
    return part or f"{d0.isoformat()}..{d1.isoformat()}"
