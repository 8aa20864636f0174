"""DOCX reader: zipfile + defusedxml, with zip-bomb limits, no python-docx.

A .docx is a zip of XML parts and arrives from anywhere, so it is read as
untrusted input: the archive's declared sizes and compression ratios are
checked before anything is decompressed, reads are capped, and the XML is
parsed with defusedxml (no entity expansion, no DTDs, no external
references). python-docx would parse with lxml's default (entity-resolving)
parser and hides the document order of paragraphs and tables, which this
reader needs.

``word/document.xml`` is walked in body order: paragraphs become headings
(style "Heading n"/"Kop n", or an outline level), list items (numbering
``numPr`` or a list style; level = ``ilvl`` + 1) or paragraphs; tables become
``table_row`` blocks whose cells line up with the grid (a cell spanning n
columns is followed by n-1 empty cells).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..document import Document, ReadError, sha256_file
from .builder import TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Zip-bomb limits. Real strategy documents are a few MB: XML compresses ~10:1,
# images hardly at all. 100:1 on a member over 1 MB, or more than 200 MB in
# total, is not a Word file anyone wrote.
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_MIN_SIZE = 1024 * 1024
MAX_MEMBERS = 10_000
MAX_PART_BYTES = 64 * 1024 * 1024

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|titel)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|lijst|opsomming|bullet", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_archive(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ReadError(path, f"refused: archive has {len(infos)} members (limit {MAX_MEMBERS}); "
                              "not a normal Word file (zip bomb?)")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ReadError(path, f"refused: archive would unpack to {total / 2**20:.0f} MB "
                              f"(limit {MAX_TOTAL_UNCOMPRESSED // 2**20} MB); zip bomb or not a normal Word file")
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise ReadError(path, f"refused: member {i.filename!r} compresses {i.file_size // max(i.compress_size, 1)}:1 "
                                  f"(limit {MAX_RATIO}:1); zip bomb or not a normal Word file")
        if i.flag_bits & 0x1:
            raise ReadError(path, "encrypted zip archive: needs a password")


def _read_part(path: Path, zf: zipfile.ZipFile, name: str) -> bytes | None:
    """A part's bytes, reading at most MAX_PART_BYTES (declared sizes can lie)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise ReadError(path, f"refused: {name} is larger than {MAX_PART_BYTES // 2**20} MB")
    return data


def _parse_xml(path: Path, data: bytes, name: str):
    import defusedxml.ElementTree as ET
    from defusedxml import DefusedXmlException

    try:
        return ET.fromstring(data)
    except DefusedXmlException as exc:
        raise ReadError(path, f"refused: unsafe XML in {name} ({type(exc).__name__}: DTDs/entities "
                              "are not allowed in Word files)") from exc
    except ET.ParseError as exc:
        raise ReadError(path, f"damaged Word file: malformed XML in {name} ({exc})") from exc


class _Styles:
    """Heading level / list-ness per style id, following ``basedOn`` chains."""

    def __init__(self, root) -> None:
        self.name: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.numbered: set[str] = set()
        if root is None:
            return
        for st in root.iter(f"{W}style"):
            sid = st.get(f"{W}styleId")
            if not sid:
                continue
            name = st.find(f"{W}name")
            self.name[sid] = name.get(f"{W}val") if name is not None else sid
            base = st.find(f"{W}basedOn")
            if base is not None:
                self.based_on[sid] = base.get(f"{W}val")
            ppr = st.find(f"{W}pPr")
            if ppr is not None:
                lvl = ppr.find(f"{W}outlineLvl")
                if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
                    self.outline[sid] = int(lvl.get(f"{W}val"))
                if ppr.find(f"{W}numPr") is not None:
                    self.numbered.add(sid)

    def _chain(self, sid: str | None):
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def heading_level(self, sid: str | None) -> int | None:
        for s in self._chain(sid):
            for label in (self.name.get(s, s), s):
                m = _HEADING_STYLE.match(label.replace("_", " "))
                if m:
                    return max(int(m.group(1)), 1)
                if _TITLE_STYLE.match(label):
                    return 1
            if s in self.outline and self.outline[s] < 9:
                return self.outline[s] + 1
        return None

    def is_list(self, sid: str | None) -> bool:
        return any(s in self.numbered or _LIST_STYLE.search(self.name.get(s, s)) for s in self._chain(sid))


def _run_text(p) -> str:
    """Visible text of a paragraph (or any element), in order."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            out.append(el.text or "")
        elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
            out.append(" ")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        # w:delText (tracked deletions) and w:instrText (field codes) are not text
    return "".join(out)


class _Body:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.b = TextBuilder()

    def walk(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                self.walk(child)   # content controls and tracked insertions wrap ordinary content

    def paragraph(self, p) -> None:
        text = _run_text(p)
        if not text.strip():
            return
        ppr = p.find(f"{W}pPr")
        sid = None
        num_level = None
        outline = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            sid = ps.get(f"{W}val") if ps is not None else None
            num = ppr.find(f"{W}numPr")
            if num is not None:
                ilvl = num.find(f"{W}ilvl")
                num_id = num.find(f"{W}numId")
                # numId 0 switches numbering off for this paragraph
                if num_id is None or num_id.get(f"{W}val") != "0":
                    val = ilvl.get(f"{W}val") if ilvl is not None else "0"
                    num_level = int(val) + 1 if val and val.isdigit() else 1
            lvl = ppr.find(f"{W}outlineLvl")
            if lvl is not None and (lvl.get(f"{W}val") or "").isdigit() and int(lvl.get(f"{W}val")) < 9:
                outline = int(lvl.get(f"{W}val")) + 1
        level = self.styles.heading_level(sid) or outline
        if level is not None:
            self.b.block("heading", text, level=min(level, 9))
        elif num_level is not None or self.styles.is_list(sid):
            self.b.block("list_item", text, level=num_level or 1)
        else:
            self.b.block("paragraph", text)

    def table(self, tbl) -> None:
        self.b.end_table()
        for tr in tbl.findall(f"{W}tr"):
            cells: list[str] = []
            for tc in tr.findall(f"{W}tc"):
                paras = [_run_text(p).strip() for p in tc.iter(f"{W}p")]
                cells.append(" ".join(t for t in paras if t))
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                if span is not None and (span.get(f"{W}val") or "").isdigit():
                    cells.extend([""] * (int(span.get(f"{W}val")) - 1))
            self.b.table_row(cells)
        self.b.end_table()


def _not_a_zip(path: Path) -> str:
    """Say what a .docx that is no zip archive really is: often a text or HTML file renamed."""
    from .encoding import NotText, decode_text

    with open(path, "rb") as fh:
        head = fh.read(4096)
    try:
        text, _ = decode_text(head)
    except NotText:
        return "not a valid .docx (not a zip archive): damaged or wrong extension"
    if text.lstrip().lower().startswith(("<!doctype html", "<html")):
        return "not a Word file: this .docx is an HTML page (rename it to .html to read it)"
    return "not a Word file: this .docx is plain text (rename it to .txt to read it)"


def read_docx(path) -> Document:
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        raise ReadError(path, "password-protected or old-format (.doc) Word file: save it as .docx "
                              "without a password")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ReadError(path, _not_a_zip(path)) from exc
    with zf:
        _check_archive(path, zf)
        try:
            data = _read_part(path, zf, "word/document.xml")
            styles_data = _read_part(path, zf, "word/styles.xml")
        except (zipfile.BadZipFile, EOFError, OSError) as exc:   # bad CRC, truncated member
            raise ReadError(path, f"damaged .docx archive: {exc}") from exc
        if data is None:
            raise ReadError(path, "not a Word document: word/document.xml is missing")
        root = _parse_xml(path, data, "word/document.xml")
        styles = _Styles(_parse_xml(path, styles_data, "word/styles.xml") if styles_data else None)
    body = root.find(f"{W}body")
    if body is None:
        raise ReadError(path, "damaged Word file: word/document.xml has no body")
    walker = _Body(styles)
    walker.walk(body)
    text, blocks, _ = walker.b.build()
    if not text.strip():
        raise ReadError(path, "the Word document contains no text")
    return Document(id=path.stem, path=str(path), sha256=sha256_file(path), format="docx",
                    text=text, pages=[], blocks=blocks)
