"""The document's own region(s) versus the regions it only mentions.

A newsletter of Lekstroom that says "samen met de Jeugdregio Zuid Oost
Utrecht" is still Lekstroom's newsletter: its financing, decisions and plan
changes are Lekstroom's. The own regions are the author / publisher / the
cooperation the text speaks for; they are scored from

* the manifest (a person said so),
* the title zone (title and dateline: the first lines),
* wordings that speak for a region ("wij, de gemeenten van ...",
  "de Achterhoekse gemeenten", "namens ...", "Regionaal Serviceteam Jeugd X"),
* how often the text names each region (the region fact that dominates),

and every region scoring at least ``own_share`` of the best is own. A fact
attaches to the own regions unless its sentence names another region as the
one that acts (:func:`acting_regions`). A document with no region at all is
``unknown`` (the caller warns).

Cues and weights are data: ``models/data/own_region_cues.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping

from . import gazetteer
from .facts import Fact
from .scopes import sentence_bounds



@lru_cache(maxsize=1)
def cues() -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "own_region_cues.json").read_text("utf-8"))


@dataclass
class RegionAttribution:
    """Which regions a document is of, and which it only names."""
    own: list[str]
    mentioned: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    #: region id -> lower-cased written forms found for it (for sentence look-ups)
    forms: dict[str, list[str]] = field(default_factory=dict)


def written_forms(region_id: str, facts: Iterable[Fact] = ()) -> list[str]:
    """Lower-cased ways a text writes a region: gazetteer name and aliases, and the mentions themselves."""
    out: list[str] = []
    reg = gazetteer.region(region_id)
    names = list(gazetteer._region_names(reg.name, reg.aliases)) if reg else []
    for f in facts:
        names += [(f.value or {}).get("name") or "", gazetteer.strip_cue(f.text)]
    for n in names:
        n = " ".join((n or "").lower().split())
        if len(n) >= 4 and n not in out:
            out.append(n)
    return sorted(out, key=len, reverse=True)


def _form_pattern(forms: list[str]) -> str:
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in forms) + ")"


def _count(low: str, forms: list[str]) -> int:
    if not forms or not low:
        return 0
    return len(_compiled(r"(?<![a-z])" + _form_pattern(forms)).findall(low))


def _speaks_for(low: str, forms: list[str]) -> bool:
    if not forms or not low:
        return False
    rx = _form_pattern(forms)
    return any(_compiled(p.replace("{R}", rx)).search(low) for p in cues()["speaks_for"])


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern:
    # 42 regions x the speaks-for cues overflow re's own cache of 512: every document compiled
    # them all again (1.3 s of a 100-document graph build)
    return re.compile(pattern)


def attribute_regions(region_facts: Mapping[str, list[Fact]], manifest: Iterable[str] = (),
                      text: str | None = None, title: str | None = None) -> RegionAttribution:
    """Own and mentioned regions of one document from its region facts (id -> facts)."""
    cfg = cues()
    w = cfg["weights"]
    low = (text or "").lower()
    zone = cfg["title_zone_chars"]
    manifest = [m for m in manifest if m]
    candidates = sorted(set(region_facts) | set(manifest))
    scores, forms = {}, {}
    for rid in candidates:
        fs = region_facts.get(rid, [])
        forms[rid] = written_forms(rid, fs)
        mentions = max(_count(low, forms[rid]), len(fs))
        in_title = any(f.start < zone for f in fs) or _count((title or "").lower(), forms[rid]) > 0
        scores[rid] = (w["mention"] * mentions + w["title"] * in_title
                       + w["speaks_for"] * _speaks_for(low, forms[rid]) + w["manifest"] * (rid in manifest))
    if not scores:
        return RegionAttribution(own=[])
    best = max(scores.values())
    own = sorted(r for r, s in scores.items() if s >= cfg["own_share"] * best)
    return RegionAttribution(own=own, mentioned=sorted(set(candidates) - set(own)), scores=scores, forms=forms)


def acting_regions(att: RegionAttribution, text: str | None, start: int, end: int) -> list[str]:
    """The regions a fact at ``start:end`` is of: a mentioned region when its sentence names it
    as the one that acts (not as a companion, 'samen met ...', and with no own region named
    beside it), else the document's own regions."""
    if not text or not att.mentioned:
        return att.own
    s, e = sentence_bounds(text, start, end)
    sentence = text[s:e].lower()
    if any(_count(sentence, att.forms.get(r, [])) for r in att.own):
        return att.own
    acting = [r for r in att.mentioned if _acts_in(sentence, att.forms.get(r, []))]
    return acting or att.own


def _acts_in(sentence: str, forms: list[str]) -> bool:
    companions = sorted(cues()["companion_before"], key=len, reverse=True)
    found = False
    for m in re.finditer(r"(?<![a-z])" + _form_pattern(forms), sentence) if forms else ():
        before = re.sub(r"\b(?:de|het|een|(?:jeugd)?regio'?s?)\s*$", "", sentence[:m.start()].rstrip()).rstrip()
        before = re.sub(r"\b(?:de|het|een)\s*$", "", before).rstrip()
        if any(re.search(r"(?<![a-z])" + re.escape(c) + r"$", before) for c in companions):
            continue
        found = True
    return found


def document_attributions(facts: Iterable[Fact | Mapping], documents: Iterable[Mapping] = (),
                          texts: Mapping[str, str] | None = None) -> dict[str, RegionAttribution]:
    """doc id -> its :class:`RegionAttribution`, for every document with facts or a record
    (the same decision the graph makes; the report and other readers of facts use it)."""
    records = {str(r.get("id")): r for r in documents if r.get("id") not in (None, "")}
    by_doc: dict[str, dict[str, list[Fact]]] = {d: {} for d in records}
    for f in facts:
        f = f if isinstance(f, Fact) else Fact.from_json(dict(f))
        regions = by_doc.setdefault(f.doc, {})
        if f.type == "region":
            rid = (f.value or {}).get("id")
            if rid:
                regions.setdefault(rid, []).append(f)
    out = {}
    for doc, region_facts in by_doc.items():
        rec = records.get(doc, {})
        manifest = [r.strip() for r in str(rec.get("manifest_region") or "").split("|") if r.strip()]
        out[doc] = attribute_regions(region_facts, manifest, (texts or {}).get(doc), rec.get("title"))
    return out
