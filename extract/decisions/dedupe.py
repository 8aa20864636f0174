"""Dedupe: one fact per distinct decision (same actor and mostly the same object)."""
from __future__ import annotations

from ..clauses import norm_token
from .record import Decision
from .words import _WORD, OBJ_STOP, _actor_words


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    """One fact per distinct decision: same actor and (mostly) the same object is one decision."""
    kept: list[Decision] = []
    # the anchored decision is still to come: it repeats a pending (proposed or planned) decision of that body
    deciders = {d.actor for d in decisions if not d.anchor and not d.proposer and d.status != "taken"}
    decisions = [d for d in decisions if not (d.anchor and d.actor in deciders)]
    decisions = [d for n, d in enumerate(decisions) if not (d.announces and _stated_after(d, decisions[n + 1:]))]
    kept_stems: list[set[str]] = []        # object_stems of each kept decision (its object never changes)
    for d in decisions:
        sd = object_stems(d.object)
        dup = None
        for k, sk in zip(kept, kept_stems):
            if k.actor != d.actor or k.table_row is not None and d.table_row is not None and k.table_row != d.table_row:
                continue
            if k.point is not None and d.point is not None and k.point[0] == d.point[0]:
                continue      # two points of one decision list are two decisions, however alike their wording
            if k.point is not None and d.point is not None and k.status == d.status and sd != sk:
                continue      # points of two agenda items ('De besluitenlijst ... vast te stellen' / 'De vertrouwelijke
                              # besluitenlijst ... vast te stellen') differ unless their wording is the same
            if sd and sk and len(sd & sk) / min(len(sd), len(sk)) >= 0.6:
                dup = k
                break
            if d.table_row is not None and k.table_row == d.table_row:
                dup = k
                break
            if (d.table_row is None) != (k.table_row is None) and d.status == k.status and _same_precise_date(d.date, k.date):
                dup = k       # a planning row restating a decision the prose dates to the same day or week
                break
        if dup is None:
            kept.append(d)
            kept_stems.append(sd)
        elif dup.date is None and d.date is not None:
            dup.date = d.date
    return kept


def _stated_after(d: Decision, later: list[Decision]) -> bool:
    """'Wij informeren u over het besluit dat het bestuur heeft genomen. (...) Het bestuur heeft besloten: ...':
    the announced decision is stated right after by the same body with the same status; the statement counts."""
    stated = [k for k in later if k.actor == d.actor and k.status == d.status and 0 <= k.start - d.end <= _ANNOUNCE_REACH]
    for k in stated:
        k.date = k.date or d.date        # the announcement dates the decision its statement gives
    return bool(stated)


#: how far (characters) after an announcing sentence its decision may be stated
_ANNOUNCE_REACH = 400


def object_stems(s: str) -> set[str]:
    """Content-word stems of an object phrase (no actor words): for telling two mentions of one decision apart."""
    return {_stem(w) for w in (norm_token(x) for x in _WORD.findall(s))
            if len(w) > 3 and w not in OBJ_STOP and w not in _actor_words() and not w.isdigit()
            and not w.endswith("se")}


def _stem(w: str) -> str:
    for suf in ("en", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _same_precise_date(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a.get("granularity") in ("day", "week") and a.get("start") == b.get("start")
                and a.get("end") == b.get("end"))
