"""The domain model of places: Dutch municipalities (gemeenten) and youth-care regions.

Loaded once from the package data in ``models/data/gazetteer/`` (see its
README for sources and known gaps):

* ``municipalities.csv`` — every gemeente that existed on any day from 2014 on,
  with its CBS code (``GMxxxx``), validity period, successor(s) after a merger,
  province, aliases and TOOI identifier.
* ``jeugdregios.csv`` — the 42 CBS jeugdregio's, one row per period in which
  the member codes were the same (mergers change member codes over time).

Names change over time and one name can mean several codes (Vianen was
GM0620 until 2018, then part of Vijfheerenlanden GM1961; "Bergen" is both
GM0373 in Noord-Holland and GM0893 in Limburg), so every name look-up takes
the document's year and, where needed, a province.

Stable API (the extractor, graph and report import these)::

    region(id) -> Region | None           members(region_id, year) -> [Municipality]
    municipality(cbs) -> Municipality | None                 tooi_uri(cbs) -> str
    resolve_municipality(name, year=None, province=None) -> Municipality | None
    municipality_candidates(name, year=None) -> [Municipality]
    region_ids() / all_regions() / regions_of(cbs, year) / nearest_region_ids(text)
    name_key(text) / name_tokens(text) / fold(text) / slugify(text) / strip_cue(name)

Nothing in here imports :mod:`inkoopgraaf.extract`.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

#: Year used when a document's year is unknown: the newest state of the data.
NEWEST_YEAR = 2026
TOOI_PATTERN = "https://identifier.overheid.nl/tooi/id/gemeente/{code}"

# CBS writes homonymous municipalities with a province qualifier: "Bergen (NH.)",
# "Bergen (L.)", "Hengelo (O.)". The bare name is what texts use.
_QUALIFIER = re.compile(r"\s*\((?:NH|L|O|ZH|Z|Gld|NB|U|Fr|Gr|Dr|Ov|Fl)\.?\)\s*$", re.I)
_QUALIFIER_PROVINCE = {
    "nh": "Noord-Holland", "l": "Limburg", "o": "Overijssel", "zh": "Zuid-Holland",
    "z": "Zeeland", "gld": "Gelderland", "nb": "Noord-Brabant", "u": "Utrecht",
    "fr": "Fryslân", "gr": "Groningen", "dr": "Drenthe", "ov": "Overijssel", "fl": "Flevoland",
}
# Words that introduce a region in the CSV's alias column ("regio Achterhoek",
# "jeugdregio Drenthe"); stripped so that cue detection stays in one place
# (the extractor) instead of being multiplied into every alias.
_ALIAS_CUE = re.compile(r"^(?:jeugdhulpregio|jeugdzorgregio|jeugdregio|regio|gemeente)\s+", re.I)


# --------------------------------------------------------------------------- text keys
def fold(text: str) -> str:
    """Accent-folded text of the SAME length (Súdwest-Fryslân → Sudwest-Fryslan).

    Length is preserved so that offsets found in the folded text are offsets
    in the original; characters that decompose to nothing stay as they are.
    """
    if text.isascii():
        return text
    # only the runs of non-ASCII characters are translated (about 1 % of a Dutch text; a
    # translate of the whole text looked every character up in the table)
    return _NON_ASCII_RUN.sub(_fold_run, text)


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_FOLDED: dict[int, str] = {}    # code point -> its folded character, filled as characters appear


def _fold_run(match: re.Match) -> str:
    run = match.group()
    for ch in run:
        if ord(ch) not in _FOLDED:
            base = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in base if not unicodedata.combining(c))
            _FOLDED[ord(ch)] = base[0] if len(base) == 1 else ch
    return run.translate(_FOLDED)


_TOKEN = re.compile(r"[^\W_]+|&")


def name_tokens(text: str) -> list[str]:
    """Lower-case, accent-folded word tokens of a name; ``&`` counts as ``en``."""
    return ["en" if t == "&" else t for t in _TOKEN.findall(fold(text).lower())]


def name_key(text: str) -> str:
    """Spelling-insensitive key of a name: tokens joined without separators.

    "Zuid Oost Utrecht", "Zuidoost-Utrecht" and "zuidoost utrecht" share the
    key ``zuidoostutrecht``; "Gooi & Vechtstreek" and "Gooi- en Vechtstreek"
    share ``gooienvechtstreek``.
    """
    return "".join(name_tokens(text))


def slugify(text: str) -> str:
    """Region id of a cooperation name: lower case, accents folded, other runs → ``_``.

    Leading articles are not part of the usual name ("De Kempen" → ``kempen``).
    """
    s = fold(text).lower().strip()
    s = re.sub(r"^(?:de|het|'t)\s+", "", s)
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def strip_cue(name: str) -> str:
    """"regio Achterhoek" → "Achterhoek": drop a leading region/municipality cue word."""
    return _ALIAS_CUE.sub("", name.strip())


def strip_qualifier(name: str) -> tuple[str, str | None]:
    """("Bergen (NH.)") → ("Bergen", "Noord-Holland"); names without one are returned as is."""
    m = _QUALIFIER.search(name)
    if not m:
        return name, None
    q = re.sub(r"[^a-z]", "", m.group(0).lower())
    return name[: m.start()].strip(), _QUALIFIER_PROVINCE.get(q)


# --------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Municipality:
    cbs: str
    name: str
    valid_from: date | None          # None: existed before 2014
    valid_to: date | None            # None: still exists
    merged_into: tuple[str, ...]     # successor code(s); several when split
    change_type: str
    province: str
    aliases: tuple[str, ...]
    tooi_uri: str

    @property
    def display_name(self) -> str:
        """The name as texts write it (CBS qualifier removed): "Bergen (NH.)" → "Bergen"."""
        return strip_qualifier(self.name)[0]

    def valid_in(self, year: int) -> bool:
        """True when the municipality existed on some day of ``year``."""
        if self.valid_from and self.valid_from.year > year:
            return False
        if self.valid_to and self.valid_to.year < year:
            return False
        return True

    def valid_on(self, day: date) -> bool:
        """True when the municipality existed on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def distance_to(self, year: int) -> int:
        """Years between ``year`` and the validity period (0 inside it)."""
        if self.valid_from and year < self.valid_from.year:
            return self.valid_from.year - year
        if self.valid_to and year > self.valid_to.year:
            return year - self.valid_to.year
        return 0


@dataclass(frozen=True)
class RegionPeriod:
    first_year: int
    last_year: int
    members: tuple[str, ...]         # CBS codes


@dataclass(frozen=True)
class Region:
    """A jeugdregio (``is_jeugdregio``) or another named cooperation of municipalities."""
    id: str
    name: str
    code: str | None = None                       # CBS JZxx
    aliases: tuple[str, ...] = ()
    periods: tuple[RegionPeriod, ...] = ()
    is_jeugdregio: bool = True
    notes: str = ""

    def period(self, year: int | None) -> RegionPeriod | None:
        """The membership period for ``year``: the one containing it, else the nearest."""
        if not self.periods:
            return None
        y = NEWEST_YEAR if year is None else year
        for p in self.periods:
            if p.first_year <= y <= p.last_year:
                return p
        return min(self.periods, key=lambda p: min(abs(y - p.first_year), abs(y - p.last_year)))


# --------------------------------------------------------------------------- loading
def _date(s: str) -> date | None:
    s = (s or "").strip()
    return date.fromisoformat(s) if s else None


_SINT = re.compile(r"^Sint(?=[- ])", re.I)


def _with_abbreviations(forms) -> list[str]:
    """The forms of a name plus the abbreviated 'St.' that texts write for 'Sint'
    ("St. Michielsgestel", "St.-Oedenrode", "St Anthonis")."""
    out = list(forms)
    out += [_SINT.sub("St", f) for f in forms if _SINT.match(f)]
    return list(dict.fromkeys(out))


def _split(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (s or "").split("|") if x.strip())


def _read_csv(name: str) -> list[dict]:
    text = resources.files(__package__).joinpath("data", "gazetteer", name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _years(valid_years: str, fallback: str) -> tuple[int, int]:
    m = re.match(r"\s*(\d{4})\s*-\s*(\d{4})", valid_years or "")
    if m:
        return int(m.group(1)), int(m.group(2))
    y = int(fallback)
    return y, y


def _region_names(region_name: str, aliases: tuple[str, ...]) -> list[str]:
    """Every written form of a region: name, aliases, and parenthesised parts split off.

    "Alkmaar (Noord-Kennemerland)" gives "Alkmaar" and "Noord-Kennemerland";
    "regio Achterhoek" gives "Achterhoek" (cue words are the extractor's business).
    """
    out: list[str] = []
    for raw in (region_name, *aliases):
        parts = [raw]
        m = re.match(r"^(.*?)\s*\((.+)\)\s*$", raw)
        if m:
            parts = [m.group(1), m.group(2)]
        for p in parts:
            p = _ALIAS_CUE.sub("", p.strip())
            if p and p not in out:
                out.append(p)
    return out


class Gazetteer:
    """All municipalities and jeugdregio's, indexed by code, id and name key."""

    def __init__(self, municipality_rows: list[dict], region_rows: list[dict]):
        self.municipalities: dict[str, Municipality] = {}
        for r in municipality_rows:
            m = Municipality(
                cbs=r["cbs_code"].strip(), name=r["name"].strip(),
                valid_from=_date(r.get("valid_from")), valid_to=_date(r.get("valid_to")),
                merged_into=_split(r.get("merged_into_code")), change_type=(r.get("change_type") or "").strip(),
                province=(r.get("province") or "").strip(), aliases=_split(r.get("aliases")),
                tooi_uri=(r.get("tooi_uri") or "").strip() or TOOI_PATTERN.format(code=r["cbs_code"].strip().lower()),
            )
            self.municipalities[m.cbs] = m

        # name key -> [(municipality, province named by a qualifier in that form or None)]
        self._muni_by_key: dict[str, list[tuple[Municipality, str | None]]] = {}
        for m in self.municipalities.values():
            for form in _with_abbreviations((m.name, *m.aliases)):
                bare, qual_prov = strip_qualifier(form)
                for f, q in ((form, qual_prov), (bare, None)):
                    k = name_key(f)
                    if k and all(x[0] is not m for x in self._muni_by_key.get(k, [])):
                        self._muni_by_key.setdefault(k, []).append((m, q))

        grouped: dict[str, list[dict]] = {}
        for r in region_rows:
            grouped.setdefault(r["region_id"].strip(), []).append(r)
        self.regions: dict[str, Region] = {}
        for rid, rows in grouped.items():
            current = next((r for r in rows if (r.get("is_current") or "").strip() == "yes"), rows[-1])
            periods = []
            for r in rows:
                a, b = _years(r.get("valid_years", ""), r.get("year") or str(NEWEST_YEAR))
                periods.append(RegionPeriod(a, b, _split(r.get("member_cbs_codes"))))
            periods.sort(key=lambda p: p.first_year)
            self.regions[rid] = Region(
                id=rid, name=current["region_name"].strip(), code=(current.get("region_code") or "").strip() or None,
                aliases=_split(current.get("aliases")), periods=tuple(periods), is_jeugdregio=True,
                notes=(current.get("notes") or "").strip(),
            )
        # name key -> region ids (a key can in principle name several)
        self._region_by_key: dict[str, list[str]] = {}
        for reg in self.regions.values():
            for form in _region_names(reg.name, reg.aliases):
                k = name_key(form)
                if k and reg.id not in self._region_by_key.setdefault(k, []):
                    self._region_by_key[k].append(reg.id)

    # -- municipalities -------------------------------------------------------
    def municipality(self, cbs: str) -> Municipality | None:
        return self.municipalities.get((cbs or "").strip().upper())

    def municipalities_in(self, year: int | None = None) -> list[Municipality]:
        y = NEWEST_YEAR if year is None else year
        return [m for m in self.municipalities.values() if m.valid_in(y)]

    def municipality_forms(self) -> dict[str, list[tuple[Municipality, str | None]]]:
        """name key → [(municipality, qualifier province or None)], for building matchers."""
        return self._muni_by_key

    def municipality_candidates(self, name: str, year: int | None = None,
                                province: str | None = None) -> list[Municipality]:
        """Municipalities a name can mean in ``year``, best first.

        Those valid in the year come first; if none is, the ones whose
        validity lies nearest to the year (a 2022 text recalling "Vianen"
        still means GM0620). A qualifier in the name ("Bergen (L.)") or the
        ``province`` argument narrows the candidates.
        """
        entries = self._muni_by_key.get(name_key(name), [])
        if not entries:
            return []
        y = NEWEST_YEAR if year is None else year
        if province:
            pk = name_key(province)
            narrowed = [(m, q) for m, q in entries if name_key(m.province) == pk or (q and name_key(q) == pk)]
            entries = narrowed or entries
        ms = list(dict.fromkeys(m for m, _ in entries))
        best = min(m.distance_to(y) for m in ms)
        return sorted((m for m in ms if m.distance_to(y) == best), key=lambda m: m.cbs)

    def resolve_municipality(self, name: str, year: int | None = None,
                             province: str | None = None) -> Municipality | None:
        """The one municipality ``name`` means in ``year``, or None (unknown or ambiguous)."""
        cands = self.municipality_candidates(name, year, province)
        return cands[0] if len(cands) == 1 else None

    def successors(self, cbs: str, year: int | None = None) -> list[Municipality]:
        """The municipality valid in ``year`` that ``cbs`` became (several after a split)."""
        y = NEWEST_YEAR if year is None else year
        m = self.municipality(cbs)
        if m is None:
            return []
        if m.valid_in(y) or not m.merged_into:
            return [m]
        out: list[Municipality] = []
        for code in m.merged_into:
            for s in self.successors(code, y):
                if s not in out:
                    out.append(s)
        return out

    def predecessors(self, cbs: str) -> list[Municipality]:
        """The municipalities that merged into ``cbs`` (direct ones; empty for an old municipality)."""
        if not hasattr(self, "_predecessors"):
            by: dict[str, list[Municipality]] = {}
            for m in sorted(self.municipalities.values(), key=lambda m: m.cbs):
                for succ in m.merged_into:
                    by.setdefault(succ, []).append(m)
            self._predecessors = by
        return list(self._predecessors.get((cbs or "").strip().upper(), []))

    # -- regions --------------------------------------------------------------
    def region(self, region_id: str) -> Region | None:
        return self.regions.get((region_id or "").strip())

    def members(self, region_id: str, year: int | None = None) -> list[Municipality]:
        reg = self.region(region_id)
        p = reg.period(year) if reg else None
        if p is None:
            return []
        return [self.municipalities[c] for c in p.members if c in self.municipalities]

    def regions_of(self, cbs: str, year: int | None = None) -> list[Region]:
        """The jeugdregio(s) whose membership in ``year`` includes ``cbs``."""
        code = (cbs or "").upper()
        return [r for r in self.regions.values() if (p := r.period(year)) and code in p.members]

    def region_forms(self) -> dict[str, list[str]]:
        """name key → region ids, for building matchers (cue words stripped)."""
        return self._region_by_key

    def resolve_region(self, name: str) -> Region | None:
        """The jeugdregio a name or alias (with or without "regio") means, or None."""
        ids = self._region_by_key.get(name_key(_ALIAS_CUE.sub("", name.strip())), [])
        return self.regions[ids[0]] if len(ids) == 1 else None

    def nearest_region_ids(self, text: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """Region ids whose name or alias is closest to ``text``, for "did you mean" hints."""
        key = name_key(_ALIAS_CUE.sub("", (text or "").strip()))
        if not key:
            return []
        if key in self._region_by_key:
            return list(self._region_by_key[key])[:n]
        id_keys = {name_key(rid): rid for rid in self.regions}
        pool = {**{k: v[0] for k, v in self._region_by_key.items()}, **id_keys}
        out: list[str] = []
        for k in difflib.get_close_matches(key, list(pool), n=n * 3, cutoff=cutoff):
            if pool[k] not in out:
                out.append(pool[k])
        return out[:n]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shared gazetteer built from the package data (loaded once)."""
    return Gazetteer(_read_csv("municipalities.csv"), _read_csv("jeugdregios.csv"))


# --------------------------------------------------------------------------- module API
def region(region_id: str) -> Region | None:
    """The jeugdregio with this id (``region_id`` column), or None."""
    return get_gazetteer().region(region_id)


def region_ids() -> list[str]:
    return sorted(get_gazetteer().regions)


def all_regions() -> list[Region]:
    return [get_gazetteer().regions[r] for r in region_ids()]


def municipality(cbs: str) -> Municipality | None:
    """The municipality with this CBS code (GMxxxx), current or dissolved."""
    return get_gazetteer().municipality(cbs)


def municipalities_in(year: int | None = None) -> list[Municipality]:
    return get_gazetteer().municipalities_in(year)


def members(region_id: str, year: int | None = None) -> list[Municipality]:
    """Member municipalities of a jeugdregio in ``year`` (None → newest)."""
    return get_gazetteer().members(region_id, year)


def regions_of(cbs: str, year: int | None = None) -> list[Region]:
    return get_gazetteer().regions_of(cbs, year)


def tooi_uri(cbs: str) -> str:
    """TOOI identifier of a municipality (pattern-based for codes not in the data)."""
    m = municipality(cbs)
    return m.tooi_uri if m else TOOI_PATTERN.format(code=(cbs or "").strip().lower())


def municipality_candidates(name: str, year: int | None = None, province: str | None = None) -> list[Municipality]:
    return get_gazetteer().municipality_candidates(name, year, province)


def resolve_municipality(name: str, year: int | None = None, province: str | None = None) -> Municipality | None:
    """The municipality ``name`` means in ``year`` (None when unknown or ambiguous)."""
    return get_gazetteer().resolve_municipality(name, year, province)


def resolve_region(name: str) -> Region | None:
    return get_gazetteer().resolve_region(name)


def nearest_region_ids(text: str, n: int = 3) -> list[str]:
    """"Did you mean" region ids for a misspelt or unknown region name."""
    return get_gazetteer().nearest_region_ids(text, n)
