"""Plan-change facts: a planned date that the document moves.

Procurement plans slip (and sometimes speed up). Researchers compare regions
on it, so every place where a date is moved becomes one ``plan_change`` fact::

    {"what": "het contract", "from": <date value>, "to": <date value>, "shift_days": 92}

The ways Dutch documents say it, all recognised here from the cue words in
``resources/decision_triggers.json`` (key ``plan_change_cues``) (data, not seed sentences):

* contrast in one clause: ``per 1 oktober 2022 in te laten gaan in plaats van
  1 juli 2022``; ``niet op de deadline van 1 januari 2022 ..., maar op
  1 augustus 2021``;
* a move verb with its target: ``1 jaar op te schuiven, naar 1 januari 2022``,
  ``uitgesteld tot``, ``verschoven naar``, ``vervroegd naar``, ``de planning
  aan te passen ..., naar 2024``, ``verlengd tot en met 31 december 2022``;
* a new date after a missed one: ``Aanvankelijk ... per 1 januari 2022, maar
  die deadline wordt niet gehaald. Daarom is de nieuwe datum: 1 januari 2023``.

The old date ("from") is the contrasted date of the clause; else the date the
nearby text planned before (``het voornemen ... per 1 januari 2021``,
``lopen op 31 december 2020 af``, ``niet realistisch ... per 1 januari 2023``)
in the same section; else the target minus a stated shift (``1 jaar``,
``tweemaal met één jaar``). Dates come from the date extractor's facts.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..models.facts import Fact
from .context import ExtractionContext
from .dates import spans_within
from .decisions import Clause, _as_date, _clauses, date_matches


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = json.loads(resources.files(__package__).joinpath("resources/decision_triggers.json").read_text("utf-8"))
    return data["plan_change_cues"]


@dataclass
class _Date:
    start: int
    end: int
    value: dict

    @property
    def first(self) -> dt.date | None:
        return _as_date(self.value.get("start"))


# --------------------------------------------------------------------------- shifts

_NUMBERS = {"een": 1, "één": 1, "1": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "half": 0.5, "halve": 0.5}


def parse_shift(text: str, last: bool = False) -> tuple[int, int] | None:
    """(months, days) of a stated shift: '1 jaar', 'een half jaar', '3 maanden',
    'tweemaal met één jaar' (= 2 years), '2 x met 1 jaar'. ``last``: the shift nearest the end of
    ``text`` (the text before a target date: 'een looptijd van 4 jaar en met 3 jaar verlengd tot ...'
    moves by the 3 years, not by the contract term)."""
    cfg = _cues()
    t = text.lower()
    found = list(re.finditer(cfg["shift_pattern"], t))
    m = (found[-1] if last else found[0]) if found else None
    if not m:
        return None
    num = m.group("num")
    n = _NUMBERS.get(num) if num in _NUMBERS else float(num.replace(",", ".")) if re.fullmatch(r"\d+(?:[.,]\d+)?", num) else None
    if n is None:
        return None
    if m.group("half"):
        n += 0.5
    unit = m.group("unit")
    times = 1
    rep = re.search(cfg["repeat_pattern"], t[:m.start()][-25:])
    if rep:
        times = _NUMBERS.get(rep.group(1), None) or int(rep.group(1)) if rep.group(1).isdigit() or rep.group(1) in _NUMBERS else 1
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
    s, e = _as_date(value.get("start")), _as_date(value.get("end"))
    if not s or not e:
        return None
    months, days = shift
    s2 = _add_months(s, -direction * months) - dt.timedelta(days=direction * days)
    e2 = _add_months(e, -direction * months) - dt.timedelta(days=direction * days)
    return {"start": s2.isoformat(), "end": e2.isoformat(), "granularity": value.get("granularity"),
            "modifier": None, "event": value.get("event")}


# --------------------------------------------------------------------------- detection


def _find(text_lower: str, phrases: Iterable[str]) -> tuple[int, str] | None:
    best = None
    for p in phrases:
        m = re.search(r"(?<![\w])" + re.escape(p) + r"(?![\w])", text_lower)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), p)
    return best


def _clean_value(v: dict) -> dict:
    return {k: v.get(k) for k in ("start", "end", "granularity", "modifier", "event")}


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
        a, b = _as_date(self.frm.get("start")), _as_date(self.to.get("start"))
        return (b - a).days if a and b else None


def extract_plan_changes(ctx: ExtractionContext) -> list[Fact]:
    text = ctx.doc.text
    dates = [_Date(s, e, v) for s, e, v in date_matches(ctx) if v and v.get("start")]
    sentences = _clauses(ctx)
    changes: list[PlanChange] = []
    for k, sent in enumerate(sentences):
        if _under_scenario_heading(ctx, sent):
            continue   # 'Scenario A - Eerst een jaar overbruggen: ... worden verlengd tot ...': an option, not a move
        s_text = text[sent.start:sent.end]
        low = s_text.lower()
        in_sent = spans_within(dates, sent.start, sent.end, lambda d: (d.start, d.end))   # sorted
        pc = _contrast_instead(ctx, sent, low, in_sent) or _contrast_not_but(ctx, sent, low, in_sent)
        if pc:
            changes.append(pc)
            continue
        moves = _move_verbs(ctx, sentences, k, low, in_sent, dates)
        if moves:
            changes.extend(moves)
            continue
        pc = _new_date(ctx, sentences, k, low, dates)
        if pc:
            changes.append(pc)
    changes.extend(_planning_tables(ctx, dates))
    # one fact per move: the same (from, to) said twice is one change
    seen, facts = set(), []
    for pc in changes:
        key = (pc.frm.get("start"), pc.to.get("start"))
        if key in seen or pc.frm.get("start") == pc.to.get("start"):
            continue
        seen.add(key)
        value = {"what": pc.what, "from": _clean_value(pc.frm), "to": _clean_value(pc.to), "shift_days": pc.shift_days}
        conf = {"contrast": 0.9, "table": 0.85, "move": 0.8, "new_date": 0.75}.get(pc.how, 0.7)
        facts.append(ctx.fact("plan_change", pc.start, pc.end, value, confidence=conf))
    return facts


def _under_scenario_heading(ctx, sent: Clause) -> bool:
    headings = ctx.doc.headings_before(sent.start)
    if not headings:
        return False
    words = ctx.doc.text[headings[-1].start:headings[-1].end].split()
    first = re.sub(r"\W", "", words[0].lower()) if words else ""
    return first in _scenario_heading_words()


@lru_cache(maxsize=1)
def _scenario_heading_words() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("resources/decision_triggers.json").read_text("utf-8"))
    return frozenset(data.get("scenario_heading_words", []))


def _in_year_of(d: "_Date", to: "_Date", text: str) -> dict:
    """A year-less old month or day said in the same clause as a dated new one ('eerder voorzien in mei, volgt
    nu in september 2025') lies in the new date's year: the date reader may have put it in the next one."""
    v = d.value
    if re.search(r"\d{4}|'\d{2}", text[d.start:d.end]) or not to.first or not d.first or d.first.year == to.first.year:
        return v
    try:
        moved = {**v, "start": d.first.replace(year=to.first.year).isoformat(),
                 "end": _as_date(v["end"]).replace(year=to.first.year).isoformat() if v.get("end") else None}
    except ValueError:
        return v
    return moved


def _what(sent: Clause, text: str, stop_at: int) -> str:
    """What moves: the phrase after 'om' (the planned action), else the clause's subject,
    up to the first date or verb-ish word; short."""
    cfg = _cues()
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


def _contrast_instead(ctx, sent: Clause, low: str, in_sent: list[_Date]) -> PlanChange | None:
    """'per 1 oktober 2022 in te laten gaan in plaats van 1 juli 2022'."""
    hit = _find(low, _cues()["instead_of"])
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
    m = re.search(r"(?<!\w)niet\b(?P<mid>.*?)(?:,\s*|\s)maar\b", low)
    if not m:
        return None
    not_at, but_at = sent.start + m.start(), sent.start + m.end()
    old = [d for d in in_sent if not_at < d.start < but_at]
    new = [d for d in in_sent if d.start >= but_at]
    if not old or not new:
        return None
    # the two must be of one kind (both calendar dates), and the clause must be about timing
    if not re.search(_cues()["timing_words"], low):
        return None
    return PlanChange(sent.start, sent.end, _what(sent, ctx.doc.text, old[0].start), old[0].value, new[0].value,
                      "contrast")


def _section_window(ctx, sentences: list[Clause], k: int, back: int, ahead: int) -> list[Clause]:
    """Nearby sentences in the same section (a heading ends the window)."""
    out = []
    for j in range(k - 1, max(-1, k - 1 - back), -1):
        b = sentences[j].block
        if b is not None and b.kind == "heading":
            break
        out.append(sentences[j])
    for j in range(k + 1, min(len(sentences), k + 1 + ahead)):
        b = sentences[j].block
        if b is not None and b.kind == "heading":
            break
        out.append(sentences[j])
    return out


_TOPIC_STOP = {"de", "het", "een", "van", "voor", "en", "met", "op", "in", "te", "om", "aan", "tot", "naar", "door",
               "deze", "dit", "die", "dat", "is", "zijn", "wordt", "worden", "nog", "ook", "per", "bij", "als", "nu",
               "niet", "meer", "daardoor", "daarom", "uiteindelijk", "inmiddels", "voorzien", "gepland", "plaats"}


def _topic_stems(s: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]{4,}", s.lower()) if w not in _TOPIC_STOP}


def _old_date(ctx, sentences, k, dates: list[_Date], to: _Date, direction: int,
              shift: tuple[int, int] | None, exclude: list[_Date], cue_only: bool = False) -> dict | None:
    """The date the plan had before: stated nearby (preferring sentences with a 'planned before' cue,
    then a date whose own words name what moves: 'publicatie in het voorjaar en gunning uiterlijk 1
    september' -> the gunning's date for 'De gunning is nu voorzien in februari'), or the target moved
    back by the stated shift."""
    cfg = _cues()
    text = ctx.doc.text
    expected = shift_back(to.value, shift, direction) if shift else None
    cur = sentences[k]
    # what moves: the words before the new date, back into the previous clause ('de publicatie liep vertraging
    # op; die vond plaats op ...') but not past the paragraph
    lead_from = cur.start
    if k > 0 and text[max(0, cur.start - 3):cur.start].strip().endswith(";"):
        lead_from = sentences[k - 1].start
    topic = _topic_stems(text[max(lead_from, to.start - 120):to.start])
    cands = []
    window = [(r, s, r >= 4) for r, s in enumerate(_section_window(ctx, sentences, k, back=8, ahead=0))]
    window += [(4 + r, s, False) for r, s in enumerate(_section_window(ctx, sentences, k, back=0, ahead=3))]
    for rank, s, far in window:
        low = text[s.start:s.end].lower()
        cue_m = re.search(cfg["old_plan_cues"], low)
        cue = bool(cue_m)
        for d in dates:
            if not (s.start <= d.start and d.end <= s.end) or d in exclude or not d.first or not to.first:
                continue
            if (to.first - d.first).days * direction <= 0:
                continue  # an old date lies before a postponed target (after an advanced one)
            if expected and d.value.get("start") != expected["start"]:
                continue
            if d.value.get("granularity") in ("year", "years") and to.value.get("granularity") == "day":
                continue
            if cue_only and not cue:
                continue
            if re.search(r"^\W{0,3}(?:\w+\s+){0,2}(besloten|besluit|ingestemd|vastgesteld|akkoord|bevestigd|bekrachtigd|goedgekeurd)\b", text[d.end:d.end + 40].lower()):
                continue   # 'heeft op 4 juli besloten': the date of a decision, not a planned date
            ahead = s.start > to.start
            own = _topic_stems(text[max(s.start, d.start - 30):d.start])
            if far and cue and sum(1 for x in dates if s.start <= x.start and x.end <= s.end) == 1:
                # the sentence states one old plan ('De nieuwe overeenkomsten ... zouden per 1 januari ingaan'):
                # all its words name what was planned
                own = _topic_stems(text[s.start:s.end])
            if far and not (topic & own):
                continue   # further back only a date that names the same activity ('gunning uiterlijk 1 september')
            # within one old-plan sentence the date after the cue is the plan; one before it dates the
            # statement ('In de versie uit november 2022 gingen wij uit van contracten per 1 juli 2024')
            before_cue = bool(cue_m) and d.start < s.start + cue_m.start()
            cands.append(((not cue, not (topic & own), ahead, rank, before_cue), d))
    if cands:
        return min(cands, key=lambda c: c[0])[1].value
    return expected


def _move_verb_hits(low: str) -> list[tuple[re.Match, dict]]:
    """Every move verb of the clause, in order, none overlapping ('... te verschuiven naar X en de
    lopende overeenkomsten met een half jaar te verlengen tot en met Y' moves two things)."""
    hits = []
    for verb in _cues()["move_verbs"]:
        for m in re.finditer(verb["pattern"], low):
            hits.append((m, verb))
    hits.sort(key=lambda h: (h[0].start(), -h[0].end()))
    out: list[tuple[re.Match, dict]] = []
    for m, verb in hits:
        if out and m.start() < out[-1][0].end():
            continue
        out.append((m, verb))
    return out


def _move_verbs(ctx, sentences, k, low: str, in_sent: list[_Date], dates: list[_Date]) -> list[PlanChange]:
    """Each move verb of the clause with its own target: the target of a verb lies between it and the
    next move verb (or right before it)."""
    words = re.findall(r"\w+", low[:40])
    if words and words[0] in _conditional_openers():
        return []      # 'Als de selectie vertraging oploopt, is uitstel naar ... de terugvaloptie': a scenario
    hits = _move_verb_hits(low)
    out = []
    for x, (m, verb) in enumerate(hits):
        limit = sentences[k].start + (hits[x + 1][0].start() if x + 1 < len(hits) else len(low))
        prev_end = sentences[k].start + (hits[x - 1][0].end() if x else 0)
        pc = _move_verb(ctx, sentences, k, low, in_sent, dates, m, verb, prev_end, limit)
        if pc:
            out.append(pc)
    return out


@lru_cache(maxsize=1)
def _conditional_openers() -> frozenset[str]:
    data = json.loads(resources.files(__package__).joinpath("resources/decision_triggers.json").read_text("utf-8"))
    return frozenset(data["conditional_openers"])


def _move_verb(ctx, sentences, k, low: str, in_sent: list[_Date], dates: list[_Date],
               m: re.Match, verb: dict, prev_end: int, limit: int) -> PlanChange | None:
    """'1 jaar op te schuiven, naar 1 januari 2022', 'verlengd tot en met 31 december 2022',
    'de planning aan te passen ..., naar 2024', 'uitgesteld tot', 'vervroegd naar'."""
    cfg = _cues()
    sent = sentences[k]
    verb_at = sent.start + m.start()
    # the target: a date introduced by 'naar', 'tot (en met)', 'per', 'op' after the verb, or right before it
    targets = []
    for d in in_sent:
        if d.start >= limit or d.end <= prev_end:
            continue
        before = ctx.doc.text[max(sent.start, d.start - 14):d.start].lower()
        if re.search(cfg["target_preps"], before):
            targets.append(d)
    if not targets:
        return _shift_only(ctx, sentences, k, low, dates, m, verb, prev_end, limit)
    after = [d for d in targets if d.start > verb_at]
    if not after:
        # before the verb only 'naar/tot/per X': 'in 2021 ... verlengd' says when, not to when
        targets = [d for d in targets if re.search(cfg["target_preps_before_verb"],
                                                   ctx.doc.text[max(sent.start, d.start - 14):d.start].lower())]
        if not targets:
            return None
    to = after[0] if after else targets[-1]
    if to.start < verb_at and verb_at - to.end > 60:
        return None
    direction = -1 if verb.get("direction") == "earlier" else 1
    rel_to = max(0, to.start - sent.start)
    shift = parse_shift(low[max(0, prev_end - sent.start, m.start() - 40):rel_to], last=True) \
        or parse_shift(low[max(0, prev_end - sent.start):rel_to], last=True) \
        or parse_shift(low[max(0, prev_end - sent.start):max(0, limit - sent.start)])
    explicit_from = [d for d in in_sent if d is not to and prev_end <= d.start < to.start
                     and re.search(r"\bvan\s*$", ctx.doc.text[max(sent.start, d.start - 6):d.start].lower())]
    decision_dates = [d for d in in_sent if d.start < verb_at and re.search(r"\bop\s*$", ctx.doc.text[max(sent.start, d.start - 4):d.start].lower())]
    if explicit_from:
        frm = explicit_from[-1].value
    else:
        frm = _old_date(ctx, sentences, k, dates, to, direction, shift, exclude=decision_dates + [to],
                        cue_only=bool(verb.get("needs_old_cue")) and not shift)
    if not frm:
        return None
    if verb.get("needs_old_cue") and not explicit_from and frm.get("event") == "contract_start" \
            and to.value.get("event") == "contract_end" and frm.get("granularity") == "day":
        # extending the running contracts until the moved start of the new ones: they were to end the day
        # before the old start ('zouden per 1 januari ingaan ... worden verlengd tot en met 30 juni')
        day_before = (_as_date(frm["start"]) - dt.timedelta(days=1)).isoformat()
        frm = {**frm, "start": day_before, "end": day_before, "modifier": None, "event": "contract_end"}
    what = _what(sent, ctx.doc.text, verb_at)
    return PlanChange(sent.start, sent.end, what, frm, to.value, "move")


def _shift_only(ctx, sentences, k, low: str, dates: list[_Date], m: re.Match, verb: dict, prev_end: int,
                limit: int) -> PlanChange | None:
    """'Oorspronkelijk stond de publicatie gepland voor juni. ... is de publicatie met vier maanden uitgesteld':
    a stated shift without a target. The old date is the planned date said just before (a sentence with an
    old-plan cue); the new one is that date moved by the shift, or a date said shortly after that falls in
    the same month ('De aankondiging staat gepland voor eind oktober')."""
    cfg = _cues()
    sent = sentences[k]
    text = ctx.doc.text
    shift = parse_shift(low[max(0, prev_end - sent.start):max(0, limit - sent.start)])
    if not shift or re.search(r"\b(kunnen|kan|mogen|mag|zou|zouden|maximaal|hooguit|eventueel)\b", low):
        return None     # 'kunnen met maximaal 6 maanden worden verlengd': a possibility, not a move
    direction = -1 if verb.get("direction") == "earlier" else 1
    old = None
    for s in _section_window(ctx, sentences, k, back=4, ahead=0):
        if s.start > sent.start or not re.search(cfg["old_plan_cues"], text[s.start:s.end].lower()):
            continue
        ds = [d for d in dates if s.start <= d.start and d.end <= s.end and d.first]
        if ds:
            old = ds[-1]
            break
    if old is None:
        return None
    expected = shift_back(old.value, shift, -direction)
    exp_first = _as_date(expected.get("start")) if expected else None
    if not exp_first:
        return None
    to_value = expected
    for d in dates:
        if sent.end <= d.start <= sent.end + 1500 and d.first and (d.first.year, d.first.month) == (exp_first.year, exp_first.month):
            host = next((x for x in sentences if x.start <= d.start < x.end), None)
            if host is not None and re.search(r"\b(gepland|voorzien|verwacht|volgt|plaats|staat)\b", text[host.start:host.end].lower()):
                to_value = d.value     # the concrete new date, said in a planning sentence
                break
    return PlanChange(sent.start, sent.end, _what(sent, text, sent.start + m.start()), old.value, to_value, "move")


def _new_date(ctx, sentences, k, low: str, dates: list[_Date]) -> PlanChange | None:
    """'... die deadline wordt niet gehaald. Daarom is de nieuwe datum: 1 januari 2023.'"""
    cfg = _cues()
    hit = _find(low, cfg["new_date_phrases"])
    if not hit:
        # 'wordt de ingangsdatum ... 1 januari 2026', 'is nu voorzien in februari', 'vond uiteindelijk plaats op'
        found = [m for m in (re.search(p, low) for p in cfg.get("new_date_patterns", [])) if m]
        if not found:
            return None
        m = min(found, key=lambda m: m.start())
        hit = (m.start(), m.group(0))
    sent = sentences[k]
    cue = sent.start + hit[0]
    text = ctx.doc.text
    # the new date follows the cue, possibly in the next sentence piece ('datum:' ends a sentence)
    limit = cue + len(hit[1]) + 40
    to = next((d for d in dates if cue < d.start <= limit), None)
    if to is None:
        return None
    # only a real move: the nearby text must say what was planned before ('aanvankelijk', 'niet gehaald')
    window = _section_window(ctx, sentences, k, back=3, ahead=0) + [sent]
    if not any(re.search(cfg["old_plan_cues"], text[s.start:s.end].lower()) for s in window):
        return None
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
        own = [v for d, v in own if _as_date(v["start"]) and _as_date(v["start"]) < to.first]
        frm = own[-1] if own else None
    if not frm:
        return None
    start = min([s.start for s in window if re.search(cfg["old_plan_cues"], text[s.start:s.end].lower())] + [sent.start])
    first = next(s for s in sentences if s.start == start) if start != sent.start else sent
    return PlanChange(start, to.end, _what(first, text, first.end), frm, to.value, "new_date")


def _column_kind(header: str) -> str | None:
    """'new' for a column of moved dates ('Nieuwe planning', 'Herzien', 'Gerealiseerd'), 'old' for the
    planned dates ('Oorspronkelijk', 'Gepland', 'Oude datum'), else None. New is tried first."""
    cfg = _cues()
    words = re.findall(r"\w+", header.lower())
    if any(w in cfg["table_new_headers"] for w in words):
        return "new"
    if any(w in cfg["table_old_headers"] for w in words):
        return "old"
    return None


def _planning_tables(ctx, dates: list[_Date]) -> list[PlanChange]:
    """A planning table with an old-plan column and a new-plan column: each row whose two date cells
    start on different days is a move of the row's activity (its first cell without a date)."""
    doc, text = ctx.doc, ctx.doc.text
    tables: dict[Any, list] = {}
    for b in doc.blocks:
        if b.kind == "table_row" and b.cells:
            tables.setdefault(b.table, []).append(b)
    out: list[PlanChange] = []
    for rows in tables.values():
        rows.sort(key=lambda b: b.row if b.row is not None else 0)
        header = rows[0]
        kinds = [_column_kind(text[s:e]) for s, e in header.cells]
        old_cols = [i for i, k in enumerate(kinds) if k == "old"]
        new_cols = [i for i, k in enumerate(kinds) if k == "new"]
        if not old_cols or not new_cols:
            continue
        oc = old_cols[0]
        nc = next((i for i in new_cols if i > oc), new_cols[0])
        for row in rows[1:]:
            if max(oc, nc) >= len(row.cells):
                continue

            def cell_dates(i):
                s, e = row.cells[i]
                return [d for d in dates if s <= d.start and d.end <= e]
            old, new = cell_dates(oc), cell_dates(nc)
            if not old or not new or old[0].value.get("start") == new[0].value.get("start"):
                continue
            label = next((text[s:e] for i, (s, e) in enumerate(row.cells)
                          if i not in (oc, nc) and text[s:e].strip() and not cell_dates(i)), "")
            out.append(PlanChange(row.start, row.end, re.sub(r"\s+", " ", label).strip(), old[0].value,
                                  new[0].value, "table"))
    return out


# --------------------------------------------------------------------------- scoring


def _val(f: Any) -> dict:
    if isinstance(f, Fact):
        return f.value
    if isinstance(f, dict) and "value" in f and isinstance(f["value"], dict):
        return f["value"]
    return f


def score_plan_changes(system_facts: Iterable[Any], gold_entries: Iterable[dict], lenient: bool = False) -> dict:
    """Precision/recall of plan changes for ONE document: a system change matches a gold one when
    both ends agree (start and end of 'from' and of 'to'; lenient: their starts). Greedy one-to-one.
    ``system_facts``: Fact objects, fact JSON dicts or bare values (type plan_change only)."""
    def key(v: dict):
        f, t = v.get("from") or {}, v.get("to") or {}
        if lenient:
            return (f.get("start"), t.get("start"))
        return (f.get("start"), f.get("end") or f.get("start"), t.get("start"), t.get("end") or t.get("start"))

    sys_vals = []
    for f in system_facts:
        if isinstance(f, Fact) and f.type != "plan_change":
            continue
        if isinstance(f, dict) and f.get("type") not in (None, "plan_change"):
            continue
        sys_vals.append(key(_val(f)))
    gold = [key(g) for g in gold_entries]
    remaining = list(gold)
    tp = 0
    for k in sys_vals:
        if k in remaining:
            remaining.remove(k)
            tp += 1
    fp, fn = len(sys_vals) - tp, len(remaining)
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)}
