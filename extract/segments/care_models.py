"""Financing and procedure facts: every model wording in a care context, with segment and stance, reconciled per (model, segment)."""
from __future__ import annotations

from dataclasses import replace as _replace

from ...models.facts import Fact
from ...models.taxonomy import load_taxonomy
from ..context import ExtractionContext
from ..sections import Place
from .attachment import _segment_of
from .cues import COMPANION_MODELS, CUE, STANCE_ORDER
from .stance import _DEFAULT_CONF, _current_use_only, _scenario_stance, _status_of
from .state import _Doc, _state
from .terms import Match


def extract_financing(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "financing")


def extract_procedures(ctx: ExtractionContext) -> list[Fact]:
    return _extract_models(ctx, "procedure")


def _extract_models(ctx: ExtractionContext, kind: str) -> list[Fact]:
    d = _state(ctx)
    tax = load_taxonomy()
    # every mention: (fact, confidence of its stance (says where it came from), current-use cue only)
    mentions: list[tuple[Fact, float, bool]] = []
    for m in d.terms(kind):
        place = d.st.place(m.start)
        if not _care_context(d, m, place) and not (d.qualify_at(m.start, m.end).status
                                                   and _care_model_elsewhere(d, m, kind)):
            continue
        if kind == "procedure" and m.id in _EXTENSION_IDS and _extension_clause_only(d, m):
            continue
        if kind == "financing" and m.id in _ROUTE_TOO and _among_routes(d, m):
            continue
        segs, att_conf = _segment_of(d, m, place)
        status, st_conf = _status_of(d, m, place)
        scenario = _scenario_stance(d, place)
        if scenario and (status in (None, "considered", "chosen") or
                         (status == "rejected" and scenario == "rejected")):
            # the options of a scenario the document drops or prefers take its stance
            status, st_conf = scenario, 0.75
        current = status == "previous" and _current_use_only(d, m)
        conf = round(min(0.95, (att_conf + st_conf) / 2), 3)
        for sid in segs:
            if kind == "financing":
                value = {"id": m.id, "variant": tax.financing_variant(m.id) or "none",
                         "segment": sid, "status": status}
            else:
                value = {"id": m.id, "segment": sid, "status": status}
            mentions.append((ctx.fact(kind, m.start, m.end, value, conf), st_conf, current))
    return sorted(_reconcile(mentions), key=lambda f: f.start)


#: models with many uses outside care contracts: only their own sentence, block or section makes the context
_OWN_CONTEXT_ONLY = frozenset({"subsidie", "plafond", "verlenging"})
#: how far a document's title and opening reach
_TITLE_CHARS = 200

#: procedures that continue a contract: an option clause or a staff contract is no such procedure
_EXTENSION_IDS = frozenset({"verlenging"})


#: financing wordings that are also a way of contracting (the procedure of the same name)
_ROUTE_TOO = frozenset({"subsidie"})
#: how far before a wording an enumerated route may stand
_ROUTE_REACH = 60


def _among_routes(d: _Doc, m: Match) -> bool:
    """A subsidy enumerated with procurement routes ("kiezen tussen inbesteden, subsidie of
    aanbesteden", "subsidie of open house") is weighed as a route to contract care: the
    procedure of that name, no financing model."""
    s, e = d.sentence(m.start)
    return bool(CUE["route_before"].search(d.text[max(s, m.start - _ROUTE_REACH):m.start]) or
                CUE["route_after"].match(d.text, m.end, e))


def _extension_clause_only(d: _Doc, m: Match) -> bool:
    """An extension the clause only offers ("kan ... verlengen met drie keer twee jaar", "optie tot
    verlenging"), one named with the contract's term ("Looptijd en verlenging") or one of a hired
    person's contract ("het contract van de projectleider te verlengen")."""
    s, e = d.sentence(m.start)
    if CUE["staff_contract"].search(d.text, s, e):
        return True
    # "Looptijd overeenkomst en verlenging": the contract's terms, no continuation
    if CUE["contract_term"].search(d.text[max(s, m.start - 60):m.start]):
        return True
    # "kunnen niet nog eens worden verlengd" refuses an extension: a stance, no option clause
    return bool(CUE["extension_option"].search(d.text, max(s, m.start - 200), m.start)) and \
        not d.qualify_at(m.start, m.end).negated


def _care_context(d: _Doc, m: Match, place: Place) -> bool:
    """Does the mention stand where the document speaks about buying care (sentence, row, section)?

    Asked once per wording: the answer depends on the wording's span and id (``place`` is the
    structure at its start), and each model mention asks it again for the document's other
    mentions of the same model (:func:`_care_model_elsewhere`)."""
    memo = d.__dict__.setdefault("_care_contexts", {})
    key = (m.start, m.end, m.id)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _in_care_context(d, m, place)
    return found


def _in_care_context(d: _Doc, m: Match, place: Place) -> bool:
    s, e = d.sentence(m.start)
    spans = [(s, e)]
    b = place.block
    if b is not None:
        spans.append((b.start, b.end))
        if b.kind == "table_row":
            spans += [place.table_title, place.lead_in, *place.table_header]
        elif place.list_intro:
            spans.append(place.list_intro)
    spans += [(h.start, h.end) for h in place.headings]
    if m.id not in _OWN_CONTEXT_ONLY:
        # a title that speaks of care ("Taakgerichte bekostiging in de jeugdzorg") makes the
        # whole text about care: its table of contents and chapters need not repeat it
        spans.append((0, min(len(d.text), _TITLE_CHARS)))
    for sp in spans:
        if not sp:
            continue
        if sp[0] <= m.start < sp[1]:
            t = d.text[sp[0]:sp[1]]
            # the model's own words ("subsidie", "bekostiging") do not make the context
            t = t[:max(0, m.start - sp[0])] + " " + t[max(0, m.end - sp[0]):]
            if CUE["care_context"].search(t) or any(not x.generic for x in d.segments_in(sp)):
                return True
        elif _speaks_of_care(d, sp):
            return True
    return False


def _speaks_of_care(d: _Doc, span: tuple[int, int]) -> bool:
    """Does a span without the mention speak of care? Once per span: the headings, the title and the
    block are asked for again by every model mention under them."""
    memo = d.__dict__.setdefault("_care_spans", {})
    key = (span[0], span[1])                  # (a cell span read back from JSON is a list)
    found = memo.get(key)
    if found is None:
        found = memo[key] = bool(CUE["care_context"].search(d.text[span[0]:span[1]])) or \
            any(not x.generic for x in d.segments_in(span))
    return found


def _care_model_elsewhere(d: _Doc, m: Match, kind: str) -> bool:
    """Has the document named this model where it speaks about buying care? Then a later
    mention in a sentence without care words ("Ook de lumpsum vinden we ongewenst") is
    about the same care model, when it takes a stance of its own. Not for subsidies, which have many other uses."""
    if m.id == "subsidie":
        return False
    return any(start != m.start for start in _care_model_starts(d, kind, m.id))


def _care_model_starts(d: _Doc, kind: str, model: str) -> list[int]:
    """The starts of the document's mentions of ``model`` that stand in a care context, found once
    per model (a walk over every mention per mention was quadratic in the mentions)."""
    memo = d.__dict__.setdefault("_care_model_starts", {})
    starts = memo.get((kind, model))
    if starts is None:
        starts = memo[(kind, model)] = [x.start for x in d.terms(kind)
                                        if x.id == model and _care_context(d, x, d.st.place(x.start))]
    return starts


def _reconcile(mentions: list[tuple[Fact, float, bool]]) -> list[Fact]:
    """One fact per (model, segment): the document's stance, reconciled over its mentions.

    - a model whose only historical cue is one of present use ("de huidige", "sinds
      2020 ... valt onder") is ``previous`` only when the document chooses or weighs
      another model for the same segment (or for the whole document); otherwise it
      is the model in use, ``chosen``;
    - a stance the mention's own sentence states beats one passed on by a heading,
      table title or lead-in, which beats a stance taken by default (a plain
      statement), which beats null;
    - among stances of the same source, ``STANCE_ORDER`` decides (weighed then dropped →
      rejected; weighed then chosen → chosen), except that a model in use now and
      continued or chosen again keeps both ``previous`` and ``chosen`` only when
      it is replaced for part of the mentions - which we do not try to tell apart:
      the first in the order wins.
    """
    # per segment: model id -> stances, of every mention
    stances: dict = {}
    # (segment, model) that a cue chooses, not a plain statement by default ("X voort te zetten")
    restated = set()
    for f, st_conf, _ in mentions:
        v = f.value
        if v["id"] not in COMPANION_MODELS and v["status"]:
            stances.setdefault(v["segment"], {}).setdefault(v["id"], set()).add(v["status"])
            if v["status"] == "chosen" and st_conf != _DEFAULT_CONF:
                restated.add((v["segment"], v["id"]))

    def replaced(v) -> bool:
        """Another model chosen or weighed for the same segment, or chosen for the whole document."""
        if v["id"] in COMPANION_MODELS:
            return True
        seg = v["segment"]
        def other(segment, wanted):
            return any(i != v["id"] and sts & wanted for i, sts in stances.get(segment, {}).items())
        if (seg, v["id"]) in restated:
            # the model in use, chosen again ("X voort te zetten"): only another model
            # chosen replaces it, one merely weighed beside it does not
            return other(seg, {"chosen"})
        if seg is None:
            return other(None, {"chosen", "considered"}) or \
                any(other(sg, {"chosen"}) for sg in stances if sg is not None)
        return other(seg, {"chosen", "considered"}) or other(None, {"chosen"})

    best: dict[tuple, tuple[Fact, float]] = {}
    for f, st_conf, current in mentions:
        v = f.value
        if current and not replaced(v):
            f = _with_status(f, "chosen")
            v = f.value
        key = (v["id"], v["segment"])
        if key not in best or _rank(f, st_conf) < _rank(*best[key]):
            best[key] = (f, st_conf)
    # a model stated for particular segments: a mention that attaches it to the whole
    # document only by default (a remark in a list of risks) adds nothing
    with_segment = {f.value["id"] for f, _ in best.values() if f.value["segment"] is not None}
    return [f for (mid, seg), (f, st_conf) in best.items()
            if not (seg is None and mid in with_segment and _source(f, st_conf) >= 2)]


def _source(f: Fact, st_conf: float) -> int:
    """0: the mention's own sentence (or a back-reference), 1: a governing span or a
    scenario's outcome, 2: default, 3: no stance."""
    if not f.value["status"]:
        return 3
    if st_conf == _DEFAULT_CONF:
        return 2
    return 0 if st_conf >= 0.8 else 1


def _rank(f: Fact, st_conf: float) -> tuple:
    st = f.value["status"]
    return (_source(f, st_conf),
            STANCE_ORDER.index(st) if st in STANCE_ORDER else len(STANCE_ORDER),
            -f.confidence)


def _with_status(f: Fact, status: str) -> Fact:
    return _replace(f, value={**f.value, "status": status})
