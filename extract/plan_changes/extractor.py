"""The plan-change extractor's loop over a document's sentences, and one fact per move."""
from __future__ import annotations

import re
from functools import lru_cache

from ...models.facts import Fact
from ..clauses import Clause, date_matches, sentence_clauses
from ..context import ExtractionContext
from ..dates import spans_within
from .changes import PlanChange, _clean_value, _Date, _phrase_alternation, date_span
from .contrast import NOT_BUT, _contrast_instead, _contrast_not_but
from .cues import SCENARIO_HEADING_WORDS, cues
from .gate import cue_gate
from .moves import _move_verb_patterns, _move_verbs
from .new_date import _new_date, _new_date_patterns
from .tables import _planning_tables
from .line_tables import _line_planning_tables


def extract_plan_changes(ctx: ExtractionContext) -> list[Fact]:
    text = ctx.doc.text
    dates = [_Date(s, e, v) for s, e, v in date_matches(ctx) if v and v.get("start")]
    sentences = sentence_clauses(ctx)
    changes: list[PlanChange] = []
    gate = _cue_gate()
    for k, sent in enumerate(sentences):
        low = text[sent.start:sent.end].lower()
        if gate is not None and not gate.search(low):
            continue   # no stage's cue can match here (most sentences): one search instead of one per stage
        if _under_scenario_heading(ctx, sent):
            continue   # 'Scenario A - Eerst een jaar overbruggen: ... worden verlengd tot ...': an option, not a move
        in_sent = spans_within(dates, sent.start, sent.end, date_span)   # dates are sorted
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
    changes.extend(_line_planning_tables(ctx, dates))
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


@lru_cache(maxsize=1)
def _cue_gate() -> re.Pattern | None:
    """The literal anchors of every cue pattern a sentence stage tries (gate.py): a sentence
    without one of them gives no plan change in any of those stages."""
    cfg = cues()
    patterns = [_phrase_alternation(tuple(cfg["instead_of"])).pattern, NOT_BUT.pattern,
                *(p.pattern for _, p in _move_verb_patterns()),
                _phrase_alternation(tuple(cfg["new_date_phrases"])).pattern,
                *(p.pattern for p in _new_date_patterns()[0])]
    return cue_gate(patterns)


def _under_scenario_heading(ctx, sent: Clause) -> bool:
    headings = ctx.doc.headings_before(sent.start)
    if not headings:
        return False
    words = ctx.doc.text[headings[-1].start:headings[-1].end].split()
    first = re.sub(r"\W", "", words[0].lower()) if words else ""
    return first in SCENARIO_HEADING_WORDS
