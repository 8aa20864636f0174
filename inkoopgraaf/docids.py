"""Document ids: unique and stable within a batch.

A document's id is its file stem (the facts contract's ``doc``: "the file name
without its extension") when no other file in the batch has the same stem.
Files that share a stem (``a/nota.txt`` and ``b/nota.md``) would otherwise
get one id, so one text would be kept and the other's facts would point into
it: each of them gets its path relative to the corpus root instead, slugged
(``a_nota_txt``, ``b_nota_md``), and a warning names the clash. The id
depends only on the batch's file paths, so re-running gives the same ids.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path


def _slug(text: str) -> str:
    """domain.md's slug rule: lower case, accents folded, runs of other characters -> '_'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", folded.lower()).strip("_") or "x"


def corpus_root(paths: list[Path]) -> Path:
    """The folder all files of the batch sit under (their deepest common folder)."""
    parents = [str(Path(p).resolve().parent) for p in paths]
    return Path(os.path.commonpath(parents)) if parents else Path(".")


def assign_doc_ids(paths: list[Path], root: Path | None = None) -> tuple[list[str], list[str]]:
    """(id per path, in order; warnings naming each clash).

    ``root`` defaults to :func:`corpus_root` of the paths."""
    paths = [Path(p) for p in paths]
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(paths):
        by_stem[p.stem].append(i)
    ids = [p.stem for p in paths]
    warnings = []
    clashes = [(stem, idx) for stem, idx in sorted(by_stem.items()) if len(idx) > 1]
    # the root is resolved only when a clash needs it: resolving every path costs ~0.25 CPU s
    # at 10,000 documents, on every build, for ids that are almost always the stems
    if clashes:
        root = Path(root).resolve() if root is not None else corpus_root(paths)
    for stem, idx in clashes:
        for i in idx:
            ids[i] = _relative_slug(paths[i], root)
        named = ", ".join(f"{paths[i]} → {ids[i]}" for i in idx)
        warnings.append(f"{len(idx)} files share the name '{stem}'; ids from their paths: {named}")
    _make_unique(paths, ids, warnings)
    return ids, warnings


def _relative_slug(path: Path, root: Path) -> str:
    try:
        rel = path.resolve().relative_to(root)
    except ValueError:  # a file outside the root: its whole path still tells it apart
        rel = path.resolve()
    return _slug(rel.as_posix())


def _make_unique(paths: list[Path], ids: list[str], warnings: list[str]) -> None:
    """A path slug can still equal another file's stem ('a_nota_txt.txt'): number the later one."""
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            n = 2
            while f"{ident}_{n}" in seen or f"{ident}_{n}" in ids:
                n += 1
            ids[i] = f"{ident}_{n}"
            warnings.append(f"{paths[i]}: id '{ident}' already taken in this batch; using '{ids[i]}'")
        seen.add(ids[i])
