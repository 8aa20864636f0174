"""Knowledge graph built from the hand-written mini corpus in tests/data/kg_cases.json."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from inkoopgraaf.models.facts import Fact
from inkoopgraaf.models.graph import NODE_KINDS, build_graph, edges_of_type

CASES = Path(__file__).parent / "data" / "kg_cases.json"


def load_case():
    """(facts, document records, texts, expectations) of the mini corpus.

    Facts name the text they stand on; offsets are computed here so the JSON stays
    readable and every fact's ``text`` is exactly its document slice."""
    data = json.loads(CASES.read_text(encoding="utf-8"))
    facts, docs, texts = [], [], {}
    for d in data["documents"]:
        text = d["text"]
        texts[d["id"]] = text
        for f in d["facts"]:
            start = -1
            for _ in range(f.get("occurrence", 1)):
                start = text.index(f["quote"], start + 1)
            end = start + len(f["quote"])
            facts.append(Fact(doc=d["id"], type=f["type"], text=text[start:end], start=start, end=end,
                              page=f.get("page"), value=f["value"], confidence=f.get("confidence", 0.9)))
        docs.append({"id": d["id"], "path": f"corpus/{d['id']}.txt", "format": "txt", "sha256": "0" * 64,
                     "pages": d.get("pages"), "characters": len(text), "status": d.get("status", "ok"),
                     "error": d.get("error", ""), "year": d["year"], "title": d["title"]})
    return facts, docs, texts, data["expect"]


@pytest.fixture(scope="module")
def case():
    return load_case()


@pytest.fixture(scope="module")
def G(case):
    facts, docs, _, _ = case
    return build_graph(facts, docs)


def edges(G, etype, **attrs):
    return [(u, v, d) for u, v, _, d in edges_of_type(G, etype) if all(d.get(k) == val for k, val in attrs.items())]


def test_node_ids_are_stable_and_meaningful(G):
    for node in ("region:lekstroom", "region:ijmond", "region:zuid_kennemerland", "segment:dyslexie",
                 "segment:wmo_begeleiding", "financing:lumpsum", "financing:populatiebekostiging",
                 "procedure:open_house", "municipality:GM0620", "doc:lekstroom_memo_2015", "actor:college",
                 "actor:raad", "segment:other:veilig_thuis"):
        assert node in G, node
    assert G.nodes["municipality:GM0620"]["tooi_uri"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm0620"
    assert {d["kind"] for _, d in G.nodes(data=True)} == set(NODE_KINDS)


def test_events_decisions_plan_changes_named_by_doc_and_offsets(G, case):
    facts = case[0]
    pc = next(f for f in facts if f.type == "plan_change" and f.doc == "lekstroom_update_2022")
    assert f"plan_change:{pc.doc}:{pc.start}-{pc.end}" in G
    dec = next(f for f in facts if f.type == "decision" and f.doc == "lekstroom_memo_2015")
    assert f"decision:{dec.doc}:{dec.start}-{dec.end}" in G


def test_same_region_merges_across_documents_and_keeps_both_years(G):
    regions = [n for n, d in G.nodes(data=True) if d["kind"] == "Region" and d["region"] == "lekstroom"]
    assert regions == ["region:lekstroom"]
    years = sorted(d["year"] for _, _, d in edges(G, "describes") if d["doc"].startswith("lekstroom"))
    assert years == [2015, 2022]
    assert {p["doc"] for p in G.nodes["region:lekstroom"]["provenance"]} == {"lekstroom_memo_2015",
                                                                               "lekstroom_update_2022"}


def test_change_over_time_is_a_query(G):
    """Lekstroom financed Wmo-begeleiding by PxQ in 2015 and moves to lumpsum in 2022."""
    fin = {(d["year"], d["financing"], d["status"]) for u, _, d in edges(G, "financed_by", region="lekstroom")
           if u == "segment:wmo_begeleiding"}
    assert fin == {(2015, "pxq", "chosen"), (2022, "pxq", "previous"), (2022, "lumpsum", "chosen")}


def test_financing_without_segment_hangs_on_the_region(G):
    for region in ("ijmond", "zuid_kennemerland"):
        hits = [(u, v, d) for u, v, d in edges(G, "financed_by", region=region) if d["scope"] == "all"]
        assert [(u, v, d["status"]) for u, v, d in hits] == [(f"region:{region}", "financing:pxq", "previous")]
    seg = edges(G, "financed_by", region="ijmond", segment="complex")
    assert [(u, v, d["status"]) for u, v, d in seg] == [("segment:complex", "financing:lumpsum", "considered")]


def test_procedures_and_segment_procurement(G):
    assert [(u, v, d["status"], d["year"]) for u, v, d in edges(G, "procured_via")] == \
        [("segment:dyslexie", "procedure:open_house", "chosen", 2022)]
    procured = {(u, v, d["year"]) for u, v, d in edges(G, "procures")}
    assert ("region:lekstroom", "segment:wmo_begeleiding", 2015) in procured
    assert ("region:lekstroom", "segment:wmo_begeleiding", 2022) in procured
    assert ("region:ijmond", "segment:other:veilig_thuis", 2021) in procured


def test_unattributed_document_joins_region_unknown_and_failed_document_is_kept(G):
    assert [(u, v) for u, v, d in edges(G, "describes", doc="notitie_zonder_regio")] == \
        [("doc:notitie_zonder_regio", "region:unknown")]
    assert ("region:unknown", "financing:subsidie") in {(u, v) for u, v, _ in edges(G, "financed_by")}
    failed = G.nodes["doc:kapot_bestand"]
    assert failed["status"] == "failed" and failed["error"] == "PDF is encrypted"


def test_members_valid_in_the_documents_year(G):
    pytest.importorskip("inkoopgraaf.models.gazetteer")
    m2015 = {v for _, v, d in edges(G, "has_member", region=None) if d["year"] == 2015}
    assert "municipality:GM0620" in m2015          # Vianen, before Vijfheerenlanden
    m2022 = {v for u, v, d in edges(G, "has_member") if d["year"] == 2022 and u == "region:lekstroom"}
    assert "municipality:GM0620" not in m2022
    assert "municipality:GM1961" in m2022          # Vijfheerenlanden from 2019
    assert G.nodes["municipality:GM1961"]["tooi_uri"].endswith("/gm1961")


def test_plan_change_moves_the_contract_start(G):
    pcs = [n for n, d in G.nodes(data=True) if d["kind"] == "PlanChange" and d["doc"] == "lekstroom_update_2022"]
    assert len(pcs) == 1
    pc = G.nodes[pcs[0]]
    assert (pc["from_start"], pc["to_start"], pc["shift_days"], pc["event"]) == \
        ("2022-07-01", "2022-10-01", 92, "contract_start")
    moves = {d["role"]: v for _, v, d in G.out_edges(pcs[0], data=True) if d["type"] == "moves"}
    assert G.nodes[moves["from"]]["date_start"] == "2022-07-01" and G.nodes[moves["from"]]["superseded"]
    assert G.nodes[moves["to"]]["date_start"] == "2022-10-01" and not G.nodes[moves["to"]].get("superseded")
    assert G.nodes[moves["to"]]["origin"] == "date"  # the reported date, not a copy


def test_plan_change_without_reported_dates_makes_its_own_events(G):
    pc = next(n for n, d in G.nodes(data=True) if d["kind"] == "PlanChange" and d["doc"].startswith("kennemerland"))
    assert G.nodes[pc]["shift_days"] == 366  # computed from the interval starts when not given
    targets = [v for _, v, d in G.out_edges(pc, data=True) if d["type"] == "moves"]
    assert len(targets) == 2
    assert all(G.nodes[t]["origin"] == "plan_change" and G.nodes[t]["event"] == "contract_end" for t in targets)


def test_decisions_link_actor_region_and_segment(G):
    dec = next(n for n, d in G.nodes(data=True) if d["kind"] == "Decision" and d["actor"] == "college")
    out = {(d["type"], v) for _, v, d in G.out_edges(dec, data=True)}
    assert ("made_by", "actor:college") in out
    assert ("concerns", "region:lekstroom") in out
    assert ("concerns", "segment:wmo_begeleiding") in out  # named inside the decision's clause
    assert G.nodes[dec]["date_start"] == "2015-05-12"


def test_every_node_and_edge_has_provenance_that_quotes_the_document(G, case):
    texts = case[2]
    for n, d in G.nodes(data=True):
        assert d["provenance"], n
    for u, v, k, d in G.edges(keys=True, data=True):
        assert d["provenance"], (u, v, k)
        for p in d["provenance"]:
            if p["type"] == "document":  # the document record itself (region unknown / manifest)
                continue
            assert texts[p["doc"]][p["start"]:p["end"]] == p["quote"]
            assert set(p) >= {"doc", "start", "end", "page", "quote"}


def test_same_facts_same_graph_in_any_order(case):
    facts, docs, _, _ = case
    shuffled = facts[:]
    random.Random(7).shuffle(shuffled)
    a, b = build_graph(facts, docs), build_graph(shuffled, list(reversed(docs)))
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    assert a.nodes["region:lekstroom"]["provenance"] == b.nodes["region:lekstroom"]["provenance"]


def test_accepts_json_facts_and_facts_without_document_record(case):
    facts = [f.to_json() for f in case[0] if f.doc == "lekstroom_update_2022"]
    G = build_graph(facts, [])
    assert G.nodes["doc:lekstroom_update_2022"]["status"] == "no_record"
    assert G.nodes["doc:lekstroom_update_2022"]["year"] is None
    assert "financing:lumpsum" in G


def test_sparse_or_partial_facts_do_not_break_the_graph():
    """Extractors may leave fields open; the graph keeps what there is and drops nothing."""
    facts = [
        Fact("d1", "region", "regio Noord", 0, 11, None, {"id": None, "name": "Regio Noord"}),
        Fact("d1", "financing", "lumpsum", 20, 27, None, {"id": "lumpsum"}),
        Fact("d1", "procedure", "SAS", 30, 33, 4, {"id": "sas", "segment": "crisis", "status": None}),
        Fact("d1", "plan_change", "naar 1 maart 2024", 40, 57, None,
             {"what": "start", "from": None, "to": {"start": "2024-03-01", "end": "2024-03-01"}}),
        Fact("d1", "decision", "besloten", 60, 68, None, {"actor": None, "status": "taken", "object": None}),
        Fact("d1", "date", "2023", 70, 74, None, {"start": "2023-01-01", "end": "2023-12-31",
                                                  "granularity": "year", "modifier": None, "event": None}),
    ]
    G = build_graph(facts, [{"id": "d1", "year": "2023", "status": "ok"}])
    assert "region:regio_noord" in G                       # slug of the name when the id is missing
    assert G.has_edge("region:regio_noord", "financing:lumpsum")
    assert G.has_edge("segment:crisis", "procedure:sas")
    assert "actor:other" in G
    pc = next(n for n, d in G.nodes(data=True) if d["kind"] == "PlanChange")
    assert G.nodes[pc]["shift_days"] is None and G.nodes[pc]["to_start"] == "2024-03-01"
    assert not [n for n, d in G.nodes(data=True) if d["kind"] == "Event" and d["origin"] == "date"]  # name-year
    assert G.nodes["doc:d1"]["year"] == 2023


def test_provenance_quotes_the_sentence_when_texts_are_given():
    from inkoopgraaf.models.facts import Fact
    from inkoopgraaf.models.graph import build_graph

    text = "Inleiding.\nVoor dyslexie kiezen de gemeenten voor populatiebekostiging. Daarna volgt meer."
    s = text.index("populatiebekostiging")
    seg = text.index("dyslexie")
    facts = [
        Fact("d1", "segment", "dyslexie", seg, seg + 8, None,
             {"id": "dyslexie", "label": "dyslexie", "domain": "jeugd", "parent": None}),
        Fact("d1", "financing", "populatiebekostiging", s, s + 20, None,
             {"id": "populatiebekostiging", "variant": "taakgericht", "segment": "dyslexie", "status": "chosen"}),
    ]
    G = build_graph(facts, [{"id": "d1", "year": 2023}], {"d1": text})
    quotes = {p["quote"] for _, _, d in G.edges(data=True) for p in d["provenance"] if p["type"] == "financing"}
    assert quotes == {"Voor dyslexie kiezen de gemeenten voor populatiebekostiging."}
    bare = build_graph(facts, [{"id": "d1", "year": 2023}])
    assert {p["quote"] for _, _, d in bare.edges(data=True) for p in d["provenance"]
            if p["type"] == "financing"} == {"populatiebekostiging"}


def test_passage_bounds_long_sentences():
    from inkoopgraaf.models.evidence import passage

    long = "Dit is " + "een heel lange zin " * 60 + "met PxQ erin " + "en nog meer woorden " * 60 + "."
    s = long.index("PxQ")
    out = passage(long, s, s + 3, limit=120)
    assert "PxQ" in out and len(out) <= 125 and out.startswith("…") and out.endswith("…")
    assert passage("Kop\nRij\tPxQ\tlumpsum\n", 8, 11) == "Rij | PxQ | lumpsum"
    assert passage("", 0, 0) == ""
