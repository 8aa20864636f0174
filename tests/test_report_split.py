"""The report split per region (issue 14): a small summary report.html, the details in
report/<region>.html, linked both ways; unchanged pages reused, stale ones removed."""
from __future__ import annotations

import json
import re

from inkoopgraaf.report import write_report_files
from inkoopgraaf.report.render import report_pages
from report_sample import hostile_inputs, sample_inputs, synthetic_inputs


def _data(html: str) -> dict:
    island = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(island)


def test_split_report_keeps_summaries_and_puts_details_per_region(tmp_path):
    facts, documents, texts = sample_inputs()
    paths = write_report_files(tmp_path / "report.html", facts, documents, texts, split=True)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in paths[1:])
    assert paths[0] == tmp_path / "report.html"
    assert names == ["report/_onbekend.html", "report/holland_rijnland.html", "report/rivierenland.html"]
    summary = _data(paths[0].read_text(encoding="utf-8"))
    assert summary["texts"] == [] and summary["timeline"] == [] and summary["decisions"] == []
    assert summary["meta"]["factTotal"] == len(facts)
    assert summary["meta"]["pages"]["rivierenland"] == "report/rivierenland.html"
    cited = {i for row in summary["matrix"]["rows"] for cell in row["cells"].values()
             for e in cell["fin"] for i in e[4]} | {i for row in summary["matrix"]["rows"]
                                                    for cell in row["cells"].values() for e in cell["proc"] for i in e[3]}
    assert cited == set(range(len(summary["facts"])))       # only the facts the matrix cites, all of them
    page = _data((tmp_path / "report/rivierenland.html").read_text(encoding="utf-8"))
    assert page["meta"]["summary"] == "../report.html" and page["meta"]["region"] == "rivierenland"
    assert [d["id"] for d in page["docs"]] == ["010_rivierenland_memo"]
    assert page["texts"] == [texts["010_rivierenland_memo"]]
    assert all(row[0] == 0 for row in page["facts"]) and page["facts"]


def test_small_reports_stay_one_file_and_large_ones_split(tmp_path):
    facts, documents, texts = sample_inputs()
    assert list(report_pages(facts, documents, texts)) == [""]
    facts, documents, texts = synthetic_inputs(n_docs=60, facts_per_doc=5)
    pages = report_pages(facts, documents, texts)
    assert len(pages) > 2 and all(p == "" or p.startswith("report/") for p in pages)
    assert len(pages[""]) < sum(len(v) for k, v in pages.items() if k)


def test_hostile_text_is_escaped_on_region_pages(tmp_path):
    facts, documents, texts = hostile_inputs()
    for path in write_report_files(tmp_path / "report.html", facts, documents, texts, split=True):
        html = path.read_text(encoding="utf-8")
        island = re.search(r'id="report-data">(.*?)</script>', html, re.S).group(1)
        assert "<" not in island and ">" not in island        # nothing can close the island
        assert html.count("<script") == 2                     # the island and our own script, no more


def test_unchanged_region_pages_are_linked_from_the_previous_build_and_stale_ones_removed(tmp_path):
    facts, documents, texts = sample_inputs()
    old, new = tmp_path / "old", tmp_path / "new"
    write_report_files(old / "report.html", facts, documents, texts, split=True)
    keep = [f for f in facts if f.doc != "011_holland_rijnland_kader" or f.type != "decision"]
    write_report_files(new / "report.html", keep, documents, texts, split=True, previous=old)
    same = (old / "report/rivierenland.html").stat(), (new / "report/rivierenland.html").stat()
    assert same[0].st_ino == same[1].st_ino                   # hard link: not written again
    changed = (old / "report/holland_rijnland.html").stat(), (new / "report/holland_rijnland.html").stat()
    assert changed[0].st_ino != changed[1].st_ino
    (new / "report/weg.html").write_text("oud", encoding="utf-8")
    write_report_files(new / "report.html", keep, documents, texts, split=True)
    assert not (new / "report/weg.html").exists()


def _contributions(facts, documents, texts):
    """Each document's contribution as build caches it (its piece, models/derived.py), through JSON."""
    from inkoopgraaf.models.derived import document_piece
    by_doc = {}
    for f in facts:
        by_doc.setdefault(f.doc if hasattr(f, "doc") else f["doc"], []).append(f)
    pieces = [document_piece(str(d["id"]), d, by_doc.get(str(d["id"]), []), texts.get(str(d["id"])))
              for d in documents]
    return pieces, [json.loads(json.dumps(p["report"], ensure_ascii=False)) for p in pieces]


def test_the_summary_folded_from_contributions_is_the_one_made_from_every_fact():
    """A build folds the summary from per-document contributions and reads only the facts of the
    pages it renders; every page is byte for byte the one made from all facts at once."""
    from inkoopgraaf.models.derived import assemble
    from inkoopgraaf.report.render import _pages
    for facts, documents, texts in (sample_inputs(), hostile_inputs(), synthetic_inputs(n_docs=60, facts_per_doc=8)):
        pieces, contributions = _contributions(facts, documents, texts)
        asm = assemble(pieces)
        args = (facts, documents, texts, asm, None, asm.attributions(), asm.weak_spans(), "report.html", True)
        read = []

        def facts_of(doc):
            read.append(doc)
            return [f for f in facts if (f.doc if hasattr(f, "doc") else f["doc"]) == doc]
        whole, _ = _pages(*args)
        assert _pages(facts, documents, texts, asm.tables, *args[4:])[0] == whole   # the tables as frames
        folded, _ = _pages(*args, contributions=contributions, facts_of=facts_of)
        assert list(folded) == list(whole)
        for rel in whole:
            assert folded[rel] == whole[rel], rel
        # a page left unrendered costs none of its documents' facts
        read.clear()
        _pages(*args, unchanged=lambda rel, key: True, doc_keys=asm.fingerprints, contributions=contributions,
               facts_of=facts_of)
        assert read == []
