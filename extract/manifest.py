"""The corpus manifest: optional metadata per file (``corpus/manifest.csv``).

Columns: ``file, region, title, year, kind, source``. Extraction never needs
it: a manifest ``year`` only anchors year-less dates; regions are still
detected from the text (the manifest region is kept as metadata beside them).

Manifests are kept in Excel, and a Dutch Excel saves CSV with ``;`` between
fields in Windows-1252: the delimiter and the encoding (UTF-8 with or
without BOM, cp1252) are sniffed. A bad row (a year ``twintig``) is a
warning naming its line and is ignored; it never stops the batch.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Callable

COLUMNS = ("file", "region", "title", "year", "kind", "source")
_DELIMITERS = (",", ";", "\t")


class ManifestError(ValueError):
    pass


def _decode(path: Path, raw: bytes) -> str:
    for codec in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    raise ManifestError(f"{path}: not UTF-8 or Windows-1252 text; save it as CSV (UTF-8)")


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate that splits it into the most fields."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return max(_DELIMITERS, key=lambda d: (header.count(d), d == ","))


def read_manifest(path, warn: Callable[[str], None] | None = None) -> dict[str, dict]:
    """Rows keyed by file name (and by stem, so either may be looked up)."""
    path = Path(path)
    if not path.exists():
        return {}
    text = _decode(path, path.read_bytes())
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    fields = [(f or "").strip().lower() for f in (reader.fieldnames or [])]
    if "file" not in fields:
        raise ManifestError(f"{path}: needs a header row with at least a 'file' column "
                            f"(expected columns: {', '.join(COLUMNS)})")
    reader.fieldnames = fields
    rows: dict[str, dict] = {}
    for row in reader:
        lineno = reader.line_num
        name = (row.get("file") or "").strip()
        if not name:
            continue
        year = (row.get("year") or "").strip()
        if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
            if warn:
                warn(f"{path}:{lineno}: year {year!r} is not a year (e.g. 2022); row ignored")
            continue
        clean = {k: (row.get(k) or "").strip() for k in COLUMNS}
        clean["year"] = int(year) if year else None
        rows[name] = clean
        rows[Path(name).stem] = clean
    return rows


def find_manifest(paths, warn: Callable[[str], None] | None = None) -> dict[str, dict]:
    """Merge the manifest.csv of every folder given (a file's own folder counts too)."""
    merged: dict[str, dict] = {}
    seen = set()
    for p in map(Path, paths):
        folder = p if p.is_dir() else p.parent
        m = folder / "manifest.csv"
        if m not in seen:
            seen.add(m)
            merged.update(read_manifest(m, warn))
    return merged
