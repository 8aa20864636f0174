"""One decision from one clause: vetoes, status, object, actor, date."""
from __future__ import annotations

import re

from ..clauses import Clause, as_date, has_any, norm_token
from ..dates import spans_within
from .actor_rules import clause_actor
from .actors import NOBODY, _passive_aux, _role, relative_taker
from .frames import Frame, _temporal_anchor, adoption_record, veto_reason
from .objects import _label_heading, _label_items, _refine_object, _tidy_object
from .record import Decision, _date_value
from .status import _owned_decision
from .triggers import TriggerHit
from .words import AUX_ALL, actor_data, triggers


def _decide(ctx, clause: Clause, hits, resolver, dates, now, prev_dates, inherited_actor, previous_text="",
            frame_actor: str | None = None):
    """One decision (or None) for a clause with trigger hits; plus the list items of a proposal intro.

    Stages: the vetoes (frames.VETOES), the actor (actor_rules), the date, what a short planning row adds,
    the status against the document's 'now', the object.
    """
    f = Frame(ctx, clause, hits, resolver, dates)
    if veto_reason(f) is not None:
        return None, None
    actor, explicit = clause_actor(f, inherited_actor, frame_actor)
    status, basis = f.status_basis
    date_val = _decision_date(f, prev_dates)
    block = clause.block
    short_row = block is not None and block.kind in ("list_item", "table_row") and block.end - block.start < 160
    if short_row:
        date_val, taken, row_actor = _row_context(f, date_val)
        if taken:
            status, basis = "taken", "explicit"
        if actor is None and row_actor is not None:
            actor, explicit = row_actor
    if actor is None and date_val is not None and f.hit.kind in ("nominal", "phrase"):
        actor, explicit = "college", False        # a dated 'besluit' with no body named: the colleges decide
    if actor is None:
        return None, None                         # no body and no date: too vague to be a decision fact
    if f.hit.family == "intend" and not explicit:
        return None, None                         # an intention counts only for a body named outright
    if adoption_record(clause) and not has_any(clause.words, AUX_ALL):
        status, basis = "taken", "explicit"      # a cover's bare 'vastgesteld door X (op ...)' records the adoption
    if basis in ("present", "nominal") and date_val and now:
        start = as_date(date_val.get("start"))
        status = "taken" if start and start < now else "planned"
    d = _record(f, actor, explicit, status, basis, date_val, short_row, previous_text)
    d.co_actors = _co_deciders(f, actor)
    items = None
    hit = f.hit
    if (hit.family == "proposal" or hit.family in triggers().get("item_intro_families", [])) \
            and (clause.raw[-1] == ":" or _label_heading(clause)):
        items = _label_items(ctx, clause)
    return d, items


def _co_deciders(f: Frame, actor: str) -> tuple[str, ...]:
    """'Het college en de raad hebben ingestemd met ...', 'de colleges en gemeenteraden hebben ... vastgesteld':
    bodies joined by 'en' to the deciding subject decide alongside it, one decision each (a body of the same
    actor id adds nothing; a party that is no deciding body, or a proposal, keeps the one subject)."""
    m = f.mention
    if m is None or m.weak or m.actor != actor or f.hit.family in ("proposal", "request", "submit"):
        return ()
    words, ms = f.words, f.resolver.mentions(f.words)
    chain = [m]
    while True:      # conjuncts before the subject ('Het college en de raad'), then after it
        prev = next((n for n in ms if _joined(words, n.end, chain[0].start)), None)
        if prev is None:
            break
        chain.insert(0, prev)
    while True:
        nxt = next((n for n in ms if _joined(words, chain[-1].end, n.start)), None)
        if nxt is None:
            break
        chain.append(nxt)
    if any(n.weak or n.actor in (NOBODY, "aanbieders", "other") for n in chain) or len(chain) == 1 \
            or (chain[0].start and words[chain[0].start - 1] == ",") or f.hit.kind != "verb" \
            or _passive_aux(words, f.hit) is not None:
        return ()     # a longer comma list of bodies, a noun or a passive ('besluiten genomen moeten worden') names
                      # who is involved rather than who decides
    return tuple(dict.fromkeys(n.actor for n in chain if n.actor != actor))


def _joined(words: list[str], left_end: int, right_start: int) -> bool:
    """'X en Y' / 'X en de Y': the mention ending at left_end and the one starting at right_start are conjuncts."""
    gap = words[left_end:right_start]
    return gap == ["en"] or (len(gap) == 2 and gap[0] == "en" and gap[1] in ("de", "het"))


def _decision_date(f: Frame, prev_dates: list[dict]) -> dict | None:
    """The decision's date: the date nearest the trigger, not one inside the decided action ('om ... per 1 oktober')."""
    words, hit = f.words, f.hit
    oa, ob, how = f.object_span
    date_tok = f.date_tokens
    # 'Vanaf 2026 kiezen de gemeenten voor X': a date that says from when the chosen thing applies dates the
    # object, not the decision
    # 'Het tarief wordt met ingang van 1 april vastgesteld op € 38,47': likewise for what is fixed or agreed to
    applies_from = {a for a, b, v in date_tok if hit.family in ("choose", "agree", "fix", "consent") and a > 0
                    and (words[a - 1] in ("vanaf", "per") or words[max(0, a - 3):a] == ["met", "ingang", "van"])}
    outside = [(a, b, v) for a, b, v in date_tok if not (oa <= a < ob) and a not in applies_from]
    usable = outside or [(a, b, v) for a, b, v in date_tok if how != "om" and a not in applies_from]
    if usable:
        return min(usable, key=lambda t: min(abs(t[0] - hit.i), abs(t[1] - 1 - hit.i)))[2]
    if not f.clause_dates and words[0] in triggers()["status_cues"]["anaphoric_time"] and prev_dates:
        return prev_dates[0]                      # 'Dan stellen de colleges ... vast': the previous clause's time
    return None


def _row_context(f: Frame, date_val: dict | None) -> tuple[dict | None, bool, tuple[str, bool] | None]:
    """What a short list item or planning row adds: (its date, done?, the body it names)."""
    block, dates, text = f.clause.block, f.dates, f.text
    if date_val is None or block.kind == "table_row":
        row_dates = [v for _, _, v in spans_within(dates, block.start, block.end)]   # dates are sorted
        # 'Vaststelling inkoopdocumenten | december 2023 | 17 september 2024' under 'Oorspronkelijke planning |
        # Nieuwe planning': the step now happens at the revised date
        revised = _revised_cell_dates(f.ctx.doc, block, dates)
        if revised:
            date_val = revised[0]
        elif row_dates and date_val is None:
            date_val = row_dates[0]           # '30/4: besluit inkoop in BPSDL', 'Besluitvorming colleges | oktober'
    rtxt = text[block.start:block.end].lower()
    taken = re.search(r"\b(afgerond|gereed|klaar)\b", rtxt) is not None
    row_words = [norm_token(w) for w in re.findall(r"\S+", rtxt)]
    row_ms = f.resolver.mentions(row_words)
    ms = [m for m in row_ms if _role(row_words, m, row_ms) not in ("comitative", "beneficiary") and m.actor != NOBODY
          and not (m.end - m.start == 1 and row_words[m.start] in actor_data().get("generic_roles", []))]
    return date_val, taken, ((ms[0].actor, not ms[0].weak) if ms else None)


def _record(f: Frame, actor: str, explicit: bool, status: str, basis: str, date_val: dict | None, short_row: bool,
            previous_text: str) -> Decision:
    """The decision record: its span (a short planning row's whole row), object and flags."""
    clause, hit, text = f.clause, f.hit, f.text
    oa, ob, how = f.object_span
    obj_text = text[clause.offsets[oa][0]:clause.offsets[max(oa, ob - 1)][1]] if ob > oa else text[clause.start:clause.end]
    obj_text = _refine_object(clause, hit, obj_text, (oa, ob, how), f.actor_spans, previous_text, text)
    start, end = clause.start, clause.end
    row = None
    block = clause.block
    if block is not None and block.kind == "table_row":
        row = (block.table, block.row)
        if short_row:
            start, end = block.start, block.end
    announces = relative_taker(f.words, hit, f.resolver.mentions(f.words)) is not None
    return Decision(start, end, actor, status, _tidy_object(obj_text), _date_value(date_val), basis, explicit,
                    table_row=row, anchor=_temporal_anchor(f.words, hit, f.hits), proposer=hit.family == "proposal",
                    announces=announces)


def _revised_cell_dates(doc, row, dates: list[tuple[int, int, dict]]) -> list[dict]:
    """The dates in a planning row's revised-plan column ('Nieuwe planning', 'Herzien') when its table also
    has an original-plan column, else []."""
    if row.table is None or not row.cells:
        return []
    rows = sorted(doc.table_rows(row.table), key=lambda b: b.row if b.row is not None else 0)
    if not rows or rows[0] is row:
        return []
    cues = triggers()["plan_change_cues"]
    kinds = []
    for a, b in rows[0].cells:
        words = re.findall(r"\w+", doc.text[a:b].lower())
        kinds.append("new" if any(w in cues["table_new_headers"] for w in words)
                     else "old" if any(w in cues["table_old_headers"] for w in words) else None)
    if "old" not in kinds or "new" not in kinds:
        return []
    nc = max(i for i, k in enumerate(kinds) if k == "new")
    if nc >= len(row.cells):
        return []
    a, b = row.cells[nc]
    return [v for _, _, v in spans_within(dates, a, b)]


def _sub_clauses(clause: Clause, hits: list[TriggerHit]) -> list[tuple[int, int]]:
    """Split a sentence at 'en' + finite verb when both halves hold a trigger
    ('stellen ... al in 2018 de Regiovisie vast en volgt in 2019 het besluit over ...')."""
    verbs = set(triggers()["clause_split_verbs"])
    words = clause.words
    cuts = [0]
    hit_pos = sorted(h.i for h in hits)
    for k, w in enumerate(words):
        if w == "en" and k + 1 < len(words) and words[k + 1] in verbs:
            if any(h < k for h in hit_pos if h >= cuts[-1]) and any(h > k for h in hit_pos):
                cuts.append(k)
    cuts = sorted(set(cuts) | set(_party_cuts(words, hits)))
    cuts.append(len(words))
    return [(cuts[x], cuts[x + 1]) for x in range(len(cuts) - 1)]


def _party_cuts(words: list[str], hits: list[TriggerHit]) -> list[int]:
    """A contract's party list: 'Gemeente A, ..., handelend ter uitvoering van het besluit van het college van
    ..., Gemeente B, ..., ter uitvoering van het besluit van het college van ...'. Each party acts on its own
    body's decision: cut before each mandate formula after the first (one decision per party)."""
    formula = triggers()["owned_decision"]["mandate_formula"]
    k = len(formula)
    starts = []
    for h in hits:
        if h.kind != "nominal" or not _owned_decision(words, h):
            continue
        a = h.i - 1 if h.i and words[h.i - 1] in ("het", "de") else h.i
        if a >= k and words[a - k:a] == formula:
            starts.append(a - k)
    return starts[1:]


def is_party_list(clause: Clause, hits: list[TriggerHit]) -> bool:
    """More than one party's mandate formula in the sentence (see :func:`_party_cuts`)."""
    return bool(_party_cuts(clause.words, hits))


def _slice(clause: Clause, a: int, b: int) -> Clause:
    if a == 0 and b == len(clause.words):
        return clause
    if a < b and clause.words[a] == "en":
        a += 1
    return Clause(clause.offsets[a][0], clause.offsets[b - 1][1], clause.words[a:b], clause.raw[a:b],
                  clause.offsets[a:b], clause.block)
