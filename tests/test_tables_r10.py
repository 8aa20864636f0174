"""Round 10 (issue 14): a changed region block of a table is merged from the previous block's
rows of its unchanged documents and the fresh rows of the changed ones (models/table_blocks.py).

Every test compares bytes: after each step of a sequence of builds the tables written from the
previous generation equal the tables written cold and the tables as main made them (each block
sorted by sort_order and written by csv_rows), whatever the rows hold (gaps, NaN, ties within a
document, line breaks in quotes, text beside numbers)."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from inkoopgraaf.models import derived, table_blocks
from inkoopgraaf.models.derived import _region_of, assemble
from inkoopgraaf.models.table_blocks import SIDE_FILE, TABLES_INDEX, key_columns
from inkoopgraaf.models.tables import COLUMNS, INT_COLUMNS, SORT, TABLE_NAMES, csv_header, csv_rows, sort_order

REGIONS = ("alpha", "beta", "gamma")


# --------------------------------------------------------------------------- synthetic pieces
def _value(rng: random.Random, col: str, mixed: bool):
    """A cell as a piece may hold it: a gap, a date-like text, a number; text beside numbers
    in one column only when ``mixed``."""
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.2:
        return float("nan")
    if col in INT_COLUMNS:
        return rng.choice([2020, 2021, 2022, 2021.0, True]) if col == "shift_days" else rng.choice([2020, 2021, 2022])
    if col == "confidence":
        return rng.choice([0.5, 0.95, 1, 0.3333333333333333])
    if col == "evidence_quote":
        return rng.choice(["één regel", "twee\nregels, \"quote\"", "=SOM(A1)", "drie\r\nregels\n"])
    if mixed and roll > 0.9:
        return rng.choice([2021, 7.5])
    return rng.choice(["2021-01-01", "2021-06-30", "a", "b", "Ä", "x,y"])


def _row(rng, name: str, doc: str, region, mixed: bool) -> dict:
    row = {col: _value(rng, col, mixed) for col in COLUMNS[name] if rng.random() > 0.05}
    row["doc"] = doc
    if region is not None:
        row["region"] = region
        row["region_name"] = {"$ref": [f"region:{region}", "label"]}
    elif rng.random() < 0.5:
        row.pop("region", None)
    else:
        row["region"] = None
    return row


def _piece(rng, doc: str, *, regions=REGIONS, mixed=False, label=None) -> dict:
    rows = {}
    for name in TABLE_NAMES:
        own = []
        for region in rng.sample([*regions, None], k=rng.randint(0, min(3, len(regions) + 1))):
            first = _row(rng, name, doc, region, mixed)
            own.append(first)
            for _ in range(rng.randint(0, 3)):
                # rows of one document tying on every sort key keep their order
                own.append(dict(first, evidence_start=rng.randint(0, 99)) if rng.random() < 0.3
                           else _row(rng, name, doc, region, mixed))
        rows[name] = own
    claims = {f"region:{r}": {"label": label or f"{r.title()} {doc}"} for r in regions}
    return {"doc": doc, "rows": rows, "claims": claims, "unattributed": False, "own_regions": [], "weak": []}


# --------------------------------------------------------------------------- the references
def _main_tables(asm) -> dict[str, bytes]:
    """The tables as main wrote them: every block sorted by sort_order and written by csv_rows."""
    out = {}
    for name in TABLE_NAMES:
        text = csv_header(name)
        for region, docs in asm.blocks(name):
            rows = [row for d in docs for row in asm.filled(d)[name] if _region_of(row[0]) == region]
            text += csv_rows(name, [rows[i] for i in sort_order(name, rows)])
        out[name] = text.encode("utf-8")
    return out


def _written(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _step(pieces: dict, tmp: Path, prev: Path | None, i: int) -> Path:
    """One build of ``pieces`` from ``prev``; its files equal a cold write's and main's tables."""
    asm = assemble(list(pieces.values()))
    gen = tmp / f"gen{i}"
    asm.write_tables(gen, prev)
    cold = tmp / f"cold{i}"
    assemble(list(pieces.values())).write_tables(cold)
    assert _written(gen) == _written(cold), i          # tables, index and side records
    for name, data in _main_tables(asm).items():
        assert (gen / f"{name}.csv").read_bytes() == data, (i, name)
    return gen


def _sequence(rng: random.Random, pieces: dict, steps: int, mixed=False):
    """Random changes, additions, removals and moves, one or two at a time."""
    next_id = len(pieces)
    for _ in range(steps):
        what = rng.choice(["change", "change", "add", "remove", "move", "label"])
        docs = sorted(pieces)
        if what == "change" or (what == "remove" and len(docs) < 3):
            doc = rng.choice(docs)
            pieces[doc] = _piece(rng, doc, mixed=mixed)
        elif what == "add":
            doc = f"d{next_id:03d}"
            next_id += 1
            pieces[doc] = _piece(rng, doc, mixed=mixed)
        elif what == "remove":
            del pieces[rng.choice(docs)]
        elif what == "move":            # a document now only in other regions
            doc = rng.choice(docs)
            pieces[doc] = _piece(rng, doc, regions=(rng.choice(REGIONS),), mixed=mixed)
        else:                           # the first document names the regions for all others
            first = docs[0]
            pieces[first] = dict(pieces[first], claims={f"region:{r}": {"label": f"{r} {rng.random():.6f}"}
                                                        for r in REGIONS})
        yield what


@pytest.mark.parametrize("seed", range(6))
def test_every_build_of_a_sequence_writes_the_cold_and_main_tables(tmp_path, seed):
    rng = random.Random(seed)
    pieces = {f"d{i:03d}": _piece(rng, f"d{i:03d}") for i in range(12)}
    prev = _step(pieces, tmp_path, None, 0)
    for i, _ in enumerate(_sequence(rng, pieces, 8), start=1):
        prev = _step(pieces, tmp_path, prev, i)


@pytest.mark.parametrize("seed", range(3))
def test_text_beside_numbers_in_a_sort_column_is_sorted_as_main_sorts_it(tmp_path, seed):
    """Such a block keeps no side record (pandas may sort it): it is made whole each time."""
    rng = random.Random(100 + seed)
    pieces = {f"d{i:03d}": _piece(rng, f"d{i:03d}", mixed=True) for i in range(12)}
    prev = _step(pieces, tmp_path, None, 0)
    for i, _ in enumerate(_sequence(rng, pieces, 6, mixed=True), start=1):
        prev = _step(pieces, tmp_path, prev, i)
    sides = [line for line in (prev / SIDE_FILE).read_bytes().splitlines()]
    index = json.loads((prev / TABLES_INDEX).read_text(encoding="utf-8"))
    blocks = [e for entries in index["tables"].values() for e in entries]
    assert any(e[4] is None for e in blocks) and len(sides) == sum(e[4] is not None for e in blocks)


def test_a_changed_document_costs_its_own_rows_only(tmp_path, monkeypatch):
    """One changed document: only its rows are read (filled) and rendered; every block it is
    in is merged, none made whole."""
    rng = random.Random(7)
    pieces = {f"d{i:03d}": _piece(rng, f"d{i:03d}", label="L") for i in range(20)}
    prev = tmp_path / "gen0"
    assemble(list(pieces.values())).write_tables(prev)
    pieces["d005"] = _piece(rng, "d005", label="L")
    read, whole = [], []
    real_filled, real_render = derived.Assembly.filled, table_blocks.render_block
    monkeypatch.setattr(derived.Assembly, "filled", lambda self, doc: read.append(doc) or real_filled(self, doc))
    monkeypatch.setattr(derived, "render_block", lambda *a: whole.append(a[:2]) or real_render(*a))
    asm = assemble(list(pieces.values()))
    asm.write_tables(tmp_path / "gen1", prev)
    assert set(read) == {"d005"} and whole == []
    monkeypatch.undo()
    assert _written(tmp_path / "gen1") == _written(_cold(pieces, tmp_path / "cold"))


def _cold(pieces: dict, folder: Path) -> Path:
    assemble(list(pieces.values())).write_tables(folder)
    return folder


def _damage_side(gen: Path):
    data = bytearray((gen / SIDE_FILE).read_bytes())
    data[len(data) // 2] ^= 0x01
    (gen / SIDE_FILE).write_bytes(bytes(data))


def _old_index(gen: Path):
    index = json.loads((gen / TABLES_INDEX).read_text(encoding="utf-8"))
    (gen / TABLES_INDEX).write_text(json.dumps({**index, "format": 1}), encoding="utf-8")


def _not_an_index(gen: Path):
    (gen / TABLES_INDEX).write_text(json.dumps({"format": 2, "tables": {"timeline": [3, None]},
                                                "fingerprints": []}), encoding="utf-8")


def _lengths_off(gen: Path):
    """A side record that reads back (CRC fixed up) but whose row lengths do not fit its block."""
    import zlib
    index = json.loads((gen / TABLES_INDEX).read_text(encoding="utf-8"))
    lines = (gen / SIDE_FILE).read_bytes().splitlines(keepends=True)
    out, offset = [], 0
    for entries in index["tables"].values():
        for e in entries:
            if e[4] is None:
                continue
            docs, kinds, rows = json.loads(lines[len(out)])
            rows[0][0] += 1
            line = (json.dumps([docs, kinds, rows]) + "\n").encode()
            e[4:7] = [offset, len(line), zlib.crc32(line)]
            offset += len(line)
            out.append(line)
    (gen / SIDE_FILE).write_bytes(b"".join(out))
    (gen / TABLES_INDEX).write_text(json.dumps(index), encoding="utf-8")


@pytest.mark.parametrize("damage", [_damage_side, lambda g: (g / SIDE_FILE).unlink(), _old_index, _lengths_off,
                                    lambda g: (g / "timeline.csv").write_bytes(b""), _not_an_index],
                         ids=["flipped-bit", "missing", "other-format", "lengths-off", "table-emptied",
                              "not-an-index"])
def test_a_damaged_side_record_or_index_makes_the_block_whole(tmp_path, damage):
    """The tables are a cold build's; so are the index and side records, but for side records
    that read back whole (their CRC fits) yet do not fit their block: an unchanged block copies
    its record as it is (checked when the block changes)."""
    rng = random.Random(11)
    pieces = {f"d{i:03d}": _piece(rng, f"d{i:03d}", label="L") for i in range(10)}
    prev = _cold(pieces, tmp_path / "gen0")
    damage(prev)
    pieces["d003"] = _piece(rng, "d003", label="L")
    pieces["d999"] = _piece(rng, "d999", label="L")
    asm = assemble(list(pieces.values()))
    asm.write_tables(tmp_path / "gen1", prev)
    got, cold = _written(tmp_path / "gen1"), _written(_cold(pieces, tmp_path / "cold"))
    for name, data in _main_tables(asm).items():
        assert got[f"{name}.csv"] == data == cold[f"{name}.csv"], name
    assert (got == cold) == (damage is not _lengths_off)


def test_every_table_sorts_by_region_first_and_names_the_document():
    """What the merge rests on: a block is one region, and rows of two documents never tie."""
    for name in TABLE_NAMES:
        assert SORT[name][0] == "region" and "doc" in SORT[name]
        cols, at = key_columns(name)
        assert COLUMNS[name][cols[at]] == "doc"


# --------------------------------------------------------------------------- through the CLI
def test_real_documents_changed_moved_and_renamed_give_a_cold_builds_tables(tmp_path):
    """Build, then: a document gains a multi-line sentence, the first document (whose names of
    shared nodes the others' rows read) is removed, one is added; every table, the index and
    the side records equal a cold build's."""
    from click.testing import CliRunner
    from inkoopgraaf.cli import main
    docs = Path(__file__).parent / "data" / "answers_docs"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = sorted(p.name for p in docs.glob("*.txt"))
    for name in names[:-1]:
        shutil.copy(docs / name, corpus / name)

    def build(out: Path, *extra):
        r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-report", *extra])
        assert r.exit_code == 0, r.output
        return (out / ".snapshots" / "current").resolve()

    build(tmp_path / "inc")
    changed = corpus / names[1]
    steps = [lambda: changed.write_text(changed.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart "
                                        "2027 de jeugdhulp\nmet een lumpsum te bekostigen.\n", encoding="utf-8"),
             lambda: (corpus / names[0]).unlink(),
             lambda: shutil.copy(docs / names[-1], corpus / names[-1])]
    for i, step in enumerate(steps):
        step()
        inc, cold = build(tmp_path / "inc"), build(tmp_path / f"cold{i}", "--no-cache")
        for file in [*(f"{name}.csv" for name in TABLE_NAMES), TABLES_INDEX, SIDE_FILE]:
            assert (inc / file).read_bytes() == (cold / file).read_bytes(), (i, file)
