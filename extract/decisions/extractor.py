"""The decision extractor's loop over a document's sentences."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...models.facts import Fact
from ..clauses import Clause, date_matches, sentence_clauses
from ..context import ExtractionContext
from .actors import ActorResolver
from .decide import _decide, _slice, _sub_clauses, is_party_list
from .record import Decision
from .dedupe import _dedupe
from .frames import Frame, adoption_record, not_a_decision_sentence, veto_reason
from .preamble import preamble_decisions
from .proposal_lists import proposal_points
from .objects import _is_action_item, _label_heading, _is_item_intro, _takes_note, _tidy_object
from .status import _in_meeting, decision_stamp, meeting_frame, reference_date
from .triggers import _primary, find_triggers
from .words import proposal_heading_rx, triggers


def extract_decisions(ctx: ExtractionContext) -> list[Fact]:
    """Every decision fact of the document (see the package docstring for the stages)."""
    text = ctx.doc.text
    resolver = ActorResolver(text)
    dates = date_matches(ctx)
    now = reference_date(ctx, dates)
    stamp = decision_stamp(text, dates, resolver)
    frame = meeting_frame(ctx, dates, resolver)
    decisions, preamble = preamble_decisions(text, dates, resolver)
    points, point_spans = proposal_points(text, resolver, stamp)
    decisions.extend(points)
    consumed_until = -1
    prev_dates: list[dict] = []
    prev_sentence: Clause | None = None
    prev_before: Clause | None = None
    sentences = sentence_clauses(ctx)
    for sentence, sent_dates in zip(sentences, _dates_per_sentence(sentences, dates)):
        # the triggers first: most sentences hold none, and then neither the skip rules nor the
        # continuation need asking (all of them only read the sentence and what came before)
        hits_all = find_triggers(sentence.words, sentence.raw)
        dates_before, prev_dates = prev_dates, sent_dates or prev_dates
        before, (prev_before, prev_sentence) = (prev_sentence, prev_before), (prev_sentence, sentence)
        if not hits_all or _skipped(sentence, consumed_until, stamp, preamble, point_spans):
            continue
        last_actor = _continuation(text, decisions, sentence, *before)
        previous_text = text[before[0].start:before[0].end] if before[0] is not None else ""
        parties = is_party_list(sentence, hits_all)
        for lo, hi in _sub_clauses(sentence, hits_all):
            clause = _slice(sentence, lo, hi)
            hits = hits_all if clause is sentence else find_triggers(clause.words, clause.raw)
            if not hits:
                continue
            d, items = _decide(ctx, clause, hits, resolver, dates, now, dates_before, last_actor, previous_text,
                               frame_actor=frame[1] if frame is not None and clause.start >= frame[0] else None)
            if d is None:
                continue
            last_actor = d.actor
            if parties:
                d.point = (sentence.start, lo)    # each party's own decision, not a repeat of the one before
            if items is None:
                decisions.append(d)
                decisions.extend(replace(d, actor=a, co_actors=()) for a in d.co_actors)
                continue
            in_minutes = frame is not None and clause.start >= frame[0]
            points, consumed = _point_decisions(ctx, d, items, hits, clause, stamp, in_minutes)
            decisions.extend(points)
            if consumed and items[0]:
                consumed_until = items[0][-1].end
    if frame is not None:
        decisions = [_in_meeting(d, frame) for d in decisions]
    return [_fact(ctx, d) for d in _dedupe(decisions)]


def _dates_per_sentence(sentences: list[Clause], dates: list[tuple[int, int, dict]]) -> list[list[dict]]:
    """The values of the dates inside each sentence (``spans_within`` per sentence), in one sweep: both lists
    are in text order, so a date before one sentence's start lies before every later one's too."""
    out, k, n = [], 0, len(dates)
    for sentence in sentences:
        while k < n and dates[k][0] < sentence.start:
            k += 1
        inside, j = [], k
        while j < n and dates[j][0] <= sentence.end:
            if dates[j][1] <= sentence.end:
                inside.append(dates[j][2])
            j += 1
        out.append(inside)
    return out


def _skipped(sentence: Clause, consumed_until: int, stamp, preamble, point_spans) -> bool:
    """A sentence whose triggers are not read as a decision of its own: inside a list already read as a
    decision's points, a stamp, a preamble or a proposal list; a heading (other than a decision label or an
    adoption record); or a sentence that by its form states no decision."""
    block = sentence.block
    return (sentence.start < consumed_until or (block is not None and block.kind == "heading"
                                                and not _label_heading(sentence) and not adoption_record(sentence))
            or not_a_decision_sentence(sentence)
            or (stamp is not None and stamp[0] <= sentence.start < stamp[1])
            or (preamble is not None and preamble[0] <= sentence.start < preamble[1])
            or any(a <= sentence.start < b for a, b in point_spans))


@lru_cache(maxsize=4)
def _adopted(text: str, formula: str) -> bool:
    """Does the text carry the adoption formula? Once per text (asked per decision list: a search
    of the whole text each time made long documents quadratic)."""
    return bool(re.search(formula, text.lower()))


def _continuation(text: str, decisions: list[Decision], sentence: Clause, prev_sentence: Clause | None,
                  prev_before: Clause | None):
    """``("continue", actor)`` when an agentless passive in ``sentence`` may continue the last decision.

    'Ook X is afgewezen' right after a decision continues its body: the previous sentence's, or the one
    before it when the previous one only explains it after a colon ('... van afgezien: een DAS zou ...
    verhogen. Ook X is afgewezen')."""
    anchor_sentence = prev_sentence
    if prev_sentence is not None and prev_before is not None and \
            text[max(0, prev_sentence.start - 3):prev_sentence.start].strip().endswith(":"):
        anchor_sentence = prev_before
    block = sentence.block
    if decisions and anchor_sentence is not None and decisions[-1].start >= anchor_sentence.start \
            and (block is None or prev_sentence.block is block or block.kind == "paragraph"):
        return ("continue", decisions[-1].actor)
    return None


def _point_decisions(ctx: ExtractionContext, d: Decision, items, hits, clause: Clause, stamp,
                     in_minutes: bool = False) -> tuple[list[Decision], bool]:
    """The decisions of an intro ending in ':' ('Het college besluit:', 'Voorgesteld wordt:') and its points;
    and whether its list is consumed (its items are read as its points, not again as sentences)."""
    cfg = triggers()
    text = ctx.doc.text
    all_items, labelled = items
    is_proposal = _primary(hits).family == "proposal"
    points = labelled if is_proposal else (all_items if _is_item_intro(d, hits) else [])
    if points and not is_proposal:
        # the points of a decision are actions ('in te stemmen met ...', 'X aan te besteden'); a list
        # of principles after 'zijn vastgesteld:' describes what was decided, one decision; a list
        # whose first item is no action belongs to something else (the next agenda items)
        acts = [_is_action_item(re.sub(cfg["list_label_pattern"], "", text[b.start:b.end])) for b in points]
        points = [b for b, a in zip(points, acts) if a] if acts[0] else []
        if not points:
            return [d], False
    if not points:
        return [d], True
    actor, status, date = d.actor, ("proposed" if hits and _primary(hits).family == "proposal" else d.status), d.date
    hd = ctx.doc.headings_before(clause.start)
    htxt = text[hd[-1].start:hd[-1].end].lower() if hd else ""
    if (actor == "raad" or proposal_heading_rx().search(htxt)) \
            and not _adopted(text, cfg["adoption_formula"]):
        # 'Voorgesteld besluit / De raad besluit: 1. ...': a raadsvoorstel asks the raad to decide these
        # points; they are proposed until a stamp or the adoption formula says they were adopted
        status = "proposed"
    if stamp is not None and stamp[0] > clause.end:
        # 'Besluit college d.d. 3 maart 2026: conform advies': the advised points are taken
        status, date = "taken", stamp[3]
        actor = stamp[2] or actor
    # minutes ('Het college heeft besloten: 1. ... 2. Kennis te nemen van ...') record a kennisname as one of
    # the body's besluitpunten; in a proposal or an advice it is noted, not decided
    minutes = (in_minutes and status != "proposed") or (d.status == "taken" and d.basis == "explicit"
                                                        and status == "taken" and date is d.date)
    out = []
    for n, b in enumerate(points):
        label = re.sub(cfg["list_label_pattern"], "", text[b.start:b.end])
        if _takes_note(label) and not minutes:
            continue
        # 'Het college heeft besloten: 1. De raad voor te stellen om ...': the body proposes that point to another
        own = "proposed" if re.search(cfg["point_proposal_pattern"], label.lower()) else status
        out.append(Decision(b.start, b.end, actor, own, _tidy_object(label), date,
                            "explicit", d.explicit_actor, proposer=is_proposal or own == "proposed",
                            point=(clause.start, n)))
    return out, True



def _fact(ctx: ExtractionContext, d: Decision) -> Fact:
    conf = 0.75 if d.explicit_actor else 0.6
    if d.basis == "explicit":
        conf += 0.1
    return ctx.fact("decision", d.start, d.end, {"actor": d.actor, "status": d.status, "object": d.object, "date": d.date},
                    confidence=min(conf, 0.95))


def veto_reasons(ctx: ExtractionContext) -> list[str]:
    """Why each clause with a decision trigger states no decision: ``"<veto>: <reason>"`` per vetoed clause,
    in text order (``not_a_decision_sentence`` for a question, cross-reference or stamp). For tests and
    for looking into a missed decision; the extractor itself only needs the first veto of a clause."""
    dates = date_matches(ctx)
    resolver = ActorResolver(ctx.doc.text)
    out = []
    for sentence in sentence_clauses(ctx):
        hits_all = find_triggers(sentence.words, sentence.raw)
        if not hits_all:
            continue
        if not_a_decision_sentence(sentence):
            out.append("not_a_decision_sentence: a question, cross-reference or document stamp")
            continue
        for lo, hi in _sub_clauses(sentence, hits_all):
            clause = _slice(sentence, lo, hi)
            hits = find_triggers(clause.words, clause.raw)
            reason = veto_reason(Frame(ctx, clause, hits, resolver, dates)) if hits else None
            if reason:
                out.append(reason)
    return out
