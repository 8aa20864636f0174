"""Very long documents are extracted in parts (extract/blocks.py): cut at block boundaries, each part
alone, offsets and pages exact against the whole text, once-per-document facts reconciled.

The long texts are made here from the seed documents (nothing large is committed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from inkoopgraaf.extract import blocks, nlp, pipeline
from inkoopgraaf.extract.dates import detect_document_year, detect_document_year_in_parts
from inkoopgraaf.extract.document import Document
from inkoopgraaf.extract.readers import read_document
from inkoopgraaf.extract.readers.text import build_from_lines
from inkoopgraaf.models.facts import Fact

from pdf_factory import make_pdf

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def seeds_text(chars: int) -> str:
    """The seed documents repeated, cut after a line end near ``chars`` characters."""
    unit = "\n\n".join(p.read_text("utf-8").strip() for p in sorted(CORPUS.glob("*.txt"))) + "\n\n"
    text = unit * (chars // len(unit) + 1)
    return text[:text.rfind("\n", 0, chars) + 1]


def text_document(text: str, fmt: str = "txt") -> Document:
    clean, blks, _ = build_from_lines(text.split("\n")).build()
    return Document("long", f"long.{fmt}", "", fmt, clean, [], blks)


def assert_exact(doc: Document, facts: list[Fact]) -> None:
    starts = [s for s, _ in doc.pages]
    for f in facts:
        assert doc.text[f.start:f.end] == f.text, f
        if doc.pages:
            assert f.page == max(i for i, s in enumerate(starts) if s <= f.start) + 1, f


# -- where parts are cut ---------------------------------------------------------------------

def test_cuts_fall_on_headings_and_never_inside_a_table():
    section = ("## Deel {n}\n\nDe regio koopt ambulante jeugdhulp in per 1 januari 2026.\n\n"
               "| perceel | bekostiging |\n|---|---|\n" + "| ambulant | lumpsum |\n" * 40 + "\n"
               "Een alinea over de planning van deel {n} die verder niets besluit.\n\n")
    doc = text_document("".join(section.format(n=n) for n in range(60)), "md")
    limit = 5_000
    points = blocks.cut_points(doc, limit)
    assert len(points) > 3 and points[0] == 0
    by_start = {b.start: b for b in doc.blocks}
    prev_of = dict(zip([b.start for b in doc.blocks[1:]], doc.blocks))
    for a, b in zip(points, points[1:] + [len(doc.text)]):
        assert b - a <= limit
    for p in points[1:]:
        assert by_start[p].kind == "heading"            # a heading stood in every part's second half
        before = prev_of[p]
        assert not (before.kind == "table_row" and by_start[p].kind == "table_row")


def test_a_block_longer_than_a_part_is_cut_after_a_space():
    doc = text_document("Titel\n\n" + "woord " * 3_000 + "\n")
    points = blocks.cut_points(doc, 4_000)
    block_starts = {b.start for b in doc.blocks}
    inside = [p for p in points[1:] if p not in block_starts]
    assert len(inside) >= 3 and all(doc.text[p - 1] == " " for p in inside)
    for n, (a, b) in enumerate(zip(points, points[1:] + [len(doc.text)])):
        text, part = blocks.make_part(doc, n, a, b)
        assert text.text[part.carried:] == doc.text[a:b]
        shift = a - part.carried
        assert all(text.text[x.start:x.end] == doc.text[shift + x.start:shift + x.end]
                   for x in text.blocks if x.start >= part.carried)


def test_part_pages_keep_their_numbers():
    text = "".join(f"Pagina {i}: tekst over jeugdhulp.\n\n" for i in range(30))
    doc = text_document(text)
    starts = [b.start for b in doc.blocks] + [len(doc.text)]
    doc.pages = list(zip(starts, starts[1:]))                  # one paragraph a page
    text, part = blocks.make_part(doc, 1, 340, 700)
    for o in range(len(text.text)):
        assert text.page_at(o) == doc.page_at(340 + max(o - part.carried, 0))


def test_a_part_opening_inside_a_section_carries_its_headings():
    body = "".join(f"Alinea {i} over de inkoop van jeugdhulp.\n\n" for i in range(200))
    doc = text_document("# Regio Noord\n\n## Perceel ambulante jeugdhulp\n\n" + body + "## Planning\n\nSlot.\n", "md")
    points = blocks.cut_points(doc, 3_000)
    assert len(points) > 2
    text, part = blocks.make_part(doc, 1, points[1], points[2])
    assert text.text.startswith("Regio Noord\n\nPerceel ambulante jeugdhulp\n\nAlinea")
    heads = [text.text[h.start:h.end] for h in text.headings_before(len(text.text) - 1)]
    assert heads == ["Regio Noord", "Perceel ambulante jeugdhulp"]
    fact = Fact("long", "segment", "x", 0, 5, None, {})
    later = Fact("long", "segment", text.text[part.carried:part.carried + 6], part.carried, part.carried + 6, None, {})
    kept = blocks.shift_facts([fact, later], part)
    assert kept == [later] and doc.text[later.start:later.end] == later.text


# -- the whole document's answers --------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_document_year_over_parts_is_the_whole_texts(path):
    text = path.read_text("utf-8")
    cuts = [0] + [i + 2 for i in range(0, len(text), 1) if text.startswith("\n\n", i)][::7] + [len(text)]
    cuts = sorted(set(cuts))
    parts = [text[a:b] for a, b in zip(cuts, cuts[1:])]
    assert detect_document_year_in_parts(parts) == detect_document_year(text)


def _fact(type_, start, value, text="x", confidence=0.8):
    return Fact("d", type_, text, start, start + len(text), None, value, confidence)


def test_once_per_document_facts_are_reconciled_across_parts():
    first = [_fact("region", 0, {"id": "twente", "name": "Twente"}, confidence=0.7),
             _fact("municipality", 5, {"cbs": "GM0153", "name": "Enschede"}),
             _fact("decision", 10, {"actor": "raad", "status": "taken", "object": "de inkoopstrategie jeugdhulp",
                                    "date": None}),
             _fact("plan_change", 20, {"what": "", "from": {"start": "2025-01-01"}, "to": {"start": "2026-01-01"}}),
             _fact("date", 30, {"start": "2026-01-01"})]
    second = [_fact("region", 100, {"id": "twente", "name": "Twente"}, confidence=0.9),
              _fact("municipality", 105, {"cbs": "GM0153", "name": "Enschede"}),
              _fact("decision", 110, {"actor": "raad", "status": "taken",
                                      "object": "de inkoopstrategie jeugdhulp 2026", "date": {"start": "2024-03-01"}}),
              _fact("decision", 115, {"actor": "college", "status": "taken", "object": "de inkoopstrategie jeugdhulp",
                                      "date": None}),
              _fact("plan_change", 120, {"what": "", "from": {"start": "2025-01-01"}, "to": {"start": "2026-01-01"}}),
              _fact("date", 130, {"start": "2026-01-01"})]
    merged = blocks.merge_parts([first, second])
    assert [(f.type, f.start) for f in merged] == [
        ("region", 0), ("municipality", 5), ("decision", 10), ("plan_change", 20), ("date", 30),
        ("decision", 115), ("date", 130)]
    assert merged[0].confidence == 0.9                        # the best cue of the region counts
    assert merged[2].value["date"] == {"start": "2024-03-01"}  # the repeated decision dates the first


def test_models_keep_the_best_stated_stance_across_parts():
    def model(start, status, conf, segment="ambulant"):
        return _fact("financing", start, {"id": "lumpsum", "variant": "none", "segment": segment, "status": status},
                     confidence=conf)
    c = _fact("segment", 60, {"id": "ambulant", "label": "Ambulant", "parent": None}, confidence=0.9)
    d = _fact("segment", 1, {"id": "ambulant", "label": "ambulant", "parent": None}, confidence=0.7)
    merged = blocks.merge_parts([[d, model(0, "considered", 0.8)], [model(50, "chosen", 0.8), c]])
    assert [(f.type, f.start) for f in merged] == [("financing", 50), ("segment", 60)]     # chosen over considered
    merged = blocks.merge_parts([[model(0, "considered", 0.825)], [model(50, "chosen", 0.75)]])
    assert [f.value["status"] for f in merged] == ["considered"]     # its own sentence over a default stance
    merged = blocks.merge_parts([[model(0, None, 0.9)], [model(50, "rejected", 0.6)]])
    assert [f.value["status"] for f in merged] == ["rejected"]       # a stance over none


def test_parts_of_a_text_cut_at_its_sections_give_the_whole_texts_facts(monkeypatch):
    """The seed documents one after another, parts of about one seed each: every fact the whole
    text gives (offsets, values, confidences), except the regions, which a part selects among its
    own (a text naming many regions is read as a comparison: a whole-document choice)."""
    doc = text_document(seeds_text(250_000))
    whole = pipeline.extract_document(doc)
    monkeypatch.setattr(blocks, "PART_CHARS", 60_000)
    assert len(blocks.cut_points(doc)) >= 5
    parted = pipeline.extract_document(doc)
    key = lambda f: (f.type, f.start, f.end, f.text, repr(f.value), f.confidence)   # noqa: E731
    assert [key(f) for f in parted if f.type != "region"] == [key(f) for f in whole if f.type != "region"]
    assert {f.value["id"] for f in whole if f.type == "region"} <= {f.value["id"] for f in parted if f.type == "region"}


# -- a multi-MB document, end to end -----------------------------------------------------------

@pytest.fixture(scope="module")
def long_run(tmp_path_factory):
    """A 2 MB text read and extracted in parts, with spaCy's limit set below the document's
    length and its own fallback for over-long texts disabled: a part is all spaCy ever sees."""
    path = tmp_path_factory.mktemp("long") / "lang.txt"
    path.write_text(seeds_text(2_000_000), "utf-8")
    parsed: list[int] = []
    real_parse = nlp.parse_columns                       # what ExtractionContext parses with
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(nlp.get_nlp(), "max_length", blocks.PART_CHARS + 1)

        def no_fallback(text, limit):
            raise AssertionError(f"spaCy was handed {len(text)} characters")
        mp.setattr(nlp, "_blocks", no_fallback)

        def spy(document):
            parsed.append(len(document.text))
            return real_parse(document)
        mp.setattr(nlp, "parse_columns", spy)
        doc = read_document(path)
        facts = pipeline.extract_document(doc)
    return doc, facts, parsed


def test_text_beyond_spacys_limit_is_extracted(long_run):
    doc, facts, parsed = long_run
    assert len(doc.text) > 5 * (blocks.PART_CHARS + 1)          # five times the limit spaCy had
    assert len(parsed) >= 6 and max(parsed) <= blocks.PART_CHARS
    assert {f.type for f in facts} >= {"date", "segment", "financing", "decision", "region", "plan_change"}
    assert_exact(doc, facts)


def test_parts_give_the_facts_of_the_parts_extracted_alone(long_run):
    doc, facts, _ = long_run
    points = blocks.cut_points(doc)
    spans = blocks.spans(doc, points)
    year = pipeline.anchor_year(doc)
    once = {"region", "municipality", "segment", "financing", "procedure", "plan_change", "decision"}
    for index in (len(spans) - 1, 2):          # out of order: no part leans on the one before
        start, end = spans[index]
        text, part = blocks.make_part(doc, index, start, end)
        alone = blocks.shift_facts(pipeline._run_steps(text, year, part), part)
        assert_exact(doc, alone)
        here = [f for f in facts if start <= f.start < end]
        key = lambda f: (f.type, f.start, f.end, f.text)   # noqa: E731
        assert [key(f) for f in here if f.type not in once] == [key(f) for f in alone if f.type not in once]
        assert {key(f) for f in here} <= {key(f) for f in alone}
        assert [f.to_json() for f in here if f.type == "date"] == [f.to_json() for f in alone if f.type == "date"]


def test_a_document_within_one_part_is_not_cut(monkeypatch):
    doc = read_document(CORPUS / "003_c527eb7b0d7b0bbe.txt")
    assert blocks.cut_points(doc) == [0]
    whole = pipeline.extract_document(doc)
    monkeypatch.setattr(blocks, "PART_CHARS", 12_000)
    assert len(blocks.cut_points(doc)) > 3
    parted = pipeline.extract_document(doc)
    assert_exact(doc, parted)
    assert {(f.type, f.start) for f in parted if f.type == "date"} == \
        {(f.type, f.start) for f in whole if f.type == "date"}


def test_long_pdf_pages_stay_exact(tmp_path, monkeypatch):
    pages = []
    for n in range(24):
        pages.append([("text", 72, 760, 16, f"Hoofdstuk {n + 1}: jeugdhulp in de regio"),
                      ("text", 72, 720, 11, "De gemeenten kopen ambulante jeugdhulp in met een lumpsum."),
                      ("text", 72, 700, 11, f"Het contract gaat in op 1 januari {2020 + n % 6}."),
                      ("text", 72, 680, 11, "De raad heeft op 3 maart 2024 de inkoopstrategie vastgesteld.")])
    path = tmp_path / "lang.pdf"
    path.write_bytes(make_pdf(pages))
    doc = read_document(path)
    monkeypatch.setattr(blocks, "PART_CHARS", 900)
    assert len(blocks.cut_points(doc)) > 4
    facts = pipeline.extract_document(doc)
    assert {f.page for f in facts if f.type == "date"} == set(range(1, 25))
    assert_exact(doc, facts)


# -- reading a long text in a stream ---------------------------------------------------------

@pytest.mark.parametrize("encoding,newline", [("utf-8", "\n"), ("utf-8", "\r\n"), ("cp1252", "\r\n"),
                                               ("utf-16", "\n"), ("utf-8-sig", "\r")])
@pytest.mark.parametrize("chunk", [97, 1000])
def test_streamed_text_reads_as_the_whole_file(tmp_path, monkeypatch, encoding, newline, chunk):
    from inkoopgraaf.extract.readers import text as text_reader
    body = seeds_text(20_000).replace("e", "é", 40).replace("\n", newline) + newline + "slot\r"
    path = tmp_path / "lang.md"
    path.write_bytes(body.encode(encoding))
    whole = read_document(path)
    monkeypatch.setattr(text_reader, "STREAM_BYTES", chunk)
    streamed = read_document(path)
    assert streamed.text == whole.text
    assert [b.to_json() for b in streamed.blocks] == [b.to_json() for b in whole.blocks]


@pytest.mark.parametrize("raw,reason", [
    (b"tekst " * 1000 + b"\x00" * 10, None),                      # NULs after the head: dropped
    (b"\x00\x01binair" * 600, "binary file, not text (NUL bytes)"),
    ("één".encode() * 300 + b"\x81" + b"x" * 3000, "binary file, not text (byte 0x81 at 1500 is not UTF-8 "
                                                 "or Windows-1252)"),
])
def test_streamed_text_refuses_what_the_whole_reader_refuses(tmp_path, monkeypatch, raw, reason):
    from inkoopgraaf.extract.document import ReadError
    from inkoopgraaf.extract.readers import text as text_reader
    path = tmp_path / "lang.txt"
    path.write_bytes(raw)
    monkeypatch.setattr(text_reader, "STREAM_BYTES", 256)
    if reason is None:
        assert "\x00" not in read_document(path).text
        return
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert err.value.reason == reason
    monkeypatch.setattr(text_reader, "STREAM_BYTES", 1 << 30)
    with pytest.raises(ReadError) as whole:
        read_document(path)
    assert whole.value.reason == reason


def test_default_budget_refuses_only_what_is_parsed_whole(tmp_path):
    from inkoopgraaf.extract.document import ReadError
    from inkoopgraaf.extract.readers import DefaultBudget, check_input
    small = DefaultBudget(1024)
    for name in ("lang.txt", "lang.md", "lang.pdf"):
        (tmp_path / name).write_bytes(b"x" * 4096)
        check_input(tmp_path / name, small)
    (tmp_path / "lang.html").write_bytes(b"x" * 4096)
    with pytest.raises(ReadError, match=r"over the size budget of 0.0009765\d* MB per file for HTML, which is "
                                        r"parsed whole \(raise it with --max-file-mb\)"):
        check_input(tmp_path / "lang.html", small)
    with pytest.raises(ReadError, match="per file \\(raise it"):
        check_input(tmp_path / "lang.txt", 1024)                 # a budget the user gave holds for all


def test_a_batch_goes_on_past_an_html_file_over_the_default_budget(tmp_path):
    import json

    from click.testing import CliRunner

    from inkoopgraaf.cli import main
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "groot.html", "wb") as fh:      # sparse: no disk is spent
        fh.write(b"<html><body><p>Inkoop jeugdhulp</p>")
        fh.truncate(65 * 2**20)
    (folder / "klein.txt").write_text("De regio Twente koopt ambulante jeugdhulp in per 1 januari 2026.\n", "utf-8")
    r = CliRunner().invoke(main, ["extract", str(folder), "--out", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert (f"inkoopgraaf: {folder / 'groot.html'}: refused: 65.0 MB is over the size budget of 64 MB per file "
            "for HTML, which is parsed whole (raise it with --max-file-mb)") in r.stderr.splitlines()
    facts = [json.loads(x) for x in (tmp_path / "out" / "facts.jsonl").read_text("utf-8").splitlines()]
    assert {f["doc"] for f in facts} == {"klein"} and any(f["type"] == "date" for f in facts)


def test_the_time_budget_grows_with_the_file(tmp_path):
    from inkoopgraaf.batch import BUDGET_BYTES, Budget
    small, big = tmp_path / "kort.txt", tmp_path / "lang.txt"
    small.write_text("Kort.\n", "utf-8")
    with open(big, "wb") as fh:                        # sparse
        fh.truncate(3 * BUDGET_BYTES)
    budget = Budget(seconds=10)
    assert budget.seconds_for(small) == 10 and budget.seconds_for(big) == 30
    assert budget.timeout_reason(small) == ("over the time budget of 10 s per document (a pathological file?); "
                                            "raise it with --timeout")
    assert budget.timeout_reason(big) == ("over the time budget of 30 s for this file (10 s per 4 MB; a "
                                          "pathological file?); raise it with --timeout")
    assert Budget(seconds=None).seconds_for(big) is None
