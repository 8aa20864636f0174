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
from .gate import CueGate
from .moves import _move_verb_patterns, _move_verbs
from .new_date import _new_date, _new_date_patterns
from .tables import _planning_tables
from .line_tables import _line_planning_tables


def extract_plan_changes(ctx: ExtractionContext) -> list[Fact]:
    text = ctx.doc.text
    dates = [_Date(s, e, v) for s, e, v in date_matches(ctx) if v and v.get("start")]
    sentences = sentence_clauses(ctx)
    changes: list[PlanChange] = []
    for k, low, stages in _cued_sentences(text, sentences):
        if _under_scenario_heading(ctx, sentences[k]):
            continue   # 'Scenario A - Eerst een jaar overbruggen: ... worden verlengd tot ...': an option, not a move
        changes.extend(_sentence_changes(ctx, sentences, k, low, dates, stages))
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


def _cued_sentences(text: str, sentences: list[Clause]):
    """(index, lower-cased text, stages) of each sentence that may hold a stage's cue, in order: most
    sentences hold none. The cue anchors are found in one pass over the lower-cased document when
    its lower-casing keeps every sentence's own (each character lowers to one character, and no
    capital sigma, whose lower case depends on the next letter) and the sentences do not overlap;
    else each sentence is searched on its own."""
    gate = _cue_gate()
    low = text.lower()
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    by_sentence = None
    if len(low) == len(text) and "\u03a3" not in text and all(e <= s for e, s in zip(ends, starts[1:])):
        by_sentence = gate.stages_by_span(low, starts, ends)
    if by_sentence is not None:
        for k in sorted(by_sentence):
            yield k, low[starts[k]:ends[k]], by_sentence[k]
        return
    for k, sent in enumerate(sentences):
        own = text[sent.start:sent.end].lower()
        stages = gate.stages_in(own)
        if stages:
            yield k, own, stages


def _sentence_changes(ctx, sentences, k, low: str, dates: list[_Date], stages) -> list[PlanChange]:
    """The moves sentence ``k`` states, by the first stage that finds one (a contrast, move verbs, a new
    date); only the stages whose cues the sentence may hold are tried."""
    sent = sentences[k]
    in_sent = spans_within(dates, sent.start, sent.end, date_span)   # dates are sorted
    pc = _contrast_instead(ctx, sent, low, in_sent) if "instead_of" in stages else None
    if pc is None and "not_but" in stages:
        pc = _contrast_not_but(ctx, sent, low, in_sent)
    if pc:
        return [pc]
    moves = _move_verbs(ctx, sentences, k, low, in_sent, dates) if "move" in stages else []
    if moves:
        return moves
    pc = _new_date(ctx, sentences, k, low, dates) if "new_date" in stages else None
    return [pc] if pc else []


@lru_cache(maxsize=1)
def _cue_gate() -> CueGate:
    """The literal anchors of the cue patterns of each sentence stage (gate.py): a stage cannot find a
    plan change in a sentence without one of its anchors."""
    cfg = cues()
    return CueGate({
        "instead_of": [_phrase_alternation(tuple(cfg["instead_of"])).pattern],
        "not_but": [NOT_BUT.pattern],
        "move": [p.pattern for _, p in _move_verb_patterns()],
        "new_date": [_phrase_alternation(tuple(cfg["new_date_phrases"])).pattern,
                     *(p.pattern for p in _new_date_patterns()[0])]})


def _under_scenario_heading(ctx, sent: Clause) -> bool:
    headings = ctx.doc.headings_before(sent.start)
    if not headings:
        return False
    words = ctx.doc.text[headings[-1].start:headings[-1].end].split()
    first = re.sub(r"\W", "", words[0].lower()) if words else ""
    return first in SCENARIO_HEADING_WORDS
