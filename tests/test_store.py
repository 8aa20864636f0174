"""The SQLite store: schema, typed fact columns, per-document update, FTS, foreign keys, and `build`."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models.graph import build_graph
from inkoopgraaf.models.store import COMPARISON_TABLES, read_facts, read_table, write_store
from inkoopgraaf.models.tables import tables_from_graph
from test_cli_build import STRATEGY
from test_graph import load_case


def _inputs(facts, docs, texts):
    return facts, docs, texts, tables_from_graph(build_graph(facts, docs, texts))


def _rows(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


@pytest.fixture
def case_db(tmp_path):
    facts, docs, texts, _ = load_case()
    db = tmp_path / "inkoopgraaf.db"
    stats = write_store(db, *_inputs(facts, docs, texts))
    return db, facts, docs, texts, stats


def test_schema_has_every_table_with_keys_and_indexes(case_db):
    db, facts, docs, _, stats = case_db
    assert stats.rebuilt and stats.added == len(docs)
    names = {n for (n,) in _rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "texts", "facts", "regions", "municipalities", *COMPARISON_TABLES,
            "facts_fts", "texts_fts"} <= names
    fks = {(t, r[3], r[2]) for t in ("facts", "financing", "decisions")
           for r in _rows(db, f"PRAGMA foreign_key_list({t})")}
    assert ("facts", "doc", "documents") in fks and ("financing", "region", "regions") in fks
    assert ("decisions", "evidence_fact", "facts") in fks
    indexed = {r[1] for r in _rows(db, "PRAGMA index_list(financing)")}
    assert {"idx_financing_region", "idx_financing_segment", "idx_financing_doc"} <= indexed
    assert _rows(db, "PRAGMA foreign_key_check") == []
    assert _rows(db, "SELECT count(*) FROM facts")[0][0] == len(facts)


def test_fact_values_are_typed_columns_with_provenance_and_quote(case_db):
    db, facts, _, texts, _ = case_db
    date = next(f for f in facts if f.type == "date" and f.value.get("event"))
    row = _rows(db, 'SELECT start, "end", page, text, quote, date_start, date_end, event, granularity '
                    "FROM facts WHERE doc = ? AND start = ? AND type = 'date'", date.doc, date.start)[0]
    assert row[:4] == (date.start, date.end, date.page, date.text)
    assert date.text in row[4] and len(row[4]) > len(date.text)          # the sentence around the span
    assert row[5:] == (date.value["start"], date.value["end"], date.value["event"], date.value["granularity"])
    pc = next(f for f in facts if f.type == "plan_change")
    shift, to_start = _rows(db, "SELECT shift_days, to_start FROM facts WHERE type = 'plan_change' AND start = ?",
                            pc.start)[0]
    assert shift == pc.value["shift_days"] and isinstance(shift, int) and to_start == pc.value["to"]["start"]
    # the contract facts come back unchanged
    assert sorted(f.dumps() for f in read_facts(db)) == sorted(f.dumps() for f in facts)


def test_every_table_row_points_at_its_evidence_fact(case_db):
    db = case_db[0]
    for name in ("financing", "decisions", "plan_changes"):
        missing = _rows(db, f"SELECT count(*) FROM {name} t LEFT JOIN facts f ON f.id = t.evidence_fact "
                            f"WHERE t.evidence_quote IS NOT NULL AND f.id IS NULL")[0][0]
        assert missing == 0, name
    # and the fact it points at is the one the quote was taken from
    row = _rows(db, "SELECT t.evidence_start, f.start, t.evidence_doc, f.doc FROM financing t "
                    "JOIN facts f ON f.id = t.evidence_fact LIMIT 1")[0]
    assert row[0] == row[1] and row[2] == row[3]


def test_full_text_search_over_quotes_and_texts(case_db):
    db = case_db[0]
    hits = _rows(db, "SELECT f.doc, f.quote FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid "
                     "WHERE facts_fts MATCH 'populatiebekostiging'")
    assert hits and all("populatiebekostiging" in q.lower() for _, q in hits)
    docs = _rows(db, "SELECT t.doc FROM texts_fts JOIN texts t ON t.rowid = texts_fts.rowid "
                     "WHERE texts_fts MATCH 'populatiebekostiging'")
    assert {d for d, _ in hits} <= {d for (d,) in docs}
    # diacritics folded: 'financiele' finds 'financiële'
    assert _rows(db, "SELECT count(*) FROM texts_fts WHERE texts_fts MATCH 'financiele'")[0][0] == \
        _rows(db, "SELECT count(*) FROM texts_fts WHERE texts_fts MATCH 'financiële'")[0][0]


def test_per_document_update_replaces_changed_and_deletes_removed(case_db):
    db, facts, docs, texts, _ = case_db
    changed, removed, *kept = [d["id"] for d in docs]
    kept_ids = _rows(db, "SELECT id FROM facts WHERE doc = ? ORDER BY id", kept[0])
    # the changed document: one fact's confidence differs and its title changed
    new_facts = [replace(f, confidence=0.11) if f.doc == changed else f for f in facts if f.doc != removed]
    new_docs = [{**d, "title": "Nieuwe titel"} if d["id"] == changed else d for d in docs if d["id"] != removed]
    new_texts = {k: v for k, v in texts.items() if k != removed}
    stats = write_store(db, *_inputs(new_facts, new_docs, new_texts))
    assert (stats.updated, stats.removed, stats.added, stats.unchanged) == (1, 1, 0, len(kept))
    assert not stats.rebuilt
    for table in ("documents", "texts", "facts", *COMPARISON_TABLES):
        col = "id" if table == "documents" else "doc"
        assert _rows(db, f"SELECT count(*) FROM {table} WHERE {col} = ?", removed)[0][0] == 0, table
    assert {c for (c,) in _rows(db, "SELECT DISTINCT confidence FROM facts WHERE doc = ?", changed)} == {0.11}
    assert _rows(db, "SELECT title FROM documents WHERE id = ?", changed) == [("Nieuwe titel",)]
    # an unchanged document is not touched: its fact ids (and links to them) stay
    assert _rows(db, "SELECT id FROM facts WHERE doc = ? ORDER BY id", kept[0]) == kept_ids
    # the FTS index follows: no quote of the removed document is found any more
    fts_docs = {d for (d,) in _rows(db, "SELECT f.doc FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid "
                                        "WHERE facts_fts MATCH 'jeugdhulp'")}
    assert removed not in fts_docs
    n_fts = _rows(db, "SELECT count(*) FROM facts_fts")[0][0]
    assert n_fts == _rows(db, "SELECT count(*) FROM facts")[0][0]
    assert _rows(db, "PRAGMA foreign_key_check") == []
    # a second identical write changes nothing
    again = write_store(db, *_inputs(new_facts, new_docs, new_texts))
    assert (again.updated, again.added, again.removed) == (0, 0, 0)


def test_read_table_round_trip(case_db):
    db, *_ = case_db
    fin = read_table(db, "financing")
    assert {"region", "segment", "financing", "status", "evidence_fact"} <= set(fin.columns)
    assert len(fin) == _rows(db, "SELECT count(*) FROM financing")[0][0]


def test_build_writes_the_store_and_updates_it_per_document(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rivierenland.txt").write_text(STRATEGY, encoding="utf-8")
    (corpus / "tweede.txt").write_text(STRATEGY.replace("Rivierenland", "Lekstroom"), encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    r = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert r.exit_code == 0, r.output
    db = out / "inkoopgraaf.db"
    assert "inkoopgraaf.db (2 added" in r.stderr
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 2
    (corpus / "tweede.txt").unlink()
    r = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert "inkoopgraaf.db (0 added, 0 changed, 1 removed)" in r.stderr
    assert [d for (d,) in _rows(db, "SELECT id FROM documents")] == ["rivierenland"]


def test_tables_read_back_equal_the_tables_written(case_db):
    db, facts, docs, texts, _ = case_db
    tables = _inputs(facts, docs, texts)[3]
    for name in COMPARISON_TABLES:
        back = read_table(db, name).drop(columns=["id", "evidence_fact"])
        want = tables[name]
        norm = lambda df: df.astype(object).where(df.notna(), None)  # noqa: E731 - same order, same values
        assert list(back.columns) == list(want.columns), name
        assert norm(back).to_dict("records") == norm(want).to_dict("records"), name
