"""Build the bad-input corpus on the fly: files people really send, and hostile ones.

Each case is a function writing one file (or FIFO) into a folder and
returning its path. ``CASES`` maps a case name to its builder; the tests in
tests/test_bad_inputs.py run each case through the CLI and check the exact
message a user sees, the exit code, and that a good document beside it keeps
exactly the same facts. Nothing here is stored in the repository: every file
is made in a temporary folder in a few milliseconds.

Run it by hand to look at the files: ``python tests/bad_inputs.py /tmp/bad``.
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_factory import make_pdf  # noqa: E402

GOOD_TEXT = """Inkoopstrategie jeugdhulp regio Rivierenland 2025

De colleges van de gemeenten Tiel, Culemborg en Buren hebben op 12 maart 2024 besloten de jeugdhulp opnieuw in te kopen.
Voor het segment ambulante jeugdhulp kiezen de gemeenten voor lumpsumfinanciering.
De nieuwe contracten gaan in per 1 januari 2025.
"""

# A few Dutch sentences that every decodable case carries, so "was it read?" is checkable.
DUTCH = ("Inkoopstrategie Wmo regio Lekstroom\n\n"
         "Het college heeft op 3 februari 2023 besloten de dagbesteding aan te besteden.\n"
         "De gemeenten kiezen voor een open house procedure en de contracten starten per 1 januari 2024.\n")

_DOCX_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _document_xml(body: bytes, prolog: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>' + prolog + b"<w:document " + _W + b"><w:body>"
            + body + b"</w:body></w:document>")


# -- PDF ------------------------------------------------------------------
def empty_pdf(d: Path) -> Path:
    p = d / "leeg.pdf"
    p.write_bytes(b"")
    return p


def truncated_pdf(d: Path) -> Path:
    data = make_pdf([[("text", 72, 700, 12, "Inkoopstrategie jeugdhulp 2024")]])
    p = d / "afgebroken.pdf"
    p.write_bytes(data[: len(data) // 3])
    return p


def encrypted_pdf(d: Path) -> Path:
    p = d / "versleuteld.pdf"
    p.write_bytes(make_pdf([[("text", 72, 700, 12, "Geheim")]], encrypt_with_unknown_password=True))
    return p


def scanned_pdf(d: Path) -> Path:
    p = d / "scan.pdf"
    p.write_bytes(make_pdf([[("image",)], [("image",)]]))
    return p


def not_a_pdf(d: Path) -> Path:
    p = d / "nep.pdf"
    p.write_bytes(b"<html><body>404 Not Found</body></html>")
    return p


# -- DOCX -----------------------------------------------------------------
def docx_bomb(d: Path) -> Path:
    """One member of 200 MB of zeros: compresses ~1000:1."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):
                fh.write(chunk)
    p = d / "bom.docx"
    p.write_bytes(buf.getvalue())
    return p


def docx_xxe(d: Path) -> Path:
    prolog = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    body = b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>"
    p = d / "xxe.docx"
    p.write_bytes(_docx({"[Content_Types].xml": _DOCX_CT, "word/document.xml": _document_xml(body, prolog)}))
    return p


def docx_billion_laughs(d: Path) -> Path:
    ents = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    prolog = b"<!DOCTYPE w:document [" + ents + b"]>"
    body = b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
    p = d / "lachen.docx"
    p.write_bytes(_docx({"[Content_Types].xml": _DOCX_CT, "word/document.xml": _document_xml(body, prolog)}))
    return p


def docx_plain_text(d: Path) -> Path:
    p = d / "eigenlijk-tekst.docx"
    p.write_text(DUTCH, encoding="utf-8")
    return p


# -- text -----------------------------------------------------------------
def binary_txt(d: Path) -> Path:
    p = d / "binair.txt"
    p.write_bytes(bytes(range(256)) * 64)
    return p


def utf16_txt(d: Path) -> Path:
    p = d / "unicode.txt"
    p.write_bytes("\ufeff".encode("utf-16-le") + DUTCH.replace("\n", "\r\n").encode("utf-16-le"))
    return p


def utf32_txt(d: Path) -> Path:
    p = d / "utf32.txt"
    p.write_bytes(DUTCH.encode("utf-32"))     # Python writes the BOM
    return p


def cp1252_txt(d: Path) -> Path:
    p = d / "ansi.txt"
    p.write_bytes(("Financiële paragraaf — café\n\n" + DUTCH).encode("cp1252"))
    return p


def nul_after_4k(d: Path) -> Path:
    p = d / "nul-bytes.txt"
    p.write_text(DUTCH + "x" * 5000 + "\x00\x00\x00 De gemeente Houten doet mee.\x00\n", encoding="utf-8")
    return p


def empty_txt(d: Path) -> Path:
    p = d / "leeg.txt"
    p.write_bytes(b"")
    return p


def newline_name(d: Path) -> Path:
    p = d / "regel\nbreuk.txt"
    p.write_bytes(b"")
    return p


def fifo(d: Path) -> Path:
    p = d / "pijp.txt"
    os.mkfifo(p)
    return p


def oversized_txt(d: Path, size: int = 3 * 1024 * 1024) -> Path:
    """Bigger than the budget the test sets (--max-file-mb 1): sparse, so it costs no disk."""
    p = d / "enorm.txt"
    with open(p, "wb") as fh:
        fh.write(DUTCH.encode())
        fh.truncate(size)
    return p


# -- HTML -----------------------------------------------------------------
def deep_html(d: Path, depth: int = 100_000) -> Path:
    p = d / "diep.html"
    p.write_text("<html><body>" + "<div>" * depth + "<p>" + DUTCH + "</p>" + "</div>" * depth
                 + "</body></html>", encoding="utf-8")
    return p


def wrong_meta_charset(d: Path) -> Path:
    p = d / "verkeerde-charset.html"
    p.write_bytes(('<html><head><meta charset="utf-16"><title>Inkoop</title></head><body><p>'
                   + DUTCH + " Financiële paragraaf.</p></body></html>").encode("utf-8"))
    return p


def xhtml_doctype(d: Path) -> Path:
    p = d / "xhtml.html"
    p.write_text('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [\n<!ENTITY org "Lekstroom">\n]>\n'
                 '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>' + DUTCH + "</p></body></html>",
                 encoding="utf-8")
    return p


def html_billion_laughs(d: Path) -> Path:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10))
    p = d / "lachen.html"
    p.write_text(f"<?xml version=\"1.0\"?><!DOCTYPE html [{ents}]><html><body><p>{DUTCH} &lol9;</p>"
                 "</body></html>", encoding="utf-8")
    return p


#: name → builder. Builders of cases that must be read (not refused) are in READ_OK.
CASES = {f.__name__: f for f in (
    empty_pdf, truncated_pdf, encrypted_pdf, scanned_pdf, not_a_pdf,
    docx_bomb, docx_xxe, docx_billion_laughs, docx_plain_text,
    binary_txt, empty_txt, newline_name, fifo, oversized_txt,
    utf16_txt, utf32_txt, cp1252_txt, nul_after_4k,
    deep_html, wrong_meta_charset, xhtml_doctype, html_billion_laughs,
)}
READ_OK = {"utf16_txt", "utf32_txt", "cp1252_txt", "nul_after_4k", "deep_html", "wrong_meta_charset",
           "xhtml_doctype", "html_billion_laughs"}


def build_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {name: make(folder) for name, make in CASES.items()}


if __name__ == "__main__":  # pragma: no cover - a manual look at the corpus
    for name, path in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")).items():
        print(f"{name}\t{path!r}")
