"""HTML reader: a real parser (BeautifulSoup over lxml, html.parser as fallback).

Web pages of councils and regions wrap a little content in a lot of chrome:
scripts, menus, breadcrumbs, footers, cookie bars. Those are dropped by tag
(``script``, ``nav``, ``footer`` ...) and by the id/class names sites give
them (``menuHolder``, ``breadcrumb``, ``footer``). What is left is walked in
document order: ``h1``–``h6`` become headings, ``li`` list items (level =
nesting depth), ``tr`` table rows with ``th``/``td`` cells, every other
block-level element a paragraph. Broken markup (unclosed tags, stray end
tags) is repaired by the parser, never by regular expressions.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..document import Document, ReadError, sha256_file
from .builder import TextBuilder
from .encoding import bom_encoding

# content that is never text of the document
_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
              "nav", "aside", "input", "select", "option", "button", "textarea", "head",
              "map", "audio", "video"}
# id/class words of site chrome; matched per word ("menuHolder" → "menuholder" starts with "menu")
_CHROME_PREFIXES = ("nav", "menu", "breadcrumb", "footer", "cookie", "skip", "sidebar", "social",
                    "share", "toolbar", "searchform", "zoekformulier", "topbar", "legend")
_CHROME_WHOLE = {"header", "site-header", "masthead", "banner", "pagination"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = {"ul", "ol", "menu", "dir"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "blockquote", "pre", "address",
               "figure", "figcaption", "dl", "dt", "dd", "fieldset", "legend", "form", "body",
               "center", "details", "summary", "caption", "hr"}
_WHITESPACE = re.compile(r"\s+")
# words of a site's legal footer / banner
_BOILERPLATE = re.compile(r"©|\bcopyright\b|privacy|cookie|disclaimer|toegankelijkheid|proclaimer|"
                          r"alle rechten|inloggen|\bzoeken\b", re.I)


def _is_chrome(tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    if tag.name in ("header", "footer") or tag.get("role") in ("banner", "contentinfo"):
        # A site's banner or footer is links (menus, contact, privacy); a newsletter's or
        # an article's header/footer can be content: the issue date, the publishing
        # municipalities. Decide by what is in it, not by the tag alone.
        if tag.find_parent(["article", "main"]) and tag.name == "header":
            return False
        return _link_heavy(tag)
    if tag.get("role") in ("navigation", "search"):
        return True
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    names = [tag.get("id") or ""] + list(tag.get("class") or [])
    for name in names:
        low = name.lower()
        if low in _CHROME_WHOLE:
            return True
        for word in re.split(r"[\s_\-]+", low):
            if word.startswith(_CHROME_PREFIXES):
                return True
    return False


def _link_heavy(tag) -> bool:
    """Mostly link text (or a menu inside): chrome, not content."""
    if tag.find(["nav", "form"]) is not None or tag.find(attrs={"role": "navigation"}) is not None:
        return True
    raw = tag.get_text(" ")
    if len(raw) < 300 and _BOILERPLATE.search(raw):
        return True     # "© Gemeente X · Privacyverklaring · Cookies"
    text = _WHITESPACE.sub("", raw)
    if not text:
        return True
    linked = sum(len(_WHITESPACE.sub("", a.get_text())) for a in tag.find_all("a"))
    return linked / len(text) >= 0.5


def _NOTHING() -> None:
    """On-exit action of an inline element: nothing to close."""


def _text(tag) -> str:
    return _WHITESPACE.sub(" ", tag.get_text(" ")).strip()


class _Walker:
    def __init__(self) -> None:
        self.b = TextBuilder()
        self.buffer: list[str] = []
        self.kind: list[tuple[str, int | None]] = [("paragraph", None)]
        self.list_depth = 0

    def flush(self) -> None:
        text = _WHITESPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer.clear()
        if text:
            kind, level = self.kind[-1]
            self.b.block(kind, text, level=level)

    def walk(self, root) -> None:
        """Walk ``root``'s subtree in document order with an explicit stack.

        Generated pages nest 100,000 ``<div>``s deep: recursion would hit
        Python's limit, so each open element is a (children iterator, on-exit
        action) pair on a stack.
        """
        stack: list[tuple] = [(iter(root.children), None)]
        while stack:
            children, on_exit = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if on_exit is not None:
                    on_exit()
                continue
            enter = self.visit(child)
            if enter is not None:
                stack.append((iter(child.children), enter))

    def visit(self, child):
        """Handle one node; for an element to descend into, return its on-exit action."""
        from bs4 import NavigableString, Tag
        from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction, CData

        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            return None
        if isinstance(child, NavigableString):
            if isinstance(child, CData) or type(child) is NavigableString:
                self.buffer.append(str(child))
            return None
        if not isinstance(child, Tag) or _is_chrome(child):
            return None
        name = child.name
        if name in _HEADINGS:
            self.flush()
            self.b.block("heading", _text(child), level=_HEADINGS[name])
        elif name == "table":
            self.flush()
            self.table(child)
        elif name in _LISTS:
            self.flush()
            self.list_depth += 1
            return self._leave_list
        elif name == "li":
            self.flush()
            self.kind.append(("list_item", max(self.list_depth, 1)))
            return self._leave_item
        elif name == "br":
            self.flush()
        elif name in _BLOCK_TAGS:
            self.flush()
            return self.flush
        else:                       # inline: a, span, strong, em, ...
            return _NOTHING
        return None

    def _leave_list(self) -> None:
        self.list_depth -= 1
        self.flush()

    def _leave_item(self) -> None:
        self.flush()
        self.kind.pop()

    def table(self, table) -> None:
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        grid = [[_text(td) for td in tr.find_all(["td", "th"], recursive=False)] for tr in rows]
        grid = [r for r in grid if any(r)]
        if not grid:
            return
        if max(len(r) for r in grid) < 2:
            # a one-column layout table holds ordinary content, not a data table
            self.walk_layout_table(rows)
            return
        self.b.end_table()
        caption = table.find("caption")
        if caption is not None and _text(caption):
            self.b.block("paragraph", _text(caption))
        for r in grid:
            self.b.table_row(r)
        self.b.end_table()

    def walk_layout_table(self, rows) -> None:
        for tr in rows:
            for td in tr.find_all(["td", "th"], recursive=False):
                self.walk(td)
                self.flush()


# An XHTML page's internal DTD subset (<!DOCTYPE html [ <!ENTITY ...> ]>): the HTML
# parser does not know it and would leave "]>" in the text; entities stay unexpanded.
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)


def _parse(raw: bytes, encoding: str | None):
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    try:
        return BeautifulSoup(raw, "lxml", from_encoding=encoding)
    except Exception:  # lxml missing or choking on the bytes: the pure-Python parser
        return BeautifulSoup(raw, "html.parser", from_encoding=encoding)


def _decode(raw: bytes) -> tuple[bytes, str | None]:
    """Bytes for the parser and their encoding, trusting a BOM and valid UTF-8 over a
    ``<meta charset>`` that says otherwise (a UTF-8 page declaring utf-16 is common);
    None lets the parser read the declaration (a cp1252 page)."""
    bom = bom_encoding(raw)
    if bom:
        codec, skip = bom
        try:
            raw = raw[skip:].decode(codec).encode("utf-8")
        except UnicodeDecodeError:
            return _DOCTYPE_SUBSET.sub(b"<!DOCTYPE html>", raw), None
        return _DOCTYPE_SUBSET.sub(b"<!DOCTYPE html>", raw), "utf-8"
    raw = _DOCTYPE_SUBSET.sub(b"<!DOCTYPE html>", raw.replace(b"\x00", b""))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, None
    return raw, "utf-8"


def read_html(path) -> Document:
    path = Path(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and bom_encoding(raw) is None:
        raise ReadError(path, "binary file, not HTML (NUL bytes): wrong extension?")
    if not raw.strip():
        raise ReadError(path, "empty HTML file")
    raw, encoding = _decode(raw)
    soup = _parse(raw, encoding)
    body = soup.body or soup
    walker = _Walker()
    has_h1 = body.find("h1") is not None
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if title and not has_h1:
        # the page title names the document when the body has no h1
        walker.b.block("heading", title, level=1)
    walker.walk(body)
    walker.flush()
    text, blocks, _ = walker.b.build()
    if not text.strip():
        raise ReadError(path, "no readable text in the HTML (only scripts, menus or markup)")
    return Document(id=path.stem, path=str(path), sha256=sha256_file(path), format="html",
                    text=text, pages=[], blocks=blocks)
