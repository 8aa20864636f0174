"""The date a plan had before a move: stated nearby in the same section, else the target moved back by the shift."""
from __future__ import annotations

import re

from ..clauses import section_window
from .changes import _Date
from .cues import TOPIC_STOP, cues
from .shifts import shift_back


def _topic_stems(s: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zà-ÿ]{4,}", s.lower()) if w not in TOPIC_STOP}


def _old_date(ctx, sentences, k, dates: list[_Date], to: _Date, direction: int,
              shift: tuple[int, int] | None, exclude: list[_Date], cue_only: bool = False) -> dict | None:
    """The date the plan had before: stated nearby (preferring sentences with a 'planned before' cue,
    then a date whose own words name what moves: 'publicatie in het voorjaar en gunning uiterlijk 1
    september' -> the gunning's date for 'De gunning is nu voorzien in februari'), or the target moved
    back by the stated shift."""
    cfg = cues()
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
    window = [(r, s, r >= 4) for r, s in enumerate(section_window(sentences, k, back=8, ahead=0))]
    window += [(4 + r, s, False) for r, s in enumerate(section_window(sentences, k, back=0, ahead=3))]
    for rank, s, far in window:
        low = text[s.start:s.end].lower()
        cue_m = re.search(cfg["old_plan_cues"], low)
        for d in dates:
            if not (s.start <= d.start and d.end <= s.end) or d in exclude:
                continue
            key = _candidate_key(text, dates, d, s, to, direction, expected, topic, (rank, far, cue_m, cue_only))
            if key is not None:
                cands.append((key, d))
    if cands:
        return min(cands, key=lambda c: c[0])[1].value
    return expected


def _candidate_key(text: str, dates: list[_Date], d: _Date, s, to: _Date, direction: int, expected: dict | None,
                   topic: set[str], where: tuple) -> tuple | None:
    """The rank of date ``d`` in sentence ``s`` as the old date of a move to ``to`` (lowest wins), or None
    when it cannot be: not before a postponed target, not the shifted date, a decision's date, a year for a day,
    or further back without naming what moves."""
    rank, far, cue_m, cue_only = where
    cue = bool(cue_m)
    if not d.first or not to.first:
        return None
    if (to.first - d.first).days * direction <= 0:
        return None  # an old date lies before a postponed target (after an advanced one)
    if expected and d.value.get("start") != expected["start"]:
        return None
    if d.value.get("granularity") in ("year", "years") and to.value.get("granularity") == "day":
        return None
    if cue_only and not cue:
        return None
    if re.search(r"^\W{0,3}(?:\w+\s+){0,2}(besloten|besluit|ingestemd|vastgesteld|akkoord|bevestigd|bekrachtigd|goedgekeurd)\b", text[d.end:d.end + 40].lower()):
        return None   # 'heeft op 4 juli besloten': the date of a decision, not a planned date
    ahead = s.start > to.start
    own = _topic_stems(text[max(s.start, d.start - 30):d.start])
    if far and cue and sum(1 for x in dates if s.start <= x.start and x.end <= s.end) == 1:
        # the sentence states one old plan ('De nieuwe overeenkomsten ... zouden per 1 januari ingaan'):
        # all its words name what was planned
        own = _topic_stems(text[s.start:s.end])
    if far and not (topic & own):
        return None   # further back only a date that names the same activity ('gunning uiterlijk 1 september')
    # within one old-plan sentence the date after the cue is the plan; one before it dates the
    # statement ('In de versie uit november 2022 gingen wij uit van contracten per 1 juli 2024')
    before_cue = bool(cue_m) and d.start < s.start + cue_m.start()
    return (not cue, not (topic & own), ahead, rank, before_cue)
