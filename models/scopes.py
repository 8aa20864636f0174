"""What a dated or whole-document fact is about: its clause, its table row or line, its section.

A contract start belongs to the segment named in its clause ("De contracten
voor dyslexie starten op 1 augustus 2026"), else to the segment its section is
headed by ("Segment Ambulant" above a planning table), else to nobody in
particular: then it is a statement about the whole document only if nothing
narrower claims it. Headings are read from the text: a short line that does
not end like a sentence and is no list item or table row.

Rules and word lists: ``models/data/answer_rules.json``.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

from .facts import Fact

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])|\n")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)]|[a-z][.)])\s")


@lru_cache(maxsize=1)
def rules() -> dict:
    return json.loads(resources.files(__package__).joinpath("data", "answer_rules.json").read_text("utf-8"))


def has_cue(text: str, key: str) -> bool:
    low = (text or "").lower()
    return any(c in low for c in rules()[key])


@dataclass(frozen=True)
class Scope:
    """The segments a span is about and how that was decided ('clause', 'section' or None)."""
    segments: tuple[str, ...] = ()
    level: str | None = None
    sentence: str = ""


def sentence_bounds(text: str, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    left = 0
    # endpos one past the span start: the boundary's look-ahead must see the sentence's first letter
    for m in _SENTENCE_END.finditer(text, max(0, start - limit), min(len(text), start + 1)):
        if m.end() <= start:
            left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))


def _asides(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Parenthesised asides and ';'-separated parts inside a sentence: (start, end) offsets."""
    out = [(m.start() + s, m.end() + s) for m in re.finditer(r"\([^()]*\)", text[s:e])]
    return out


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(start, end, excluded asides) of the clause around a span: the aside it stands in, else
    its sentence without the asides ('Op 1 januari 2022 gaan de nieuwe contracten in (de
    contracten voor dyslexie al op 1 augustus 2021)': two clauses)."""
    s, e = sentence_bounds(text, start, end)
    asides = _asides(text, s, e)
    for a, b in asides:
        if a <= start and end <= b:
            return a, b, []
    parts = [(m.start() + s, m.end() + s) for m in re.finditer(r"[^;]+", text[s:e])]
    for a, b in parts:
        if a <= start and end <= b:
            return a, b, asides
    return s, e, asides


def _headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that read as headings: short, not ending like a sentence,
    no list item and no table row (the extracted texts put every block on its own line)."""
    limit = rules()["heading_max_chars"]
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= limit and "\t" not in stripped and stripped[0].isupper() \
                and not re.search(r"[.:;,!?]$", stripped) and not _LIST_ITEM.match(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


class ScopeIndex:
    """Clauses and sections of one document, with the segment facts in them."""

    def __init__(self, text: str, segment_facts: Iterable[Fact], key: Callable[[Fact], str]):
        self.text = text
        segment_facts = list(segment_facts)
        self.segs = sorted(((f.start, f.end, key(f)) for f in segment_facts), key=lambda x: x[0])
        self._starts = [s for s, _, _ in self.segs]
        # The extractor keeps one evidence span per segment and place, not every mention: a
        # heading or clause that repeats a wording the document used for a segment names it too.
        self._wordings = _wording_patterns(text, segment_facts, key)
        heads = _headings(text)
        self.sections: list[tuple[int, int, tuple[str, ...]]] = []
        for i, (a, b) in enumerate(heads):
            end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
            segs = self._segments_in(a, b)
            if not segs and i and self.sections and not text[heads[i - 1][1]:a].strip():
                # the heading before had no body of its own: this is its subsection
                # ('Segment Jeugdhulp in Onderwijstijd' / 'Uitstellen inkoop')
                segs = self.sections[-1][2]
            self.sections.append((a, end, segs))
        self._sec_starts = [a for a, _, _ in self.sections]

    def _segments_in(self, a: int, b: int, skip: list[tuple[int, int]] = ()) -> tuple[str, ...]:
        i = bisect.bisect_left(self._starts, a)
        out: list[str] = []
        while i < len(self.segs) and self.segs[i][0] < b:
            s, e, k = self.segs[i]
            if e <= b and not any(x <= s and e <= y for x, y in skip) and k not in out:
                out.append(k)
            i += 1
        if not out:
            for rx, k in self._wordings:
                m = rx.search(self.text, a, b)
                if m and not any(x <= m.start() and m.end() <= y for x, y in skip) and k not in out:
                    out.append(k)
        return tuple(out)

    def section_at(self, pos: int) -> tuple[int, int, tuple[str, ...]] | None:
        i = bisect.bisect_right(self._sec_starts, pos) - 1
        return self.sections[i] if i >= 0 else None

    def scope(self, start: int, end: int) -> Scope:
        s, e = sentence_bounds(self.text, start, end)
        sentence = self.text[s:e]
        cs, ce, skip = clause_bounds(self.text, start, end)
        segs = self._segments_in(cs, ce, skip)
        if segs:
            return Scope(segs, "clause", sentence)
        sec = self.section_at(start)
        if sec and sec[2]:
            return Scope(sec[2], "section", sentence)
        return Scope((), None, sentence)

    def same_section(self, a: int, b: int) -> bool:
        return self.section_at(a) == self.section_at(b)


def _wording_patterns(text: str, segment_facts: list[Fact], key: Callable[[Fact], str]):
    """(pattern, segment key) for each wording the document used as segment evidence, longest
    first, matched as whole words without regard to case."""
    seen: dict[str, str] = {}
    for f in segment_facts:
        wording = " ".join(text[f.start:f.end].split()).lower()
        if len(wording) >= 4:
            seen.setdefault(wording, key(f))
    return [(re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, w.split())) + r"(?!\w)", re.I), k)
            for w, k in sorted(seen.items(), key=lambda x: -len(x[0]))]


def is_heading_like(sentence: str) -> bool:
    """A label or heading ('Bekostiging, (winst)marges en budgetplafond'), not a statement."""
    s = sentence.strip()
    return len(s.split()) <= 8 and not re.search(r"[.!?]$", s)


@lru_cache(maxsize=1)
def _option_words() -> re.Pattern:
    """The taxonomy's plain wordings of financing models and procedures (the options a list offers)."""
    from .taxonomy import load_taxonomy
    tax = load_taxonomy()
    words = {t.lower() for e in (*tax.financing.values(), *tax.procedures.values())
             for t in (*e.terms, e.label) if t and not t.startswith("re:") and len(t) >= 3}
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)",
                      re.IGNORECASE)


def among_alternatives(sentence: str, mention: str | None) -> bool:
    """Is ``mention`` one of a list of alternatives joined by 'of' in which another item names a
    financing model or procedure too ('inbesteden, aanbesteden, subsidie of Open House')?"""
    if not mention or mention not in sentence:
        return False
    n = rules()["alternative_item_words"] - 1
    item = rf"[\w\-()]+(?: [\w\-()]+){{0,{n}}}"
    flat = " ".join(sentence.replace(mention, "\u00a7", 1).split())
    art = r"(?:een |de |het )?"
    for rx in (rf"\u00a7\)?((?:, {art}{item})*,? of {art}{item})", rf"((?:{item}, )*{item},? of) {art}\(?\u00a7"):
        m = re.search(rx, flat)
        if m and _option_words().search(m.group(1)):
            return True
    return False


def weak_whole_document_claim(sentence: str, mention: str | None = None) -> bool:
    """A sentence that cannot carry 'the whole procurement chose X': it describes when X fits,
    gives X as an example, a fallback or one of alternatives, or is a heading/label. ``mention``
    is the words naming X in the sentence (needed for the alternatives)."""
    return has_cue(sentence, "conditional_cues") or is_heading_like(sentence) or among_alternatives(sentence, mention)


def resolve_what(what: str, text: str, start: int, end: int) -> str:
    """The moved thing as a noun phrase: the clause's own ('de ingangsdatum van de nieuwe
    contracten'), else, for a pronoun ('Deze lopen immers'), the antecedent noun phrase in the
    sentence before."""
    cfg = rules()
    things = "|".join(sorted(map(re.escape, cfg["moved_things"]), key=len, reverse=True))
    word = r"(?:(?!(?:uit|te|om|op|per|in|tot|naar|met|een|jaar|niet|af|aan|is|zijn|wordt|worden|van|voor|de|het)\b)[a-zë-]+)"
    np = re.compile(r"\b(?:de|het)\s+(?:" + word + r"\s+){0,3}?(?:" + things + r")\b"
                    r"(?:\s+(?:van|voor)\s+(?:de\s+|het\s+)?(?:" + word + r"\s+){0,2}" + word + r"){0,2}", re.IGNORECASE)
    names_thing = bool(what) and re.search(r"\b(?:" + things + r")", what, re.IGNORECASE)
    first = (what or "").strip().split(" ")[0].lower()
    if names_thing and (np.fullmatch(what.strip()) or (first in cfg["pronoun_heads"] and len(what.split()) <= 3)):
        return what                      # 'de invoeringsdatum', 'dit verdeelmodel'
    if first in cfg["pronoun_heads"]:    # 'Deze lopen immers': the noun phrase it stands for
        s, _ = sentence_bounds(text, start, start)
        ps, _ = sentence_bounds(text, max(0, s - 2), max(0, s - 1))
        hits = list(np.finditer(text[ps:s]))
        if hits:
            return _trim(hits[-1].group(0))
    # 'Het college heeft', 'Het bestuur heeft besloten de ingangsdatum': the clause's own object
    m = np.search(text[start:end])
    return _trim(m.group(0)) if m else what


def _trim(phrase: str) -> str:
    return re.sub(r"\s+(?:te|om|op|per|in|tot|naar|met)$", "", " ".join(phrase.split()))


def weak_whole_claim_spans(facts: Iterable, texts: dict[str, str]) -> set[tuple[str, int, int]]:
    """(doc, start, end) of whole-procurement 'chosen' financing/procedure facts whose sentence is
    no whole-procurement statement (the graph files them as mentions; readers of the raw facts,
    like the report's matrix, skip them the same way)."""
    out = set()
    for f in facts:
        get = f.get if isinstance(f, dict) else (lambda k, _f=f: getattr(_f, k))
        value = get("value") or {}
        if get("type") not in ("financing", "procedure") or value.get("segment") or value.get("status") != "chosen":
            continue
        text = texts.get(str(get("doc")))
        if text and weak_whole_document_claim(text[slice(*sentence_bounds(text, get("start"), get("end")))],
                                              text[get("start"):get("end")]):
            out.add((str(get("doc")), get("start"), get("end")))
    return out
