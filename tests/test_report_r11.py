"""Region-page inputs kept per document by fingerprint (inkoopgraaf/report/pagecache.py, issue 14
round 11): over sequences of changes every page equals the one made from all inputs read
afresh, only documents whose fingerprint changed are read again, and lost or damaged kept
inputs cost reading, never a different page."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from inkoopgraaf.cli import main
from inkoopgraaf.models.derived import assemble, document_piece
from inkoopgraaf.report.pagecache import PageInputs
from inkoopgraaf.report.render import _pages
from report_sample import synthetic_inputs
from test_incremental_build import DOCS, _outputs


class Corpus:
    """A synthetic corpus (60 documents, split report) whose documents a test edits."""

    def __init__(self):
        facts, documents, self.texts = synthetic_inputs(n_docs=60, facts_per_doc=8)
        self.records = {d["id"]: d for d in documents}
        self.facts = {d: [f for f in facts if f.doc == d] for d in self.records}

    def inputs(self):
        documents = list(self.records.values())
        return [f for d in self.records for f in self.facts[d]], documents, dict(self.texts)

    def pages(self, folder: Path, read: list[str]) -> dict[str, str]:
        """Every page with the kept inputs in ``folder`` (the documents read go into ``read``);
        asserted equal to the pages made without them."""
        facts, documents, texts = self.inputs()
        pieces = [document_piece(d["id"], d, self.facts[d["id"]], texts.get(d["id"])) for d in documents]
        asm = assemble(pieces, {d["id"]: self.key(d["id"]) for d in documents})
        contributions = [json.loads(json.dumps(p["report"], ensure_ascii=False)) for p in pieces]
        args = (facts, documents, texts, asm, None, asm.attributions(), asm.weak_spans(), "report.html", True)

        def facts_of(doc):
            read.append(doc)
            return self.facts[doc]
        cold = _pages(*args, contributions=contributions, facts_of=self.facts.__getitem__)[0]
        inputs = PageInputs(folder, asm.fingerprints, facts_of, texts, asm)
        kept = _pages(*args, contributions=contributions, facts_of=facts_of, page_inputs=inputs)[0]
        assert list(kept) == list(cold)
        for rel in cold:
            assert kept[rel] == cold[rel], rel
        return kept

    def key(self, doc: str) -> str:
        """The document's piece key as build makes it: of its record and what its file gives
        (here its facts and text directly)."""
        made = [self.records[doc], [f.to_json() for f in self.facts[doc]], self.texts.get(doc)]
        return hashlib.sha256(json.dumps(made, sort_keys=True, default=str).encode("utf-8")).hexdigest()

    def move(self, doc: str, region: str, name: str) -> None:
        """File ``doc`` under ``region`` (its region fact and its record's declared region)."""
        self.facts[doc] = [dataclasses.replace(f, value={"id": region, "name": name}) if f.type == "region" else f
                           for f in self.facts[doc]]
        self.records[doc] = {**self.records[doc], "regions": [region]}


def test_kept_inputs_give_the_pages_over_a_sequence_of_changes(tmp_path):
    c, folder = Corpus(), tmp_path / "kept"
    read: list[str] = []
    c.pages(folder, read)
    assert set(read) == set(c.records)                  # the first time every document is read
    read.clear()
    c.pages(folder, read)
    assert read == []                                   # nothing changed: nothing read
    # a changed fact: only that document is read again (once per page it is on)
    doc = "0007_synthetisch"
    c.facts[doc] = [dataclasses.replace(f, text=f.text + " (herzien)") if f.type == "decision" else f
                    for f in c.facts[doc]]
    c.pages(folder, read)
    assert set(read) == {doc}
    # an added and a removed document
    read.clear()
    new = "0100_synthetisch"
    c.records[new] = {**c.records["0003_synthetisch"], "id": new, "path": f"{new}.pdf", "title": "Nieuw"}
    c.facts[new] = [dataclasses.replace(f, doc=new) for f in c.facts["0003_synthetisch"]]
    c.texts[new] = c.texts["0003_synthetisch"]
    del c.records["0011_synthetisch"], c.facts["0011_synthetisch"], c.texts["0011_synthetisch"]
    c.pages(folder, read)
    assert set(read) == {new}
    # a document moving to another region's page, and a region new to the report
    read.clear()
    c.move("0020_synthetisch", "regio_01", "Regio 01")
    c.move("0021_synthetisch", "regio_nieuw", "Regio Nieuw")
    c.pages(folder, read)
    assert set(read) == {"0020_synthetisch", "0021_synthetisch"}


def test_a_shared_label_changing_refreshes_every_document_that_shows_it(tmp_path):
    """The first document naming a region names it for all (a shared value): when it renames
    the region, the other documents' table rows show the new name, so they are read again."""
    c, folder = Corpus(), tmp_path / "kept"
    c.pages(folder, [])
    first, *others = [d for d in c.records if d.endswith("synthetisch") and int(d[:4]) % 40 == 5]
    c.move(first, "regio_05", "Regio Vijf Hernoemd")
    read: list[str] = []
    c.pages(folder, read)
    assert set(read) == {first, *others} and others


@pytest.mark.parametrize("damage", ["truncated", "garbage", "deleted", "other-version"])
def test_damaged_kept_inputs_give_the_same_pages(tmp_path, damage):
    c, folder = Corpus(), tmp_path / "kept"
    c.pages(folder, [])
    files = sorted(folder.glob("*.marshal"))
    assert files
    for p in files:
        if damage == "truncated":
            p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])
        elif damage == "garbage":
            p.write_bytes(b"not marshal data")
        elif damage == "deleted":
            p.unlink()
        else:
            import marshal
            data = marshal.loads(p.read_bytes())
            data["version"] = "another"
            p.write_bytes(marshal.dumps(data))
    read: list[str] = []
    c.pages(folder, read)                               # asserts the pages equal those read afresh
    assert set(read) == set(c.records)


def test_pages_of_removed_regions_lose_their_kept_inputs(tmp_path):
    c, folder = Corpus(), tmp_path / "kept"
    c.pages(folder, [])
    assert (folder / "regio_19.marshal").is_file()
    for doc in [d for d in c.records if c.records[d]["regions"] == ["regio_19"]]:
        c.move(doc, "regio_18", "Regio 18")
    c.pages(folder, [])
    assert not (folder / "regio_19.marshal").exists() and (folder / "regio_18.marshal").is_file()


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(DOCS.glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    return corpus


def _build(corpus: Path, out: Path, *extra: str):
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), *extra])
    assert r.exit_code == 0, r.output
    return r


def test_builds_with_kept_inputs_give_the_cold_build_pages(tmp_path, monkeypatch):
    """Through build (split report): a change, a removal and damaged kept inputs between
    builds; each time the outputs equal a cold build's of the same corpus."""
    from inkoopgraaf.report import render
    monkeypatch.setattr(render, "SPLIT_ABOVE_DOCUMENTS", 2)
    corpus, out = _corpus(tmp_path), tmp_path / "out"
    _build(corpus, out)
    kept = out / ".cache" / "report-pages"
    assert any(kept.glob("*.marshal"))
    doc = corpus / "strategie_2026_2031.txt"

    def same_as_cold(n: int) -> None:
        cold = tmp_path / f"cold{n}"
        _build(corpus, cold, "--no-cache")
        inc_files, inc_rows = _outputs(out)
        cold_files, cold_rows = _outputs(cold)
        assert any(name.startswith("report/") for name in cold_files)
        assert inc_files == cold_files and inc_rows == cold_rows
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\nHet college besluit op 3 maart 2029 de jeugdhulp "
                   "met een lumpsum te bekostigen.\n", encoding="utf-8")
    _build(corpus, out)
    same_as_cold(1)
    (corpus / "memo_zonder_regio.txt").unlink()
    for p in kept.glob("*.marshal"):
        p.write_bytes(p.read_bytes()[:-20])
    doc.write_text(doc.read_text(encoding="utf-8") + "\nDe raad stemt in.\n", encoding="utf-8")
    _build(corpus, out)
    same_as_cold(2)


@pytest.mark.parametrize("value", [float("nan"), 1.0, 2.5, float("inf"), float("-inf"), -0.0, 1e20, -3.0, 0.1])
def test_a_float_cell_reads_as_the_pandas_path_read_it(value):
    import pandas as pd
    from inkoopgraaf.report.render import _cell
    expected = "" if pd.isna(value) else str(int(value)) if value.is_integer() else str(value)
    assert _cell(value) == expected
