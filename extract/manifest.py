"""The corpus manifest: optional metadata per file (``corpus/manifest.csv``).

Columns: ``file, region, title, year, kind, source``. Extraction never needs
it: a manifest ``year`` only anchors year-less dates; regions are still
detected from the text (the manifest region is kept as metadata beside them).
"""
from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ("file", "region", "title", "year", "kind", "source")


class ManifestError(ValueError):
    pass


def read_manifest(path) -> dict[str, dict]:
    """Rows keyed by file name (and by stem, so either may be looked up)."""
    path = Path(path)
    if not path.exists():
        return {}
    rows: dict[str, dict] = {}
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise ManifestError(f"{path}: needs a header row with at least a 'file' column "
                                f"(expected columns: {', '.join(COLUMNS)})")
        for lineno, row in enumerate(reader, 2):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            year = (row.get("year") or "").strip()
            if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
                raise ManifestError(f"{path}:{lineno}: year {year!r} is not a year (e.g. 2022)")
            clean = {k: (row.get(k) or "").strip() for k in COLUMNS}
            clean["year"] = int(year) if year else None
            rows[name] = clean
            rows[Path(name).stem] = clean
    return rows


def find_manifest(paths) -> dict[str, dict]:
    """Merge the manifest.csv of every folder given (a file's own folder counts too)."""
    merged: dict[str, dict] = {}
    seen = set()
    for p in map(Path, paths):
        folder = p if p.is_dir() else p.parent
        m = folder / "manifest.csv"
        if m not in seen:
            seen.add(m)
            merged.update(read_manifest(m))
    return merged
