"""The store, round 9: every foreign key's child column indexed (a parent delete must not scan its
child table), a moved corpus written as a cold build of it would be, the vocabulary in one order
under any hash seed and left alone when it did not change."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models.store import VOCABULARY_COLUMNS, vocabulary_rows, write_store
from test_cli_build import STRATEGY
from test_store import _inputs, _rows, case_db  # noqa: F401 - the fixture, shared with test_store


def _indexed_first_columns(con, table: str) -> set[str]:
    """Columns that lead an index of ``table`` (primary-key and UNIQUE autoindexes included)."""
    out = set()
    for _seq, name, *_ in con.execute(f"PRAGMA index_list({table!r})"):
        cols = con.execute(f"PRAGMA index_info({name!r})").fetchall()
        if cols:
            out.add(cols[0][2])
    return out


def _integer_primary_key(con, table: str) -> str | None:
    """The INTEGER PRIMARY KEY column (the rowid itself: no index needed to look it up)."""
    pk = [r for r in con.execute(f"PRAGMA table_info({table!r})") if r[5]]
    return pk[0][1] if len(pk) == 1 and pk[0][2].upper() == "INTEGER" else None


def test_every_foreign_key_child_column_leads_an_index(case_db):  # noqa: F811 - the fixture
    db = case_db[0]
    con = sqlite3.connect(db)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        checked = 0
        for table in tables:
            lead = _indexed_first_columns(con, table) | {_integer_primary_key(con, table)}
            for fk in con.execute(f"PRAGMA foreign_key_list({table!r})").fetchall():
                child = fk[3]
                assert child in lead, f"{table}.{child} REFERENCES {fk[2]} without an index"
                checked += 1
                # and SQLite uses it: deleting a parent looks the children up by the index
                plan = " ".join(r[-1] for r in con.execute(
                    f"EXPLAIN QUERY PLAN SELECT 1 FROM {table!r} WHERE {child!r} = ?", ("x",)))
                assert "USING" in plan and "INDEX" in plan or "PRIMARY KEY" in plan, (table, child, plan)
        assert checked >= 4 * 7   # doc, region, evidence_doc, evidence_fact of every comparison table
    finally:
        con.close()


def _store_rows(db) -> dict[str, list]:
    """Every table's rows without the store's own ids (they depend on the order rows were written):
    a fact is its content, a table row's ``evidence_fact`` the content of the fact it points at."""
    con = sqlite3.connect(db)
    try:
        fact_cols = [r[1] for r in con.execute("PRAGMA table_info(facts)") if r[1] != "id"]
        facts = {r[0]: r[1:] for r in con.execute(f"SELECT id, {', '.join(map(repr, fact_cols))} FROM facts")}
        out = {}
        names = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE '%fts%' ORDER BY name")]
        for name in names:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({name!r})")]
            rows = []
            for r in con.execute(f"SELECT * FROM {name!r}"):
                row = dict(zip(cols, r))
                if name in ("facts",) or "evidence_fact" in row:
                    row.pop("id", None)
                if "evidence_fact" in row:
                    row["evidence_fact"] = facts.get(row["evidence_fact"])
                rows.append(json.dumps(row, sort_keys=True, default=str))
            out[name] = sorted(rows)
        for fts in ("facts_fts", "texts_fts"):   # the FTS indexes agree with their content tables
            con.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        return out
    finally:
        con.close()


def test_a_moved_corpus_gives_the_rows_of_a_cold_build_of_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, region in (("rivierenland", "Rivierenland"), ("tweede", "Lekstroom"), ("derde", "Twente")):
        (corpus / f"{name}.txt").write_text(STRATEGY.replace("Rivierenland", region), encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    r = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-report"])
    assert r.exit_code == 0, r.output
    moved = tmp_path / "elders" / "stukken"
    moved.parent.mkdir()
    corpus.rename(moved)
    r = runner.invoke(main, ["build", str(moved), "--out", str(out), "--no-report"])
    assert r.exit_code == 0, r.output
    assert "inkoopgraaf.db (0 added, 3 changed, 0 removed)" in r.stderr    # every path changed
    cold = tmp_path / "cold"
    r = runner.invoke(main, ["build", str(moved), "--out", str(cold), "--no-report"])
    assert r.exit_code == 0, r.output
    got, want = _store_rows(out / "inkoopgraaf.db"), _store_rows(cold / "inkoopgraaf.db")
    assert got.keys() == want.keys()
    for name in want:
        assert got[name] == want[name], name
    assert any(str(moved) in row for row in got["documents"])
    assert _rows(out / "inkoopgraaf.db", "PRAGMA foreign_key_check") == []


_VOCABULARY = ("import json, sys; from inkoopgraaf.models.store import vocabulary_rows; "
               "json.dump(vocabulary_rows(), sys.stdout)")


def test_vocabulary_rows_come_in_one_order_under_any_hash_seed():
    runs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _VOCABULARY], env=env, capture_output=True, text=True,
                              check=True)
        runs.append(json.loads(done.stdout))
    assert runs[0] and runs[0] == runs[1] == runs[2]
    assert runs[0] == vocabulary_rows()
    # the plain key of a term comes before its accent-folded one
    folded = [r for r in runs[0] if r["key"] != r["term"].lower() and not r["key"].isascii()]
    for r in folded:
        keys = [x["key"] for x in runs[0] if (x["kind"], x["id"], x["term"]) == (r["kind"], r["id"], r["term"])]
        assert keys.index(r["key"]) == 0


def _vocabulary(db):
    cols = ", ".join(VOCABULARY_COLUMNS)
    return _rows(db, f"SELECT {cols} FROM vocabulary ORDER BY rowid")


def test_vocabulary_is_left_alone_when_unchanged_and_mended_when_not(case_db):  # noqa: F811
    db, facts, docs, texts, _ = case_db
    first = _vocabulary(db)
    assert first == [tuple(v.values()) for v in vocabulary_rows()]
    con = sqlite3.connect(db)
    with con:   # count the rows a build deletes from the vocabulary (a rewrite deletes them all)
        con.execute("CREATE TABLE vocabulary_deleted(n INTEGER)")
        con.execute("CREATE TRIGGER vocabulary_count AFTER DELETE ON vocabulary BEGIN "
                    "INSERT INTO vocabulary_deleted VALUES (1); END")
    con.close()
    write_store(db, *_inputs(facts, docs, texts))
    assert _rows(db, "SELECT count(*) FROM vocabulary_deleted") == [(0,)]
    assert _vocabulary(db) == first
    # a store whose vocabulary lost a row or holds another one gets the whole table again
    con = sqlite3.connect(db)
    with con:
        con.execute("DELETE FROM vocabulary WHERE rowid = (SELECT max(rowid) FROM vocabulary)")
        con.execute("UPDATE vocabulary SET label = 'anders' WHERE rowid = 1")
    con.close()
    write_store(db, *_inputs(facts, docs, texts))
    assert _vocabulary(db) == first
    assert _rows(db, "SELECT count(*) FROM vocabulary_deleted")[0][0] == len(first)


def test_reference_rows_are_written_only_when_they_differ(case_db):  # noqa: F811 - the fixture
    db, facts, docs, texts, _ = case_db
    before = _rows(db, "SELECT * FROM regions ORDER BY id"), _rows(db, "SELECT * FROM municipalities ORDER BY cbs")
    con = sqlite3.connect(db)
    with con:   # count the writes a build makes to the reference tables
        con.execute("CREATE TABLE reference_writes(tbl TEXT, id TEXT)")
        for table, key in (("regions", "id"), ("municipalities", "cbs")):
            for event in ("INSERT", "UPDATE"):
                con.execute(f"CREATE TRIGGER {table}_{event.lower()}_count AFTER {event} ON {table} BEGIN "
                            f"INSERT INTO reference_writes VALUES ('{table}', new.{key}); END")
    con.close()
    write_store(db, *_inputs(facts, docs, texts))
    assert _rows(db, "SELECT * FROM reference_writes") == []
    # a region and a municipality another hand changed are put back, and only they are written
    region, cbs = before[0][0][0], before[1][0][0]
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE regions SET name = 'anders' WHERE id = ?", (region,))
        con.execute("UPDATE municipalities SET province = NULL WHERE cbs = ?", (cbs,))
        con.execute("DELETE FROM reference_writes")
    con.close()
    write_store(db, *_inputs(facts, docs, texts))
    assert sorted(_rows(db, "SELECT * FROM reference_writes")) == [("municipalities", cbs), ("regions", region)]
    after = _rows(db, "SELECT * FROM regions ORDER BY id"), _rows(db, "SELECT * FROM municipalities ORDER BY cbs")
    assert after == before
