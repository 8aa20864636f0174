"""Atomic file writing, safe CSV cells, and where a build's current snapshot is.

Write to a temporary file in the same directory, flush and fsync, then
``os.replace`` it over the target (atomic on POSIX and Windows). A build
writes its files into a fresh generation folder and switches it in with one
rename (:mod:`inkoopgraaf.snapshot`); readers go through
:func:`resolve_snapshot` once and read every file from the folder it names,
so they always see one complete build.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_writer(path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None) -> Iterator[IO]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; outputs are meant to be shared like any file the user writes.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)    # "no space left ... while writing <this file>"
        raise


def write_text_atomic(path, text: str) -> Path:
    with atomic_writer(path) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path, data: bytes) -> Path:
    with atomic_writer(path, "wb") as fh:
        fh.write(data)
    return Path(path)


# -- snapshots ------------------------------------------------------------
SNAPSHOTS = ".snapshots"
CURRENT = "current"


def read_json_index(path) -> dict:
    """The JSON object an index file beside a generation's file holds (where each document's or
    block's bytes are), or {} when it is missing, unreadable or no object: then nothing is copied."""
    try:
        index = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return index if isinstance(index, dict) else {}


def read_whole_lines(fh, offset, length) -> bytes | None:
    """``length`` bytes at ``offset`` of the open binary file ``fh`` when they are there and end
    a line (or are empty), else None: a truncated or stale index entry is never copied."""
    try:
        fh.seek(offset)
        data = fh.read(length)
    except (OSError, ValueError, TypeError):
        return None
    return data if len(data) == length and (not data or data.endswith(b"\n")) else None


def whole_lines_at(fh, offset, length) -> bool:
    """Whether ``length`` bytes at ``offset`` of the open binary file ``fh`` are there and end a
    line (or are empty), as :func:`read_whole_lines` asks, without reading them."""
    try:
        if offset < 0 or length < 0:
            return False
        if length == 0:         # nothing to read: there wherever it is
            return True
        return (os.fstat(fh.fileno()).st_size >= offset + length
                and os.pread(fh.fileno(), 1, offset + length - 1) == b"\n")
    except (OSError, ValueError, TypeError):
        return False


def copy_range(src, dst, offset: int, length: int) -> None:
    """Append ``length`` bytes at ``offset`` of the open binary file ``src`` to the buffered
    binary writer ``dst``, inside the kernel (``copy_file_range``: no read into Python and write
    back, ~5x less CPU for the hundreds of megabytes of unchanged table blocks at 10,000
    documents); where the kernel cannot, by reading and writing."""
    dst.flush()
    at = dst.tell()
    done = 0
    while done < length:
        n = 0
        if _COPY_FILE_RANGE is not None:
            try:
                n = _COPY_FILE_RANGE(src.fileno(), dst.fileno(), length - done, offset + done, at + done)
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise
        if n <= 0:          # not supported here (another file system, an old kernel): plain I/O
            data = os.pread(src.fileno(), min(length - done, 1 << 24), offset + done)
            if not data:
                raise OSError(errno.EIO, f"{getattr(src, 'name', src)} ended before its index said")
            n = os.pwrite(dst.fileno(), data, at + done)
        done += n
    dst.seek(at + length)


_COPY_FILE_RANGE = getattr(os, "copy_file_range", None)


def resolve_snapshot(outputs) -> Path:
    """The folder holding one complete build of ``outputs``: its current generation.

    Resolve once, then read every file from the returned folder: a build that
    switches generations meanwhile cannot mix two builds into one reading.
    A folder written before generations existed (plain files) is returned as is.
    """
    out = Path(outputs)
    link = out / SNAPSHOTS / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return out
    return out / SNAPSHOTS / target


# -- CSV cells --------------------------------------------------------------
# OWASP CSV injection: a cell starting with one of these is a formula in Excel/LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A cell that a spreadsheet shows as text: ``'=HYPERLINK(...)`` instead of a live formula.

    Only text is touched (numbers, including negative ones, stay numbers);
    the quote keeps the text readable and is how Excel itself marks text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_safe_row(row):
    return [csv_safe(v) for v in row]


def csv_safe_frame(df):
    """A copy of a pandas DataFrame with every text cell passed through :func:`csv_safe`."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype.kind not in "biufcmM":   # text columns (object or str dtype), not numbers
            out[col] = out[col].map(csv_safe)
    return out
