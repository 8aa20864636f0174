"""The grammar of Dutch calendar expressions: atoms and the combinator that joins them.

Why a grammar over the raw text and not a date library as the finder
--------------------------------------------------------------------
General date finders (dateparser.search_dates) tokenise, try every language
rule on every token window and then guess; on a 30-page policy document that
is slow (seconds) and imprecise about spans: they swallow prepositions, read
``3 jaar`` or ``Perceel 2`` as dates, and cannot express ``medio maart`` or
``het eerste kwartaal`` as intervals at all. Dutch procurement texts use a
small, regular set of calendar forms, so a grammar does better:

1. **Atoms** — one compiled regular expression per form (full date, day+month,
   numeric d/m, month(+year), year, quarter, half year, season, begin/medio/
   eind of a unit, n-th week of a month, school year, relative year). Each is
   composed from the vocabulary in ``resources/dates_vocab.json`` (month
   names, abbreviations, part-of-unit words, ordinals, seasons), so a new
   spelling is a data change. Every atom knows how to turn itself into an
   interval once its year is known (``Atom.resolve``); the year may be missing
   (``30/4``, ``eind januari``) and is filled in later. ``ATOM_RULES`` lists the
   forms as named rules (pattern, builder, example) in the order they compete;
   a new form is a pattern in :func:`patterns`, a builder and one rule there,
   and a case in ``tests/data/date_cases.json``.
2. **Overlap resolution** — all atom matches are collected and the longest
   non-overlapping ones win (``1 januari 2023`` beats ``januari 2023`` beats
   ``2023``), which makes spans exact.
3. **Combinator** — adjacent atoms separated only by a connector (``-``,
   ``–``, ``/``, ``t/m``, ``tot (en met)``, ``en``, ``of``, ``,``) share a year
   right-to-left (``3 mei tot 21 oktober 2022``, ``feb-april'22``,
   ``mei, juni, juli en augustus 2021``) and are joined into ONE interval when
   the join is a range (range connectors) or a contiguous coordination
   (``juli en augustus``, ``2017 en 2018``, ``19/5 en 20/5``). Non-contiguous
   coordinations (``1 april en 1 oktober 2022``) stay separate dates but still
   share the year.

Each step is a few regex scans over the text (no tokeniser, no per-token
language model), which is what makes the extractor ~30x+ faster than
dateparser on the same documents (see bench/bench_dates.py).

Nothing in this module looks at today's date: a year-less expression stays
year-less until :mod:`.dates` anchors it in the document's own context.
"""
from __future__ import annotations

import bisect
import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

from .regex_shapes import first_letters, trie_pattern

# -- vocabulary ---------------------------------------------------------------


@lru_cache(maxsize=None)
def load_resource(name: str) -> dict:
    """A JSON resource of this package (extract/resources/<name>)."""
    ref = resources.files(__package__).joinpath("resources").joinpath(name)
    return json.loads(ref.read_text(encoding="utf-8"))


def vocab() -> dict:
    return load_resource("dates_vocab.json")


def _alt(words) -> str:
    """Regex alternation, longest first so that 'tot en met' wins over 'tot'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# -- intervals ------------------------------------------------------------------

GRAN_ORDER = ("day", "week", "month", "quarter", "season", "half_year", "year", "years", "unknown")


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def year_of_two_digits(two: str) -> int:
    """'22 -> 2022, '95 -> 1995 (policy texts do not mention years before 1970)."""
    n = int(two)
    return 2000 + n if n < 70 else 1900 + n


def part_of_month(y: int, m: int, part: str) -> tuple[date, date]:
    """begin/medio/eind of a month: days 1-10, 11-20, 21-end (domain.md)."""
    if part == "begin":
        return date(y, m, 1), date(y, m, 10)
    if part == "mid":
        return date(y, m, 11), date(y, m, 20)
    return date(y, m, 21), month_end(y, m)


def part_of_year(y: int, part: str) -> tuple[date, date]:
    """begin/medio/eind of a year: the first, middle and last third (Jan-Apr, May-Aug, Sep-Dec)."""
    if part == "begin":
        return date(y, 1, 1), date(y, 4, 30)
    if part == "mid":
        return date(y, 5, 1), date(y, 8, 31)
    return date(y, 9, 1), date(y, 12, 31)


@dataclass
class Atom:
    """One calendar expression as written, with a resolver from year to interval.

    ``year`` is the explicit year (None when the text gives none); ``month_key``
    is the month the expression starts in (1..12), used to roll a shared year
    back across a year boundary (``november - februari 2023``).
    """
    start: int
    end: int
    kind: str
    year: int | None
    resolver: Callable[[int], tuple[date, date, str]]
    month_key: int = 1
    weak: bool = False          # only kept when it gets a year from a neighbour (bare 'feb', 'week 12')
    day: int | None = None
    month: int | None = None
    relative: int | None = None  # relative-year offset ('volgend jaar' = +1)

    def resolve(self, year: int) -> tuple[date, date, str] | None:
        try:
            return self.resolver(year)
        except (ValueError, OverflowError):
            return None


# -- patterns -------------------------------------------------------------------

Y4 = r"(?:19[5-9]\d|20\d\d)"
Y2 = r"['’‘`´]\d{2}"


@lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern]:
    v = vocab()
    months = dict(v["months"])
    abbrevs = dict(v["month_abbrevs"])
    # a full name never takes a dot (the dot after 'juli/augustus.' ends the sentence); an abbreviation may
    MONTHS = rf"(?:{_alt(months)})(?!\w)|(?:{_alt(abbrevs)})(?!\w)\.?"
    FULL_MONTHS = _alt(months)
    WEEKDAYS = _alt(v["weekdays"])
    PARTS = _alt(v["parts"])
    ORD = _alt(v["ordinals"])
    SEASONS = _alt(v["seasons"])
    SEASON_SUFFIX = _alt(v["season_suffixes"])
    HALF = "|".join(w.replace(" ", r"\s+") for w in v["half_year_words"])
    REL = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(v["relative_years"], key=len, reverse=True))
    # an optional year after a month / season / quarter: ' 2022', ' van 2022', "'22"
    # or in brackets ('juni (2025)'): the writer adds the year as an aside, it still belongs to the date
    YO = rf"(?:\s+(?:van\s+)?(?P<y4>{Y4})(?![\d])(?![.,]\d)|\s*(?P<y2>{Y2})(?!\d)|\s*\((?P<y4p>{Y4})\))"
    DSUF = r"(?:e|ste|de)?"
    # between a day number and its month: spaces or a wrapped line, never a tab (a tab is a
    # table-cell boundary: 'Perceel 2<TAB>september 2025' is a lot number and a month)
    DSEP = r"[^\S\t]+"
    p = {
        "iso": rf"(?<![\w.\-/])(?P<y>{Y4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\w]|[-/.]\d)",
        "numeric": rf"(?<![\w.,/\-])(?P<d>\d{{1,2}})(?P<s>[-/.])(?P<m>\d{{1,2}})(?P=s)(?P<y>{Y4}|\d{{2}})(?![\w]|[.,/\-]\d)",
        "day_range_month": rf"(?<![\w.,/\-])(?P<d1>\d{{1,2}}){DSUF}\s*(?:-|–|—|t/m|tot\s+en\s+met|tot|en|&)\s*(?P<d2>\d{{1,2}}){DSUF}{DSEP}(?P<m>{MONTHS}){YO}?",
        "day_month": rf"(?<![\w.,/\-])(?:(?P<wd>{WEEKDAYS})\.?,?\s+)?(?P<d>\d{{1,2}}){DSUF}{DSEP}(?P<m>{MONTHS}){YO}?",
        "numeric_dm": r"(?<![\w.,/\-€])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\w/%+\-]|[.,]\d)",
        # 'eind januari', 'begin 2026', and against the anchor year 'eind dit jaar', 'begin volgend jaar'
        "part": rf"\b(?P<p>{PARTS})(?:\s+|(?<=-))(?:van\s+)?(?:(?P<m>{MONTHS}){YO}?|(?P<yy>{Y4})(?![\d])|(?:het\s+)?(?P<rel>{REL})\b)",
        # 'eind Q1 2025', 'begin van het tweede kwartaal': the quarter's first/middle/last month
        "part_quarter": rf"\b(?P<p>{PARTS})(?:\s+|(?<=-))(?:van\s+)?(?:(?:het|de)\s+)?(?:\bQ(?P<q>[1-4])|(?P<o>{ORD})\s+kwartaal|kwartaal\s+(?P<qn>[1-4]))(?:\s*[-/]?\s*(?:van\s+)?(?P<y4>{Y4})(?!\d)|\s*(?P<y2>{Y2})(?!\d))?(?![\w])",
        "quarter_q": rf"\bQ(?P<q>[1-4])(?:\s*[-/]?\s*(?P<y4>{Y4})(?!\d)|\s*(?P<y2>{Y2})(?!\d))?(?![\w])",
        "quarter_word": rf"(?:\b(?:het|de)\s+)?\b(?P<o>{ORD})\s+kwartaal(?:\s+(?:van\s+)?(?P<y4>{Y4})(?!\d))?",
        "quarter_num": rf"\bkwartaal\s+(?P<q>[1-4])(?:\s+(?:van\s+)?(?P<y4>{Y4})(?!\d))?\b",
        "half_word": rf"(?:\b(?:de|het)\s+)?\b(?P<o>eerste|tweede|1e|2e|1ste|2de)\s+(?:{HALF})\s+(?:van\s+)?(?:(?P<m>{FULL_MONTHS})\b{YO}?|(?P<yy>{Y4})(?!\d)|(?P<rel>het\s+jaar|dit\s+jaar))",
        "half_word_year": rf"(?:\b(?:de|het)\s+)?\b(?P<o>eerste|tweede|1e|2e|1ste|2de)\s+(?:{HALF})\s+(?P<yy>{Y4})(?!\d)",
        "half_h": rf"\bH(?P<h>[12])\s*[-/]?\s*(?P<yy>{Y4})(?!\d)",
        "season": rf"\b(?P<s>{SEASONS})(?:{SEASON_SUFFIX})?\b{YO}?",
        "week_of_month": rf"\b(?P<o>{ORD})\s+week\s+(?:van\s+)?(?P<m>{MONTHS}){YO}?",
        # 'in de week van 17 maart': the (ISO, Monday-Sunday) week that holds the day
        "week_of_day": rf"\bweek\s+van\s+(?:(?:{WEEKDAYS})\.?,?\s+)?(?P<d>\d{{1,2}}){DSUF}{DSEP}(?P<m>{MONTHS}){YO}?(?!\s*(?:-|–|t/m|tot)\s*\d)",
        "week_num": rf"\bweek\s+(?P<w>\d{{1,2}})(?:\s+(?:van\s+)?(?P<y4>{Y4})|\s*\((?P<y4p>{Y4})\))?(?![\d])(?!\s+van\s+(?:de|het|dit|deze|onze|uw)\b)",
        "school_year": rf"\b(?:school|cursus)jaar\s+(?P<y1>{Y4})\s*[-/–]\s*(?P<y2>{Y4}|\d{{2}})(?!\d)",
        "month": rf"\b(?P<m>{MONTHS}){YO}?",
        "school_year_start": rf"\b(?:het\s+)?(?:begin|start)\s+van\s+het\s+(?:nieuwe\s+|volgende\s+|komende\s+)?(?:school|cursus)jaar\b(?:\s+(?P<y1>{Y4})\s*[-/–]\s*(?P<y2>{Y4}|\d{{2}})(?!\d))?",
        "year_range_short": rf"(?<![\w.,/€\-])(?P<y1>{Y4})\s*[-/–]\s*(?P<y2>\d{{2}})(?![\w]|[.,]\d)",
        "year": rf"(?<![\w.,€+])(?P<y>{Y4})(?![\w]|[.,]\d)",
        "relative": rf"\b(?P<r>{REL})\b",
    }
    return {k: re.compile(x, re.IGNORECASE) for k, x in p.items()}


#: patterns whose match always starts with a digit (a weekday before 'day_month' is added later
#: by _extend_weekday): they are only tried at digit positions
DIGIT_ONLY = ("iso", "numeric", "day_range_month", "day_month", "numeric_dm", "year_range_short", "year")
#: patterns that can start with a digit ('1e kwartaal', '3 mei'); the rest start with a word
DIGIT_LED = ("iso", "numeric", "day_range_month", "day_month", "numeric_dm", "year_range_short", "year",
             "quarter_word", "half_word", "half_word_year", "week_of_month")
#: optional words before a match that belong to its surface text ('het eerste kwartaal', 'maandag 3 mei')
PREFIXES = {"quarter_word": r"(?:het|de)\s+$", "half_word": r"(?:het|de)\s+$", "half_word_year": r"(?:het|de)\s+$",
            "school_year_start": r"het\s+$"}


@lru_cache(maxsize=None)
def lowered_patterns() -> tuple[dict[str, re.Pattern], re.Pattern]:
    """Case-sensitive twins of :func:`patterns` for lower-cased text (faster than IGNORECASE),
    and the lead regex: the positions where any calendar expression can start."""
    v = vocab()
    pats = {k: re.compile(p.pattern.replace(r"\bQ", r"\bq").replace(r"\bH", r"\bh"))
            for k, p in patterns().items()}
    words = set(v["months"]) | set(v["month_abbrevs"]) | {w.rstrip("-") for w in v["parts"]} \
        | {w for w in v["ordinals"] if not w[0].isdigit()} | set(v["seasons"]) \
        | {w.split()[0] for w in v["relative_years"]} \
        | {"kwartaal", "week", "schooljaar", "cursusjaar", "begin", "start"}
    # '\b' instead of a look-behind, and the words as a trie: the lead scan runs over every
    # character of the text, so its cost per position matters (same matches, fewer steps)
    lead = re.compile(r"\b(?:(?P<num>\d)|(?P<q>[qh][1-4])|(?P<w>" + trie_pattern(words) + r"))")
    return pats, lead


class _Scanner:
    """Runs the atom patterns only where an expression can start (digits and lead words),
    on a lower-cased copy of the text: a few times faster than scanning with every pattern."""

    def __init__(self, text: str):
        low = text.lower()
        self.fast = len(low) == len(text)      # lower() keeps offsets for (almost) all text
        self.text = low if self.fast else text
        self.digit_pos: list[int] = []
        self.word_pos: list[int] = []
        if self.fast:
            pats, lead = lowered_patterns()
            self.pats = pats
            for m in lead.finditer(low):
                (self.digit_pos if m.group("num") else self.word_pos).append(m.start())
            self.all_pos = sorted(self.digit_pos + self.word_pos)
        else:
            self.pats = patterns()

    def scan(self, key: str):
        p = self.pats[key]
        if not self.fast:
            yield from p.finditer(self.text)
            return
        if key in DIGIT_ONLY:
            positions = self.digit_pos
        elif key in DIGIT_LED:
            positions = self.all_pos
        else:
            letters = _first_letters(key)          # a month name starts with a month's letter
            positions = self.word_pos if letters is None else [p for p in self.word_pos if self.text[p] in letters]
        last_end = -1
        for pos in positions:
            if pos < last_end:
                continue
            m = p.match(self.text, pos)
            if m:
                last_end = m.end()
                yield m


@lru_cache(maxsize=None)
def _first_letters(key: str) -> frozenset[str] | None:
    """The letters a lowered pattern's match can start with (None: any), so that it is tried
    only at the lead words starting with one of them."""
    return first_letters(lowered_patterns()[0][key].pattern)


def _extend_prefix(text: str, key: str, start: int) -> int:
    rx = PREFIXES.get(key)
    if rx:
        m = re.search(rx, text[max(0, start - 8):start], re.IGNORECASE)
        if m and (start - 8 + m.start() <= 0 or not text[max(0, start - 8) + m.start() - 1].isalnum()):
            return max(0, start - 8) + m.start()
    return start


@lru_cache(maxsize=None)
def _weekday_tail() -> re.Pattern:
    return re.compile(r"(?:^|(?<=[^\w]))(?:" + _alt(vocab()["weekdays"]) + r")\.?,?\s+$", re.IGNORECASE)


def _extend_weekday(text: str, start: int) -> int:
    m = _weekday_tail().search(text[max(0, start - 14):start])
    return max(0, start - 14) + m.start() if m else start


def _month_no(word: str) -> int:
    v = vocab()
    w = word.lower().rstrip(".")
    return v["months"].get(w) or v["month_abbrevs"][w]


def _is_abbrev(word: str) -> bool:
    return word.lower().rstrip(".") not in vocab()["months"]


def _year_from(m: re.Match, g4: str = "y4", g2: str = "y2") -> int | None:
    d = m.groupdict()
    if d.get(g4):
        return int(d[g4])
    if d.get("y4p"):
        return int(d["y4p"])
    if d.get(g2):
        return year_of_two_digits(d[g2][-2:])
    return None


# -- atom constructors --------------------------------------------------------------

def _day_atom(s, e, y, mo, d, kind="day") -> Atom | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if d > calendar.monthrange(2000, mo)[1]:      # 2000 is a leap year: 29 feb allowed
        return None
    return Atom(s, e, kind, y, lambda yy: (date(yy, mo, d), date(yy, mo, d), "day"),
                month_key=mo, day=d, month=mo)


def _month_atom(s, e, y, mo, weak=False) -> Atom:
    return Atom(s, e, "month", y, lambda yy: (date(yy, mo, 1), month_end(yy, mo), "month"),
                month_key=mo, weak=weak, month=mo)


def _year_atom(s, e, y) -> Atom:
    return Atom(s, e, "year", y, lambda yy: (date(yy, 1, 1), date(yy, 12, 31), "year"))


def _season_atom(s, e, y, name) -> Atom:
    (ms, ds), (me, de) = [tuple(map(int, x.split("-"))) for x in vocab()["seasons"][name]]
    wraps = (me, de) < (ms, ds)

    def res(yy):
        return date(yy, ms, ds), date(yy + (1 if wraps else 0), me, de), "season"
    return Atom(s, e, "season", y, res, month_key=ms)


@lru_cache(maxsize=None)
def _year_context_res() -> tuple[re.Pattern, re.Pattern]:
    v = vocab()
    return (re.compile(r"(?:^|\s)(?:" + _alt(v["not_year_preceders"]) + r")\s*$", re.IGNORECASE),
            re.compile(r"\s*(?:" + _alt(v["not_year_followers"]) + r")(?![\w])", re.IGNORECASE))


def _bad_year_context(text: str, s: int, e: int) -> bool:
    """A four-digit number that is an amount, count, postal code, phone or document number."""
    pre, post = _year_context_res()
    before = text[max(0, s - 14):s]
    after = text[e:e + 16]
    if pre.search(before):
        return True
    if _POSTAL_LETTERS.match(after):             # postal code 2011 AB
        return True
    if post.match(after):
        return True
    # glued to other digits by - or / (phone numbers, case numbers), but not year ranges
    if _GLUED_AFTER.match(after) and not _RANGE_AFTER.match(after):
        return True
    if _GLUED_BEFORE.search(before) and not _RANGE_BEFORE.search(before):
        return True
    if _NUMBER_BEFORE.search(before):
        return True
    return False


_POSTAL_LETTERS = re.compile(r"\s?[A-Z]{2}\b")
_GLUED_AFTER = re.compile(r"[-/]\d")
_RANGE_AFTER = re.compile(rf"[-/](?:{Y4}|\d{{2}})(?!\d)")
_GLUED_BEFORE = re.compile(r"\d[-/]$")
_RANGE_BEFORE = re.compile(rf"(?:^|[^\d]){Y4}\s*[-/]$")
_NUMBER_BEFORE = re.compile(r"\d[.,]$")


@lru_cache(maxsize=8)
def newlines(text: str) -> tuple[int, ...]:
    """Offsets of every newline in ``text``, so a date finds its line by bisection instead of
    scanning back to the previous newline (quadratic on a long line full of dates)."""
    return tuple(m.start() for m in re.finditer("\n", text))


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding ``start`` and end of the line holding ``end`` (as rfind/find)."""
    nl = newlines(text)
    i = bisect.bisect_left(nl, start)          # first newline at or after start
    ls = nl[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(nl, end)
    return ls, (nl[j] if j < len(nl) else len(text))


#: How far back from a date the end-anchored context rules look within its line.
CONTEXT_WINDOW = 400
_NOT_LIST_LEAD = re.compile(r"[^\s\-–•*o·>\d.)]")


def _numeric_dm_ok(text: str, s: int, e: int, d: int, mo: int) -> bool:
    """A year-less d/m is a date only in a date-like position (list item, 'op 30/4', '30/4:')."""
    if f"{d}/{mo}" in vocab()["idioms_day_month"]:
        return False
    line_start, _ = line_bounds(text, s, s)
    # the rules below look at the end of the line's text before the date: a bounded window
    before = text[max(line_start, s - CONTEXT_WINDOW):s]
    after = text[e:e + 12]
    if not _NOT_LIST_LEAD.search(text, line_start, s) and not re.search(r"\d\s*$", before):
        return True                                   # starts a line or list item
    if re.search(r"(?:^|[\s(])(?:op|tot|t/m|en|vanaf|per|van|d\.d\.|dd|datum|uiterlijk|voor|vóór|na|tussen|rond|"
                 r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\s*$",
                 before, re.IGNORECASE):
        return True
    if re.match(r"\s*(?::|$|\n|en\s+\d|t/m|tot\s|-\s*\d|–)", after):
        return True
    return False


# -- atom rules -----------------------------------------------------------------------
#
# Every calendar form is one named rule (Duckling/HeidelTime style): the pattern it scans
# (a key of :func:`patterns`), a builder that turns one match into an Atom (None: the match
# is not a date here) and an example it reads. The order of ATOM_RULES is part of the
# grammar: where two candidates of equal length start at the same place, the earlier rule's
# atom wins (the sort in _longest_non_overlapping is stable).

Builder = Callable[[re.Match, str, str], "Atom | None"]


@dataclass(frozen=True)
class AtomRule:
    name: str
    pattern: str            # key of patterns()
    build: Builder          # (match, text, pattern key) -> Atom | None
    example: str            # a surface form the rule reads


def _iso(m, text, key):
    return _day_atom(m.start(), m.end(), int(m["y"]), int(m["m"]), int(m["d"]))


def _numeric(m, text, key):
    y = m["y"]
    if m["s"] == "." and len(y) == 2:       # 4.2.21 is a section number far more often than a date
        return None
    yy = int(y) if len(y) == 4 else year_of_two_digits(y)
    return _day_atom(m.start(), m.end(), yy, int(m["m"]), int(m["d"]))


def _day_range_month(m, text, key):
    mo, d1, d2 = _month_no(m["m"]), int(m["d1"]), int(m["d2"])
    if not (1 <= d1 < d2 <= calendar.monthrange(2000, mo)[1]):
        return None
    return Atom(m.start(), m.end(), "days", _year_from(m),
                lambda yy: (date(yy, mo, d1), date(yy, mo, d2), "day"),
                month_key=mo, day=d1, month=mo)


def _day_month(m, text, key):
    s0 = m.start() if m["wd"] else _extend_weekday(text, m.start())
    return _day_atom(s0, m.end(), _year_from(m), _month_no(m["m"]), int(m["d"]))


def _numeric_dm(m, text, key):
    d, mo = int(m["d"]), int(m["m"])
    if _numeric_dm_ok(text, m.start(), m.end(), d, mo):
        return _day_atom(m.start(), m.end(), None, mo, d)
    return None


def _part_of_month(m, part):
    mo = _month_no(m["m"])
    return Atom(m.start(), m.end(), "part_month", _year_from(m),
                lambda yy: (*part_of_month(yy, mo, part), "month"), month_key=mo, month=mo)


def _part_of_relative_year(m, part):
    # a third of the year the anchor names: 'eind dit jaar' in a 2024 text = Sep-Dec 2024.
    # Not after the verb 'start' ('de pilot start volgend jaar' = in that year) nor with
    # 'later/eerder dit jaar' (itself vague about the part)
    if m["p"].lower() == "start" or m["rel"].lower().startswith(("later", "eerder")):
        return None
    off = vocab()["relative_years"][re.sub(r"\s+", " ", m["rel"].lower())]
    return Atom(m.start(), m.end(), "relative", None,
                lambda yy: (*part_of_year(yy, part), "year"), relative=off)


def _part_of_year(m, text, part):
    y = int(m["yy"])
    if _bad_year_context(text, m.start("yy"), m.end("yy")):
        return None
    return Atom(m.start(), m.end(), "part_year", y,
                lambda yy: (*part_of_year(yy, part), "year"),
                month_key={"begin": 1, "mid": 5, "end": 9}[part])


def _part(m, text, key):
    part = vocab()["parts"][m["p"].lower()]
    if m["m"]:
        return _part_of_month(m, part)
    if m["rel"]:
        return _part_of_relative_year(m, part)
    return _part_of_year(m, text, part)


def _ordinal_quarter(word: str) -> int:
    o = vocab()["ordinals"][word.lower()]
    return 4 if o == -1 else o


def _part_quarter(m, text, key):
    part = vocab()["parts"][m["p"].lower()]
    q = int(m["q"] or m["qn"]) if (m["q"] or m["qn"]) else _ordinal_quarter(m["o"])
    if not 1 <= q <= 4:
        return None
    mo = 3 * q - 2 + {"begin": 0, "mid": 1, "end": 2}[part]
    return _month_atom(m.start(), m.end(), _year_from(m), mo)


def _quarter_atom(s, e, q, y) -> Atom:
    return Atom(s, e, "quarter", y,
                lambda yy: (date(yy, 3 * q - 2, 1), month_end(yy, 3 * q), "quarter"),
                month_key=3 * q - 2)


def _quarter_q(m, text, key):
    return _quarter_atom(m.start(), m.end(), int(m["q"]), _year_from(m))


def _quarter_word(m, text, key):
    q = _ordinal_quarter(m["o"])
    if 1 <= q <= 4:
        return _quarter_atom(_extend_prefix(text, key, m.start()), m.end(), q, _year_from(m))
    return None


def _half_atom(s, e, h, y, mo=None) -> Atom:
    if mo is None:
        return Atom(s, e, "half_year", y,
                    lambda yy: ((date(yy, 1, 1), date(yy, 6, 30)) if h == 1
                                else (date(yy, 7, 1), date(yy, 12, 31))) + ("half_year",),
                    month_key=1 if h == 1 else 7)
    return Atom(s, e, "half_month", y,
                lambda yy: ((date(yy, mo, 1), date(yy, mo, 15)) if h == 1
                            else (date(yy, mo, 16), month_end(yy, mo))) + ("month",),
                month_key=mo, month=mo)


def _half_word(m, text, key):
    h = 1 if m["o"].lower() in ("eerste", "1e", "1ste") else 2
    gd = m.groupdict()
    m_start = _extend_prefix(text, key, m.start())
    if gd.get("m"):
        return _half_atom(m_start, m.end(), h, _year_from(m), _month_no(m["m"]))
    if gd.get("yy"):
        return _half_atom(m_start, m.end(), h, int(m["yy"]))
    return _half_atom(m_start, m.end(), h, None)     # 'van het jaar' / 'van dit jaar': anchor year


def _half_h(m, text, key):
    return _half_atom(m.start(), m.end(), int(m["h"]), int(m["yy"]))


def _season(m, text, key):
    return _season_atom(m.start(), m.end(), _year_from(m), m["s"].lower())


def _week_of_month(m, text, key):
    o = vocab()["ordinals"][m["o"].lower()]
    mo = _month_no(m["m"])

    def wk(yy):
        if o == -1:
            last = month_end(yy, mo)
            return last - timedelta(days=6), last, "week"
        start = date(yy, mo, 1) + timedelta(days=7 * (o - 1))
        return start, min(start + timedelta(days=6), month_end(yy, mo)), "week"
    return Atom(m.start(), m.end(), "week", _year_from(m), wk, month_key=mo, month=mo)


def _week_of_day(m, text, key):
    mo, d = _month_no(m["m"]), int(m["d"])
    if not 1 <= d <= calendar.monthrange(2000, mo)[1]:
        return None

    def week_of(yy):
        day = date(yy, mo, d)
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), "week"
    return Atom(m.start(), m.end(), "week", _year_from(m), week_of, month_key=mo, month=mo)


def _week_num(m, text, key):
    w = int(m["w"])
    if not 1 <= w <= 53:
        return None

    def iso_week(yy):
        s0 = date.fromisocalendar(yy, w, 1)
        return s0, s0 + timedelta(days=6), "week"
    # 'week 12' is a calendar week in these texts (planning tables, 'in week 14'); without a
    # year it is anchored like 'eind januari'. 'week 3 van het traject' is excluded above.
    return Atom(m.start(), m.end(), "week", _year_from(m), iso_week,
                month_key=max(1, min(12, (w * 7) // 31 + 1)))


def _second_school_year(y1: int, y2: str) -> int:
    return int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)


def _school_year(m, text, key):
    y1 = int(m["y1"])
    if _second_school_year(y1, m["y2"]) != y1 + 1:
        return None
    return Atom(m.start(), m.end(), "school_year", y1,
                lambda yy: (date(yy, 8, 1), date(yy + 1, 7, 31), "year"), month_key=8)


def _school_year_start(m, text, key):
    # the Dutch school year starts on 1 August; the year is the named school year's first
    # ('de start van het schooljaar 2026-2027' = 2026-08-01), else it comes from the context
    y = None
    if m["y1"]:
        y1 = int(m["y1"])
        if _second_school_year(y1, m["y2"]) != y1 + 1:
            return None
        y = y1
    return _day_atom(_extend_prefix(text, key, m.start()), m.end(), y, 8, 1)


def _month(m, text, key):
    mo = _month_no(m["m"])
    y = _year_from(m)
    if y is not None and m["y4"] and _bad_year_context(text, m.start("y4"), m.end("y4")):
        return None
    # 'mei'/'maart' are safe bare words; abbreviations need a year or a neighbour
    weak = y is None and _is_abbrev(m["m"])
    if m["m"].lower() == "mar" and y is None:
        return None
    return _month_atom(m.start(), m.end(), y, mo, weak=weak)


def _year_range_short(m, text, key):
    y1 = int(m["y1"])
    y2 = (y1 // 100) * 100 + int(m["y2"])
    if not (y1 < y2 <= y1 + 10) or _bad_year_context(text, m.start(), m.end()):
        return None
    return Atom(m.start(), m.end(), "years", y1,
                lambda yy, n=y2 - y1: (date(yy, 1, 1), date(yy + n, 12, 31), "years"))


def _year(m, text, key):
    if _bad_year_context(text, m.start(), m.end()):
        return None
    return _year_atom(m.start(), m.end(), int(m["y"]))


def _relative(m, text, key):
    off = vocab()["relative_years"][re.sub(r"\s+", " ", m["r"].lower())]
    return Atom(m.start(), m.end(), "relative", None,
                lambda yy: (date(yy, 1, 1), date(yy, 12, 31), "year"), relative=off)


#: The calendar forms in the order their candidates are collected (see the note above).
ATOM_RULES: tuple[AtomRule, ...] = (
    AtomRule("iso date", "iso", _iso, "2025-01-01"),
    AtomRule("numeric date", "numeric", _numeric, "1-1-2025"),
    AtomRule("day range in a month", "day_range_month", _day_range_month, "3 t/m 5 mei 2024"),
    AtomRule("day and month", "day_month", _day_month, "maandag 3 mei 2024"),
    AtomRule("numeric day/month", "numeric_dm", _numeric_dm, "op 30/4"),
    AtomRule("part of a month or year", "part", _part, "eind januari"),
    AtomRule("part of a quarter", "part_quarter", _part_quarter, "eind Q1 2025"),
    AtomRule("quarter Qn", "quarter_q", _quarter_q, "Q3 2025"),
    AtomRule("ordinal quarter", "quarter_word", _quarter_word, "het tweede kwartaal van 2025"),
    AtomRule("quarter n", "quarter_num", _quarter_q, "kwartaal 2 2025"),
    AtomRule("half of a month or year", "half_word", _half_word, "de eerste helft van 2025"),
    AtomRule("half year with year", "half_word_year", _half_word, "tweede halfjaar 2025"),
    AtomRule("half year Hn", "half_h", _half_h, "H2 2025"),
    AtomRule("season", "season", _season, "najaar 2025"),
    AtomRule("n-th week of a month", "week_of_month", _week_of_month, "tweede week van maart"),
    AtomRule("week of a day", "week_of_day", _week_of_day, "week van 17 maart"),
    AtomRule("week number", "week_num", _week_num, "week 12 2025"),
    AtomRule("school year", "school_year", _school_year, "schooljaar 2025-2026"),
    AtomRule("start of the school year", "school_year_start", _school_year_start,
             "start van het schooljaar 2026-2027"),
    AtomRule("month", "month", _month, "januari 2025"),
    AtomRule("short year range", "year_range_short", _year_range_short, "2025-26"),
    AtomRule("year", "year", _year, "2025"),
    AtomRule("relative year", "relative", _relative, "volgend jaar"),
)


def _longest_non_overlapping(cands: list[Atom], n: int) -> list[Atom]:
    """Longest first, then earliest; keep the non-overlapping ones, in text order."""
    cands.sort(key=lambda a: (-(a.end - a.start), a.start))
    taken: list[Atom] = []
    used = bytearray(n + 1)
    for a in cands:
        if any(used[a.start:a.end]):
            continue
        taken.append(a)
        used[a.start:a.end] = b"\x01" * (a.end - a.start)
    taken.sort(key=lambda a: a.start)
    return taken


#: The atoms of the last text scanned: the pipeline reads a document's dates twice (its anchor
#: year from the text alone, then the dates anchored to it), and the atoms do not depend on the
#: anchor. Nobody changes an atom after it is built.
_LAST_ATOMS: list[tuple[str, list[Atom]]] = []


def find_atoms(text: str) -> list[Atom]:
    """All calendar atoms of ``text``, longest non-overlapping matches, in text order."""
    if _LAST_ATOMS and _LAST_ATOMS[0][0] == text:
        return list(_LAST_ATOMS[0][1])
    atoms = _find_atoms(text)
    if len(text) > 1000:             # a document, not a phrase (parse_date of a dateline)
        _LAST_ATOMS[:] = [(text, atoms)]
    return list(atoms)


def _find_atoms(text: str) -> list[Atom]:
    sc = _Scanner(text)
    cands: list[Atom] = []
    for rule in ATOM_RULES:
        for m in sc.scan(rule.pattern):
            a = rule.build(m, text, rule.pattern)
            if a is not None:
                cands.append(a)
    return _longest_non_overlapping(cands, len(text))


# -- combinator -------------------------------------------------------------------

RANGE_GAP = re.compile(r"\s*(?:-|–|—|/|t/m|t\.e\.m\.?|tot\s+en\s+met|tot(?:\s+aan)?|à)\s*", re.IGNORECASE)
LIST_GAP = re.compile(r"\s*(?:,\s*en|,|en|of|&)\s*", re.IGNORECASE)


def gap_kind(gap: str) -> str | None:
    if len(gap) > 16 or "\n" in gap or "\t" in gap:
        return None
    if RANGE_GAP.fullmatch(gap):
        return "range"
    if LIST_GAP.fullmatch(gap):
        return "list"
    return None


@dataclass
class Group:
    """One date expression: one atom or several joined by connectors."""
    atoms: list[Atom]
    connectors: list[str] = field(default_factory=list)
    years: list[int | None] = field(default_factory=list)    # year per atom after sharing

    @property
    def start(self) -> int:
        return self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end

    @property
    def has_explicit_year(self) -> bool:
        return any(a.year is not None for a in self.atoms)

    def interval(self, fallback_year: int | None) -> tuple[date, date, str] | None:
        """The group's interval; atoms without a year take ``fallback_year``."""
        ys = fill_years(self.atoms, self.years, fallback_year)
        if any(y is None for y in ys):
            return None
        parts = [a.resolve(y) for a, y in zip(self.atoms, ys)]
        if any(p is None for p in parts):
            return None
        start, end = parts[0][0], max(p[1] for p in parts)
        gran = parts[0][2]
        if len(parts) > 1 and all(p[2] in ("year", "years") for p in parts):
            gran = "years"
        if start > end:
            return None
        return start, end, gran


def fill_years(atoms: list[Atom], years: list[int | None], fallback: int | None) -> list[int | None]:
    """Share years right-to-left; an atom whose month is later than its right
    neighbour's lies in the previous year (``november - februari 2023``). What
    is still open takes the fallback year, rolled forward the same way."""
    ys = list(years) if years else [a.year for a in atoms]
    for k in range(len(atoms) - 2, -1, -1):
        if ys[k] is None and ys[k + 1] is not None:
            ys[k] = ys[k + 1] - (1 if atoms[k].month_key > atoms[k + 1].month_key else 0)
    for k in range(len(atoms)):
        if ys[k] is None:
            if k > 0 and ys[k - 1] is not None:
                ys[k] = ys[k - 1] + (1 if atoms[k].month_key < atoms[k - 1].month_key else 0)
            else:
                ys[k] = fallback
    return ys


def _joinable(prev: tuple[date, date, str], nxt: tuple[date, date, str], kind: str) -> bool:
    if kind == "range":
        return nxt[0] > prev[0] and nxt[1] >= prev[1]
    # coordination: only contiguous pieces form one interval (juli en augustus, 2017 en 2018)
    return prev[0] < nxt[0] <= prev[1] + timedelta(days=1)


def _connected_run(text: str, atoms: list[Atom], i: int) -> tuple[list[Atom], list[str], int]:
    """The run of atoms from ``i`` joined by connectors (they share years), the kind of each
    connector, and the index after the run."""
    run = [atoms[i]]
    kinds: list[str] = []
    j, n = i + 1, len(atoms)
    while j < n:
        k = gap_kind(text[run[-1].end:atoms[j].start])
        if k is None or atoms[j].kind == "relative" or run[-1].kind == "relative":
            break
        run.append(atoms[j])
        kinds.append(k)
        j += 1
    # 'tussen X en Y' is a range, not a coordination
    if kinds and kinds[0] == "list" and re.search(r"\btussen\s+$", text[max(0, run[0].start - 10):run[0].start],
                                                  re.IGNORECASE):
        kinds[0] = "range"
    return run, kinds, j


def _yearless_joinable(last: Atom, a: Atom, kind: str) -> bool:
    """Two year-less atoms: a range in month (then day) order; a coordination of the next
    month or the next day."""
    if kind == "range":
        # both year-less ('juni-september', 'juli/augustus'): order by month
        return a.month_key > last.month_key or (
            a.month_key == last.month_key and (a.day or 0) > (last.day or 0))
    if kind == "list":
        return (a.month_key == last.month_key + 1 and a.day is None and last.day is None) or (
            a.month_key == last.month_key and a.day is not None and last.day is not None
            and a.day == last.day + 1)
    return False


def _joins(cur: Group, a: Atom, y: int | None, kind: str) -> bool:
    """Does atom ``a`` (with shared year ``y``) join the group ``cur`` across a ``kind`` connector?"""
    if y is not None and cur.years[-1] is not None:
        prev = cur.atoms[-1].resolve(cur.years[-1])
        nxt = a.resolve(y)
        return prev is not None and nxt is not None and _joinable(prev, nxt, kind)
    if y is None and cur.years[-1] is None:
        return _yearless_joinable(cur.atoms[-1], a, kind)
    return False


def _split_run(run: list[Atom], kinds: list[str]) -> list[Group]:
    """A connected run split into groups, each one interval."""
    shared = fill_years(run, [a.year for a in run], None)
    groups: list[Group] = []
    cur = Group([run[0]], [], [shared[0]])
    for k in range(1, len(run)):
        a, y = run[k], shared[k]
        if _joins(cur, a, y, kinds[k - 1]):
            cur.atoms.append(a)
            cur.connectors.append(kinds[k - 1])
            cur.years.append(y)
        else:
            groups.append(cur)
            cur = Group([a], [], [y])
    groups.append(cur)
    return groups


def combine(text: str, atoms: list[Atom]) -> list[Group]:
    """Join atoms separated only by connectors into groups (see module docstring)."""
    groups: list[Group] = []
    i = 0
    while i < len(atoms):
        run, kinds, i = _connected_run(text, atoms, i)
        groups.extend(_split_run(run, kinds))
    # weak atoms (bare abbreviations, week numbers) survive only with a year of their own group
    return [g for g in groups if not (len(g.atoms) == 1 and g.atoms[0].weak)]
