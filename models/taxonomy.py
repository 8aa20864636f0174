"""The domain taxonomy (segments, financing models, procedures) as data.

``taxonomy.json`` holds the canonical ids of ``domain.md`` with their domain,
execution variant and the Dutch wordings the extractor matches. This module is
the one place that reads it; the extractor, the graph and the report import
these look-ups so labels and variants never drift apart.

    tax = load_taxonomy()
    tax.segment("dyslexie").domain        -> "jeugd"
    tax.financing_variant("lumpsum")       -> "taakgericht"
    tax.label("procedure", "sas")          -> "SAS-procedure"
    segment_domain("wmo_logeren")          -> "wmo"
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    kind: str                     # segment | financing | procedure
    id: str
    label: str
    terms: tuple[str, ...]
    domain: str | None = None     # segments: jeugd | wmo
    variant: str | None = None    # financing: inspanningsgericht | outputgericht | taakgericht | none
    lot: bool = False             # segments: wording names a lot only with perceel/segment marker
    unmarked_terms: tuple[str, ...] = ()   # lot segments: wordings that name the lot without a marker


@dataclass(frozen=True)
class Taxonomy:
    segments: dict[str, Entry]
    financing: dict[str, Entry]
    procedures: dict[str, Entry]
    raw: dict = field(repr=False, compare=False, default_factory=dict)

    def segment(self, id: str) -> Entry | None:
        return self.segments.get(id)

    def financing_model(self, id: str) -> Entry | None:
        return self.financing.get(id)

    def procedure(self, id: str) -> Entry | None:
        return self.procedures.get(id)

    def financing_variant(self, id: str) -> str | None:
        e = self.financing.get(id)
        return e.variant if e else None

    def segment_domain(self, id: str) -> str | None:
        e = self.segments.get(id)
        return e.domain if e else None

    def label(self, kind: str, id: str) -> str:
        """Display label of an id; unknown ids (e.g. "other") label themselves."""
        table = {"segment": self.segments, "financing": self.financing, "procedure": self.procedures}[kind]
        e = table.get(id)
        return e.label if e else id

    # vocabulary settings used by the matcher
    @property
    def compound_heads(self) -> tuple[str, ...]:
        return tuple(self.raw.get("compound_heads", ()))

    @property
    def inflections(self) -> tuple[str, ...]:
        return tuple(self.raw.get("inflections", ()))

    @property
    def domain_words(self) -> dict[str, list[str]]:
        return dict(self.raw.get("domain_words", {}))

    @property
    def generic_segments(self) -> list[dict]:
        return list(self.raw.get("generic_segments", []))

    def cross_domain(self, id: str, domain: str) -> str | None:
        """The id a wording of segment ``id`` stands for in a document of the other ``domain``, if any."""
        return self.raw.get("cross_domain", {}).get(id, {}).get(domain)


def _entries(kind: str, rows: list[dict]) -> dict[str, Entry]:
    return {r["id"]: Entry(kind=kind, id=r["id"], label=r.get("label", r["id"]),
                           terms=tuple(r.get("terms", ())), domain=r.get("domain"),
                           variant=r.get("variant"), lot=bool(r.get("lot", False)),
                           unmarked_terms=tuple(r.get("unmarked_terms", ())))
            for r in rows}


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    data = json.loads(resources.files(__package__).joinpath("taxonomy.json").read_text("utf-8"))
    return Taxonomy(segments=_entries("segment", data["segments"]),
                    financing=_entries("financing", data["financing"]),
                    procedures=_entries("procedure", data["procedures"]), raw=data)


def segment(id: str) -> Entry | None:
    return load_taxonomy().segment(id)


def segment_domain(id: str) -> str | None:
    return load_taxonomy().segment_domain(id)


def financing_variant(id: str) -> str | None:
    return load_taxonomy().financing_variant(id)


def label(kind: str, id: str) -> str:
    return load_taxonomy().label(kind, id)
