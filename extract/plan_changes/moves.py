"""A move verb with its target: 'op te schuiven naar', 'uitgesteld tot', 'verlengd tot en met', 'vervroegd naar'."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..clauses import as_date, section_window
from .changes import PlanChange, _Date, _what
from .cues import CONDITIONAL_OPENERS, cues
from .old_date import _old_date
from .shifts import parse_shift, shift_back


@lru_cache(maxsize=1)
def _move_verb_patterns() -> list[tuple[dict, re.Pattern]]:
    """The move verbs of the cue file with their patterns compiled once (the same patterns, no flags added)."""
    return [(verb, re.compile(verb["pattern"])) for verb in cues()["move_verbs"]]


@lru_cache(maxsize=1)
def _any_move_verb() -> re.Pattern:
    """All move-verb patterns as one alternation: it matches somewhere iff one of them does (no pattern has a
    back-reference or an inline flag)."""
    return re.compile("|".join("(?:" + p.pattern + ")" for _, p in _move_verb_patterns()))


def _move_verb_hits(low: str) -> list[tuple[re.Match, dict]]:
    """Every move verb of the clause, in order, none overlapping ('... te verschuiven naar X en de
    lopende overeenkomsten met een half jaar te verlengen tot en met Y' moves two things)."""
    if not _any_move_verb().search(low):
        return []   # most clauses have none: one pass over the clause instead of one per verb
    hits = []
    for verb, pattern in _move_verb_patterns():
        for m in pattern.finditer(low):
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
    if words and words[0] in CONDITIONAL_OPENERS:
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


def _move_verb(ctx, sentences, k, low: str, in_sent: list[_Date], dates: list[_Date],
               m: re.Match, verb: dict, prev_end: int, limit: int) -> PlanChange | None:
    """'1 jaar op te schuiven, naar 1 januari 2022', 'verlengd tot en met 31 december 2022',
    'de planning aan te passen ..., naar 2024', 'uitgesteld tot', 'vervroegd naar'."""
    sent = sentences[k]
    if re.match(cues()["window_after_verb"], low[m.end():]):
        return None     # 'Verlengen kan tot en met 31 januari': a deadline to act, not a moved date
    verb_at = sent.start + m.start()
    targets = _targets(ctx, sent, in_sent, prev_end, limit)
    if not targets:
        return _shift_only(ctx, sentences, k, low, dates, m, verb, prev_end, limit)
    to = _target(ctx, sent, targets, verb_at)
    if to is None:
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
        day_before = (as_date(frm["start"]) - dt.timedelta(days=1)).isoformat()
        frm = {**frm, "start": day_before, "end": day_before, "modifier": None, "event": "contract_end"}
    what = _what(sent, ctx.doc.text, verb_at)
    return PlanChange(sent.start, sent.end, what, frm, to.value, "move")


def _shift_only(ctx, sentences, k, low: str, dates: list[_Date], m: re.Match, verb: dict, prev_end: int,
                limit: int) -> PlanChange | None:
    """'Oorspronkelijk stond de publicatie gepland voor juni. ... is de publicatie met vier maanden uitgesteld':
    a stated shift without a target. The old date is the planned date said just before (a sentence with an
    old-plan cue); the new one is that date moved by the shift, or a date said shortly after that falls in
    the same month ('De aankondiging staat gepland voor eind oktober')."""
    cfg = cues()
    sent = sentences[k]
    text = ctx.doc.text
    shift = parse_shift(low[max(0, prev_end - sent.start):max(0, limit - sent.start)])
    if not shift or re.search(r"\b(kunnen|kan|mogen|mag|zou|zouden|maximaal|hooguit|eventueel)\b", low):
        return None     # 'kunnen met maximaal 6 maanden worden verlengd': a possibility, not a move
    direction = -1 if verb.get("direction") == "earlier" else 1
    old = None
    for s in section_window(sentences, k, back=4, ahead=0):
        if s.start > sent.start or not re.search(cfg["old_plan_cues"], text[s.start:s.end].lower()):
            continue
        ds = [d for d in dates if s.start <= d.start and d.end <= s.end and d.first]
        if ds:
            old = ds[-1]
            break
    if old is None:
        return None
    expected = shift_back(old.value, shift, -direction)
    exp_first = as_date(expected.get("start")) if expected else None
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


def _targets(ctx, sent, in_sent: list[_Date], prev_end: int, limit: int) -> list[_Date]:
    """Dates of the verb's stretch of the clause introduced by 'naar', 'tot (en met)', 'per', 'op'."""
    cfg = cues()
    out = []
    for d in in_sent:
        if d.start >= limit or d.end <= prev_end:
            continue
        before = ctx.doc.text[max(sent.start, d.start - 14):d.start].lower()
        if re.search(cfg["target_preps"], before):
            out.append(d)
    return out


def _target(ctx, sent, targets: list[_Date], verb_at: int) -> _Date | None:
    """The move's target: the first after the verb, else the last before it introduced by 'naar/tot/per'
    ('in 2021 ... verlengd' says when, not to when) and close to the verb."""
    after = [d for d in targets if d.start > verb_at]
    if not after:
        targets = [d for d in targets if re.search(cues()["target_preps_before_verb"],
                                                   ctx.doc.text[max(sent.start, d.start - 14):d.start].lower())]
        if not targets:
            return None
    to = after[0] if after else targets[-1]
    if to.start < verb_at and verb_at - to.end > 60:
        return None
    return to
