"""Readers: one file → one :class:`~inkoopgraaf.extract.document.Document`.

``read_document(path)`` dispatches on the file suffix. Every reader raises
:class:`~inkoopgraaf.extract.document.ReadError` with a reason a user can act
on ("no text layer: needs OCR", "encrypted PDF", ...), never returns an empty
success.
"""
from __future__ import annotations

from pathlib import Path

from ..document import Document, ReadError

SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx")


def read_document(path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(path, "no such file")
    try:
        if suffix in (".txt", ".md", ""):
            from .text import read_text
            doc = read_text(path)
        elif suffix == ".pdf":
            from .pdf import read_pdf
            doc = read_pdf(path)
        elif suffix in (".html", ".htm"):
            from .html import read_html
            doc = read_html(path)
        elif suffix == ".docx":
            from .docx import read_docx
            doc = read_docx(path)
        else:
            raise ReadError(path, f"unsupported format {suffix!r} (supported: {', '.join(SUFFIXES)})")
    except ReadError:
        raise
    except Exception as exc:  # a reader bug or a broken file: name both
        raise ReadError(path, f"could not be read: {type(exc).__name__}: {exc}") from exc
    if not doc.text.strip():
        raise ReadError(path, "no text could be extracted")
    return doc


def discover(paths) -> list[Path]:
    """Expand files and folders (recursively) into the readable files, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in q.relative_to(p).parts)))
        else:
            out.append(p)
    return out
