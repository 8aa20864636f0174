"""The knowledge graph: facts + document records -> a typed, provenance-carrying MultiDiGraph.

Design
------
* Nodes carry ``kind`` (Document, Region, Municipality, Segment, FinancingModel,
  Procedure, Actor, Event, Decision, PlanChange) and a human ``label``; edges
  carry ``type`` (describes, mentions, has_member, procures, part_of,
  financed_by, procured_via, reports, made_by, concerns, of, moves).
* Ids are stable and readable (``region:lekstroom``, ``segment:dyslexie``,
  ``financing:lumpsum``, ``municipality:GM0620``, ``actor:college``,
  ``doc:<id>``); things that exist once per document place (events,
  decisions, plan changes) are named by doc + character offsets, so the same
  facts always give the same graph.
* Shared concepts (regions, segments, financing models, procedures, actors,
  municipalities) are ONE node across documents; what a document says about
  them lives on the edges, each tagged with ``doc``, ``year`` and ``region``.
  That is what makes "Lekstroom in 2015 vs 2022" a query instead of an
  overwrite: both states are parallel edges.
* Financing or procedure facts without a segment apply to the region's whole
  procurement; they become an edge from the region itself
  (``region -financed_by-> financing`` with ``scope="all"``), segment-specific
  ones an edge from the segment (``scope="segment"``) that still names its
  region, so per-region questions never need to guess.
* Every node and edge has ``provenance``: the list of supporting facts
  (doc, type, start, end, page, quote, confidence).
* A document no fact attributes to a region is attached to ``region:unknown``;
  nothing is silently dropped.

Reference data comes from the sibling modules: labels and iSD variants from
:mod:`.taxonomy`, region names, members per year and TOOI URIs from
:mod:`.gazetteer`. Ids the reference data does not know (a cooperation that is
not a jeugdregio, a segment ``other``) fall back to what the facts say.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Iterable, Mapping

import networkx as nx

from . import gazetteer
from .evidence import passage
from .facts import Fact
from .gazetteer import tooi_uri
from .regions import acting_regions, attribute_regions
from .scopes import ScopeIndex, has_cue, resolve_what, weak_whole_document_claim
from .taxonomy import load_taxonomy

UNKNOWN_REGION = "unknown"
ALL_SEGMENTS = "all"  # segment column value for whole-procurement financing/procedures
UNKNOWN_LABEL = "onbekend"  # what answers say for a document with no own region

NODE_KINDS = ("Document", "Region", "Municipality", "Segment", "FinancingModel",
              "Procedure", "Actor", "Event", "Decision", "PlanChange")

#: How far (characters) a date may be from a segment mention to be read as that
#: segment's date. Planning-table rows ("Dyslexie<TAB>1 augustus 2021") and
#: clauses ("voor dyslexie gaan de contracten in per ...") put them within a few
#: dozen characters; beyond that the next sentence usually talks about
#: something else and the link is more likely wrong than right.
EVENT_SEGMENT_WINDOW = 60

#: Actor ids of domain.md with display labels (the taxonomy covers segments,
#: financing and procedures only).
ACTOR_LABELS = {
    "college": ("college van B&W", "municipal executive (college)"),
    "raad": ("gemeenteraad", "municipal council"),
    "regionaal_bestuur": ("regionaal bestuur", "regional board"),
    "ambtelijk": ("ambtelijke organisatie", "civil servants"),
    "aanbieders": ("zorgaanbieders", "care providers"),
    "rijk": ("Rijk / VNG", "national level"),
    "other": ("overig", "other"),
}



# --------------------------------------------------------------------------- reference data
def slug(text: str) -> str:
    """domain.md's slug rule: lower case, accents folded, runs of other characters -> '_'."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_") or "x"


@lru_cache(maxsize=1)
def taxonomy_index() -> dict[str, dict[str, dict]]:
    """{"segment"|"financing"|"procedure"|"actor": {id: {"label", "label_en", "variant", "domain"}}}."""
    tax = load_taxonomy()
    out: dict[str, dict[str, dict]] = {
        kind: {ident: {"label": e.label, "label_en": None, "variant": e.variant, "domain": e.domain}
               for ident, e in table.items()}
        for kind, table in (("segment", tax.segments), ("financing", tax.financing), ("procedure", tax.procedures))
    }
    out["actor"] = {actor: {"label": nl, "label_en": en, "variant": None, "domain": None}
                    for actor, (nl, en) in ACTOR_LABELS.items()}
    return out


def region_name(region_id: str) -> str | None:
    reg = gazetteer.region(region_id)
    return reg.name if reg else None


def region_members(region_id: str, year: int | None) -> list[tuple[str, str | None]]:
    """[(cbs, name)] of a region in ``year`` from the gazetteer ([] for unknown regions)."""
    if region_id == UNKNOWN_REGION:
        return []
    return [(m.cbs, m.name) for m in gazetteer.members(region_id, year)]


# --------------------------------------------------------------------------- ids
def doc_node(doc: str) -> str:
    return f"doc:{doc}"


def region_node(region_id: str) -> str:
    return f"region:{region_id}"


def segment_key(seg_id: str | None, label: str | None = None) -> str:
    """Segment ids as used in nodes and tables; unmatched segments keep their label."""
    if seg_id in (None, "", "other"):
        return f"other:{slug(label or 'onbekend')}"
    return seg_id


def segment_node(seg_id: str | None, label: str | None = None) -> str:
    return f"segment:{segment_key(seg_id, label)}"


def _span_id(prefix: str, fact: Fact) -> str:
    return f"{prefix}:{fact.doc}:{fact.start}-{fact.end}"


# --------------------------------------------------------------------------- provenance
#: Document texts of the graph being built (doc id -> text), so provenance can
#: quote the whole sentence a fact stands in, not only its span.
_TEXTS: ContextVar[Mapping[str, str]] = ContextVar("texts", default={})


#: provenance entries made during this graph build, by fact: a dated fact is quoted for its
#: event node and for every edge it supports, and cutting the sentence out (``passage``) was
#: the biggest share of the graph build. Each caller still gets its own dict.
_QUOTED: ContextVar[dict | None] = ContextVar("quoted", default=None)


#: The segment nodes the document being added names, with the label it gives them (the
#: taxonomy's, else its own first wording): a plan change's 'what' names its segment as this
#: document does, never as another document worded it first, so one document's graph piece is
#: the same whether it is built alone or among others (incremental builds, models/derived.py).
_DOC_SEGMENTS: ContextVar[dict | None] = ContextVar("doc_segments", default=None)


def provenance_of(fact: Fact) -> dict:
    memo = _QUOTED.get()
    key = (fact.doc, fact.type, fact.start, fact.end, fact.page, fact.text, fact.confidence)
    if memo is not None and key in memo:
        return dict(memo[key])
    text = _TEXTS.get().get(fact.doc)
    quote = passage(text, fact.start, fact.end) if text else ""
    entry = {"doc": fact.doc, "type": fact.type, "start": fact.start, "end": fact.end,
             "page": fact.page, "quote": quote or fact.text, "text": fact.text,
             "confidence": fact.confidence}
    if memo is not None:
        memo[key] = entry
    return dict(entry)


#: id(provenance list) -> (the list, its length when last merged, its keys). Rebuilding the key
#: set from the list on every merge made the graph build grow as N^1.4 (hub nodes gather
#: thousands of entries); the set is reused while the list is the one it was built for and
#: nothing else changed its length. Bounded: an evicted entry is rebuilt on its next merge.
_PROVENANCE_KEYS: dict[int, tuple[list, int, set]] = {}
_PROVENANCE_KEYS_MAX = 100_000


def _provenance_key(p: dict) -> tuple:
    return p.get("doc"), p.get("type"), p.get("start"), p.get("end")


def _merge_provenance(existing: list[dict], new: Iterable[dict]) -> list[dict]:
    held = _PROVENANCE_KEYS.get(id(existing))
    if held is not None and held[0] is existing and held[1] == len(existing):
        seen = held[2]
    else:
        seen = {_provenance_key(p) for p in existing}
    for p in new:
        key = _provenance_key(p)
        if key not in seen:
            seen.add(key)
            existing.append(p)
    if len(existing) > 8:          # small lists are cheaper to rebuild than to remember
        if len(_PROVENANCE_KEYS) >= _PROVENANCE_KEYS_MAX and id(existing) not in _PROVENANCE_KEYS:
            _PROVENANCE_KEYS.clear()
        _PROVENANCE_KEYS[id(existing)] = (existing, len(existing), seen)
    return existing


def _add_node(G: nx.MultiDiGraph, node: str, kind: str, provenance: Iterable[dict] = (), **attrs) -> str:
    if node not in G:
        G.add_node(node, kind=kind, provenance=[])
    data = G.nodes[node]
    for k, v in attrs.items():
        # keys always exist (None when unknown) so consumers can index them; a later
        # fact may fill in what an earlier one left open, never overwrite it
        if k not in data or (v is not None and data[k] in (None, "")):
            data[k] = v
    _merge_provenance(data["provenance"], provenance)
    return node


def _add_edge(G: nx.MultiDiGraph, u: str, v: str, etype: str, key_parts: Iterable[Any],
              provenance: Iterable[dict] = (), **attrs) -> str:
    key = "|".join([etype, *("" if p is None else str(p) for p in key_parts)])
    if not G.has_edge(u, v, key):
        G.add_edge(u, v, key=key, type=etype, provenance=[])
    data = G.edges[u, v, key]
    for k, val in attrs.items():
        if k not in data or (val is not None and data[k] in (None, "")):
            data[k] = val
    _merge_provenance(data["provenance"], provenance)
    return key


# --------------------------------------------------------------------------- building
def _as_fact(f: Fact | Mapping) -> Fact:
    return f if isinstance(f, Fact) else Fact.from_json(dict(f))


def _int_or_none(v) -> int | None:
    try:
        if v in (None, ""):
            return None
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _date_parts(value: Mapping | None) -> tuple[str | None, str | None]:
    if not isinstance(value, Mapping):
        return None, None
    return value.get("start"), value.get("end") or value.get("start")


def _shift_days(start_a: str | None, start_b: str | None) -> int | None:
    from datetime import date
    try:
        return (date.fromisoformat(start_b) - date.fromisoformat(start_a)).days
    except (TypeError, ValueError):
        return None


def build_graph(facts: Iterable[Fact | Mapping], documents: Iterable[Mapping] = (),
                texts: Mapping[str, str] | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph. ``documents`` are documents.csv records (see module doc).

    ``texts`` (doc id -> extracted text, as written to ``outputs/texts/``) lets
    every provenance entry quote the sentence around its fact; without it the
    quote is the fact's own text.
    """
    token, quoted = _TEXTS.set(texts or {}), _QUOTED.set({})
    try:
        return _build_graph(facts, documents)
    finally:
        _TEXTS.reset(token)
        _QUOTED.reset(quoted)


def _build_graph(facts, documents) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name="inkoopgraaf")
    tax = taxonomy_index()
    facts = sorted((_as_fact(f) for f in facts), key=lambda f: (f.doc, f.start, f.end, f.type))
    records = {str(r["id"]): dict(r) for r in documents if r.get("id") not in (None, "")}
    by_doc: dict[str, list[Fact]] = {}
    for f in facts:
        by_doc.setdefault(f.doc, []).append(f)
    for doc_id in records:
        by_doc.setdefault(doc_id, [])

    for doc_id in sorted(by_doc):
        _add_document(G, doc_id, records.get(doc_id), by_doc[doc_id], tax)
    return G


def _add_document(G: nx.MultiDiGraph, doc_id: str, rec: Mapping | None, facts: list[Fact], tax) -> None:
    token = _DOC_SEGMENTS.set({})
    try:
        _add_document_facts(G, doc_id, rec, facts, tax)
    finally:
        _DOC_SEGMENTS.reset(token)


def _add_document_facts(G: nx.MultiDiGraph, doc_id: str, rec: Mapping | None, facts: list[Fact], tax) -> None:
    rec = dict(rec or {})
    year = _int_or_none(rec.get("year"))
    dnode = doc_node(doc_id)
    _add_node(G, dnode, "Document",
              [{"doc": doc_id, "type": "document", "start": 0, "end": _int_or_none(rec.get("characters")),
                "page": None, "quote": rec.get("title") or doc_id, "confidence": 1.0}],
              label=rec.get("title") or doc_id, doc=doc_id, year=year,
              path=rec.get("path") or None, format=rec.get("format") or None,
              sha256=rec.get("sha256") or None, pages=_int_or_none(rec.get("pages")),
              characters=_int_or_none(rec.get("characters")),
              # a fact whose document has no record still joins the graph; say so
              status=rec.get("status") or ("ok" if rec else "no_record"),
              error=rec.get("error") or None)
    typed: dict[str, list[Fact]] = {}
    for f in facts:
        typed.setdefault(f.type, []).append(f)
    common = {"doc": doc_id, "year": year}

    # ---- regions: stated in the text, else the manifest, else via municipalities, else unknown
    region_facts: dict[str, list[Fact]] = {}
    for f in typed.get("region", []):
        rid = (f.value or {}).get("id") or slug((f.value or {}).get("name") or f.text)
        region_facts.setdefault(rid, []).append(f)
    manifest = [r.strip() for r in str(rec.get("manifest_region") or "").split("|") if r.strip()]
    text = _TEXTS.get().get(doc_id)
    # own regions (author / publisher / the cooperation it speaks for) vs regions only mentioned
    att = attribute_regions(region_facts, manifest, text, rec.get("title"))
    regions: dict[str, str] = {rid: ("text" if rid in region_facts else "manifest") for rid in att.own}
    muni_facts: dict[str, list[Fact]] = {}
    for f in typed.get("municipality", []):
        cbs = (f.value or {}).get("cbs")
        if cbs:
            muni_facts.setdefault(str(cbs).upper(), []).append(f)
    if not regions and muni_facts:
        for rid in _regions_of_municipalities(set(muni_facts), year):
            regions[rid] = "municipalities"
    if not regions:
        regions[UNKNOWN_REGION] = "unattributed"

    doc_prov = G.nodes[dnode]["provenance"]
    G.nodes[dnode]["own_regions"] = sorted(regions)
    G.nodes[dnode]["mentioned_regions"] = list(att.mentioned)
    for rid in att.mentioned:  # named in passing: a node and a 'mentions' edge, none of the document's facts
        prov = [provenance_of(f) for f in region_facts.get(rid, [])]
        _add_node(G, region_node(rid), "Region", prov, label=region_name(rid) or _mention_label(region_facts[rid]),
                  region=rid)
        _add_edge(G, dnode, region_node(rid), "mentions", [doc_id], prov, source="text", **common)
    region_prov: dict[str, list[dict]] = {}
    for rid, source in sorted(regions.items()):
        rnode = region_node(rid)
        # evidence for the attribution: the region's own mentions, else the municipalities
        # that place it, else the document record itself (manifest / unattributed)
        prov = [provenance_of(f) for f in region_facts.get(rid, [])] or \
            ([provenance_of(f) for fs in muni_facts.values() for f in fs] if source == "municipalities" else []) or \
            list(doc_prov)
        region_prov[rid] = prov
        names = Counter((f.value or {}).get("name") or f.text for f in region_facts.get(rid, []))
        label = region_name(rid) or (names.most_common(1)[0][0] if names else None) \
            or (UNKNOWN_LABEL if rid == UNKNOWN_REGION else rid.replace("_", " ").title())
        _add_node(G, rnode, "Region", prov, label=label, region=rid)
        _add_edge(G, dnode, rnode, "describes", [doc_id], prov, source=source, **common)

    # ---- municipalities: named in the text (mentions), members per the gazetteer (has_member)
    for cbs, fs in sorted(muni_facts.items()):
        mnode = f"municipality:{cbs}"
        prov = [provenance_of(f) for f in fs]
        _add_node(G, mnode, "Municipality", prov, label=(fs[0].value or {}).get("name") or fs[0].text,
                  cbs=cbs, tooi_uri=tooi_uri(cbs))
        _add_edge(G, dnode, mnode, "mentions", [doc_id], prov, **common)
    gazetteer_members: dict[str, set[str]] = {}
    for rid in regions:
        members = region_members(rid, year)
        gazetteer_members[rid] = {c for c, _ in members}
        for cbs, name in members:
            mnode = f"municipality:{cbs}"
            # membership rests on the region's evidence (and the name, when the text gives it)
            prov = [provenance_of(f) for f in muni_facts.get(cbs, [])] + region_prov[rid]
            _add_node(G, mnode, "Municipality", prov,
                      label=name or cbs, cbs=cbs, tooi_uri=tooi_uri(cbs))
            _add_edge(G, region_node(rid), mnode, "has_member", [doc_id], prov, source="gazetteer",
                      named_in_document=cbs in muni_facts, **common)
    # Without gazetteer knowledge, a single-region document's named municipalities
    # are the best evidence of membership that year.
    if len(regions) == 1:
        (rid,) = regions
        if not gazetteer_members.get(rid) and rid != UNKNOWN_REGION:
            for cbs, fs in muni_facts.items():
                _add_edge(G, region_node(rid), f"municipality:{cbs}", "has_member", [doc_id],
                          [provenance_of(f) for f in fs], source="document", named_in_document=True, **common)

    region_ids = sorted(regions)
    if att.own:
        def regions_at(f: Fact) -> list[str]:
            return acting_regions(att, text, f.start, f.end)
    else:
        def regions_at(f: Fact) -> list[str]:
            return region_ids

    # ---- segments
    seg_facts = typed.get("segment", [])
    scopes = ScopeIndex(text, seg_facts, _fact_segment_key) if text else None
    for f in seg_facts:
        v = f.value or {}
        skey = segment_key(v.get("id"), v.get("label") or f.text)
        snode = segment_node(v.get("id"), v.get("label") or f.text)
        _add_segment_node(G, snode, skey, v.get("label") or f.text, v.get("domain"), tax, [provenance_of(f)])
        for rid in regions_at(f):
            _add_edge(G, region_node(rid), snode, "procures", [doc_id], [provenance_of(f)],
                      region=rid, segment=skey, **common)
            G.edges[region_node(rid), snode, f"procures|{doc_id}"].setdefault("labels", [])
            labels = G.edges[region_node(rid), snode, f"procures|{doc_id}"]["labels"]
            if (v.get("label") or f.text) not in labels:
                labels.append(v.get("label") or f.text)
        parent = v.get("parent")
        if parent and parent != "other" and parent != v.get("id"):
            pnode = segment_node(parent)
            _add_segment_node(G, pnode, parent, None, None, tax, [])
            _add_edge(G, snode, pnode, "part_of", [doc_id], [provenance_of(f)], **common)

    # ---- financing and procedures: from the segment, or from the region for the whole procurement
    for ftype, kind, etype, prefix in (("financing", "FinancingModel", "financed_by", "financing"),
                                       ("procedure", "Procedure", "procured_via", "procedure")):
        for f in typed.get(ftype, []):
            v = f.value or {}
            ident = v.get("id") or slug(f.text)
            entry = tax[ftype].get(ident, {})
            target = f"{prefix}:{ident}"
            extra = {"variant": v.get("variant") or entry.get("variant")} if ftype == "financing" else {}
            _add_node(G, target, kind, [provenance_of(f)], label=entry.get("label") or ident,
                      label_en=entry.get("label_en"), **{ftype: ident}, **extra)
            seg = v.get("segment")
            status = v.get("status")
            if not seg and scopes is not None and _weak_whole_claim(f, status, scopes):
                # 'Lumpsum: vooral passend als ...' is no choice for the whole procurement
                _add_edge(G, dnode, target, "mentions", [doc_id, status], [provenance_of(f)],
                          status=status or None, weak=True, **common)
                continue
            for rid in regions_at(f):
                if seg:
                    skey = segment_key(seg)
                    source = segment_node(seg)
                    _add_segment_node(G, source, skey, None, None, tax, [])
                else:
                    skey, source = ALL_SEGMENTS, region_node(rid)
                _add_edge(G, source, target, etype, [doc_id, rid, status], [provenance_of(f)],
                          region=rid, segment=skey, status=status or None,
                          scope="segment" if seg else "all", **{ftype: ident}, **extra, **common)

    # ---- events (dated), linked to the regions and to the segment of their clause or section
    event_nodes = _add_events(G, typed.get("date", []), seg_facts, scopes, regions_at, dnode, common)

    # ---- decisions
    for f in typed.get("decision", []):
        v = f.value or {}
        dec = _span_id("decision", f)
        dstart, dend = _date_parts(v.get("date"))
        actor = v.get("actor") or "other"
        _add_node(G, dec, "Decision", [provenance_of(f)], label=v.get("object") or f.text, actor=actor,
                  status=v.get("status"), object=v.get("object") or f.text, date_start=dstart, date_end=dend,
                  **common)
        _add_edge(G, dnode, dec, "reports", [doc_id], [provenance_of(f)], **common)
        anode = f"actor:{actor}"
        _add_node(G, anode, "Actor", [provenance_of(f)], label=tax["actor"].get(actor, {}).get("label") or actor,
                  actor=actor)
        _add_edge(G, dec, anode, "made_by", [doc_id], [provenance_of(f)], status=v.get("status"), **common)
        for rid in regions_at(f):
            _add_edge(G, dec, region_node(rid), "concerns", [doc_id], [provenance_of(f)], **common)
        for s in _segments_in_decision(f, v.get("object") or "", seg_facts):
            sv = s.value or {}
            _add_edge(G, dec, segment_node(sv.get("id"), sv.get("label") or s.text), "concerns", [doc_id],
                      [provenance_of(f), provenance_of(s)], **common)

    # ---- plan changes move an event: the reported date they name, else one made from their own value
    for f in typed.get("plan_change", []):
        _add_plan_change(G, f, event_nodes, regions_at(f), dnode, common, scopes)


def _mention_label(facts: list[Fact]) -> str:
    names = Counter((f.value or {}).get("name") or f.text for f in facts)
    return names.most_common(1)[0][0] if names else "?"


def _fact_segment_key(f: Fact) -> str:
    v = f.value or {}
    return segment_key(v.get("id"), v.get("label") or f.text)


def _weak_whole_claim(f: Fact, status: str | None, scopes: ScopeIndex) -> bool:
    """A whole-procurement 'chosen' needs a statement about the whole procurement."""
    return status == "chosen" and weak_whole_document_claim(scopes.scope(f.start, f.end).sentence, f.text)


def _event_scope(f: Fact, seg_facts: list[Fact], scopes: ScopeIndex | None) -> tuple[list[str], str | None, str]:
    """(segment keys, how linked, sentence) of a dated fact: its clause or section with text,
    else the segment mentioned right next to it."""
    if scopes is not None:
        sc = scopes.scope(f.start, f.end)
        return list(sc.segments), sc.level, sc.sentence
    near = _nearest_segment(f, seg_facts)
    return ([_fact_segment_key(near)], "proximity", "") if near is not None else ([], None, "")


def _event_type(event: str, sentence: str) -> str:
    """A deadline for change requests ('verzoeken tot wijziging ... tot uiterlijk 1 maart') is a
    submission deadline, not the end of the contract."""
    if event == "contract_end" and has_cue(sentence, "change_request_cues"):
        return "submission"
    return event


def _add_events(G, date_facts, seg_facts, scopes, regions_at, dnode, common) -> list[tuple[str, Fact]]:
    event_nodes: list[tuple[str, Fact]] = []
    doc_id = common["doc"]
    for f in date_facts:
        v = f.value or {}
        if not v.get("event"):
            continue  # years inside names and titles are dates, not events
        segs, link, sentence = _event_scope(f, seg_facts, scopes)
        event = _event_type(v["event"], sentence)
        enode = _span_id("event", f)
        _add_node(G, enode, "Event", [provenance_of(f)], label=f"{event} {f.text}", event=event,
                  date_start=v.get("start"), date_end=v.get("end"), granularity=v.get("granularity"),
                  modifier=v.get("modifier"), origin="date", scope=link,
                  extension=has_cue(sentence, "extension_cues"),
                  extracted_event=v["event"] if event != v["event"] else None, **common)
        event_nodes.append((enode, f))
        _add_edge(G, dnode, enode, "reports", [doc_id], [provenance_of(f)], **common)
        for rid in regions_at(f):
            _add_edge(G, enode, region_node(rid), "of", [doc_id], [provenance_of(f)], **common)
        for key in segs:
            _add_edge(G, enode, f"segment:{key}", "of", [doc_id], [provenance_of(f)], link=link, **common)
    return event_nodes


def _add_segment_node(G, snode, skey, label, domain, tax, prov) -> None:
    entry = tax["segment"].get(skey, {})
    own_label = entry.get("label") or label or skey.replace("_", " ")
    named = _DOC_SEGMENTS.get()
    if named is not None:
        named.setdefault(snode, own_label)
    _add_node(G, snode, "Segment", prov, label=own_label,
              label_en=entry.get("label_en"), segment=skey, domain=domain or entry.get("domain"))
    if label:
        labels = G.nodes[snode].setdefault("labels", [])
        if label not in labels:
            labels.append(label)


def _regions_of_municipalities(cbs_codes: set[str], year: int | None) -> list[str]:
    """Regions whose membership that year holds at least half of the named municipalities
    (a text naming Houten and Lopik is about Lekstroom even if it never says so)."""
    hits: Counter = Counter()
    for cbs in cbs_codes:
        for reg in gazetteer.regions_of(cbs, year):
            hits[reg.id] += 1
    return sorted(rid for rid, n in hits.items() if rid and n * 2 >= len(cbs_codes))


def _nearest_segment(date_fact: Fact, seg_facts: list[Fact]) -> Fact | None:
    best, best_gap = None, EVENT_SEGMENT_WINDOW + 1
    for s in seg_facts:
        gap = max(s.start - date_fact.end, date_fact.start - s.end, 0)
        if gap < best_gap:
            best, best_gap = s, gap
    return best


def _segments_in_decision(dec: Fact, obj: str, seg_facts: list[Fact]) -> list[Fact]:
    """Segments mentioned inside the decision's clause, or named in what was decided."""
    out, seen = [], set()
    low = obj.lower()
    for s in seg_facts:
        inside = dec.start <= s.start and s.end <= dec.end
        named = bool(low) and (s.text.lower() in low or str((s.value or {}).get("label") or "").lower() in low)
        key = segment_node((s.value or {}).get("id"), (s.value or {}).get("label") or s.text)
        if (inside or (named and (s.value or {}).get("label"))) and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _add_plan_change(G, f: Fact, event_nodes, region_ids, dnode, common, scopes: ScopeIndex | None = None) -> None:
    v = f.value or {}
    frm, to = v.get("from") or {}, v.get("to") or {}
    fstart, fend = _date_parts(frm)
    tstart, tend = _date_parts(to)
    shift = v.get("shift_days")
    if shift is None:
        shift = _shift_days(fstart, tstart)
    pc = _span_id("plan_change", f)
    segs = _plan_change_segments(G, f, scopes)

    def find(start, end):
        # the date in the clause itself, else one in the same section, else the nearest
        cands = [(n, d) for n, d in event_nodes if (d.value or {}).get("start") == start
                 and (d.value or {}).get("end") == end]
        cands.sort(key=lambda nd: (0 if f.start <= nd[1].start < f.end else
                                   1 if scopes is not None and scopes.same_section(f.start, nd[1].start) else 2,
                                   abs(nd[1].start - f.start)))
        return cands[0][0] if cands else None

    from_ev, to_ev = find(fstart, fend), find(tstart, tend)
    # the most specific event type any end names ('de planning ... naar 2024' moves a contract start)
    types = [frm.get("event"), to.get("event"), G.nodes[from_ev]["event"] if from_ev else None,
             G.nodes[to_ev]["event"] if to_ev else None]
    event_type = next((t for t in types if t not in (None, "other", "decision")), None) \
        or next((t for t in types if t not in (None, "other")), None) or "other"
    if from_ev and segs and not f.start <= G.nodes[from_ev]["provenance"][0]["start"] < f.end \
            and not _segments_of(G, from_ev):
        from_ev = None  # a document-wide date still holds for the segments the change does not move
    if to_ev and G.nodes[to_ev]["event"] in ("other", "decision") and event_type not in ("other", "decision"):
        # the new date of a moved contract start is a contract start ('uit te stellen, naar 1 januari 2026')
        G.nodes[to_ev]["extracted_event"] = G.nodes[to_ev]["event"]
        G.nodes[to_ev]["event"] = event_type
    what = _plan_change_what(G, f, v.get("what") or "", segs)
    _add_node(G, pc, "PlanChange", [provenance_of(f)], label=what or f.text, what=what or f.text,
              what_as_written=v.get("what") or None, segments=list(segs),
              event=event_type, from_start=fstart, from_end=fend, to_start=tstart, to_end=tend,
              shift_days=shift, **common)
    _add_edge(G, dnode, pc, "reports", [common["doc"]], [provenance_of(f)], **common)
    for key in segs:
        _add_edge(G, pc, f"segment:{key}", "concerns", [common["doc"]], [provenance_of(f)], **common)
    for role, ev, start, end, val in (("from", from_ev, fstart, fend, frm), ("to", to_ev, tstart, tend, to)):
        if start is None:
            continue
        if ev is None:
            # the plan change itself is the evidence for this date
            ev = f"{pc.replace('plan_change:', 'event:', 1)}:{role}"
            _add_node(G, ev, "Event", [provenance_of(f)], label=f"{event_type} {start}", event=event_type,
                      date_start=start, date_end=end, granularity=val.get("granularity"),
                      modifier=val.get("modifier"), origin="plan_change", superseded=(role == "from"),
                      scope="plan_change" if segs else None, **common)
            for rid in region_ids:
                _add_edge(G, ev, region_node(rid), "of", [common["doc"]], [provenance_of(f)], **common)
        elif role == "from":
            G.nodes[ev]["superseded"] = True
        for key in segs:  # the moved date is the moved segment's date
            _add_edge(G, ev, f"segment:{key}", "of", [common["doc"]], [provenance_of(f)], link="plan_change",
                      **common)
        _add_edge(G, pc, ev, "moves", [common["doc"], role], [provenance_of(f)], role=role,
                  shift_days=shift, **common)


def _segments_of(G, node: str) -> list[str]:
    return [G.nodes[v]["segment"] for _, v in G.out_edges(node) if G.nodes[v].get("kind") == "Segment"]


def _plan_change_segments(G, f: Fact, scopes: ScopeIndex | None) -> tuple[str, ...]:
    """The segments / lots a plan change moves: those of its clause, else of its section."""
    if scopes is None:
        return ()
    named = _DOC_SEGMENTS.get()
    return tuple(k for k in scopes.scope(f.start, f.end).segments
                 if (f"segment:{k}" in named if named is not None else f"segment:{k}" in G))


def _plan_change_what(G, f: Fact, what: str, segs: tuple[str, ...]) -> str:
    """'what' as a noun phrase that names the moved thing and, when known, its segment."""
    text = _TEXTS.get().get(f.doc)
    if text:
        what = resolve_what(what, text, f.start, f.end)
    named = _DOC_SEGMENTS.get() or {}
    labels = [named.get(f"segment:{k}") or G.nodes[f"segment:{k}"].get("label") or k for k in segs]
    missing = [lab for lab in labels if lab.lower() not in what.lower()]
    return f"{what} ({', '.join(missing)})" if what and missing else (what or ", ".join(labels))


# --------------------------------------------------------------------------- small queries
def unattributed_documents(G: nx.MultiDiGraph) -> list[str]:
    """Documents with no own region (filed under ``region:unknown``): ``build`` lists them."""
    return sorted(G.nodes[u].get("doc") for u, v, d in G.edges(data=True)
                  if d.get("type") == "describes" and v == region_node(UNKNOWN_REGION))


def nodes_of_kind(G: nx.MultiDiGraph, kind: str) -> list[str]:
    return sorted(n for n, d in G.nodes(data=True) if d.get("kind") == kind)


def edges_of_type(G: nx.MultiDiGraph, etype: str):
    """(u, v, key, data) for every edge of one type, in a stable order."""
    return sorted(((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if d.get("type") == etype),
                  key=lambda e: (e[0], e[1], e[2]))
