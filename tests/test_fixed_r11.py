"""Round 11 (issue 14, branch fixed11): what every build pays whatever the change.

The store is written from the assembly's rows without pandas frames (models/derived.py
``Assembly.rows_by_doc``, ``ColumnsOnly``): the store must get the values, types and order the
frames gave it, and a one-changed build without the report imports no pandas."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

from inkoopgraaf.models.derived import Assembly, StoreTables, document_piece
from inkoopgraaf.models.store import _clean, schema
from inkoopgraaf.models.tables import COLUMNS, INT_COLUMNS, SORT, TABLE_NAMES, _frame
from test_incremental_build import DOCS, _sharing_documents
from test_report_r10 import _Rows, _sample

def _numeric_rows(doc: str, name: str, n: int, shift: int) -> list[tuple]:
    """Rows whose non-integer columns hold only numbers and gaps in some mixes (ints alone, ints
    beside a gap, ints beside a float, bools beside ints): the frame infers a dtype from each."""
    cols = COLUMNS[name]
    rows = []
    for r in range(n):
        pool = [[3, 4], [3, None], [3, 2.5], [True, 1], [True, False], [None, math.nan], [1.5, math.nan]][
            (r + shift) % 7]
        row = [pool[(r + c) % 2] for c in range(len(cols))]
        row[cols.index("doc")] = doc
        row[cols.index("region")] = ["rijnmond", None][r % 2]
        for i, col in enumerate(cols):
            if col in INT_COLUMNS:      # whole numbers (some as floats) or gaps, as Int64 takes them
                row[i] = [2023, 7.0, None, math.nan, True][(r + i + shift) % 5]
        rows.append(tuple(row))
    return rows


def _typed(rows_by_doc: dict) -> dict:
    """What the store makes of the rows, each value with its type (3 and 3.0 apart)."""
    return {doc: {name: [[(k, type(_clean(v)).__name__, repr(_clean(v))) for k, v in row.items()] for row in rows]
                  for name, rows in by_table.items()} for doc, by_table in rows_by_doc.items()}


def _frames_way(rows: _Rows, docs: set[str]) -> dict:
    """main's Assembly.rows_by_doc: the frames of the rows, as records."""
    out: dict = {}
    wanted = [d for d in rows.docs() if d in docs]
    for name in TABLE_NAMES:
        df = _frame(name, [r for d in wanted for r in rows.filled(d)[name]], SORT[name])
        for rec in df.astype(object).to_dict(orient="records"):
            out.setdefault(str(rec.get("doc")), {}).setdefault(name, []).append(rec)
    return out


def _compare(rows: _Rows) -> None:
    docs = rows.docs()
    for wanted in ({docs[0]}, set(docs[1:3]), set(docs)):
        fast = Assembly.rows_by_doc(rows, wanted)
        assert _typed(fast) == _typed(_frames_way(rows, wanted))
        assert [list(t) for t in fast.values()] == [list(t) for t in _frames_way(rows, wanted).values()]


def test_store_rows_without_frames_are_the_frames_rows_odd_cells():
    _compare(_sample())


def test_store_rows_without_frames_are_the_frames_rows_numeric_columns():
    _compare(_Rows({doc: {name: _numeric_rows(doc, name, 6 + i, i) for name in TABLE_NAMES}
                    for i, doc in enumerate(["d2", "d1", "d3"])}))


def test_store_rows_without_frames_are_the_frames_rows_of_pieces():
    """Pieces of the graph tests' documents and of two that share values the assembly folds
    (references filled)."""
    from test_graph import load_case
    facts, docs, texts, _ = load_case()
    for f, rec, text in _sharing_documents():
        facts, docs, texts = facts + f, docs + [rec], {**texts, **text}
    assembly = Assembly([document_piece(d["id"], d, [f for f in facts if f.doc == d["id"]], texts.get(d["id"]))
                         for d in sorted(docs, key=lambda d: d["id"])])
    assert sum(len(rows) for d in assembly.docs() for rows in assembly.filled(d).values()) > 20
    _compare(_Rows({d: assembly.filled(d) for d in assembly.docs()}))


def test_the_store_schema_from_columns_alone_is_the_empty_frames_schema():
    class Frames(dict):
        pass
    frames = Frames({name: _frame(name, [], SORT[name]) for name in TABLE_NAMES})
    assert schema(StoreTables(Assembly([]))) == schema(frames)


def test_a_one_changed_build_without_the_report_imports_no_pandas(tmp_path):
    """Tables and store of one changed document come from the assembly's rows: no frame, so no
    pandas (~0.2 CPU s per process)."""
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for p in sorted(DOCS.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    probe = ("import sys, atexit; from inkoopgraaf.cli import main; "
             "atexit.register(lambda: print('PANDAS' if 'pandas' in sys.modules else 'NO-PANDAS')); "
             f"main(['build', {str(corpus)!r}, '--out', {str(out)!r}, '--no-report', '--jobs', '1'])")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    run = lambda: subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert run().returncode == 0
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nDe gemeenteraad besluit op 3 maart 2031 de inkoop "
                     "van dyslexiezorg met een lumpsum te financieren.\n", encoding="utf-8")
    r = run()
    assert r.returncode == 0, r.stderr
    assert "1 changed" in r.stderr and r.stdout.strip().splitlines()[-1] == "NO-PANDAS"


# --------------------------------------------------------------------------- kernel copies
def _copy_cases(tmp_path, monkeypatch, copier):
    from inkoopgraaf.models import io
    monkeypatch.setattr(io, "_COPY_FILE_RANGE", copier)
    src = tmp_path / "src.csv"
    src.write_bytes(b"".join(b"row %d,\xc3\xa9\n" % i for i in range(5000)))
    data = src.read_bytes()
    with open(src, "rb") as fh, open(tmp_path / "dst.csv", "wb") as out:
        out.write(b"head\n")
        io.copy_range(fh, out, 8, 1000)
        out.write(b"mid\n")
        io.copy_range(fh, out, 0, len(data))
        io.copy_range(fh, out, 17, 0)
        out.write(b"tail\n")
    assert (tmp_path / "dst.csv").read_bytes() == b"head\n" + data[8:1008] + b"mid\n" + data + b"tail\n"


def test_copy_range_by_the_kernel(tmp_path, monkeypatch):
    import os as _os
    _copy_cases(tmp_path, monkeypatch, getattr(_os, "copy_file_range", None))


def test_copy_range_without_the_kernel_copy(tmp_path, monkeypatch):
    """No copy_file_range (another platform), one that refuses (EXDEV, EINVAL) or copies only
    part of what was asked: the bytes are the same."""
    import errno
    import os as _os
    _copy_cases(tmp_path, monkeypatch, None)

    def refuses(*args):
        raise OSError(errno.EXDEV, "cross-device")
    _copy_cases(tmp_path, monkeypatch, refuses)
    real = getattr(_os, "copy_file_range", None)
    if real is not None:
        _copy_cases(tmp_path, monkeypatch, lambda s, d, n, so, do: real(s, d, min(n, 7), so, do))


def test_whole_lines_at_is_read_whole_lines_without_the_read(tmp_path):
    from inkoopgraaf.models.io import read_whole_lines, whole_lines_at
    p = tmp_path / "x"
    p.write_bytes(b'{"a": 1}\n{"b": 2}\n')
    with open(p, "rb") as fh:
        for offset, length in ((9, 9), (0, 18), (0, 0), (0, 5), (9, 40), (-1, 3), (None, 3), (3, -1), (18, 0), (40, 0), (17, 1)):
            assert whole_lines_at(fh, offset, length) == (read_whole_lines(fh, offset, length) is not None)


def test_facts_lines_copied_in_runs_equal_the_serialised_lines(tmp_path):
    """facts.jsonl from the previous one (unchanged documents' lines copied in runs) is the file
    written from every document's facts, also when the previous file was cut short or one of
    its lines damaged (those documents are serialised again), and with a document added."""
    from inkoopgraaf.cli import FACTS_INDEX, write_facts

    class R:
        def __init__(self, doc, n):
            from inkoopgraaf.models.facts import Fact
            self.record = {"id": doc}
            self.facts = [Fact(doc=doc, type="date", text=f"t{i}", start=i, end=i + 2, page=None,
                               value={"start": f"2024-0{1 + i % 9}-01"}, confidence=0.5) for i in range(n)]
            self.fact_count = n

    results = [R(f"d{i:02d}", i % 4) for i in range(30)]
    keys = {str(r.record["id"]): "k" + str(r.record["id"]) for r in results}
    prev, cold = tmp_path / "prev", tmp_path / "cold"
    prev.mkdir(), cold.mkdir()
    write_facts(prev / "facts.jsonl", results, keys)
    write_facts(cold / "facts.jsonl", results, None)
    want = (cold / "facts.jsonl").read_bytes()
    assert (prev / "facts.jsonl").read_bytes() == want
    for damage in ("none", "cut", "line"):
        old = tmp_path / damage
        shutil.copytree(prev, old)
        data = (old / "facts.jsonl").read_bytes()
        if damage == "cut":
            (old / "facts.jsonl").write_bytes(data[: len(data) * 2 // 3])
        elif damage == "line":      # a document's last newline lost: that document is made again
            import json
            offset, length, _ = json.loads((old / FACTS_INDEX).read_text())["d13"]
            i = offset + length - 1
            (old / "facts.jsonl").write_bytes(data[:i] + b" " + data[i + 1:])
        new = tmp_path / f"new-{damage}"
        new.mkdir()
        write_facts(new / "facts.jsonl", results, keys, old)
        assert (new / "facts.jsonl").read_bytes() == want, damage
        assert (new / FACTS_INDEX).read_bytes() == (prev / FACTS_INDEX).read_bytes()
