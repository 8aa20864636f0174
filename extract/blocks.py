"""Very long documents, extracted in parts: cut at heading/paragraph boundaries, facts mapped back.

A document longer than :data:`PART_CHARS` characters is not handed to the extractors whole: its
text is cut into *parts* of at most that many characters, each part becomes a :class:`Document` of
its own (the slice of the text, its blocks and pages shifted), the pipeline runs over each part,
and the facts come back shifted to the whole document's offsets. Why: every extractor keeps
per-document layers (the spaCy Doc, clauses, term matches, sections) and a few scans that look at
the whole text per mention; over a 100 MB text that is gigabytes and superlinear time. A part is
bounded, so memory is bounded by the part size (the document text itself is held once) and time
grows with the number of parts, i.e. linearly.

Where a part is cut (:func:`cut_points`): at the start of a heading when one stands in the second
half of the part's reach (a section stays together), else at the start of any block that does not
continue a table (a table row never loses its table), else — one block longer than a part — after
a newline or a space. A document up to :data:`PART_CHARS` is one part: the pipeline runs exactly as
before on it (byte-identical facts).

What is decided once for the whole document and given to every part (``ExtractionContext.part``):
the anchor year (:func:`document_year`, the date grammar's rules over all parts), the writing date
(its header), the title (only the first part has one). What is reconciled across parts after
extraction (:func:`merge_parts`) follows each extractor's own "one per document" rule at fact level:
one region per id and one municipality per code (the first part's mention, the most confident
region evidence), one segment per (id, label, parent), one financing/procedure per (model, segment)
(the stance ranked first in ``STANCE_ORDER``), one plan change per (from, to), and decisions of the
same actor with mostly the same object are one decision (the first, dated by a later one when it
has no date). Dates are per mention and need nothing.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..models.facts import Fact
from .document import Block, Document

#: The longest text the extractors see in one piece. Chosen above every document of the test
#: material (the largest, a 196-page PDF set, is under 250,000 characters per file), well below
#: the size where the extractors' per-document scans start to show (1 MB: 3.5 ms/KB, 2 MB: 4.1).
PART_CHARS = 300_000

#: A heading is preferred as the cut when it stands at least this share into the part's reach.
_HEADING_REACH = 0.5


@dataclass(frozen=True)
class Part:
    """Where a part sits in its document, and what the whole document decided for it."""
    index: int
    start: int                        # the part is ``whole.text[start:end]`` ...
    end: int
    whole: Document
    carried: int = 0                  # ... after this many characters of the headings that govern it


def cut_points(doc: Document, limit: int = 0) -> list[int]:
    """The start offsets of the parts of ``doc`` (the first is 0); one part when the text fits."""
    limit = limit or PART_CHARS
    n = len(doc.text)
    if n <= limit:
        return [0]
    blocks = sorted(doc.blocks, key=lambda b: b.start)
    cuts_any, cuts_heading = [], []
    for prev, b in zip([None] + blocks, blocks):
        if prev is not None and prev.kind == "table_row" and b.kind == "table_row" and prev.table == b.table:
            continue                  # inside a table: its rows stay together
        if prev is not None and b.start < prev.end:
            continue                  # overlapping or nested blocks: no clean boundary here
        cuts_any.append(b.start)
        if b.kind == "heading":
            cuts_heading.append(b.start)
    points, cur = [0], 0
    while n - cur > limit:
        cut = _last_in(cuts_heading, cur + int(limit * _HEADING_REACH), cur + limit) \
            or _last_in(cuts_any, cur + 1, cur + limit) or _text_cut(doc.text, cur, cur + limit)
        points.append(cut)
        cur = cut
    return points


def _last_in(starts: list[int], lo: int, hi: int) -> int | None:
    """The largest of the sorted ``starts`` in [lo, hi], or None."""
    i = bisect.bisect_right(starts, hi) - 1
    return starts[i] if i >= 0 and starts[i] >= lo else None


def _text_cut(text: str, lo: int, hi: int) -> int:
    """A cut inside one over-long block: after a newline, else after a space, else at ``hi``."""
    for sep in ("\n", " "):
        i = text.rfind(sep, lo, hi)
        if i >= lo:
            return i + 1
    return hi


def make_part(doc: Document, index: int, start: int, end: int) -> tuple[Document, Part]:
    """The part ``doc.text[start:end]`` as a document of its own, and where it sits.

    The headings that govern ``start`` from before it (the section and chapter the part
    opens in) are carried as its first lines, so a paragraph keeps its section's heading
    (segment attachment, scenario and proposal headings, the section window of plan
    changes); what the extractors find in those lines is dropped (:func:`shift_facts`):
    the part before found it already. Blocks and pages are shifted and clipped; pages keep
    their numbers (pages before the part are empty placeholders)."""
    chain = [h for h in doc.headings_before(start) if h.start < start] if start else []
    pieces, carried = [], []
    at = 0
    for h in chain:
        line = doc.text[h.start:h.end]
        carried.append(Block("heading", at, at + len(line), level=h.level, page=h.page))
        pieces.append(line + "\n\n")
        at += len(line) + 2
    part = Part(index, start, end, doc, at)
    text = "".join(pieces) + doc.text[start:end]
    return Document(id=doc.id, path=doc.path, sha256=doc.sha256, format=doc.format, text=text,
                    pages=_part_pages(doc, start, end, at), blocks=carried + _part_blocks(doc, start, end, at),
                    meta=doc.meta), part


def _part_blocks(doc: Document, start: int, end: int, carried: int) -> list[Block]:
    doc.block_at(0)                   # sorts the blocks and builds their start index once
    starts = doc._block_starts or []
    lo = max(bisect.bisect_right(starts, start) - 1, 0)
    hi = bisect.bisect_left(starts, end)
    return [_shift_block(b, start, end, carried) for b in doc.blocks[lo:hi]
            if b.start < end and (b.end > start or b.start >= start)]


def _part_pages(doc: Document, start: int, end: int, carried: int) -> list[tuple[int, int]]:
    pages = []
    for ps, pe in doc.pages:
        if ps >= end:
            break
        if pe <= start and ps < start:
            pages.append((0, 0))
        else:
            pages.append((max(ps - start, 0) + carried if ps > start else 0, min(pe, end) - start + carried))
    return pages


def _shift_block(b: Block, start: int, end: int, carried: int) -> Block:
    def clip(s: int, e: int) -> tuple[int, int]:
        return max(s, start) - start + carried, min(e, end) - start + carried
    s, e = clip(b.start, b.end)
    cells = [clip(cs, ce) for cs, ce in b.cells if cs < end and (ce > start or cs >= start)]
    return Block(kind=b.kind, start=s, end=max(s, e), level=b.level, cells=cells, table=b.table, row=b.row,
                 page=b.page)


def shift_facts(facts: list[Fact], part: Part) -> list[Fact]:
    """The part's facts at the whole document's offsets (pages looked up in it); facts in the
    carried headings are dropped."""
    out = []
    shift = part.start - part.carried
    for f in facts:
        if f.start < part.carried:
            continue
        f.start += shift
        f.end += shift
        f.page = part.whole.page_at(f.start)
        out.append(f)
    return out


# -- the whole document's answers ------------------------------------------------------------

def manifest_year(doc: Document) -> int | None:
    """The year the manifest gives the document, when it gives a usable one."""
    year = doc.meta.get("year")
    if year in (None, ""):
        return None
    try:
        return int(year)
    except (TypeError, ValueError):
        return None


def document_year(doc: Document, points: list[int]) -> int | None:
    """The anchor year of a long document: the manifest's, else the date grammar's writing year
    over its parts (``dates.detect_document_year_in_parts``)."""
    year = manifest_year(doc)
    if year is not None:
        return year
    from .dates import detect_document_year_in_parts
    return detect_document_year_in_parts(doc.text[s:e] for s, e in spans(doc, points))


def spans(doc: Document, points: list[int]) -> list[tuple[int, int]]:
    return list(zip(points, points[1:] + [len(doc.text)]))


# -- reconciling facts across parts --------------------------------------------------------

def merge_parts(parts: list[list[Fact]], whole: Document | None = None) -> list[Fact]:
    """One list of facts from the parts' lists (in document order), each extractor's
    once-per-document rule applied across parts (see the module docstring). A part's own facts
    are never merged with each other here: its extractors already did that."""
    from .segments.cues import STANCE_ORDER
    out: list[Fact] = []
    at: dict[tuple, int] = {}              # a once-per-document key -> its fact's index in ``out``
    decisions: list[tuple[Fact, set, tuple | None]] = []  # earlier parts' decisions: stems, table row
    for facts in parts:
        new_decisions = []
        for f in facts:
            if f.type == "decision":
                row = _table_row(whole, f.start)
                stems = _merge_decision(decisions, f, row)
                if stems is not None:
                    new_decisions.append((f, stems, row))
                    out.append(f)
                continue
            key = _once_key(f)
            if key is None:
                out.append(f)
            elif key not in at:
                at[key] = len(out)
                out.append(f)
            else:
                old = out[at[key]]
                if f.type == "region":
                    old.confidence = max(old.confidence, f.confidence)   # the first evidence, the best cue
                elif f.type in _BEST_TYPES and _better(f, old, STANCE_ORDER):
                    out[at[key]] = f
        decisions.extend(new_decisions)
    out.sort(key=lambda f: (f.start, f.end, f.type))
    return out


def _table_row(doc: Document | None, offset: int) -> tuple | None:
    """(table, row) of the table row at ``offset`` of the whole document, else None."""
    b = doc.block_at(offset) if doc is not None else None
    return (b.table, b.row) if b is not None and b.kind == "table_row" else None


#: fact types whose best fact over the parts counts (the others: the first one)
_BEST_TYPES = frozenset(("segment", "financing", "procedure"))


def _once_key(f: Fact) -> tuple | None:
    v = f.value or {}
    if f.type == "region":
        return ("region", v.get("id"))
    if f.type == "municipality":
        return ("municipality", v.get("cbs"))
    if f.type == "plan_change":
        return ("plan_change", (v.get("from") or {}).get("start"), (v.get("to") or {}).get("start"))
    if f.type == "segment":
        return ("segment", v.get("id"), str(v.get("label") or "").lower(), v.get("parent"))
    if f.type in ("financing", "procedure"):
        return (f.type, v.get("id"), v.get("segment"))
    return None


def _better(f: Fact, old: Fact, order) -> bool:
    """Is ``f`` (a later part's) the better fact for its key? A segment: more confident. A model:
    one with a stance beats one without, then the more confident (a stance its own sentence states
    gives the mention a higher confidence than one passed on by a heading or taken by default,
    which is what ``care_models._reconcile`` ranks first), then the stance ranked earlier in
    ``STANCE_ORDER``."""
    if f.type == "segment":
        return f.confidence > old.confidence
    def rank(x: Fact):
        st = x.value.get("status")
        return (st is None, -x.confidence, order.index(st) if st in order else len(order))
    return rank(f) < rank(old)


def _merge_decision(kept: list[tuple[Fact, set, tuple | None]], f: Fact, row: tuple | None) -> set | None:
    """``f``'s object stems when it is a new decision; None when an earlier part's decision is the
    same one by ``decisions.dedupe``'s rules as far as facts tell them (same actor; not two
    different table rows; mostly the same object, or a table row and a sentence of one status
    dated to the same day or week). The earlier one then takes its date if it had none."""
    from .decisions.dedupe import _same_precise_date, object_stems
    v = f.value
    sf = object_stems(v.get("object") or "")
    for k, sk, k_row in kept:
        w = k.value
        if w.get("actor") != v.get("actor") or (row is not None and k_row is not None and row != k_row):
            continue
        same = bool(sf and sk and len(sf & sk) / min(len(sf), len(sk)) >= 0.6) or (
            (row is None) != (k_row is None) and w.get("status") == v.get("status")
            and _same_precise_date(w.get("date"), v.get("date")))
        if same:
            if w.get("date") is None and v.get("date") is not None:
                w["date"] = v["date"]
            return None
    return sf
