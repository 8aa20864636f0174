"""Every export is read back (networkx readers, csv, rdflib) and checked for counts and attributes."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import PROV, RDF, RDFS

from inkoopgraaf.models.exports import (EXPORT_FILES, VOCAB_BASE, read_node_link, relationship_type,
                                        write_exports)
from inkoopgraaf.models.graph import build_graph
from test_graph import load_case


@pytest.fixture(scope="module")
def G():
    facts, docs, _, _ = load_case()
    return build_graph(facts, docs)


@pytest.fixture(scope="module")
def out(G, tmp_path_factory):
    d = tmp_path_factory.mktemp("exports")
    paths = write_exports(G, d)
    assert sorted(str(p.relative_to(d)) for p in paths) == sorted(EXPORT_FILES)
    return d


def _pc_node(G):
    return next(n for n, d in G.nodes(data=True) if d["kind"] == "PlanChange" and d["doc"] == "lekstroom_update_2022")


def test_no_temporary_files_left(out):
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_graphml_roundtrip(G, out):
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["municipality:GM0620"]["tooi_uri"].endswith("/gm0620")
    pc = H.nodes[_pc_node(G)]
    assert pc["shift_days"] == 92 and pc["kind"] == "PlanChange"
    prov = json.loads(H.nodes["region:lekstroom"]["provenance"])  # lists travel as JSON strings
    assert {p["doc"] for p in prov} == {"lekstroom_memo_2015", "lekstroom_update_2022"}
    types = {d["type"] for *_, d in H.edges(data=True)}
    assert {"financed_by", "procured_via", "moves", "made_by", "describes"} <= types


def test_gexf_roundtrip_is_dynamic_for_gephi(G, out):
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    H = nx.read_gexf(out / "graph.gexf")
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    ev = next(n for n, d in G.nodes(data=True) if d["kind"] == "Event" and d.get("date_start") == "2022-10-01")
    assert (H.nodes[ev]["start"], H.nodes[ev]["end"]) == ("2022-10-01", "2022-10-01")
    fin = [d for u, v, d in H.edges(data=True) if d.get("relation") == "financed_by" and d.get("year") == 2015]
    assert fin and all((d["start"], d["end"]) == ("2015-01-01", "2015-12-31") for d in fin)
    assert "start" not in H.nodes["region:lekstroom"]  # shared concepts live on the whole timeline


def test_node_link_json_roundtrip_keeps_native_attributes(G, out):
    H = read_node_link(out / "graph.json")
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["region:lekstroom"]["provenance"] == G.nodes["region:lekstroom"]["provenance"]
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))


def test_neo4j_bulk_import_csv(G, out):
    with open(out / "neo4j" / "nodes.csv", newline="", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(out / "neo4j" / "relationships.csv", newline="", encoding="utf-8") as fh:
        rels = list(csv.DictReader(fh))
    assert len(nodes) == G.number_of_nodes() and len(rels) == G.number_of_edges()
    assert {"id:ID", ":LABEL", "year:long"} <= set(nodes[0])
    assert {":START_ID", ":END_ID", ":TYPE", "shift_days:long"} <= set(rels[0])
    ids = {n["id:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    by_id = {n["id:ID"]: n for n in nodes}
    assert by_id["region:lekstroom"][":LABEL"] == "Region"
    assert by_id["municipality:GM0620"]["tooi_uri"].endswith("/gm0620")
    moves = [r for r in rels if r[":TYPE"] == "MOVES" and r[":START_ID"] == _pc_node(G)]
    assert {r["shift_days:long"] for r in moves} == {"92"}
    assert relationship_type("financed_by") == "FINANCED_BY"


def test_turtle_parses_with_tooi_and_prov(G, out):
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    V = rdflib.Namespace(VOCAB_BASE)
    typed = {s for s, _, o in g.triples((None, RDF.type, None)) if str(o).startswith(VOCAB_BASE)
             and o != V.Fact}
    assert len(typed) == G.number_of_nodes()
    assert len(set(g.subjects(RDF.type, RDF.Statement))) == G.number_of_edges()
    vianen = rdflib.URIRef("https://identifier.overheid.nl/tooi/id/gemeente/gm0620")
    assert (vianen, RDF.type, V.Municipality) in g
    assert (vianen, RDFS.label, rdflib.Literal("Vianen")) in g
    # provenance: node -> prov:wasDerivedFrom fact -> prov:wasQuotedFrom document, with the quote
    facts = list(g.objects(vianen, PROV.wasDerivedFrom))
    assert facts
    quotes = {str(q) for f in facts for q in g.objects(f, PROV.value)}
    assert "Vianen" in quotes
    docs = {d for f in facts for d in g.objects(f, PROV.wasQuotedFrom)}
    assert all((d, RDF.type, V.Document) in g for d in docs)
    # a financing edge as a direct triple and as a statement that keeps status and year
    seg, fin = rdflib.URIRef("urn:inkoopgraaf:segment:dyslexie"), rdflib.URIRef("urn:inkoopgraaf:financing:populatiebekostiging")
    assert (seg, V.financed_by, fin) in g
    st = next(s for s in g.subjects(RDF.subject, seg) if (s, RDF.object, fin) in g)
    assert str(g.value(st, V.status)) == "chosen" and g.value(st, V.year).toPython() == 2022
