"""What the last build assembled, kept so that the next one does no work per unchanged document.

A build of 10,000 documents with one changed used to parse every piece's summary (60 MB of
JSON, ~10,000 nested dicts), fold every document's claims and hash every document's
fingerprint again. :class:`AssemblyState` keeps all of that as the last build left it:

* ``entries``: doc -> [piece key, light summary, report contribution as JSON text, fingerprint]
  (the light summary is what every build reads of every document: warnings, attributions,
  the regions of its rows, its contract starts);
* ``claims``: (node, key) -> [docs, values], the shared attributes each document claims, docs
  in id order (the order :func:`.derived._fold` folds them in);
* ``users``: (node, key) -> [docs], the documents whose rows refer to that shared value;
* ``shared``: the folded values.

A build then drops the changed and removed documents from the two indexes, adds the changed
and added ones, re-folds only the (node, key) pairs those touch and re-hashes only the
fingerprints of documents whose piece or used shared values changed. The file is written
with a checksum; a missing, damaged or foreign one reads as None and the build takes the full
path (every piece read), so a bad state can cost time, never a wrong output.
"""
from __future__ import annotations

import marshal
import sys
import zlib
from bisect import bisect_left
from operator import itemgetter
from pathlib import Path

from .gc_pause import collector_paused
from .io import write_bytes_atomic

#: Bumped when the state's layout changes (its content is keyed by piece keys, which cover the code).
STATE_FORMAT = 1
#: In the piece folder beside the pieces (not ``*.json``: those are the pieces).
STATE_FILE = "assembly.state"
_MAGIC = b"inkoopgraaf assembly state\n"
#: Up to this many documents are dropped or inserted one by one (bisect); more, by one rebuild
#: of each list (a cold build adds 10,000 documents at once).
FEW = 16


class AssemblyState:
    """See the module doc; an empty one is the state before any build."""
    __slots__ = ("entries", "claims", "users", "shared")

    def __init__(self, entries=None, claims=None, users=None, shared=None):
        self.entries: dict[str, list] = entries if entries is not None else {}
        self.claims: dict[tuple, list[list]] = claims if claims is not None else {}
        self.users: dict[tuple, list[list]] = users if users is not None else {}
        self.shared: dict[tuple, object] = shared if shared is not None else {}

    def reusable(self, keys) -> set[str]:
        """The documents whose piece key is the one this state holds (a failed piece has none)."""
        entries = self.entries
        return {doc for doc, key in keys.items()
                if key is not None and (e := entries.get(doc)) is not None and e[0] == key}


def _header(body: bytes) -> bytes:
    return _MAGIC + f"{STATE_FORMAT} {sys.version_info[0]}.{sys.version_info[1]} {zlib.crc32(body)}\n".encode()


def dumps(state: AssemblyState) -> bytes:
    body = marshal.dumps((state.entries, state.claims, state.users, state.shared), 4)
    return _header(body) + body


def loads(data: bytes) -> AssemblyState | None:
    """The state in ``data``; None when it is not one this code wrote whole (other format or
    Python, truncated, damaged)."""
    if not data.startswith(_MAGIC):
        return None
    head, nl, body = data[len(_MAGIC):].partition(b"\n")
    if not nl or _header(body) != _MAGIC + head + b"\n":
        return None
    try:
        with collector_paused():     # ~1 M objects: the collector would walk the whole heap repeatedly
            parts = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(parts, tuple) and len(parts) == 4 and all(isinstance(p, dict) for p in parts)):
        return None
    return AssemblyState(*parts)


def read_state(path: Path) -> AssemblyState | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return loads(data)


def write_state(path: Path, state: AssemblyState) -> None:
    write_bytes_atomic(path, dumps(state))


# --------------------------------------------------------------------------- the indexes
def has(docs: list[str], doc: str) -> bool:
    i = bisect_left(docs, doc)
    return i < len(docs) and docs[i] == doc


def drop_docs(index: dict[tuple, list[list]], gone: set[str], touched: set) -> None:
    """Remove the rows of ``gone`` from every list of ``index`` (columns: docs first, sorted);
    the pairs that lost one go into ``touched``, pairs left with none are deleted."""
    if not gone:
        return
    emptied = []
    for pair, cols in index.items():
        docs = cols[0]
        if len(gone) <= FEW:
            at = sorted((i for d in gone if (i := bisect_left(docs, d)) < len(docs) and docs[i] == d), reverse=True)
            for i in at:
                for col in cols:
                    del col[i]
        else:
            keep = [i for i, d in enumerate(docs) if d not in gone]
            at = len(keep) != len(docs)
            if at:
                cols[:] = [[col[i] for i in keep] for col in cols]
        if at:
            touched.add(pair)
            if not cols[0]:
                emptied.append(pair)
    for pair in emptied:
        del index[pair]


def add_docs(index: dict[tuple, list[list]], adds: dict[tuple, list[tuple]], touched: set) -> None:
    """Insert ``adds`` (pair -> rows (doc, *columns) of documents not in the index) in doc order."""
    for pair, rows in adds.items():
        touched.add(pair)
        cols = index.get(pair)
        if cols is not None and len(rows) <= FEW:
            docs = cols[0]
            for row in rows:
                i = bisect_left(docs, row[0])
                for col, v in zip(cols, row):
                    col.insert(i, v)
            continue
        merged = sorted([*zip(*cols), *rows] if cols is not None else rows, key=itemgetter(0))
        index[pair] = [list(col) for col in zip(*merged)]


def fold_value(values: list):
    """One shared attribute as the whole graph holds it (graph._add_node's rule, as
    :func:`.derived._fold`): the first document's value, replaced by a later document's only
    while it is None or empty."""
    have = values[0]
    for v in values[1:]:
        if v is not None and have in (None, ""):
            have = v
    return have


def refs_of(users: dict[tuple, list[list]], doc: str) -> list[tuple]:
    """The shared values a document's rows refer to, sorted (as its summary lists them)."""
    return sorted(pair for pair, cols in users.items() if has(cols[0], doc))
