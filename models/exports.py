"""Export the knowledge graph for other tools.

=====================  ===========================  =====================================
file                   for                          notes
=====================  ===========================  =====================================
``graph.graphml``      yEd, Cytoscape, networkx      list/dict attributes as JSON strings
``graph.gexf``         Gephi                        dynamic: ``start``/``end`` spells so
                                                    Gephi's timeline shows each state
``graph.json``         d3, notebooks                node-link JSON (``edges`` key),
                                                    attributes kept as native JSON
``neo4j/nodes.csv``,   ``neo4j-admin database        ``:ID``/``:LABEL`` and
``neo4j/relationships  import full --nodes=...       ``:START_ID``/``:END_ID``/``:TYPE``
.csv``                 --relationships=...``        headers, typed property columns
``graph.ttl``          SPARQL stores, linked data   TOOI URIs for municipalities, PROV-O
                                                    for provenance
=====================  ===========================  =====================================

Every writer goes through :func:`models.io.atomic_writer`, so an interrupted
export never leaves a half-written file that a reader would take as complete.

RDF is written with rdflib (already a project dependency in pyproject.toml):
Turtle has escaping rules for quotes, tabs and newlines that Dutch quotes from
tables hit constantly, and a hand-rolled serializer would be one more place to
get them wrong; rdflib also gives the tests a real parser to read it back.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from .io import atomic_writer, csv_safe_row

#: Namespaces. No public vocabulary exists for procurement-strategy facts, so the
#: project mints URNs (stable, resolvable by nobody, claiming no one's domain).
NODE_BASE = "urn:inkoopgraaf:"
VOCAB_BASE = "urn:inkoopgraaf:vocab#"
PROV_BASE = "http://www.w3.org/ns/prov#"

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_ATTRS = ("date_start", "date_end", "from_start", "from_end", "to_start", "to_end")


# --------------------------------------------------------------------------- flattening
def _flat(value):
    """A value GraphML/GEXF/CSV can hold: scalars stay, containers become JSON, None is dropped."""
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (for XML formats)."""
    H = nx.MultiDiGraph(name=G.graph.get("name", "inkoopgraaf"))
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _flat(v) for k, v in d.items() if _flat(v) is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: _flat(b) for a, b in d.items() if _flat(b) is not None})
    return H


def _year_spell(year) -> tuple[str, str] | None:
    return (f"{int(year):04d}-01-01", f"{int(year):04d}-12-31") if isinstance(year, int) else None


def _node_spell(d: dict) -> tuple[str, str] | None:
    """When a node exists on Gephi's timeline: events over their interval, decisions and
    plan changes over their dates (else their document's year). Documents and shared
    concepts (regions, segments, models, actors) are always there: a document reports
    events from years before and after its own, and its edges must not fall outside it."""
    kind = d.get("kind")
    if kind == "Event" and d.get("date_start"):
        return d["date_start"], d.get("date_end") or d["date_start"]
    if kind == "Decision" and d.get("date_start"):
        return d["date_start"], d.get("date_end") or d["date_start"]
    if kind == "PlanChange" and d.get("from_start") and d.get("to_start"):
        lo, hi = sorted([d["from_start"], d.get("to_end") or d["to_start"]])
        return lo, hi
    if kind in ("Event", "Decision", "PlanChange"):
        return _year_spell(d.get("year"))
    return None


# --------------------------------------------------------------------------- GraphML / GEXF / JSON
def write_graphml(G: nx.MultiDiGraph, path) -> Path:
    with atomic_writer(path, "wb") as fh:
        nx.write_graphml(flat_graph(G), fh, encoding="utf-8", named_key_ids=True)
    return Path(path)


def gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Gephi-ready copy: dynamic spells in ``start``/``end``, the relation in ``relation``.

    GEXF reserves an edge's ``type`` for directed/undirected, so the relation
    moves to ``relation`` (and the edge label). An edge lives while both its
    ends do: the event's interval for event edges, the document's year otherwise.
    """
    H = flat_graph(G)
    for n, d in H.nodes(data=True):
        d.pop("start", None), d.pop("end", None)
        spell = _node_spell(G.nodes[n])
        if spell:
            d["start"], d["end"] = spell
    for u, v, k, d in H.edges(keys=True, data=True):
        d["relation"] = d.pop("type")
        d["label"] = d["relation"]
        spell = None
        for end in (u, v):
            if G.nodes[end].get("kind") in ("Event", "Decision", "PlanChange"):
                spell = _node_spell(G.nodes[end])
                break
        spell = spell or _year_spell(G.edges[u, v, k].get("year"))
        if spell:
            d["start"], d["end"] = spell
    return H


def write_gexf(G: nx.MultiDiGraph, path) -> Path:
    with atomic_writer(path, "wb") as fh:
        nx.write_gexf(gexf_graph(G), fh, encoding="utf-8", version="1.2draft")
    return Path(path)


def node_link(G: nx.MultiDiGraph) -> dict:
    return nx.node_link_data(G, edges="edges")


def write_node_link(G: nx.MultiDiGraph, path) -> Path:
    with atomic_writer(path) as fh:
        json.dump(node_link(G), fh, ensure_ascii=False, indent=1, sort_keys=True)
    return Path(path)


def read_node_link(path) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as fh:
        return nx.node_link_graph(json.load(fh), edges="edges", directed=True, multigraph=True)


# --------------------------------------------------------------------------- Neo4j
def _neo4j_type(values) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _neo4j_header(rows: list[dict], fixed: list[str]) -> list[tuple[str, str]]:
    """(attribute, header) for every property column, typed for neo4j-admin."""
    keys = sorted({k for r in rows for k in r} - set(fixed))
    out = []
    for k in keys:
        t = _neo4j_type(r.get(k) for r in rows)
        out.append((k, k if t == "string" else f"{k}:{t}"))
    return out


def relationship_type(etype: str) -> str:
    """Neo4j convention: relationship types in UPPER_SNAKE_CASE."""
    return re.sub(r"[^A-Za-z0-9]+", "_", etype).upper()


def write_neo4j(G: nx.MultiDiGraph, out_dir) -> tuple[Path, Path]:
    out = Path(out_dir)
    H = flat_graph(G)
    nodes = [{"id": n, **d} for n, d in H.nodes(data=True)]
    props = _neo4j_header(nodes, ["id", "kind"])
    nodes_path = out / "nodes.csv"
    with atomic_writer(nodes_path, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id:ID", ":LABEL", *[h for _, h in props]])
        for r in nodes:
            # csv_safe on every cell, ids too: the same id stays the same in both files
            w.writerow(csv_safe_row([r["id"], r.get("kind", "Node"), *[_csv(r.get(k)) for k, _ in props]]))
    rels = [{"_u": u, "_v": v, "key": k, **d} for u, v, k, d in H.edges(keys=True, data=True)]
    rprops = _neo4j_header(rels, ["_u", "_v", "type"])
    rels_path = out / "relationships.csv"
    with atomic_writer(rels_path, newline="") as fh:
        w = csv.writer(fh)
        w.writerow([":START_ID", ":END_ID", ":TYPE", *[h for _, h in rprops]])
        for r in rels:
            w.writerow(csv_safe_row([r["_u"], r["_v"], relationship_type(r["type"]),
                                     *[_csv(r.get(k)) for k, _ in rprops]]))
    return nodes_path, rels_path


def _csv(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


# --------------------------------------------------------------------------- RDF
def node_iri(G: nx.MultiDiGraph, node: str) -> str:
    """Municipalities are named by their TOOI identifier (Dutch government linked data);
    everything else by a project URN built from the readable node id."""
    d = G.nodes[node]
    if d.get("kind") == "Municipality" and d.get("tooi_uri"):
        return d["tooi_uri"]
    return NODE_BASE + quote(node, safe=":-_.")


def fact_iri(p: dict) -> str:
    return NODE_BASE + "fact:" + quote(f"{p.get('doc')}:{p.get('type')}:{p.get('start')}-{p.get('end')}", safe=":-_.")


def rdf_triples(G: nx.MultiDiGraph):
    """The graph's RDF triples as rdflib terms (nodes typed by kind, edges as triples + reified
    statements); a fact entity is described once however many nodes and edges cite it."""
    from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef

    V, PROV = Namespace(VOCAB_BASE), Namespace(PROV_BASE)

    def literal(key, value):
        if isinstance(value, bool):
            return Literal(value)
        if isinstance(value, int):
            return Literal(value, datatype=XSD.integer)
        if isinstance(value, float):
            return Literal(value, datatype=XSD.decimal)
        if key in _DATE_ATTRS and isinstance(value, str) and _ISO_DATE.match(value):
            return Literal(value, datatype=XSD.date)
        if isinstance(value, str):
            return Literal(value)
        return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True))

    doc_iris = {d["doc"]: URIRef(node_iri(G, n)) for n, d in G.nodes(data=True) if d.get("kind") == "Document"}
    described: set[str] = set()

    def provenance_triples(subject, provenance):
        for p in provenance or []:
            if p.get("type") == "document":
                continue
            iri = fact_iri(p)
            f = URIRef(iri)
            yield subject, PROV.wasDerivedFrom, f
            if iri in described:
                continue
            described.add(iri)
            yield f, RDF.type, PROV.Entity
            yield f, RDF.type, V.Fact
            yield f, V.factType, Literal(p.get("type"))
            if p.get("quote") is not None:
                yield f, PROV.value, Literal(p["quote"])
            for key in ("start", "end", "page"):
                if p.get(key) is not None:
                    yield f, V[key], Literal(int(p[key]), datatype=XSD.integer)
            if p.get("confidence") is not None:
                yield f, V.confidence, Literal(float(p["confidence"]), datatype=XSD.decimal)
            doc = doc_iris.get(p.get("doc")) or URIRef(NODE_BASE + quote(f"doc:{p.get('doc')}", safe=":-_."))
            yield f, PROV.wasQuotedFrom, doc

    for n, d in G.nodes(data=True):
        s = URIRef(node_iri(G, n))
        yield s, RDF.type, V[d.get("kind", "Node")]
        yield s, V.nodeId, Literal(n)
        if d.get("kind") == "Document":
            yield s, RDF.type, PROV.Entity
        for k, v in d.items():
            if k in ("kind", "provenance") or v is None:
                continue
            if k == "label":
                yield s, RDFS.label, Literal(str(v))
            elif k == "tooi_uri":
                yield s, V.tooi, URIRef(v)
            else:
                yield s, V[k], literal(k, v)
        yield from provenance_triples(s, d.get("provenance"))

    for u, v, k, d in G.edges(keys=True, data=True):
        su, sv, pred = URIRef(node_iri(G, u)), URIRef(node_iri(G, v)), V[d["type"]]
        yield su, pred, sv
        # the direct triple answers "what"; the statement keeps doc, year, status and evidence
        st = URIRef(NODE_BASE + "edge:" + hashlib.sha1(f"{u}\x1f{v}\x1f{k}".encode()).hexdigest()[:20])
        yield st, RDF.type, RDF.Statement
        yield st, RDF.subject, su
        yield st, RDF.predicate, pred
        yield st, RDF.object, sv
        for a, val in d.items():
            if a in ("type", "provenance") or val is None:
                continue
            yield st, V[a], literal(a, val)
        yield from provenance_triples(st, d.get("provenance"))


def to_rdf(G: nx.MultiDiGraph):
    """The graph as an rdflib Graph (see :func:`rdf_triples`)."""
    from rdflib import Graph, Namespace

    g = Graph()
    g.bind("kg", Namespace(NODE_BASE))
    g.bind("kgv", Namespace(VOCAB_BASE))
    g.bind("prov", Namespace(PROV_BASE))
    g.bind("tooi", Namespace("https://identifier.overheid.nl/tooi/id/gemeente/"))
    for triple in rdf_triples(G):
        g.add(triple)
    return g


def write_turtle(G: nx.MultiDiGraph, path) -> Path:
    """``graph.ttl`` streamed as N-Triples, which is valid Turtle: one line per triple, terms
    escaped by rdflib (``n3()``), each triple once. rdflib's pretty Turtle serializer first
    builds an in-memory store and sorts it, several times slower on a large graph."""
    seen: set[str] = set()
    with atomic_writer(path) as fh:
        for s, p, o in rdf_triples(G):
            line = f"{s.n3()} {p.n3()} {o.n3()} .\n"
            if line not in seen:
                seen.add(line)
                fh.write(line)
    return Path(path)


# --------------------------------------------------------------------------- all at once
EXPORT_FILES = ("graph.graphml", "graph.gexf", "graph.json", "neo4j/nodes.csv", "neo4j/relationships.csv",
                "graph.ttl")


def write_exports(G: nx.MultiDiGraph, out_dir) -> list[Path]:
    """Write every export under ``out_dir`` (the files of :data:`EXPORT_FILES`); returns their paths."""
    out = Path(out_dir)
    nodes_csv, rels_csv = write_neo4j(G, out / "neo4j")
    return [write_graphml(G, out / "graph.graphml"), write_gexf(G, out / "graph.gexf"),
            write_node_link(G, out / "graph.json"), nodes_csv, rels_csv, write_turtle(G, out / "graph.ttl")]
