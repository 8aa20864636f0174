"""A changed region block of a comparison table, rebuilt at the cost of its changed documents.

A table file is written in region blocks (:meth:`.derived.Assembly.write_tables`): a block
whose documents all kept their fingerprint is copied from the last generation whole. A block
where some did not is made here from the previous block's row bytes of its unchanged
documents plus the freshly rendered rows of its changed and added documents, merged in the
table's order; the rows of documents that left the block (removed, moved, changed) are
dropped. So each block written keeps a **side record** (one JSON line of :data:`SIDE_FILE`):
its documents, the kinds of its sort-key values, and per row in file order the row's byte
length and its sort key.

Why the bytes are a cold build's: every table's SORT starts with ``region`` (one value in a
block) and names ``doc``, so rows of two documents never tie, and within one document the
stable sort keeps the rows' order (kept here: the previous block's order of an unchanged
document's rows, the document's own sorted order of a fresh one). The stored keys compare as
:func:`.tables.sort_order`'s do: a gap (None, NaN) is stored as null and read as ``(True, 0)``,
a value ``v`` as ``(False, v)``; JSON keeps int, float and bool apart, and the document is
stored as its position in the block's id-sorted documents, read back as its id. A block whose
key values are not of one kind per column (text beside numbers, lists) may be sorted by pandas
(sort_order's TypeError path): it keeps no side record and is always rendered whole, as is a
block whose side record is missing, damaged (CRC in the index) or does not fit its bytes.
"""
from __future__ import annotations

import contextlib
import json
import zlib
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from .io import atomic_writer, copy_range, read_json_index, read_whole_lines, whole_lines_at, write_text_atomic
from .tables import COLUMNS, SORT, _absent, _sort_key, csv_row_texts, sort_order

#: Bumped when the tables' block layout, index or side records change.
TABLES_FORMAT = 2
#: Beside the tables in a build's generation: {"format", "fingerprints": {doc: fp}, "tables":
#: {table: [[region, block key, offset, length, side offset, side length, side CRC]]}}.
TABLES_INDEX = ".tables-index.json"
#: Beside the tables: one JSON line per block, ``[docs, kinds, [[bytes, *key], ...]]`` (kinds: per
#: key column, how many rows hold text (s) and numbers (n) in it).
SIDE_FILE = ".tables-rows.jsonl"
#: A fingerprint as the index keeps it (128 bits of the sha256).
FP_CHARS = 32

DocRows = list[tuple[str, list[tuple]]]


class Block(NamedTuple):
    data: bytes
    side: bytes | None      # its side record; None: rendered whole when it changes


def key_columns(name: str) -> tuple[list[int], int]:
    """Column positions of table ``name``'s sort keys after ``region`` (one value in a block),
    and where ``doc`` is among them."""
    keys = SORT[name][1:]
    return [COLUMNS[name].index(c) for c in keys], keys.index("doc")


class _Keyed(NamedTuple):
    rows: list[tuple]
    keys: list[list[tuple]] | None      # None: the rows do not merge (see _keyed)
    values: list[list]
    kinds: list[Counter]                # per key column: kind of value -> rows


def _kind(v) -> str:
    cls = v.__class__
    return "s" if cls is str else "n" if cls in (int, float, bool) else "x"


def _keyed(name: str, region, doc_rows: DocRows, position: dict[str, int]) -> _Keyed:
    """The rows of ``doc_rows`` with their sort keys (as sort_order makes them, region left out)
    and the values the side record stores; keys None when a row's ``doc`` is not its document's,
    a row of the region-less block has a region that sorts (not a gap), or a column's values
    are of more than one kind: such a block is sorted by sort_order itself."""
    cols, at = key_columns(name)
    doc_col = COLUMNS[name].index("doc")
    rows, keys, values = [], [], []
    fits = True
    for doc, own in doc_rows:
        for row in own:
            rows.append(row)
            fits = fits and row[doc_col] == doc and (region is not None or _absent(row[0]))
            if fits:
                key = [_sort_key(row[c]) for c in cols]
                vals = [None if gap else v for gap, v in key]
                vals[at] = position[doc]
                keys.append(key)
                values.append(vals)
    # the document is stored as a number: its kind is left out (always text)
    kinds = [Counter(_kind(k[j][1]) for k in keys if not k[j][0]) if j != at else Counter()
             for j in range(len(cols))] if fits else []
    if not fits or not _one_kind(kinds):
        return _Keyed(rows, None, [], [])
    return _Keyed(rows, keys, values, kinds)


def _one_kind(kinds: list[Counter]) -> bool:
    """Every key column's values of one kind, text or number: then no two keys fail to compare."""
    return all(sum(1 for n in k.values() if n > 0) <= 1 and not k.get("x") for k in kinds)


def _nbytes(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _side_line(docs: list[str], kinds: list[Counter], entries: list[list]) -> bytes:
    payload = [docs, [{kind: k[kind] for kind in sorted(k) if k[kind] > 0} for k in kinds], entries]
    return (json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def render_block(name: str, region, doc_rows: DocRows) -> Block:
    """A block made whole from its documents' rows (``[(doc, its rows of the block)]`` in id order)."""
    docs = [d for d, own in doc_rows if own]
    keyed = _keyed(name, region, doc_rows, {d: i for i, d in enumerate(docs)})
    rows = keyed.rows
    if keyed.keys is None:
        texts = csv_row_texts(name, [rows[i] for i in sort_order(name, rows)])
        return Block("".join(texts).encode("utf-8"), None)
    order = sorted(range(len(rows)), key=keyed.keys.__getitem__)
    texts = csv_row_texts(name, [rows[i] for i in order])
    entries = [[_nbytes(t), *keyed.values[i]] for t, i in zip(texts, order)]
    return Block("".join(texts).encode("utf-8"), _side_line(docs, keyed.kinds, entries))


def merge_block(name: str, region, old: Block, keep: set[str], fresh: DocRows) -> Block | None:
    """The block from ``old`` (the previous generation's, with its side record): the rows of the
    documents in ``keep`` (unchanged) as they were, the rows of ``fresh`` rendered, merged in
    the table's order. None when the side record does not fit (then render the block whole)."""
    try:
        docs_old, kinds_old, entries = json.loads(old.side)
        kept_docs = [d for d in docs_old if d in keep]
    except (ValueError, TypeError):
        return None
    if len(kept_docs) != len(keep):         # an unchanged document the previous block lacks
        return None
    docs = sorted(kept_docs + [d for d, own in fresh if own])
    position = {d: i for i, d in enumerate(docs)}
    keyed = _keyed(name, region, fresh, position)
    if keyed.keys is None or len(kinds_old) != len(keyed.kinds):
        return None
    kinds = [Counter(k) for k in kinds_old]
    kept = _kept_rows(entries, len(old.data), docs_old, keep, position, key_columns(name)[1], kinds)
    if kept is None:
        return None
    for k, new in zip(kinds, keyed.kinds):
        k.update(new)
    return _merged(name, old.data, kept, keyed, docs, kinds) if _one_kind(kinds) else None


def _kept_rows(entries: list, size: int, docs_old, keep, position, at: int,
               kinds: list[Counter]) -> list[tuple[int, list]] | None:
    """(offset in the old bytes, side entry renumbered to the new documents) of every kept row,
    in file order, the dropped rows' values taken off ``kinds``; None when the entries do not
    add up to the old block's ``size``."""
    renumber = {i: position[d] for i, d in enumerate(docs_old) if d in keep}
    kept, offset = [], 0
    try:
        for entry in entries:
            new = renumber.get(entry[1 + at])
            if new is not None:
                entry[1 + at] = new
                kept.append((offset, entry))
            else:
                _drop_kinds(kinds, entry, at)
            offset += entry[0]
    except (TypeError, IndexError, AttributeError):
        return None
    return kept if offset == size else None


def _drop_kinds(kinds: list[Counter], entry: list, at: int) -> None:
    for j, v in enumerate(entry[1:]):
        if v is not None and j != at:
            kinds[j][_kind(v)] -= 1


def _merged(name: str, data: bytes, kept: list, keyed: _Keyed, docs: list[str], kinds) -> Block:
    at = key_columns(name)[1]

    def key_of(item):               # a kept row's key as sort_order makes it
        key = [(True, 0) if v is None else (False, v) for v in item[1][1:]]
        key[at] = (False, docs[item[1][1 + at]])
        return key

    order = sorted(range(len(keyed.rows)), key=keyed.keys.__getitem__)
    texts = csv_row_texts(name, [keyed.rows[i] for i in order])
    parts: list[bytes] = []
    entries: list[list] = []
    done = 0
    for text, i in zip(texts, order):
        # rows of different documents never tie: the fresh row goes after every smaller kept one
        stop = bisect_right(kept, keyed.keys[i], lo=done, key=key_of)
        _copy_rows(parts, entries, data, kept[done:stop])
        done = stop
        raw = text.encode("utf-8")
        parts.append(raw)
        entries.append([len(raw), *keyed.values[i]])
    _copy_rows(parts, entries, data, kept[done:])
    return Block(b"".join(parts), _side_line(docs, kinds, entries))


def _copy_rows(parts: list[bytes], entries: list[list], data: bytes, rows: list) -> None:
    """The kept rows' bytes, each run of rows that lay side by side copied in one slice."""
    start = end = None
    for offset, entry in rows:
        if offset != end:
            if start is not None:
                parts.append(data[start:end])
            start = offset
        end = offset + entry[0]
        entries.append(entry)
    if start is not None:
        parts.append(data[start:end])


class PreviousTables:
    """What the last generation's tables give this build: each block's bytes and side record,
    and the fingerprint each document had. An index of another format, a missing file or a
    block that does not read back gives nothing (the block is made again)."""

    def __init__(self, previous: Path | None):
        index = {} if previous is None else read_json_index(previous / TABLES_INDEX)
        fits = index.get("format") == TABLES_FORMAT
        tables = index.get("tables") if fits and isinstance(index.get("tables"), dict) else {}
        fingerprints = index.get("fingerprints") if tables else None
        self.fingerprints: dict = fingerprints if isinstance(fingerprints, dict) else {}
        try:
            self._blocks = {name: {e[0]: e for e in entries} for name, entries in tables.items()}
        except (TypeError, IndexError, KeyError):     # an index that is not ours: copy nothing
            self._blocks = {}
        self._dir = previous
        self._files: dict[str, object] = {}
        self._stack = contextlib.ExitStack()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stack.close()

    def unchanged(self, doc: str, fingerprint: str) -> bool:
        return self.fingerprints.get(doc) == fingerprint[:FP_CHARS]

    def copied(self, name: str, region, key: str) -> Block | None:
        """The previous block when its key is ``key`` and it reads back, with its side record
        (a block that had one and lost it is made again, so every generation keeps them)."""
        entry = self._blocks.get(name, {}).get(region)
        if entry is None or entry[1] != key:
            return None
        side = self._side(entry)
        if side is None and _has_side(entry):
            return None
        data = self._read(f"{name}.csv", entry[2], entry[3])
        return None if data is None else Block(data, side)

    def copy_into(self, fh, name: str, region, key: str) -> tuple[int, bytes | None] | None:
        """Append the previous block to ``fh`` when :meth:`copied` would give it, without reading
        it into Python (:func:`.io.copy_range`); its (length, side record), or None."""
        entry = self._blocks.get(name, {}).get(region)
        if entry is None or entry[1] != key:
            return None
        side = self._side(entry)
        if side is None and _has_side(entry):
            return None
        src = self._file(f"{name}.csv")
        if src is None or not whole_lines_at(src, entry[2], entry[3]):
            return None
        copy_range(src, fh, entry[2], entry[3])
        return entry[3], side

    def block(self, name: str, region) -> Block | None:
        """The previous block of ``region`` with its side record, whatever its key; None when
        either does not read back."""
        entry = self._blocks.get(name, {}).get(region)
        side = None if entry is None else self._side(entry)
        data = None if side is None else self._read(f"{name}.csv", entry[2], entry[3])
        return None if data is None else Block(data, side)

    def _side(self, entry) -> bytes | None:
        try:
            _, _, _, _, offset, length, crc = entry
        except ValueError:
            return None
        line = None if offset is None else self._read(SIDE_FILE, offset, length)
        return line if line is not None and zlib.crc32(line) == crc else None

    def _read(self, file: str, offset, length) -> bytes | None:
        fh = self._file(file)
        return None if fh is None else read_whole_lines(fh, offset, length)

    def _file(self, file: str):
        if file not in self._files:
            try:
                self._files[file] = self._stack.enter_context(open(self._dir / file, "rb"))
            except (OSError, TypeError):
                self._files[file] = None
        return self._files[file]


def _has_side(entry) -> bool:
    return len(entry) != 7 or entry[4] is not None


class SideWriter:
    """The new generation's side records, one line per block in the order the blocks are written."""

    def __init__(self, out: Path):
        self._cm = atomic_writer(Path(out) / SIDE_FILE, "wb")
        self._offset = 0

    def __enter__(self):
        self._fh = self._cm.__enter__()
        return self

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)

    def add(self, side: bytes | None) -> list:
        """[offset, length, CRC] of the block's side record in the file ([None]*3 when none)."""
        if side is None:
            return [None, None, None]
        at = self._offset
        self._offset += self._fh.write(side)
        return [at, len(side), zlib.crc32(side)]


def write_index(out: Path, tables: dict[str, list], fingerprints: dict[str, str]) -> None:
    index = {"format": TABLES_FORMAT, "tables": tables,
             "fingerprints": {d: fp[:FP_CHARS] for d, fp in fingerprints.items()}}
    write_text_atomic(Path(out) / TABLES_INDEX, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
