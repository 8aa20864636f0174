"""Readers: one file → one :class:`~inkoopgraaf.extract.document.Document`.

``read_document(path)`` dispatches on the file suffix. Every reader raises
:class:`~inkoopgraaf.extract.document.ReadError` with a reason a user can act
on ("no text layer: needs OCR", "encrypted PDF", ...), never returns an empty
success.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..document import Document, ReadError

SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx")
#: Bumped when a reader changes what it makes of the same bytes in a way the
#: extractor-version hash cannot see (it hashes the code, so this is a label
#: for the cache key and the documents it names, not the only guard).
READER_VERSION = "2"


class DefaultBudget(int):
    """The size budget nobody chose: it applies only to the formats parsed whole (:data:`WHOLE_FORMATS`).

    Text, Markdown and PDF are read in a stream or page by page and extracted in parts
    (extract/blocks.py), so their size needs no default limit; a budget the user gives
    (``--max-file-mb``, a plain ``int``) applies to every format."""


#: Default size budget per file for HTML and DOCX: larger files get a clear error instead of a stalled batch.
DEFAULT_MAX_BYTES = DefaultBudget(64 * 1024 * 1024)
#: Formats whose reader holds the whole file's structure at once (an HTML tree, a Word XML tree).
WHOLE_FORMATS = {".html": "HTML", ".htm": "HTML", ".docx": "DOCX"}


def check_input(path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> os.stat_result:
    """Refuse what must never be opened for reading: pipes, devices, empty or oversized files.

    A FIFO given as a path would block ``open`` forever; a 200 MB HTML page would
    stall the batch (the default budget: HTML and DOCX only). Returns the stat so
    callers need not stat again.
    """
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as exc:
        raise ReadError(path, f"cannot open: {exc.strerror or exc}") from None
    mode = st.st_mode
    if stat.S_ISFIFO(mode):
        raise ReadError(path, "refused: a named pipe (FIFO), not a file")
    if stat.S_ISDIR(mode):
        raise ReadError(path, "is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise ReadError(path, "refused: a device or socket, not a file")
    if st.st_size == 0:
        raise ReadError(path, "empty file (0 bytes)")
    if max_bytes and st.st_size > max_bytes:
        whole = WHOLE_FORMATS.get(path.suffix.lower())
        if isinstance(max_bytes, DefaultBudget) and whole is None:
            return st                 # read in a stream / page by page: no default limit
        why = f" for {whole}, which is parsed whole" if isinstance(max_bytes, DefaultBudget) else ""
        raise ReadError(path, f"refused: {st.st_size / 2**20:.1f} MB is over the size budget of "
                              f"{max_bytes / 2**20:g} MB per file{why} (raise it with --max-file-mb)")
    return st


def read_document(path) -> Document:
    path = Path(path)
    suffix = path.suffix.lower()
    check_input(path, max_bytes=None)
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
    return discover_with_skipped(paths)[0]


def discover_with_skipped(paths) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files to read, [(skipped file, why)]): a folder of .doc files must not look empty and fine."""
    out: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        for q in sorted(p.rglob("*")):
            if any(part.startswith(".") for part in q.relative_to(p).parts) or q.is_dir():
                continue
            if q.suffix.lower() not in SUFFIXES:
                if q.name.lower() != "manifest.csv":
                    skipped.append((q, f"unsupported format {q.suffix.lower() or '(no suffix)'!r}"))
            elif not q.is_file():
                skipped.append((q, "not a regular file (a pipe, socket or broken link)"))
            else:
                out.append(q)
    return out, skipped


def read_warnings(doc: Document) -> list[str]:
    """Hints about a document that was read but whose text looks wrong (see quality.py)."""
    from .quality import text_warnings
    words = None
    if doc.format == "pdf":
        from .pdf import _dutch_words
        words = _dutch_words()
    return text_warnings(doc.text, doc.format, words)
