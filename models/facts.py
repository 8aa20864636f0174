"""Fact types of the facts contract (``../shared/spec/facts-contract.md``).

A :class:`Fact` is one line of ``facts.jsonl``. The JSON shape is the contract
that outside tools rely on, so :meth:`Fact.to_json` emits exactly the contract's
keys in the contract's order and nothing else.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

#: Fact types of the contract, plus ``plan_change`` (issue 5, documented in the README).
FACT_TYPES = (
    "date", "segment", "financing", "procedure", "decision",
    "region", "municipality", "plan_change",
)
CONTRACT_KEYS = ("doc", "type", "text", "start", "end", "page", "value", "confidence")

STATUSES = ("chosen", "previous", "considered", "rejected")
DECISION_STATUSES = ("taken", "planned", "proposed")
GRANULARITIES = ("day", "week", "month", "quarter", "season", "half_year", "year", "years", "unknown")


def contract_confidence(value) -> float:
    """A confidence in the facts contract's form: a float of three decimals."""
    return round(float(value), 3)


@dataclass(slots=True)
class Fact:
    doc: str
    type: str
    text: str
    start: int
    end: int
    page: int | None
    value: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.9

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "type": self.type, "text": self.text,
            "start": self.start, "end": self.end, "page": self.page,
            "value": self.value, "confidence": contract_confidence(self.confidence),
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> "Fact":
        return cls(**{k: obj.get(k) for k in CONTRACT_KEYS})

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=False)


def read_facts(path) -> Iterator[Fact]:
    """Read a facts.jsonl file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                yield Fact.from_json(json.loads(line))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: not a fact line ({exc})") from exc


def dumps_facts(facts: Iterable[Fact]) -> str:
    return "".join(f.dumps() + "\n" for f in facts)
