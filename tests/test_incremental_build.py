"""Incremental builds and bounded exports (issue 14): what a build rewrites, keeps and drops."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models.exports import read_node_link

DOCS = Path(__file__).parent / "data" / "answers_docs"
THREE = ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "planning_midden_holland.txt")


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report", *extra])
    assert r.exit_code == 0, r.output
    return r


def _generation(out: Path) -> Path:
    return (out / ".snapshots" / "current").resolve()


def _snapshot_bytes(out: Path) -> dict[str, bytes]:
    gen = _generation(out)
    return {str(p.relative_to(gen)): p.read_bytes() for p in sorted(gen.rglob("*")) if p.is_file()}


def test_a_no_change_build_keeps_the_generation_and_its_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    gen, before = _generation(out), _snapshot_bytes(out)
    r = _build(corpus, out)
    assert f"nothing changed; {out}/ is current (3 document(s), 0 failed;" in r.stderr
    assert _generation(out) == gen and _snapshot_bytes(out) == before
    # a changed option is another build (the inputs key covers options, not only files)
    _build(corpus, out, "--graph-files", "never")
    assert _generation(out) != gen and not (out / "graph.json").exists()


def test_one_changed_document_rewrites_its_rows_only(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    old = _generation(out)
    changed = corpus / "planning_midden_holland.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 "
                       "de jeugdhulp met een lumpsum te bekostigen.\n", encoding="utf-8")
    r = _build(corpus, out)
    assert "2 unchanged, from cache" in r.stderr
    assert "inkoopgraaf.db (0 added, 1 changed, 0 removed)" in r.stderr
    new = _generation(out)
    for name in THREE:   # unchanged texts are the previous generation's files (hard links), not copies
        same = (new / "texts" / name.replace(".txt", ".txt")).stat().st_ino == (old / "texts" / name).stat().st_ino
        assert same == (name != changed.name), name


def test_a_removed_document_disappears_from_every_output_and_the_cache(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, "--graph-files", "always")
    cache_before = {p.name for p in (out / ".cache").glob("*.json")}
    gone = "gooi_vechtstreek_2015"
    assert any(gone.encode() in data for data in _snapshot_bytes(out).values())
    (corpus / f"{gone}.txt").unlink()
    _build(corpus, out, "--graph-files", "always")
    for name, data in _snapshot_bytes(out).items():
        if name != "inkoopgraaf.db":
            assert gone.encode() not in data, name
    con = sqlite3.connect(_generation(out) / "inkoopgraaf.db")
    try:
        assert con.execute("SELECT count(*) FROM documents WHERE id = ?", (gone,)).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM facts WHERE doc = ?", (gone,)).fetchone() == (0,)
    finally:
        con.close()
    cache_after = {p.name for p in (out / ".cache").glob("*.json")}
    assert len(cache_after - {"stat-index.json"}) == len(cache_before - {"stat-index.json"}) - 1


def test_export_whole_corpus_equals_the_build_file_and_region_filters(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, "--graph-files", "always")
    runner = CliRunner()
    whole = tmp_path / "alles.json"
    r = runner.invoke(main, ["export", "json", "--outputs", str(out), "--out", str(whole)])
    assert r.exit_code == 0, r.output
    assert whole.read_bytes() == (out / "graph.json").read_bytes()
    part = tmp_path / "gooi.graphml"
    r = runner.invoke(main, ["export", "graphml", "--region", "gooi_en_vechtstreek", "--outputs", str(out),
                             "--out", str(part)])
    assert r.exit_code == 0, r.output
    H = nx.read_graphml(part, force_multigraph=True)
    docs = {n for n, d in H.nodes(data=True) if d.get("kind") == "Document"}
    assert docs == {"doc:gooi_vechtstreek_2015"}
    assert H.number_of_nodes() < read_node_link(whole).number_of_nodes()
    r = runner.invoke(main, ["export", "ttl", "--region", "gooi_vechtstrek", "--outputs", str(out)])
    assert r.exit_code == 1 and "Did you mean: gooi_en_vechtstreek" in r.stderr


def test_a_region_export_reads_only_its_documents_lines_of_facts_jsonl(corpus, tmp_path):
    """facts.jsonl's index gives each document's byte range: a region export seeks to its
    documents' lines and never parses the others' (here made unreadable)."""
    import json
    out = tmp_path / "out"
    _build(corpus, out)
    gen = _generation(out)
    before = tmp_path / "before.json"
    args = ["export", "json", "--region", "gooi_en_vechtstreek", "--outputs", str(out)]
    assert CliRunner().invoke(main, [*args, "--out", str(before)]).exit_code == 0
    index = json.loads((gen / ".facts-index.json").read_text(encoding="utf-8"))
    data = bytearray((gen / "facts.jsonl").read_bytes())
    start, length, _ = index["planning_midden_holland"]
    data[start:start + length - 1] = b"x" * (length - 1)       # another region's document, same length
    facts = gen / "facts.jsonl"
    facts.unlink()                                              # a new file: the linked one stays intact
    facts.write_bytes(bytes(data))
    after = tmp_path / "after.json"
    r = CliRunner().invoke(main, [*args, "--out", str(after)])
    assert r.exit_code == 0, r.output
    assert after.read_bytes() == before.read_bytes()


def test_a_large_corpus_gets_no_whole_corpus_graph_files_unless_asked(corpus, tmp_path, monkeypatch):
    import inkoopgraaf.cli as cli
    monkeypatch.setattr(cli, "GRAPH_FILES_AUTO_MAX", 2)
    out = tmp_path / "out"
    r = _build(corpus, out)
    assert not (out / "graph.gexf").exists() and (out / "financing.csv").exists()
    assert "graph files not written for 3 documents (more than 2)" in r.stderr
    _build(corpus, out, "--graph-files", "always")
    assert (out / "graph.gexf").exists()
    assert os.path.islink(out / "graph.gexf")


def test_the_stat_index_hashes_a_file_only_when_its_size_or_mtime_changed(tmp_path, monkeypatch):
    from inkoopgraaf import snapshot
    doc = tmp_path / "nota.txt"
    doc.write_text("Regio Twente kiest voor lumpsum.", encoding="utf-8")
    old = doc.stat().st_mtime_ns - 60 * 10**9          # written a minute ago: not racily clean
    os.utime(doc, ns=(old, old))
    hashed = []
    real = snapshot._sha256
    monkeypatch.setattr(snapshot, "_sha256", lambda p: hashed.append(p) or real(p))
    index = snapshot.StatIndex(tmp_path / ".cache")
    first = index.sha(doc)
    index.save()
    again = snapshot.StatIndex(tmp_path / ".cache")
    assert again.sha(doc) == first and len(hashed) == 1          # one stat, no read
    doc.write_text("Regio Twente kiest voor PxQ!!!!", encoding="utf-8")   # same size, new mtime
    os.utime(doc, ns=(old + 10**9, old + 10**9))
    assert again.sha(doc) != first and len(hashed) == 2
    doc.write_text("Net geschreven.", encoding="utf-8")      # just written: hashed every time until it settles
    again.sha(doc)
    again.sha(doc)
    assert len(hashed) == 4


# --------------------------------------------------------------------------- incremental == cold
def _doc_case(doc_id: str, text: str, specs, year: int):
    from inkoopgraaf.models.facts import Fact
    facts = []
    for ftype, quote, value in specs:
        s = text.index(quote)
        facts.append(Fact(doc=doc_id, type=ftype, text=quote, start=s, end=s + len(quote), page=None,
                          value=value, confidence=0.9))
    return facts, {"id": doc_id, "title": text.split(".")[0], "year": year, "status": "ok",
                   "characters": len(text)}, {doc_id: text}


def _sharing_documents():
    """Two documents naming one region, segment and municipality the gazetteer and taxonomy do
    not know, each in its own wording: in the whole graph the first (by id) names them for both,
    and the second fills in the domain the first left open."""
    a = _doc_case("a_first", "Regio Nergens koopt Jeugd-Zorg X in met een lumpsum. Nergenshuizen doet mee.",
                  [("region", "Regio Nergens", {"id": "regio_nergens", "name": "Regio Nergens"}),
                   ("segment", "Jeugd-Zorg X", {"id": "other", "label": "Jeugd-Zorg X", "domain": None}),
                   ("municipality", "Nergenshuizen", {"cbs": "GM9999", "name": "Nergenshuizen"})], 2021)
    b = _doc_case("b_second", "REGIO NERGENS koopt jeugd zorg x in. Nergens-huizen doet mee.",
                  [("region", "REGIO NERGENS", {"id": "regio_nergens", "name": "REGIO NERGENS"}),
                   ("segment", "jeugd zorg x", {"id": "other", "label": "jeugd zorg x", "domain": "jeugd"}),
                   ("municipality", "Nergens-huizen", {"cbs": "GM9999", "name": "Nergens-huizen"})], 2022)
    return [a, b]


@pytest.mark.parametrize("leave_out", [None, "a_first", "b_second", "lekstroom_2022"])
def test_tables_from_per_document_pieces_equal_the_whole_graphs(leave_out):
    """Each document's piece is made from that document alone; assembled, the pieces give the
    tables of the whole graph, also when the document that named a shared node is gone."""
    import pandas as pd
    from inkoopgraaf.models.derived import assemble, document_piece
    from inkoopgraaf.models.graph import build_graph
    from inkoopgraaf.models.tables import TABLE_NAMES, tables_from_graph
    from test_graph import load_case
    facts, docs, texts, _ = load_case()
    for f, rec, text in _sharing_documents():
        facts, docs, texts = facts + f, docs + [rec], {**texts, **text}
    docs = [d for d in docs if d["id"] != leave_out]
    facts = [f for f in facts if f.doc != leave_out]
    assert len({d["id"] for d in docs}) >= 3
    whole = tables_from_graph(build_graph(facts, docs, texts))
    pieces = [document_piece(d["id"], d, [f for f in facts if f.doc == d["id"]], texts.get(d["id"]))
              for d in reversed(docs)]           # the order pieces come in does not matter
    assembled = assemble(pieces).tables
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(assembled[name], whole[name], obj=name)
    segs = assembled["segments"]
    names = set(segs.loc[segs.region == "regio_nergens", "region_name"])
    assert names == ({"REGIO NERGENS"} if leave_out == "a_first" else {"Regio Nergens"})
    domains = set(segs.loc[segs.region == "regio_nergens", "domain"].dropna())
    assert domains == (set() if leave_out == "b_second" else {"jeugd"})


def test_tables_written_per_region_block_are_the_whole_tables_bytes(tmp_path):
    """Each region block is sorted and formatted alone (and copied when unchanged): the files
    are byte for byte the whole sorted tables written at once, with the regions in order and
    rows without a region last."""
    from inkoopgraaf.models.derived import assemble, document_piece
    from inkoopgraaf.models.tables import TABLE_NAMES, write_tables
    from test_graph import load_case
    facts, docs, texts, _ = load_case()
    for f, rec, text in _sharing_documents():
        facts, docs, texts = facts + f, docs + [rec], {**texts, **text}
    pieces = [document_piece(d["id"], d, [f for f in facts if f.doc == d["id"]], texts.get(d["id"])) for d in docs]
    asm = assemble(pieces)
    write_tables(asm.tables, tmp_path / "whole")
    asm.write_tables(tmp_path / "blocks")
    asm.write_tables(tmp_path / "copied", tmp_path / "blocks")      # every block copied
    for name in TABLE_NAMES:
        whole = (tmp_path / "whole" / f"{name}.csv").read_bytes()
        assert (tmp_path / "blocks" / f"{name}.csv").read_bytes() == whole, name
        assert (tmp_path / "copied" / f"{name}.csv").read_bytes() == whole, name
    assert len(asm.blocks("timeline")) > 2


def _store_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of the store's tables with its own ids replaced by what they point at
    (a fact by doc, type and span), so two stores built in different steps compare."""
    con = sqlite3.connect(db)
    try:
        fact_of = {i: (d, t, s, e) for i, d, t, s, e in con.execute('SELECT id, doc, type, start, "end" FROM facts')}
        out = {}
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'")]
        for name in names:
            cur = con.execute(f'SELECT * FROM "{name}"')
            cols = [c[0] for c in cur.description]
            rows = []
            for row in cur:
                rec = dict(zip(cols, row))
                if name not in ("documents", "regions", "municipalities", "meta", "vocabulary", "texts"):
                    rec.pop("id", None)
                if "evidence_fact" in rec:
                    rec["evidence_fact"] = fact_of.get(rec["evidence_fact"])
                rows.append(tuple(sorted((k, repr(v)) for k, v in rec.items())))
            out[name] = sorted(rows)
        return out
    finally:
        con.close()


def _outputs(out: Path) -> tuple[dict[str, bytes], dict]:
    files = {k: v for k, v in _snapshot_bytes(out).items() if k not in ("inkoopgraaf.db", ".inputs.json")}
    return files, _store_rows(_generation(out) / "inkoopgraaf.db")


def _run(corpus: Path, out: Path, *extra: str, code: int = 1):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), *extra])
    assert r.exit_code == code, r.output       # the corpus holds one unreadable file: exit 1
    return r


@pytest.mark.parametrize("on_disk", [False, True])
def test_held_pieces_assemble_as_the_pieces_themselves(tmp_path, on_disk):
    """A build holds pieces compressed with their summary only (models/derived.py HeldPiece);
    assembled, they give the same tables, warnings and store fingerprints as the dicts."""
    import pandas as pd
    from inkoopgraaf.models.derived import PieceCache, assemble, document_piece
    from inkoopgraaf.models.tables import TABLE_NAMES
    from test_graph import load_case
    facts, docs, texts, _ = load_case()
    for f, rec, text in _sharing_documents():
        facts, docs, texts = facts + f, docs + [rec], {**texts, **text}
    made = {d["id"]: document_piece(d["id"], d, [f for f in facts if f.doc == d["id"]], texts.get(d["id"]))
            for d in docs}
    cache = PieceCache(tmp_path if on_disk else None)
    held = [cache.held(f"k{i}", d["id"], lambda d=d: made[d["id"]]) for i, d in enumerate(docs)]
    if on_disk:      # the second time they come from the files
        held = [cache.held(f"k{i}", d["id"], lambda: pytest.fail("not reused")) for i, d in enumerate(docs)]
    keys = {d["id"]: f"k{i}" for i, d in enumerate(docs)}
    plain, compact = assemble(list(made.values()), keys), assemble(held, keys)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(compact.tables[name], plain.tables[name], obj=name)
    assert compact.fingerprints == plain.fingerprints
    assert compact.attributions() == plain.attributions() and compact.weak_spans() == plain.weak_spans()
    assert compact.unattributed() == plain.unattributed() and compact.failures() == plain.failures()


@pytest.mark.parametrize("split_above", [50, 2], ids=["one-file-report", "report-per-region"])
def test_incremental_builds_give_exactly_the_outputs_of_cold_builds(tmp_path, monkeypatch, split_above):
    """Change, add, remove: each incremental build's tables, facts, documents, texts, report
    (one file, or split into report/<region>.html) and database rows equal a cold build's of
    the same corpus; a failing file never stops it."""
    from inkoopgraaf.report import render
    monkeypatch.setattr(render, "SPLIT_ABOVE_DOCUMENTS", split_above)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "memo_zonder_regio.txt",
                 "strategie_2026_2031.txt"):
        shutil.copy(DOCS / name, corpus / name)
    (corpus / "kapot.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    inc = tmp_path / "inc"
    _run(corpus, inc)
    changed = corpus / "strategie_2026_2031.txt"
    steps = [
        ("change", lambda: changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit "
                                              "op 3 maart 2027 de jeugdhulp met een lumpsum te bekostigen.\n",
                                              encoding="utf-8")),
        ("add", lambda: shutil.copy(DOCS / "planning_midden_holland.txt", corpus / "planning_midden_holland.txt")),
        ("remove", lambda: (corpus / "gooi_vechtstreek_2015.txt").unlink()),
    ]
    for i, (what, step) in enumerate(steps):
        step()
        r = _run(corpus, inc)
        assert "kapot.txt" in r.stderr and "from cache" in r.stderr
        cold = tmp_path / f"cold_{i}"
        _run(corpus, cold, "--no-cache")
        inc_files, inc_rows = _outputs(inc)
        cold_files, cold_rows = _outputs(cold)
        assert sorted(inc_files) == sorted(cold_files), what
        for name in cold_files:
            assert inc_files[name] == cold_files[name], f"{what}: {name}"
        assert inc_rows == cold_rows, what
        pages = [name for name in inc_files if name.startswith("report/")]
        assert bool(pages) == (split_above == 2), what
    assert not any(b"gooi_vechtstreek_2015" in data for data in inc_files.values())
    # one cached piece per document of the corpus (the failing one too); the removed one's is pruned
    assert len(list((inc / ".cache" / "derived").glob("*.json"))) == len(list(corpus.iterdir()))


def test_a_document_whose_rows_cannot_be_made_costs_only_its_rows(corpus, tmp_path, monkeypatch):
    """A bug one document's facts trigger in the graph or tables: a warning naming it, the other
    documents' rows written, and its piece made again next build (not cached as failed)."""
    from inkoopgraaf.models import derived
    real = derived.document_piece

    def flaky(doc_id, *args):
        if doc_id == "gooi_vechtstreek_2015":
            raise ValueError("kapot")
        return real(doc_id, *args)
    monkeypatch.setattr(derived, "document_piece", flaky)
    out = tmp_path / "out"
    r = _build(corpus, out)
    assert ("gooi_vechtstreek_2015: its rows of the comparison tables could not be made (ValueError: kapot)"
            in r.stderr)
    docs = set(pd_read(out / "members.csv")["doc"])
    assert "gooi_vechtstreek_2015" not in docs and docs
    monkeypatch.setattr(derived, "document_piece", real)
    (corpus / "bekostiging_noord_limburg.txt").unlink()     # another build: the piece is made now
    r = _build(corpus, out)
    assert "could not be made" not in r.stderr
    assert "gooi_vechtstreek_2015" in set(pd_read(out / "members.csv")["doc"])


def pd_read(path: Path):
    import pandas as pd
    return pd.read_csv(path)


def test_a_change_renders_only_its_regions_pages_and_serialises_only_its_facts(tmp_path, monkeypatch):
    """After one changed document, the region pages it is not on are the previous generation's
    files (linked, never rendered), and facts.jsonl copies the other documents' lines; the
    outputs still equal a cold build's (the test above)."""
    from inkoopgraaf import cli
    from inkoopgraaf.report import render
    monkeypatch.setattr(render, "SPLIT_ABOVE_DOCUMENTS", 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "planning_midden_holland.txt")
    for name in names:
        shutil.copy(DOCS / name, corpus / name)
    out = tmp_path / "out"
    _run(corpus, out, code=0)
    old = _generation(out)
    rendered, serialised = [], []
    real_region_payload, real_dumps = render.region_payload, cli.dumps_facts
    monkeypatch.setattr(render, "region_payload", lambda region, *a, **k: rendered.append(region["id"])
                        or real_region_payload(region, *a, **k))
    monkeypatch.setattr(cli, "dumps_facts", lambda facts: serialised.extend({f.doc for f in facts})
                        or real_dumps(facts))
    changed = corpus / "planning_midden_holland.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 "
                       "de jeugdhulp met een lumpsum te bekostigen.\n", encoding="utf-8")
    _run(corpus, out, code=0)
    new = _generation(out)
    assert set(serialised) == {"planning_midden_holland"}
    pages = {p.name for p in (new / "report").glob("*.html")}
    assert rendered and set(rendered) < {p[:-5] for p in pages}      # some pages, not all
    for page in pages:
        linked = (new / "report" / page).stat().st_ino == (old / "report" / page).stat().st_ino
        assert linked == (page[:-5] not in rendered), page
    # the same inputs again under --no-cache: everything is made anew, nothing taken by key
    rendered.clear()
    serialised.clear()
    _run(corpus, out, "--no-cache", code=0)
    assert set(rendered) == {p[:-5] for p in pages} and set(serialised) == {n[:-4] for n in names}


def test_a_change_makes_only_its_regions_table_blocks_and_reads_no_other_facts_for_the_report(tmp_path, monkeypatch):
    """After one changed document, each table's region blocks the document has no rows in are
    the previous generation's bytes (copied, never made), and the report's summary is folded
    from cached contributions: no other document's facts are read for it. The bytes equal a
    cold build's (tested above)."""
    from inkoopgraaf.models import derived
    from inkoopgraaf.report import render
    monkeypatch.setattr(render, "SPLIT_ABOVE_DOCUMENTS", 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in THREE:
        shutil.copy(DOCS / name, corpus / name)
    out = tmp_path / "out"
    _run(corpus, out, code=0)
    made, paged = [], []
    real_block, real_payload = derived.Assembly._block_text, render.build_payload
    monkeypatch.setattr(derived.Assembly, "_block_text", lambda self, name, region, docs:
                        made.append((name, region, tuple(docs))) or real_block(self, name, region, docs))
    monkeypatch.setattr(render, "build_payload", lambda facts, *a, **k:
                        paged.extend({f["doc"] for f in facts}) or real_payload(facts, *a, **k))
    changed = corpus / "planning_midden_holland.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2024 "
                       "de jeugdhulp met een lumpsum te bekostigen.\n", encoding="utf-8")
    _run(corpus, out, code=0)
    assert made and all("planning_midden_holland" in docs for _, _, docs in made)
    gen = _generation(out)
    import csv as csv_mod
    for name in ("timeline", "members"):
        with open(gen / f"{name}.csv", encoding="utf-8", newline="") as fh:
            regions = {row["region"] for row in csv_mod.DictReader(fh)}
        mine = {region for table, region, _ in made if table == name}
        assert mine and mine < regions, name        # some blocks made, the others copied
    assert set(paged) == {"planning_midden_holland"}
