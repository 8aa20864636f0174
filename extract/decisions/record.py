"""The decision record the stages fill in, and the date value it carries."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Decision:
    start: int
    end: int
    actor: str
    status: str
    object: str
    date: dict | None
    basis: str
    explicit_actor: bool
    table_row: int | None = None
    anchor: bool = False        # named only as the time of another action ('Na het raadsbesluit ...')
    proposer: bool = False      # the actor proposes (a proposal's author), it does not decide
    point: tuple[int, int] | None = None   # (start of its list's intro, number): one point of a decision list
    announces: bool = False     # 'het besluit dat X heeft genomen': names a decision whose content follows
    co_actors: tuple[str, ...] = ()   # 'de colleges en de gemeenteraden hebben ... vastgesteld': the other bodies


def _date_value(v: dict | None) -> dict | None:
    if not v:
        return None
    return {k: v.get(k) for k in ("start", "end", "granularity", "modifier", "event")}
