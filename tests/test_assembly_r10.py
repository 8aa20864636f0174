"""The assembly state (models/derived_state.py, issue 14 round 10): a build that starts from
the last build's state gives exactly the assembly of every piece assembled cold, does no work
for an unchanged document, and a damaged or missing state or piece costs time, never output."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models import derived
from inkoopgraaf.models.derived import Assembly, document_piece
from inkoopgraaf.models.derived_state import FEW, STATE_FILE, dumps, loads
from inkoopgraaf.models.tables import TABLE_NAMES
from test_incremental_build import DOCS, _outputs, _sharing_documents

#: Values a shared attribute can take: the fold treats None and "" as open, and 1, 1.0 and True
#: must stay apart (each fills a cell differently).
VALUES = (None, "", "x", "y", 0, 1, 1.0, True)
NODES = ("region:r1", "region:r2", "segment:s", "municipality:GM1")


def _piece(doc: str, rng: random.Random) -> dict:
    """A piece as document_piece shapes it, with random claims, references and rows."""
    claims = {}
    for node in rng.sample(NODES, rng.randint(0, len(NODES))):
        claims[node] = {k: rng.choice(VALUES) for k in rng.sample(("label", "domain"), rng.randint(1, 2))}
    region = rng.choice(["r1", "r2", None])
    rows = [{"region": region, "doc": doc, "year": rng.choice([2020, 2021]), "segment": "s",
             "region_name": {"$ref": [rng.choice(NODES), "label"]}, "domain": {"$ref": ["segment:s", "domain"]},
             "contract_start": rng.choice([None, "2024-01-01"])} for _ in range(rng.randint(0, 2))]
    piece = {"doc": doc, "rows": {"financing": rows}, "claims": claims, "unattributed": region is None,
             "own_regions": [region] if region else [], "weak": [[1, 2]] if rng.random() < 0.3 else [],
             "report": {"doc": {"id": doc}, "n": rng.randint(0, 9)}}
    return json.loads(json.dumps(piece))    # as a stored piece reads


def _same_assembly(inc: Assembly, cold: Assembly) -> None:
    assert inc.shared == cold.shared and [type(v) for v in inc.shared.values()] == [type(cold.shared[k]) for k in inc.shared]
    assert inc.fingerprints == cold.fingerprints
    assert inc.pieces == cold.pieces
    assert inc.contributions(inc.docs()) == cold.contributions(cold.docs())
    assert inc.attributions() == cold.attributions() and inc.weak_spans() == cold.weak_spans()
    assert inc.unattributed() == cold.unattributed() and inc.contract_starts() == cold.contract_starts()
    for name in TABLE_NAMES:
        assert inc.blocks(name) == cold.blocks(name)
    for doc in cold.docs():
        assert repr(inc.filled(doc)) == repr(cold.filled(doc))      # repr: NaN cells compare too


@pytest.mark.parametrize("seed", range(12))
def test_a_state_updated_by_changes_is_the_cold_assembly(seed):
    """Random sequences of changed, added and removed documents (few, and more than FEW at
    once): after each, the assembly from the previous state (through its bytes) equals the
    cold assembly of every piece: shared values, fingerprints, summaries, rows."""
    rng = random.Random(seed)
    pieces = {f"d{i:02d}": _piece(f"d{i:02d}", rng) for i in range(40)}
    version = {doc: 0 for doc in pieces}
    keys = lambda: {doc: f"{doc}-{version[doc]}" for doc in pieces}
    state = loads(dumps(Assembly(list(pieces.values()), keys()).state()))
    for step in range(6):
        many = step % 3 == 2
        for doc in rng.sample(sorted(pieces), FEW + 3 if many else rng.randint(1, 3)):
            pieces[doc] = _piece(doc, rng)
            version[doc] += 1
        for doc in rng.sample(sorted(pieces), rng.randint(0, FEW + 2 if many else 2)):
            del pieces[doc], version[doc]
        for i in range(rng.randint(0, FEW + 2 if many else 2)):
            doc = f"n{step}_{i}"
            pieces[doc], version[doc] = _piece(doc, rng), 0
        ks = keys()
        reused = state.reusable(ks)
        changed = [p for doc, p in pieces.items() if doc not in reused]
        inc = Assembly(changed, ks, state, source=lambda doc: pieces[doc])
        _same_assembly(inc, Assembly(list(pieces.values()), ks))
        state = loads(dumps(inc.state()))


def test_a_later_document_fills_only_what_earlier_ones_left_open():
    """The fold rule over documents in id order, also after the document that set a value goes."""
    def piece(doc, value):
        return {"doc": doc, "rows": {}, "claims": {"segment:s": {"label": value}}, "unattributed": False,
                "own_regions": [], "weak": []}
    ps = [piece("a", None), piece("b", ""), piece("c", "x"), piece("d", "y")]
    keys = {p["doc"]: p["doc"] for p in ps}
    asm = Assembly(ps, keys)
    assert asm.shared[("segment:s", "label")] == "x"
    del keys["c"]
    assert Assembly([], keys, asm.state()).shared[("segment:s", "label")] == "y"
    asm = Assembly([piece("b", "")], {"a": "a", "b": "b"}, Assembly(ps[:1], {"a": "a"}).state())
    assert asm.shared[("segment:s", "label")] == ""
    asm = Assembly([piece("c", None)], {"a": "a", "b": "b", "c": "c"}, asm.state())
    assert asm.shared[("segment:s", "label")] == ""         # a later None never replaces a value


def test_damaged_state_bytes_read_as_none():
    asm = Assembly([_piece("d1", random.Random(1))], {"d1": "k"})
    data = dumps(asm.state())
    assert loads(data) is not None
    for bad in (data[:-10], data[:40], data[:-1] + bytes([data[-1] ^ 1]), b"", b"garbage\n" + data):
        assert loads(bad) is None


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "memo_zonder_regio.txt",
                 "strategie_2026_2031.txt"):
        shutil.copy(DOCS / name, corpus / name)
    return corpus


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return r


def _change(corpus: Path, n: int) -> None:
    doc = corpus / "strategie_2026_2031.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + f"\n\nHet college besluit op 3 maart 20{27 + n} de jeugdhulp "
                   "met een lumpsum te bekostigen.\n", encoding="utf-8")


def test_a_one_changed_build_reads_no_unchanged_summary(tmp_path, monkeypatch):
    """With the state, only the changed document's piece is looked at on disk."""
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    _build(corpus, out)
    _change(corpus, 0)
    looked = []
    real = derived._stored_summary
    monkeypatch.setattr(derived, "_stored_summary", lambda path: looked.append(path) or real(path))
    _build(corpus, out)
    assert len(looked) == 1


@pytest.mark.parametrize("damage", ["state-truncated", "state-deleted", "pieces-deleted", "piece-corrupt"])
def test_a_damaged_state_or_piece_gives_the_cold_outputs(tmp_path, monkeypatch, damage):
    """Whatever of the cache is lost or broken between two builds, the next build's outputs
    (tables, report pages split per region, store rows) equal a cold build's."""
    from inkoopgraaf.report import render
    monkeypatch.setattr(render, "SPLIT_ABOVE_DOCUMENTS", 2)
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    _build(corpus, out)
    folder = out / ".cache" / "derived"
    state = folder / STATE_FILE
    if damage == "state-truncated":
        state.write_bytes(state.read_bytes()[:-100])
    elif damage == "state-deleted":
        state.unlink()
    else:
        for p in sorted(folder.glob("*.json")):
            if damage == "pieces-deleted":
                p.unlink()
            else:
                p.write_text(p.read_text(encoding="utf-8")[:-50], encoding="utf-8")
    _change(corpus, 1)
    (corpus / "memo_zonder_regio.txt").unlink()
    _build(corpus, out)
    cold = tmp_path / "cold"
    _build(corpus, cold, "--no-cache")
    inc_files, inc_rows = _outputs(out)
    cold_files, cold_rows = _outputs(cold)
    assert any(name.startswith("report/") for name in cold_files)
    assert inc_files == cold_files and inc_rows == cold_rows


def test_a_changed_shared_value_refingerprints_its_users(tmp_path):
    """The document that names a shared node first changes it: every document whose rows show
    that value gets a new fingerprint (store rows and table blocks rewritten), the others keep theirs."""
    ps = {d["id"]: document_piece(d["id"], d, f, next(iter(t.values()), None)) for f, d, t in _sharing_documents()}
    keys = {doc: doc for doc in ps}
    before = Assembly(list(ps.values()), keys)
    renamed = json.loads(json.dumps(ps["a_first"]).replace("Regio Nergens", "Regio Elders"))
    keys2 = {**keys, "a_first": "a_first-2"}
    after = Assembly([renamed], keys2, loads(dumps(before.state())), source=lambda doc: ps[doc])
    cold = Assembly([renamed, ps["b_second"]], keys2)
    assert after.fingerprints == cold.fingerprints
    assert after.shared[("region:regio_nergens", "label")] == "Regio Elders"
    assert after.fingerprints["b_second"] != before.fingerprints["b_second"]
