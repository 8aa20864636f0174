"""Comparison tables: every expectation in tests/data/kg_cases.json ("expect") must be a row."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from inkoopgraaf.models.facts import dumps_facts
from inkoopgraaf.models.tables import COLUMNS, TABLE_NAMES, load_inputs, tables_from_facts, write_tables
from test_graph import load_case


@pytest.fixture(scope="module")
def case():
    return load_case()


@pytest.fixture(scope="module")
def tables(case):
    facts, docs, _, _ = case
    return tables_from_facts(facts, docs)


def _expectations():
    expect = load_case()[3]
    for table in TABLE_NAMES:
        for i, row in enumerate(expect.get(table, [])):
            yield pytest.param(table, row, id=f"{table}-{i}")


def _matches(df: pd.DataFrame, row: dict) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    for col, val in row.items():
        mask &= df[col].astype(object).where(df[col].notna(), None).eq(val)
    return df[mask]


@pytest.mark.parametrize("table,row", list(_expectations()))
def test_expected_row_present(tables, table, row):
    hits = _matches(tables[table], row)
    assert len(hits) >= 1, f"{table}: no row with {row}\n{tables[table].to_string()}"


def test_table_shapes_and_columns(tables, case):
    assert set(tables) == set(TABLE_NAMES)
    for name, df in tables.items():
        assert list(df.columns) == COLUMNS[name]
    assert len(tables["financing"]) == case[3]["financing_rows"]


def test_comparison_one_region_two_models_and_change_over_time(tables):
    """Lekstroom 2022: lumpsum for Wmo-begeleiding, population funding for dyslexia; in 2015 it was PxQ."""
    fin = tables["financing"]
    lek22 = fin[(fin.region == "lekstroom") & (fin.year == 2022) & (fin.status == "chosen")]
    assert dict(zip(lek22.segment, lek22.financing)) == {"wmo_begeleiding": "lumpsum", "dyslexie": "populatiebekostiging"}
    before = fin[(fin.region == "lekstroom") & (fin.segment == "wmo_begeleiding")].sort_values("year")
    assert list(zip(before.year, before.financing, before.status))[0] == (2015, "pxq", "chosen")


def test_every_row_carries_evidence(tables):
    for name, df in tables.items():
        if name == "members":
            continue
        assert (df["n_evidence"] >= 1).all(), name
        assert df["evidence_quote"].notna().all(), name
        assert df["evidence_doc"].notna().all(), name


def test_rows_are_sorted_and_deterministic(case):
    facts, docs, _, _ = case
    a = tables_from_facts(facts, docs)
    b = tables_from_facts(list(reversed(facts)), docs)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_reproducible_from_facts_jsonl_and_documents_csv(tmp_path, case, tables):
    facts, docs, _, _ = case
    (tmp_path / "facts.jsonl").write_text(dumps_facts(facts), encoding="utf-8")
    with open(tmp_path / "documents.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(docs[0]))
        w.writeheader()
        w.writerows({k: ("" if v is None else v) for k, v in d.items()} for d in docs)
    again = tables_from_facts(*load_inputs(tmp_path))
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(again[name], tables[name])


def test_write_tables_atomic_csv_roundtrip(tmp_path, tables):
    paths = write_tables(tables, tmp_path / "tables")
    assert sorted(p.name for p in paths) == sorted(f"{n}.csv" for n in TABLE_NAMES)
    assert not [p for p in (tmp_path / "tables").iterdir() if p.suffix == ".tmp"]
    back = pd.read_csv(tmp_path / "tables" / "financing.csv")
    assert len(back) == len(tables["financing"])
    row = back[(back.region == "lekstroom") & (back.segment == "dyslexie")].iloc[0]
    assert row.financing == "populatiebekostiging" and row.procedure == "open_house"
    pcs = pd.read_csv(tmp_path / "tables" / "plan_changes.csv")
    assert 92 in pcs["shift_days"].tolist()


def test_empty_input_gives_empty_tables_with_columns():
    tables = tables_from_facts([], [])
    for name, df in tables.items():
        assert df.empty and list(df.columns) == COLUMNS[name]
