"""The bad-input corpus (tests/bad_inputs.py) through the CLI: the exact line a user sees,
exit code 1, and a good document beside the bad ones keeping exactly the same facts."""
from __future__ import annotations

import json
import random
import re
import shutil
import string

import pytest
from click.testing import CliRunner

import bad_inputs as B
from inkoopgraaf.cli import main, shown_path
from inkoopgraaf.extract.readers import read_document
from pdf_factory import make_pdf

#: case → the reason printed after "inkoopgraaf: PATH: " (None: the file is read, exit 0)
EXPECTED = {
    "empty_pdf": "empty file (0 bytes)",
    "truncated_pdf": "damaged PDF: not in PDF format or corrupted beyond repair (truncated download?)",
    "encrypted_pdf": "encrypted PDF: needs a password",
    "scanned_pdf": "no text layer: needs OCR (2 of 2 pages are images)",
    "not_a_pdf": "not a PDF file (no %PDF header): wrong extension or a damaged download",
    "docx_bomb": "refused: member 'word/document.xml' compresses 1028:1 (limit 100:1); zip bomb or not a normal "
                 "Word file",
    "docx_xxe": "refused: unsafe XML in word/document.xml (EntitiesForbidden: DTDs/entities are not allowed in "
                "Word files)",
    "docx_billion_laughs": "refused: unsafe XML in word/document.xml (EntitiesForbidden: DTDs/entities are not "
                           "allowed in Word files)",
    "docx_plain_text": "not a Word file: this .docx is plain text (rename it to .txt to read it)",
    "binary_txt": "binary file, not text (NUL bytes)",
    "empty_txt": "empty file (0 bytes)",
    "newline_name": "empty file (0 bytes)",
    "fifo": "refused: a named pipe (FIFO), not a file",
    "oversized_txt": "refused: 3.0 MB is over the size budget of 2 MB per file (raise it with --max-file-mb)",
}
# read, and what must (not) be in their text
READ = {
    "utf16_txt": "Inkoopstrategie Wmo regio Lekstroom", "utf32_txt": "Inkoopstrategie Wmo regio Lekstroom",
    "cp1252_txt": "Financiële paragraaf — café", "nul_after_4k": "De gemeente Houten doet mee.",
    "deep_html": "open house procedure", "wrong_meta_charset": "Financiële paragraaf.",
    "xhtml_doctype": "Inkoopstrategie Wmo regio Lekstroom", "html_billion_laughs": "Inkoopstrategie Wmo",
}
assert set(EXPECTED) | set(READ) == set(B.CASES) and set(READ) == B.READ_OK


def _extract(*args):
    return CliRunner().invoke(main, ["extract", *map(str, args), "--max-file-mb", "2"])


def _facts(out) -> list[dict]:
    return [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_input_gets_its_message_and_exit_1(case, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = B.CASES[case](folder)
    r = _extract(path, "--out", tmp_path / "out")
    assert r.exit_code == 1, r.output
    lines = r.stderr.splitlines()
    assert f"inkoopgraaf: {shown_path(path)}: {EXPECTED[case]}" in lines, r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize("case", sorted(READ))
def test_inputs_people_really_have_are_read(case, tmp_path):
    path = B.CASES[case](tmp_path)
    text = read_document(path).text
    assert READ[case] in text
    assert "\x00" not in text and "]>" not in text and "&lol" not in text.replace("&lol9;", "")
    if case == "deep_html":
        return      # 100,000 elements: read once is enough, the CLI path is the same as for the others
    r = _extract(path, "--out", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert any(f["type"] == "date" for f in _facts(tmp_path / "out"))


def test_newline_in_a_file_name_stays_on_one_line(tmp_path):
    path = B.newline_name(tmp_path)
    r = _extract(path, "--out", tmp_path / "out")
    line = [x for x in r.stderr.splitlines() if "breuk.txt" in x]
    assert line == [f"inkoopgraaf: {tmp_path}/regel\\nbreuk.txt: empty file (0 bytes)"]


@pytest.fixture(scope="module")
def good_facts(tmp_path_factory):
    base = tmp_path_factory.mktemp("good")
    (base / "in").mkdir()
    (base / "in" / "goed.txt").write_text(B.GOOD_TEXT, encoding="utf-8")
    r = _extract(base / "in", "--out", base / "out")
    assert r.exit_code == 0, r.output
    return (base / "out" / "facts.jsonl").read_text(encoding="utf-8")


def test_good_document_keeps_its_facts_among_all_bad_inputs(good_facts, tmp_path):
    folder = tmp_path / "in"
    paths = B.build_all(folder)
    (folder / "goed.txt").write_text(B.GOOD_TEXT, encoding="utf-8")
    r = _extract(folder, "--out", tmp_path / "out")
    assert r.exit_code == 1
    mine = [line for line in (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8").splitlines()
            if json.loads(line)["doc"] == "goed"]
    assert "\n".join(mine) + "\n" == good_facts
    # inside a folder a FIFO is skipped (listed), never opened
    assert f"inkoopgraaf: skipped {paths['fifo']}: not a regular file (a pipe, socket or broken link)" in r.stderr
    for case in set(EXPECTED) - {"fifo"}:
        assert f"inkoopgraaf: {shown_path(paths[case])}: {EXPECTED[case]}" in r.stderr.splitlines(), case


def test_text_that_is_mostly_not_latin_is_flagged(tmp_path):
    path = tmp_path / "cjk.html"
    path.write_bytes(("<html><body><p>Inkoop 2024. " + "格浴㹬格慥㹤洼瑥档牡敳㵴產晴" * 30 + "</p></body></html>")
                     .encode("utf-8"))
    r = _extract(path, "--out", tmp_path / "out")
    assert r.exit_code == 0
    assert re.search(rf"^inkoopgraaf: warning: {re.escape(str(path))}: text is mostly not Latin script "
                     r"\(9\d% of the letters\): wrong character encoding declared, or a garbage text layer; "
                     r"check the extracted text$", r.stderr, re.M), r.stderr


def test_garbage_pdf_text_layer_gets_a_hint(tmp_path):
    rng = random.Random(7)
    words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8)))
                     for _ in range(14))
    path = tmp_path / "cid.pdf"
    path.write_bytes(make_pdf([[("text", 40, 700 - 20 * i, 10, words) for i in range(8)]]))
    r = _extract(path, "--out", tmp_path / "out")
    assert r.exit_code == 0
    assert f"inkoopgraaf: warning: {path}: the text layer looks like garbage" in r.stderr
    assert "OCR the PDF" in r.stderr


def test_unsupported_files_are_listed_not_silently_dropped(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    shutil.copy(B.cp1252_txt(tmp_path), tmp_path / "in" / "ansi.txt")
    r = _extract(tmp_path / "in", "--out", tmp_path / "out")
    assert f"inkoopgraaf: skipped {tmp_path}/in/oud.doc: unsupported format '.doc'" in r.stderr.splitlines()


HOSTILE_NAMES = ['<img src=x onerror=alert(1)>.txt', '"><script>alert(1)<\\script>.txt', "=HYPERLINK(1).txt",
                 "regio\u202eplh.txt"]


def test_hostile_file_names_are_escaped_in_the_report_and_csv(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in HOSTILE_NAMES:
        (corpus / name).write_text(B.GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out)])
    assert r.exit_code == 0, r.output
    html = (out / "report.html").read_text(encoding="utf-8")
    for raw in ("<img src=x", "<script>alert", '"><script'):
        assert raw not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html   # kept, as text of the data island
    docs = (out / "documents.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in docs and ",=HYPERLINK" not in docs
