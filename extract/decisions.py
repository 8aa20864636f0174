"""Decision facts: who decided (or will decide, or proposes to decide) what, and when.

A decision in these documents is a clause with a decision verb or noun
(``besluiten``, ``stellen ... vast``, ``stemt in met``, ``akkoord gaan``,
``kiezen voor``, ``ter besluitvorming voorgelegd``, ``collegebesluit``,
``stelt de werkgroep voor``) or a planning row naming one
(``22 februari 2022 | Besluitvorming colleges``). For each clause we fill

* ``actor``  – the body that decides: the agent of a passive (``door de
  colleges``), the board a matter is put before (``aan de gemeenteraden``
  ``voorgelegd``), the body it is decided in (``in het BPSDL``), the owner in a
  compound (``collegebesluit``) or else the clause's first named body;
  organisation names resolve through ``resources/actors.json`` and through
  expansions the document itself writes out (``... Lekstroom (BPSDL)``);
* ``status`` – from the trigger family, tense, aspect and modality
  (``taken`` / ``planned`` / ``proposed``);
* ``object`` – a short phrase naming what is decided;
* ``date``   – the date value of the clause (from the date extractor's facts).

All trigger words, cue words and actor wordings are data
(``resources/decision_triggers.json``, ``resources/actors.json``); the code
only knows the shapes of Dutch clauses. Without a dependency parser (the
project's pipeline is a blank ``nl`` model) clause structure is read from
prepositions and auxiliaries around the trigger.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..models.facts import Fact
from .context import ExtractionContext
from .dates import spans_within

# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _triggers() -> dict:
    return json.loads(resources.files(__package__).joinpath("resources/decision_triggers.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _actor_data() -> dict:
    return json.loads(resources.files(__package__).joinpath("resources/actors.json").read_text("utf-8"))


ACTOR_IDS = ("college", "raad", "regionaal_bestuur", "ambtelijk", "aanbieders", "rijk", "other")
# people and parties that take part but hold no decision power (a party fraction, parents, clients):
# resolved like an actor so that they can be the clause's subject, and then the clause is no body's decision
NOBODY = "_nobody"

_WORD = re.compile(r"[\w&]+", re.UNICODE)


def _norm(tok: str) -> str:
    """Lower-case token without surrounding punctuation ('vast.' -> 'vast')."""
    return tok.lower().strip(".,;:!?()[]'\"‘’“”*")


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorMention:
    start: int          # token index in the clause (inclusive)
    end: int            # token index (exclusive)
    actor: str
    weak: bool          # a generic 'de gemeenten' that any named body overrides


class ActorResolver:
    """Maps wordings, compounds and abbreviations (data + learnt from the document) to actor ids."""

    def __init__(self, document_text: str = ""):
        data = _actor_data()
        self.phrases: list[tuple[tuple[str, ...], str, bool]] = []
        self.prefixes: list[tuple[str, str]] = []
        self.suffixes: list[tuple[str, str, bool]] = []
        for actor, spec in data["actors"].items():
            for w in spec.get("wordings", []):
                self.phrases.append((tuple(_WORD.findall(w.lower())), actor, False))
            self.prefixes += [(p, actor) for p in spec.get("prefixes", [])]
            self.suffixes += [(s, actor, False) for s in spec.get("suffixes", [])]
        for actor, words in data.get("weak", {}).items():
            if actor.startswith("_suffix_"):
                self.suffixes += [(s, actor[len("_suffix_"):], True) for s in words]
                continue
            for w in words:
                self.phrases.append((tuple(_WORD.findall(w.lower())), actor, True))
        for w in data.get("non_bodies", []):
            self.phrases.append((tuple(_WORD.findall(w.lower())), NOBODY, False))
        self.pronouns = {p: "ambtelijk" for p in data.get("pronouns_ambtelijk", [])}
        self.addressee_pronouns: set[str] = set()
        # longest wording first so 'college van burgemeester en wethouders' beats 'wethouders'
        self.phrases.sort(key=lambda p: -len(p[0]))
        self.prefixes.sort(key=lambda p: -len(p[0]))
        self.suffixes.sort(key=lambda p: -len(p[0]))
        self.abbreviations: dict[str, str] = {}
        for abbr, expansion in data.get("abbreviations", {}).items():
            actor = self.actor_of_name(expansion)
            if actor:
                self.abbreviations[abbr.lower()] = actor
        # the document's own expansions win over the general list
        for abbr, expansion in learn_abbreviations(document_text).items():
            actor = self.actor_of_name(expansion)
            if actor:
                self.abbreviations[abbr.lower()] = actor
        # 'In december heeft u ingestemd': in a memo or letter 'u' is the body it is addressed to
        self.addressee: str | None = None
        addressee = learn_addressee(document_text)
        if addressee:
            self.addressee = self.actor_of_name(addressee)
        self.addressee_pronouns = set(data.get("addressee_pronouns", [])) if self.addressee else set()

    def actor_of_name(self, name: str) -> str | None:
        """The actor an organisation name stands for, judged by its words."""
        words = [_norm(w) for w in _WORD.findall(name)]
        mentions = [m for m in self.mentions(words) if m.actor != NOBODY]
        strong = [m for m in mentions if not m.weak]
        pick = strong or mentions
        return pick[0].actor if pick else None

    def _token_actor(self, w: str) -> tuple[str, bool] | None:
        if w in self.abbreviations:
            return self.abbreviations[w], False
        for p, actor in self.prefixes:
            if w.startswith(p) and len(w) > len(p) + 2:
                return actor, False
        for s, actor, weak in self.suffixes:
            if w.endswith(s) and len(w) > len(s) + 2:
                return actor, weak
        return None

    def mentions(self, words: list[str]) -> list[ActorMention]:
        out: list[ActorMention] = []
        i = 0
        while i < len(words):
            hit = None
            for seq, actor, weak in self.phrases:
                n = len(seq)
                if n and tuple(words[i:i + n]) == seq:
                    hit = ActorMention(i, i + n, actor, weak)
                    break
            if hit is not None and i + 1 < len(words):
                # 'de raad' must not swallow the start of 'raad van toezicht': a longer wording that starts one
                # word later and reaches further names the body
                for seq, actor, weak in self.phrases:
                    n = len(seq)
                    if n and i + 1 + n > hit.end and tuple(words[i + 1:i + 1 + n]) == seq:
                        hit = ActorMention(i + 1, i + 1 + n, actor, weak)
                        break
            if hit is None:
                w = words[i]
                if w in self.addressee_pronouns:
                    hit = ActorMention(i, i + 1, self.addressee, False)
                elif w in self.pronouns:
                    hit = ActorMention(i, i + 1, self.pronouns[w], True)
                else:
                    ta = self._token_actor(w)
                    if ta:
                        hit = ActorMention(i, i + 1, ta[0], ta[1])
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out


_EXPANSION = re.compile(
    r"((?:[A-Z][\w&'’-]*\s+(?:(?:van|voor|de|het|en|der|op)\s+)*){1,8})\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")


_ADDRESSEE = re.compile(r"^[ \t]*Aan[ \t]*:[ \t]*(\S[^\n]{2,120})$", re.MULTILINE)


def learn_addressee(text: str) -> str | None:
    """The body a memo or letter is addressed to: its 'Aan: ...' header line near the top."""
    m = _ADDRESSEE.search(text[:1500])
    return m.group(1).strip() if m else None


def learn_abbreviations(text: str) -> dict[str, str]:
    """Expansions written in the document: 'Regionaal Serviceteam Jeugd IJsselland (RSJ IJsselland)'
    or 'Bestuurlijk Platform Sociaal Domein Lekstroom (BPSDL)' -> {'RSJ': ..., 'BPSDL': ...}."""
    out: dict[str, str] = {}
    for m in re.finditer(r"([A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|van|voor|de|het|en|der|op)){0,8})\s*\(\s*([A-Z][A-Za-z&]{1,9})\b[^)]{0,30}\)", text):
        words = m.group(1).split()
        abbr = m.group(2)
        # keep the expansion's last len(abbr)+3 words: enough for 'Bestuurlijk Platform Sociaal Domein Lekstroom'
        expansion = " ".join(words[-(len(abbr) + 3):])
        out[abbr] = expansion
    return out


# --------------------------------------------------------------------------- dates (thin adapter)


def date_matches(ctx: ExtractionContext) -> list[tuple[int, int, dict]]:
    """(start, end, value) of every date in the document.

    Prefer the date extractor's facts (the pipeline runs it first); else call
    ``extract.dates.find_dates`` directly; else a small fallback so the
    decision extractor still works on its own (unit tests, partial installs)."""
    facts = ctx.facts.get("date")
    if facts:
        return sorted((f.start, f.end, f.value) for f in facts)
    try:
        from .dates import find_dates  # type: ignore
    except ImportError:
        return fallback_dates(ctx.doc.text, ctx.year)
    return sorted((m.start, m.end, m.value) for m in find_dates(ctx.doc.text, anchor_year=ctx.year))


_MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari maart april mei juni juli augustus september oktober november december".split())}
_FALLBACK = re.compile(
    r"\b(?:(?P<part>begin|medio|eind|half)\s+)?(?:(?P<day>[0-3]?\d)\s+)?(?P<month>" + "|".join(_MONTHS) +
    r")(?:\s+(?P<year>(?:19|20)\d\d))?\b|\b(?:(?P<ypart>begin|medio|eind)\s+)?(?P<bareyear>(?:19|20)\d\d)\b"
    r"|\b(?P<sd>[0-3]?\d)/(?P<sm>1[0-2]|0?[1-9])\b(?!/)", re.IGNORECASE)


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def fallback_dates(text: str, anchor_year: int | None) -> list[tuple[int, int, dict]]:
    """Day/month/year, month-year, begin/medio/eind, bare years and d/m: just enough to
    date decision clauses and plan changes when no date extractor ran."""
    out = []
    last_year = anchor_year
    for m in _FALLBACK.finditer(text):
        try:
            if m.group("month"):
                mon = _MONTHS[m.group("month").lower()]
                year = int(m.group("year")) if m.group("year") else last_year
                if year is None:
                    continue
                if m.group("day"):
                    s = e = dt.date(year, mon, int(m.group("day")))
                    gran = "day"
                else:
                    s, e, gran = dt.date(year, mon, 1), _month_end(year, mon), "month"
                    part = (m.group("part") or "").lower()
                    if part == "begin":
                        e = dt.date(year, mon, 10)
                    elif part == "medio":
                        s, e = dt.date(year, mon, 11), dt.date(year, mon, 20)
                    elif part == "eind":
                        s = dt.date(year, mon, 21)
                if m.group("year"):
                    last_year = year
            elif m.group("bareyear"):
                year = int(m.group("bareyear"))
                s, e, gran = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
                part = (m.group("ypart") or "").lower()
                if part == "begin":
                    e = dt.date(year, 4, 30)
                elif part == "medio":
                    s, e = dt.date(year, 5, 1), dt.date(year, 8, 31)
                elif part == "eind":
                    s = dt.date(year, 9, 1)
                last_year = year
            else:
                if last_year is None:
                    continue
                s = e = dt.date(last_year, int(m.group("sm")), int(m.group("sd")))
                gran = "day"
        except ValueError:
            continue
        out.append((m.start(), m.end(), {"start": s.isoformat(), "end": e.isoformat(), "granularity": gran,
                                         "modifier": None, "event": None}))
    return out


def _as_date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- clauses


@dataclass
class Clause:
    """A sentence (or a short table row / list item) the extractor reads as one unit."""
    start: int
    end: int
    words: list[str]                       # normalised tokens
    raw: list[str]                         # token texts
    offsets: list[tuple[int, int]]         # char spans of tokens
    block: Any = None
    row_context: list[tuple[int, int]] = field(default_factory=list)  # other short cells of the row/item

    def char_of(self, i: int) -> int:
        return self.offsets[min(i, len(self.offsets) - 1)][0]


def _clauses(ctx: ExtractionContext) -> list[Clause]:
    doc = ctx.doc
    out = []
    for sent in ctx.spacy_doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        words = [_norm(t.text) for t in toks]
        keep = [i for i, w in enumerate(words) if w or toks[i].text in ",;:"]
        toks = [toks[i] for i in keep]
        if not toks:
            continue
        out.append(Clause(start=toks[0].idx, end=toks[-1].idx + len(toks[-1].text),
                          words=[_norm(t.text) or t.text for t in toks], raw=[t.text for t in toks],
                          offsets=[(t.idx, t.idx + len(t.text)) for t in toks],
                          block=doc.block_at(toks[0].idx)))
    return out


# --------------------------------------------------------------------------- triggers


@dataclass
class TriggerHit:
    i: int                 # token index of the trigger word
    j: int                 # token index of its last word (particle / phrase end)
    family: str
    kind: str              # verb | nominal | phrase
    form: str


def find_triggers(words: list[str], raw: list[str] | None = None) -> list[TriggerHit]:
    """Every decision trigger in one clause (token lists), with its family and kind."""
    cfg = _triggers()
    dets = set(cfg["nominal_determiners"])
    not_adj = set(cfg["noun_preceders_not_adjective"])
    hits: list[TriggerHit] = []
    n = len(words)
    for spec in cfg["triggers"]:
        fam = spec["family"]
        joined = set(spec.get("joined", []))
        finite = set(spec.get("finite", []))
        nominal = set(spec.get("nominal", []))
        participles = set(spec.get("participles", []))
        blockers = set(spec.get("reflexive_blockers", []))
        suffixes = tuple(spec.get("nominal_suffixes", []))
        for i, w in enumerate(words):
            prev = words[i - 1] if i else ""
            if suffixes and w not in nominal and w not in joined and w.endswith(suffixes) and len(w) > 10 \
                    and (prev in dets or prev in ("eigen", "eigen,")) and not (raw and raw[i][:1].isupper() and i > 0):
                # 'neemt ieder college een eigen inkoopbesluit', 'het gunningsbesluit wordt genomen door ...'
                if _has(words, ["neemt", "nemen", "nam", "namen", "genomen", "nemen"]):
                    hits.append(TriggerHit(i, i, fam, "nominal", w))
                continue
            if fam == "proposal" and blockers and (prev in blockers or (i + 1 < n and words[i + 1] in blockers)) \
                    and not (i + 1 < n and words[i + 1] == "u" and _te_infinitive_after_particle(words, i + 2)):
                continue  # 'we kunnen ons voorstellen', 'stelt zich voor' = imagine; but 'Wij stellen u voor X te doen'
                          # proposes to the addressee
            if w in nominal and raw and i > 0 and raw[i][:1].isupper() and raw[i - 1][:1].isupper() and raw[i - 1] not in ("-", "•"):
                continue  # part of a name: 'Preventie Akkoord Achterhoek', 'Besluit Jeugdwet'
            if w in nominal and (prev in dets or w not in joined or i == 0):
                needs = spec.get("nominal_needs")
                if needs and not any(x in needs for x in words[i + 1:i + 5]):
                    continue
                hits.append(TriggerHit(i, i, fam, "nominal", w))
                continue
            if w in joined:
                if prev in dets or (prev.endswith("e") and len(prev) > 3 and prev not in not_adj and w.endswith("en")
                                    and not prev.endswith(("ie", "ee")) and not _subject_follows(words, i)):
                    # 'deze voorstellen', 'de huidige voorstellen': a noun that is not a decision noun; but
                    # 'op basis van de evaluatie besluiten de gemeenten' is a verb (noun in -ie, subject after it)
                    continue
                if w.endswith("en") and w not in participles and w not in _PARTICIPLES \
                        and (prev == "het" or words[max(0, i - 2):i] == ["het", "laten"]):
                    hits.append(TriggerHit(i, i, fam, "nominal", w))   # 'het (laten) vaststellen van'
                    continue
                if w in participles and prev in dets:
                    continue  # 'de vastgestelde visie', 'de gekozen inkoopstrategie': an adjective
                if w in participles and i + 1 < n and words[i + 1] not in (",", ".", ";", ":", "en", "om", "met", "voor", "in", "door", "dat", "tot", "op", "te", "worden", "wordt", "is", "zijn") and prev not in ("is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben", "er", "ervoor") and i > 0 and not _aux_before(words, i):
                    continue  # 'vanuit vastgestelde P*Q'
                near = spec.get("needs_nearby")
                if near and not any(x in near or any(x.startswith(p) for p in near) for x in words):
                    continue
                if spec.get("needs_te") and not _te_clause_follows(words, i + 1):
                    continue   # 'er wordt gevraagd naar de tarieven' asks for information, not for a decision
                hits.append(TriggerHit(i, i, fam, "verb", w))
                continue
            if w in finite and spec.get("particle"):
                near = spec.get("needs_nearby")
                if near and not any(x in near or any(x.startswith(p) for p in near) for x in words):
                    continue
                j = _find_particle(words, i, spec["particle"], spec.get("particle_next"))
                needs_next = spec.get("finite_needs_next", {}).get(w)
                if j is not None and needs_next and (j + 1 >= n or words[j + 1] not in needs_next):
                    j = None   # 'die voor ons liggen' is no 'ligt voor in de colleges'
                if j is not None:
                    hits.append(TriggerHit(i, j, fam, "verb", w + " … " + spec["particle"]))
        head = spec.get("phrase_head")
        if head:
            verbs = set(spec["phrase_verbs"])
            for i, w in enumerate(words):
                if w == head and raw and i > 0 and raw[i][:1].isupper() and raw[i - 1][:1].isupper():
                    continue  # part of a name: 'Preventie Akkoord Achterhoek'
                if w == head and ((i + 1 < n and words[i + 1] in (",", ";")) or i == 0 or words[i - 1] == "niet" and i == 1) \
                        and not _has(words[max(0, i - 4):i + 4], ["gegaan", "gegeven"]):
                    continue  # 'Akkoord, de gemeente stuurt ...', 'Het verzoek is akkoord, ...': an outcome label of a procedure step
                if w == head:
                    window = words[max(0, i - 4):i + 4]
                    if any(v in verbs for v in window):
                        hits.append(TriggerHit(i, i, fam, "verb", "akkoord"))
                    else:
                        hits.append(TriggerHit(i, i, fam, "nominal", "akkoord"))
        for phrase in spec.get("phrases", []):
            k = len(phrase)
            for i in range(n - k + 1):
                if words[i:i + k] == phrase:
                    hits.append(TriggerHit(i, i + k - 1, fam, "phrase", " ".join(phrase)))
    # 'De raad stemde in met het voorstel om ...', 'Het voorstel is aangenomen': a proposal noun that names what
    # a body accepts is the object of the decision, not a proposal still open
    accepting = [h for h in hits if h.kind == "verb" and h.family in _ACCEPTING_FAMILIES and not (h.i and words[h.i - 1] == "te")]
    hits = [h for h in hits if not (h.family == "proposal" and h.kind == "nominal" and any(
        a.j < h.i or (a.i > h.i and a.form in _PARTICIPLES and words[a.i - 1] in _PASSIVE_AUX) for a in accepting))]
    # one hit per token position (a 'voorgelegd' is not also a 'voor' particle of something else)
    seen, uniq = set(), []
    # at one position a proposal frames what follows ('stelt de raad voor de kaders vast te stellen')
    for h in sorted(hits, key=lambda h: (h.i, h.family != "proposal", -(h.j - h.i))):
        if h.i in seen:
            continue
        seen.add(h.i)
        uniq.append(h)
    return uniq


_ACCEPTING_FAMILIES = {"decide", "fix", "consent", "adopt"}
_ADVISING_BODIES = {"regionaal_bestuur", "college", "raad"}


def _te_infinitive_after_particle(words: list[str], a: int) -> bool:
    """'(stellen u) voor dit bedrag op te nemen': the particle 'voor' follows and a te-infinitive closes the clause."""
    if "voor" not in words[a:a + 2]:
        return False
    rest = words[a + 1:]
    return any(w == "te" and k + 1 < len(rest) and rest[k + 1].endswith("en") for k, w in enumerate(rest))


def _subject_follows(words: list[str], i: int) -> bool:
    """A body right after the word ('besluiten de gemeenten'): the word is an inverted finite verb."""
    nxt = words[i + 1:i + 4]
    if nxt[:1] and nxt[0] in ("de", "het", "alle", "beide"):
        nxt = nxt[1:]
    return bool(nxt) and nxt[0] not in _OBJ_STOP and (nxt[0] in _actor_words() or nxt[0].endswith("gemeenten"))


def _aux_before(words: list[str], i: int) -> bool:
    aux = set(_triggers()["status_cues"]["perfect_aux"]) | set(_triggers()["status_cues"]["present_passive_aux"])
    return any(w in aux for w in words[max(0, i - 12):i])


_CLAUSE_BREAK = {".", ";", ":", "?", "!"}


def _find_particle(words: list[str], i: int, particle: str, particle_next: list[str] | None) -> int | None:
    """The separable particle of the finite verb at i, later in the same clause."""
    for j in range(i + 1, min(len(words), i + 28)):
        w = words[j]
        if w in _CLAUSE_BREAK:
            return None
        if w == particle:
            nxt = words[j + 1] if j + 1 < len(words) else "."
            if particle_next and nxt not in particle_next and nxt not in _CLAUSE_BREAK and nxt not in (",", "en"):
                continue
            if particle == "voor" and nxt not in _CLAUSE_BREAK and nxt not in (",", "om", "dat", "en", "te", "aan", "in", "op", "het", "de") \
                    and not (words[j - 1] == "u" and _te_infinitive_follows(words, j + 1)):
                continue  # 'voor' as a preposition ('stellen de gemeenten voor de keuze'); but 'stellen u voor dit
                          # bedrag op te nemen' proposes
            if particle == "voor" and nxt in ("het", "de", "een") and j + 2 < len(words) and words[j + 2] not in ("college", "colleges", "raad", "gemeenteraad", "gemeenteraden") \
                    and not _te_infinitive_follows(words, j + 1):
                continue  # 'stelt de gemeenten voor de keuze'; but 'stelt voor de gunning te verschuiven' proposes
            return j
    return None


def _te_clause_follows(words: list[str], a: int) -> bool:
    """'gevraagd (om) bij de begroting een budget beschikbaar te stellen': a te-infinitive in the same sentence."""
    for k in range(a, min(len(words) - 1, a + 25)):
        if words[k] in _CLAUSE_BREAK or words[k] in ("dat", "of", "welke", "hoe", "naar"):
            return False   # 'gevraagd dat zij ...', 'gevraagd naar ...': a request for information or effort
        if words[k] == "te" and words[k + 1].endswith("n"):
            return True
    return False


def _te_infinitive_follows(words: list[str], a: int) -> bool:
    """'[voor] de kaders uit deze strategie vast te stellen': a te-infinitive closes the phrase (no 'om' before it)."""
    for k in range(a, min(len(words) - 1, a + 14)):
        if words[k] in _CLAUSE_BREAK or words[k] in (",", "om"):
            return False
        if words[k] == "te" and words[k + 1].endswith("n"):   # te stellen, te gaan, te doen
            return True
    return False


_FAMILY_RANK = {"proposal": 0, "request": 0, "advise": 0, "submit": 1, "ruling": 2, "decide": 2, "fix": 2, "consent": 2, "reject": 2, "choose": 3, "agree": 3,
                "adopt": 3, "deliberate": 4}


def _primary(hits: list[TriggerHit]) -> TriggerHit:
    # proposals and submissions frame the whole clause; otherwise a finite verb (with its tense) beats a noun
    return min(hits, key=lambda h: (_FAMILY_RANK[h.family] > 1, h.kind == "nominal", _FAMILY_RANK[h.family], h.i))


# --------------------------------------------------------------------------- status


def _has(words: Iterable[str], vocab: Iterable[str]) -> bool:
    v = set(vocab)
    return any(w in v for w in words)


_FRONTED_SUBORDINATORS = {"waar", "omdat", "doordat", "aangezien", "zodra", "wanneer", "hoewel", "terwijl", "nadat"}
_CAUSAL_SUBORDINATORS = {"omdat", "doordat", "aangezien"}


def _fronted_subclause_end(words: list[str]) -> int | None:
    """Index after the comma that closes a fronted subordinate clause ('Omdat ..., is X'), or None."""
    if not words or words[0] not in _FRONTED_SUBORDINATORS or "," not in words:
        return None
    return words.index(",") + 1


def clause_status(words: list[str], hit: TriggerHit, hits: list[TriggerHit]) -> tuple[str, str]:
    """(status, basis) from trigger family, tense, aspect and modality.

    basis: 'explicit' (tense/modality decides it), 'present' (present tense:
    the clause's date against the document's own date decides), 'nominal'
    (no finite verb: a step in a planning)."""
    cues = _triggers()["status_cues"]
    if any(h.family in ("proposal", "request", "advise") for h in hits):
        return "proposed", "explicit"
    if any(h.family == "submit" for h in hits):
        return "planned", "explicit"
    lo, hi = max(0, hit.i - 10), min(len(words), hit.j + 8)
    front = _fronted_subclause_end(words)
    if front is not None and front <= hit.i:
        lo = max(lo, front)   # 'Waar het aanbod ... kan worden gemaakt, kiezen de gemeenten voor X': its verbs are not the choice's
    window = words[lo:hi]
    if _has(window, ["zal", "zullen"]) or ("nog" in window and "niet" in window):
        return "planned", "explicit"
    if _has(window, cues.get("future_explicit", [])) and not _has(words[lo:hit.i], ["heeft", "hebben", "had", "hadden"]):
        return "planned", "explicit"   # 'naar verwachting stemmen de portefeuillehouders ... in'

    if _has(words, cues["taken_words"]):
        return "taken", "explicit"
    perfect = _has(words[max(0, hit.i - 20):hit.i], cues["perfect_aux"]) and hit.form in _PARTICIPLES | {"akkoord"}
    perfect = perfect or (hit.kind == "verb" and hit.form in _PARTICIPLES and _has(words[hit.i + 1:hi], cues["perfect_aux"]))
    if hit.form == "akkoord" and _has(window, ["gegaan", "gegeven"]):
        perfect = True
    if perfect or _has(window, cues["past_forms"]) or _has(window, ["genomen", "gekozen", "besloten"]) and _has(window, cues["perfect_aux"]):
        return "taken", "explicit"
    if hit.family == "decide" and hit.kind == "verb" and _has(words[hit.j + 1:hit.j + 6], cues["open_outcome"]) \
            and "om" not in words[hit.j + 1:hit.j + 6]:
        return "planned", "explicit"   # 'besluiten de gemeenten of ...': the outcome is still open
    if _has(words[lo:hit.i], cues["present_passive_aux"]) or _has(words[hit.i:hi], cues["present_passive_aux"]):
        if _has(window, ["moet", "moeten", "dient", "dienen", "kan", "kunnen", "zal", "zullen"]):
            return "planned", "explicit"
        return "planned", "present"
    if _has(window, cues["planned_words"]) or _has(words[:hit.i], ["na"]):
        return "planned", "present"
    if hit.kind in ("nominal", "phrase"):
        if _has(words, ["nemen", "neemt", "nam", "namen", "geven", "geeft"]):
            return "taken", "present"
        return "planned", "nominal"
    if _has(window, cues["future_go"]) and not _has(window, ["akkoord"]):
        return "planned", "explicit"
    return "taken", "present"


_PARTICIPLES = {"besloten", "vastgesteld", "ingestemd", "goedgekeurd", "gekozen", "afgesproken", "aangenomen",
                "voorgesteld", "voorgelegd", "genomen", "afgewezen", "afgezien", "behandeld"}
# participles of transitive decision verbs: after 'wordt/is/werd' without a 'door' agent the subject is what
# is decided, not who decides ('de verantwoordelijke gemeente is vastgesteld')
_PASSIVE_PARTICIPLES = {"vastgesteld", "goedgekeurd", "gekozen", "afgesproken", "aangenomen", "voorgesteld",
                        "voorgelegd", "afgewezen", "behandeld"}
_PASSIVE_AUX = {"wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren"}
_POSSESSIVE_PREPS = {"in", "op", "met", "van", "voor", "bij", "door", "aan", "uit", "naar", "tijdens", "na", "over", "om"}


def _is_aux(words: list[str], k: int, aux: set[str]) -> bool:
    """words[k] is an auxiliary of the set, not the possessive 'zijn' ('in zijn vergadering van 17 april')."""
    if words[k] not in aux:
        return False
    return not (words[k] == "zijn" and k > 0 and words[k - 1] in _POSSESSIVE_PREPS)


# --------------------------------------------------------------------------- actor in clause

_ROLE_PREPS = {"door": "agent", "aan": "recipient", "in": "locative", "bij": "locative", "met": "comitative",
               "voor": "beneficiary", "van": "genitive", "op": "locative", "namens": "beneficiary", "via": "locative",
               "tussen": "comitative"}
_SKIPPABLE = {"de", "het", "een", "alle", "elke", "iedere", "beide", "deze", "die", "onze", "hun"}


def _role(words: list[str], m: ActorMention, mentions: list[ActorMention] | None = None) -> str:
    """The preposition that governs a mention: 'door' agent, 'aan' recipient, 'in/bij' locative, 'met'
    comitative, 'van' genitive ... A conjunct inherits its partner's role ('met het ministerie en de
    zorgaanbieders' are both comitative)."""
    k = m.start - 1
    steps = 0
    while k >= 0 and steps < 4:
        w = words[k]
        if w in _ROLE_PREPS:
            return _ROLE_PREPS[w]
        if w in ("en", "of", "c.q", "en/of", ",", "/") and mentions:
            partner = next((p for p in mentions if p.end in (k, k - 1) or p.end == k), None)
            if partner is not None and partner is not m:
                return _role(words, partner, mentions)
        if w in _SKIPPABLE or w.isdigit() or w.endswith("e") or w in ("en", "of", ",", "c.q", "en/of", "/"):
            k -= 1
            steps += 1
            continue
        break
    return "plain"


_SUBORDINATORS = {"waarbij", "waarin", "waarmee", "waarna", "waarvoor", "die", "dat", "omdat", "zodat", "terwijl",
                  "wat", "welke", "hoewel", "doordat", "nadat", "voordat"}


def _segment(words: list[str], hit: TriggerHit) -> tuple[int, int, bool]:
    """Comma-bounded part of the clause around the trigger; True when it is a subordinate clause
    ('..., waarbij zij zelf kiezen voor ...') whose subject must not be taken from the main clause."""
    a = hit.i
    while a > 0 and words[a - 1] not in (",", ";", ":"):
        a -= 1
    b = hit.j + 1
    while b < len(words) and words[b] not in (",", ";", ":"):
        b += 1
    return a, b, a < len(words) and words[a] in _SUBORDINATORS


def clause_actor(words: list[str], hit: TriggerHit, resolver: ActorResolver,
                 object_span: tuple[int, int] | None = None) -> tuple[str | None, bool]:
    """(actor id or None, explicit?) for the clause around the trigger."""
    m = clause_actor_mention(words, hit, resolver, object_span)
    return (m.actor, not m.weak) if m else (None, False)


def _insertions(words: list[str]) -> set[int]:
    """Token indexes inside comma-bounded subordinate insertions (', waarin de wethouders zitting hebben,')."""
    out: set[int] = set()
    for k, w in enumerate(words):
        if w == "," and k + 1 < len(words) and words[k + 1] in _SUBORDINATORS:
            end = next((x for x in range(k + 2, len(words)) if words[x] in (",", ";", ":", ".")), None)
            if end is not None and words[end] == ",":
                out.update(range(k + 1, end))
    return out


def _passive_aux(words: list[str], hit: TriggerHit) -> int | None:
    """Index of the passive auxiliary of a transitive decision participle ('is ... vastgesteld'), if any."""
    if hit.kind != "verb" or words[hit.i] not in _PASSIVE_PARTICIPLES:
        return None
    for k in range(hit.i - 1, max(-1, hit.i - 12), -1):
        if _is_aux(words, k, _PASSIVE_AUX):
            return k
        if words[k] in ("heeft", "hebben", "had", "hadden"):
            return None
    if hit.i + 1 < len(words) and words[hit.i + 1] in _PASSIVE_AUX:
        return hit.i + 1     # subordinate order: '... dat de visie vastgesteld is'
    return None


def _meeting_of_body(words: list[str], m: ActorMention, hit: TriggerHit) -> bool:
    """A body's meeting or agenda ('collegevergadering', 'raadsagenda') that a matter is put on."""
    return hit.family == "submit" and m.end - m.start == 1 and words[m.start].endswith(("vergadering", "agenda"))


def clause_actor_mention(words: list[str], hit: TriggerHit, resolver: ActorResolver,
                         object_span: tuple[int, int] | None = None) -> ActorMention | None:
    """The mention that names the deciding body of the clause (None if no body is named)."""
    trig = words[hit.i]
    comp = resolver._token_actor(trig)
    if comp and comp[0] and not comp[1] and hit.kind == "nominal":
        return ActorMention(hit.i, hit.i + 1, comp[0], False)           # collegebesluit, raadsbesluit
    all_ms = resolver.mentions(words)
    seg_a, seg_b, subordinate = _segment(words, hit)
    # a subordinate clause after the trigger ('... gekozen dat de aanbieder ...', 'vanuit de gedachte dat
    # aanbieders ...') has its own subject: its bodies do not decide the main clause
    for k in range(hit.j + 1, seg_b):
        if words[k] in _SUBORDINATORS and hit.family not in ("submit",):
            seg_b = k
            break
    in_seg = [m for m in all_ms if seg_a <= m.start < seg_b]
    # a subordinate clause after the comma ('..., omdat het aantal aanbieders ...') has its own subject
    sub_after = next((k for k in range(seg_b, min(len(words), seg_b + 2)) if words[k] in _SUBORDINATORS), None)
    ms = in_seg if (in_seg or subordinate) else [m for m in all_ms if not (hit.j < m.start and sub_after is not None and sub_after <= m.start)]
    roles = [(m, _role(words, m, all_ms)) for m in ms]
    oa, ob = object_span or (0, 0)
    pas = _passive_aux(words, hit)
    if pas is not None:
        # passive without agent: the subject before the auxiliary is what is decided
        roles = [(m, r) for m, r in roles if not (r == "plain" and m.start < pas)]
    elif hit.kind == "verb" and hit.family not in ("proposal", "submit"):
        # active clause: the body right before the finite verb or right after it (inversion) is the subject,
        # and it beats a place or a genitive elsewhere ('De raad besluit ... er bij het college op aan te dringen')
        anchor = hit.i
        inserted = _insertions(words)
        if words[hit.i] in _PARTICIPLES | {"akkoord"}:
            # the auxiliary of the participle, not one inside an inserted relative clause
            # ('heeft het Overleg, waarin de wethouders zitting hebben, ingestemd')
            auxes = [k for k in range(max(0, hit.i - 24), hit.i) if _is_aux(words, k, _AUX_ALL) and k not in inserted]
            anchor = auxes[-1] if auxes else hit.i
        for m, r in roles:
            if r == "plain" and m.start not in inserted and (anchor - 2 <= m.end <= anchor or anchor < m.start <= anchor + 3):
                if m.weak:
                    # 'Het Dagelijks Bestuur (DB) van de Regeling Zuidoost Gemeenten heeft': the named body heads the
                    # subject; the generic word closing the name is part of it
                    head = [p for p, _ in roles if not p.weak and p.end <= m.start and m.start - p.end <= 10
                            and not _has(words[p.end:m.start], _AUX_ALL | {",", ";", ":"})]
                    if head:
                        return head[0]
                return m
        if hit.form == "akkoord" and not _has(words[max(0, hit.i - 4):hit.i + 4], ["gaan", "gaat", "ging", "gingen", "gegaan",
                                                                                  "geven", "geeft", "gaf", "gaven", "gegeven"]):
            return None   # 'Het verzoek is akkoord, ...': a request that passes, not a body that agrees
    nominal = hit.kind in ("nominal", "phrase") and not _has(words, _triggers()["decision_verbs_with_nominal"] + ["geven", "geeft", "gaven", "gaan", "gaat"])

    def allowed(m: ActorMention, role: str) -> bool:
        if role == "beneficiary" and _meeting_of_body(words, m, hit):
            return True   # 'geagendeerd voor de collegevergadering van 25 maart': the board whose meeting takes it
        if role in ("comitative", "beneficiary"):
            return False
        if role == "recipient" and hit.family != "submit":
            return False
        inside = oa <= m.start < ob
        if hit.family == "proposal":
            # the proposer stands around the verb ('stelt de werkgroep voor'), never inside the proposal
            return not inside and m.start < hit.j + 4
        if nominal:
            # a noun ('besluit', 'instemming') takes its body from 'van/door X' or 'in X' close by
            if role == "genitive":
                return hit.j < m.start <= hit.j + 4
            if role in ("agent", "locative", "recipient"):
                return abs(m.start - hit.i) <= 10
            return False
        if inside:
            return role == "agent" or (hit.family == "submit" and role in ("recipient", "locative"))
        if role == "genitive":
            return hit.j < m.start <= hit.j + 4 or not m.weak
        return True

    cands = [(m, r) for m, r in roles if allowed(m, r)]

    def pick(group: list[ActorMention]) -> ActorMention | None:
        if not group:
            return None
        first = group[0]
        if first.weak:
            # 'door de gemeenten in VNG-verband': a named body right after the generic one wins
            for m in all_ms:
                if not m.weak and 0 <= m.start - first.end <= 3:
                    return m
        return first

    order = ["agent"]
    if hit.family == "submit":
        order += ["recipient", "locative", "beneficiary"]
    if hit.kind == "nominal":
        order += ["genitive"]
    order += ["locative"]
    for role in order:
        group = [m for m, r in cands if r == role]
        if role == "locative" and hit.family != "submit" and not nominal:
            group = [m for m in group if not m.weak]   # 'in de gemeenten' is a place, not a board
        m = pick(group)
        if m:
            return m
    return pick([m for m, r in cands if r in ("plain", "genitive")])


# --------------------------------------------------------------------------- object


_STOP_OBJECT = {",", ".", ";", ":", "(", ")"}


def clause_object(clause: Clause, hit: TriggerHit, actor_spans: list[tuple[int, int]],
                  date_spans: list[tuple[int, int]]) -> tuple[int, int, str]:
    """Token span [a, b) of what is decided, and how it was found ('om', 'prep', 'between',
    'subject', 'rest')."""
    words = clause.words
    n = len(words)

    def until_break(a: int, limit: int = 16) -> int:
        b = a
        while b < n and b - a < limit and words[b] not in (".", ";", ":") and not (
                words[b] == "," and b + 1 < n and words[b + 1] in ("maar", "en", "waarna", "waarbij", "omdat", "zodat")):
            b += 1
        return b

    if hit.family == "submit":
        return _submit_object(words, hit, actor_spans, date_spans)
    # 'Met de uitgangspunten heeft het college ... ingestemd': the object opens the clause
    fa, fb = _fronted_object(words)
    if fb > fa and fb <= hit.i:
        return fa, fb, "prep"
    # 'om ... te <verb>': the decided action
    for k in range(hit.i + 1, min(n, hit.j + 8)):
        if words[k] == "om":
            return k + 1, until_break(k + 1, 24), "om"
        if words[k] in (".", ";"):
            break
    # 'besloten [de pilot niet op te schalen]', 'droeg de regio op [de budgetten ... te onderbouwen]':
    # a te-infinitive clause right after the verb (past its subject, dates and adverbs) is what is decided
    if hit.kind == "verb" and hit.family not in ("submit", "deliberate"):
        a = _skip_subject(hit.j + 1, words, actor_spans, date_spans)
        if a < n and words[a] not in ("met", "over", "op", "voor", "tot", "van", "aan", "in", "dat", "of") \
                and _te_infinitive_follows(words, a):
            return a, until_break(a, 24), "te"
    # 'droeg ... de regio op de budgetten te onderbouwen': particle, then the infinitive clause
    # 'instemmen met / akkoord op / besluit over / keuze voor / kiezen voor X'
    if hit.family != "submit":
        first = _skip_subject(hit.j + 1, words, actor_spans, date_spans)
        for k in range(hit.j + 1, min(n, hit.j + 4)):
            if k > first and words[k] in ("met", "over", "op", "voor", "tot", "van"):
                break       # 'besloten de ingangsdatum van ...': 'van' inside the object, not its preposition
            if words[k] in ("met", "over", "op", "voor", "tot", "van"):
                b = until_break(k + 1, 12)
                for s_, e_ in sorted(actor_spans):
                    if k + 2 < s_ < b and words[s_ - 1] not in ("van", "met", "door", "aan", "bij", "in"):
                        b = s_ - 1 if words[s_ - 1] in ("de", "het") else s_   # '... maken [de gemeenten] nog niet'
                        break
                return k + 1, b, "prep"
            if words[k] in (",", ".", ";", ":"):
                break
    # separable verb: object between the actor and the particle ('stellen de colleges X vast')
    if hit.j > hit.i + 1 and hit.kind == "verb":
        a = hit.i + 1
        for s_, e_ in sorted(actor_spans):
            if a <= s_ <= a + 3:
                a = e_
        a = _skip_dates(a, date_spans)
        while a < hit.j and words[a] in ("ook", "al", "dan", "daarom", "nu", "tevens"):
            a = _skip_dates(a + 1, date_spans)
        if a < hit.j:
            return a, hit.j, "between"
    # 'De hoofdlijnen die het bestuur op 3 mei heeft vastgesteld': the antecedent of the relative clause
    rel = next((k for k in range(hit.i - 1, -1, -1) if words[k] in ("die", "dat", "welke") and k > 0), None)
    if rel is not None and hit.kind == "verb" and any(rel < s_ < hit.i for s_, _ in actor_spans) \
            and not any(w in (",", ";", ":") for w in words[rel:hit.i]):
        a = rel
        while a > 0 and words[a - 1] not in (",", ";", ":", "volgt", "volgen", "is", "zijn", "wordt", "worden") and rel - a < 8 \
                and not any(s_ <= a - 1 < e_ for s_, e_ in actor_spans):
            a -= 1
        if a < rel:
            return a, rel, "antecedent"
    # 'Het bestuur heeft dat model afgewezen': a perfect with the participle last has its object
    # between the subject and the participle
    if hit.kind == "verb" and words[hit.i] in _PARTICIPLES and hit.j == hit.i:
        haux = [k for k in range(max(0, hit.i - 12), hit.i) if words[k] in ("heeft", "hebben", "had", "hadden")]
        if haux:
            a = _skip_subject(haux[-1] + 1, words, actor_spans, date_spans)
            b = hit.i
            while b > a and (words[b - 1] in ("niet", "ook", "al", "nu", "eerder", "unaniem", "definitief") or
                             any(s_ <= b - 1 < e_ for s_, e_ in date_spans)):
                b -= 1
            if b > a and words[a] not in ("op", "in", "na", "per", "met", "door", "bij") and not words[a] in _R_PRONOUNS:
                return a, b, "between"
    # passive or submission: the subject before the auxiliary ('De Inkoopstrategie is ... vastgesteld')
    aux = {"is", "zijn", "wordt", "worden", "werd", "werden"}
    for k in range(0, hit.i):
        if _is_aux(words, k, aux) and k > 0:
            a = _skip_dates(0, date_spans)
            lead = [x for x in range(0, k) if not any(s_ <= x < e_ for s_, e_ in date_spans)]
            if all(words[x] in ("in", "op", "per", "medio", "begin", "eind", "uiterlijk", "vanaf") for x in lead):
                # 'In september 2021 wordt [de Regiovisie] ... voorgelegd': subject after the auxiliary
                a = k + 1
                b = a
                while b < hit.i and words[b] not in ("voor", "aan", "door", "ter", "in", ",", "."):
                    b += 1
                for s_, e_ in actor_spans:
                    if a <= s_ < b:
                        b = s_ if s_ > a else b
                if b > a:
                    return a, b, "subject"
            elif a < k:
                return a, k, "subject"
            break
    a = hit.j + 1
    for s_, e_ in sorted(actor_spans):
        if a <= s_ <= a + 2:
            a = e_          # inverted subject: 'kiezen de gemeenten het model van Simons als basis'
    while a < n and words[a] in ("ervoor", "daarom", "dus", "ook", "al", "nu", "tevens"):
        a += 1
    b = until_break(a, 12)
    if b > a:
        return a, b, "rest"
    a = max(0, hit.i - 6)
    for s_, e_ in actor_spans:
        if a <= s_ < hit.i:
            a = max(a, e_)     # 'Het inkoopteam stelt ... voor:': the proposer is not the object
    return a, hit.i, "rest"


_AUX_ALL = {"is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben", "ligt", "liggen", "komt", "komen",
            "staat", "staan", "gaat", "gaan", "zal", "zullen", "moet", "moeten"}
_LEAD_PREPS = {"in", "op", "per", "medio", "begin", "eind", "uiterlijk", "vanaf", "dan", "daarna", "vervolgens", "ook",
               "zoals", "gezegd", "eerder", "genoemd", "vermeld", "tenslotte", "ten", "slotte"}


def _submit_object(words, hit, actor_spans, date_spans) -> tuple[int, int, str]:
    """What is put before a board: the subject ('De financiële impactanalyses worden ter besluitvorming
    ... voorgelegd', '... waarna het vierkant ter besluitvorming wordt voorgelegd'), or after an
    inverted auxiliary ('In september 2021 wordt aan de gemeenteraden de Regiovisie ... voorgelegd')."""
    n = len(words)
    om = next((k for k in range(hit.i - 1, -1, -1) if words[k] == "om"), None)
    if om is not None and hit.kind == "phrase" and words[hit.i] == "voor":
        # 'Het streven is om [begin Q2] [een voorstel] aan de colleges voor te leggen': the object follows 'om'
        a = _skip_dates(om + 1, date_spans)
        while a < hit.i and (words[a] in _LEAD_PREPS or any(s_ <= a < e_ for s_, e_ in date_spans)):
            a = _skip_dates(a + 1, date_spans)   # the submission's own time ('om [in september] X voor te leggen')
        b = a
        while b < hit.i and words[b] not in ("aan", "bij", ",", ";"):
            b += 1
        if b > a:
            return a, b, "om"
    a = hit.i
    while a > 0 and words[a - 1] not in (",", ";", ":"):
        a -= 1
    if a < n and words[a] in _SUBORDINATORS:
        a += 1
    a = _skip_dates(a, date_spans)
    while a < hit.i and (words[a] in _LEAD_PREPS or any(s_ <= a < e_ for s_, e_ in date_spans)):
        a = _skip_dates(a + 1, date_spans)
    b = a
    while b < hit.i and words[b] not in _AUX_ALL:
        b += 1
    if b > a:
        return a, b, "subject"
    # inversion: subject after the auxiliary, past an 'aan de gemeenteraden' phrase
    a = b + 1
    while a < n and words[a] in ("aan", "door", "bij"):
        ends = [e_ for s_, e_ in actor_spans if a < s_ <= a + 4]
        if not ends:
            break
        a = ends[0]
    b = a
    while b < n and words[b] not in ("voor", "ter", "aan", ",", ".", ";", ":") and b not in (hit.i,):
        b += 1
    if b > a:
        return a, b, "subject"
    return max(0, hit.i - 6), hit.i, "rest"


_R_PRONOUNS = {"daarover", "daarmee", "daarvan", "daartoe", "daarop", "daarvoor", "hierover", "hiermee", "hiervan",
               "hiertoe", "daar", "hier", "er"}
_ADVERBS = {"ook", "al", "dan", "daarom", "nu", "tevens", "dus", "ervoor", "eerder", "inmiddels", "vervolgens", "daarna",
            "uiteindelijk", "unaniem", "definitief", "formeel", "op", "in", "per", "na", "begin", "medio", "eind", "uiterlijk",
            "gegaan", "gegeven", "akkoord", "zich"}


def _skip_subject(a: int, words: list[str], actor_spans, date_spans) -> int:
    """First token after an inverted subject, dates and adverbs ('besloot [het bestuur] [op 3 mei] [daarom] ...')."""
    n = len(words)
    for _ in range(6):
        b = _skip_dates(a, date_spans)
        for s_, e_ in sorted(actor_spans):
            if b <= s_ <= b + 2 and all(w in ("de", "het", "alle", "beide", "ieder", "elk", "elke", "iedere") for w in words[b:s_]):
                b = e_
        while b < n and words[b] in _ADVERBS and not (words[b] in ("op", "in", "per", "na") and not any(s_ == b + 1 or s_ == b + 2 for s_, _ in date_spans)):
            b += 1
        if b == a:
            return a
        a = b
    return a


def _skip_dates(a: int, date_spans: list[tuple[int, int]]) -> int:
    for s, e in sorted(date_spans):
        if s <= a < e:
            a = e
    return a


# --------------------------------------------------------------------------- main


@dataclass
class Decision:
    start: int
    end: int
    actor: str
    status: str
    object: str
    date: dict | None
    basis: str
    explicit_actor: bool
    table_row: int | None = None
    anchor: bool = False        # named only as the time of another action ('Na het raadsbesluit ...')
    proposer: bool = False      # the actor proposes (a proposal's author), it does not decide


_CITED_DATE = re.compile(r"\(\s*([^()]{3,25})\s*\)\s*$")


def reference_date(ctx: ExtractionContext, dates: list[tuple[int, int, dict]]) -> dt.date | None:
    """The document's 'now'.

    Its own date if the manifest gives one; else 1 January of its year, moved
    up to the latest date of a document it cites as already published
    ('Notitie ... (februari 2021)' at the end of a line), as long as that is in
    the same year. Present-tense and planning statements dated before 'now'
    are decisions already taken: these documents narrate their process in the
    historical present."""
    meta = ctx.doc.meta or {}
    meta_date = _as_date(str(meta.get("date") or "")[:10])
    if meta_date:
        return meta_date
    if not ctx.year:
        return None
    year = int(ctx.year)
    now = dt.date(year, 1, 1)
    text = ctx.doc.text
    for s, e, v in dates:
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(0, s - 2):s]
        after = text[e:line_end].strip()
        if "(" in before and after in (")", ").", ");"):
            end = _as_date(v.get("end"))
            if end and end.year == year and end > now:
                now = end
    return now


def _sub_clauses(clause: Clause, hits: list[TriggerHit]) -> list[tuple[int, int]]:
    """Split a sentence at 'en' + finite verb when both halves hold a trigger
    ('stellen ... al in 2018 de Regiovisie vast en volgt in 2019 het besluit over ...')."""
    verbs = set(_triggers()["clause_split_verbs"])
    words = clause.words
    cuts = [0]
    hit_pos = sorted(h.i for h in hits)
    for k, w in enumerate(words):
        if w == "en" and k + 1 < len(words) and words[k + 1] in verbs:
            if any(h < k for h in hit_pos if h >= cuts[-1]) and any(h > k for h in hit_pos):
                cuts.append(k)
    cuts.append(len(words))
    return [(cuts[x], cuts[x + 1]) for x in range(len(cuts) - 1)]


def _slice(clause: Clause, a: int, b: int) -> Clause:
    if a == 0 and b == len(clause.words):
        return clause
    if a < b and clause.words[a] == "en":
        a += 1
    return Clause(clause.offsets[a][0], clause.offsets[b - 1][1], clause.words[a:b], clause.raw[a:b],
                  clause.offsets[a:b], clause.block)


def _is_conditional(words: list[str], hit: TriggerHit) -> bool:
    """'als ... dan kiezen we', 'pas definitief als de colleges akkoord zijn', 'mits aanbieders instemmen'."""
    cfg = _triggers()
    openers = set(cfg["conditional_openers"])
    if words and words[0] in openers:
        return True
    if "als" in words and "dan" in words[words.index("als"):]:
        return True
    for k in range(0, hit.i):
        w = words[k]
        if w in openers - {"als"}:
            return True
        if w == "als" and k + 1 < len(words) and words[k + 1] in ("de", "het", "er", "ook", "zij", "ze", "we", "wij", "dit", "deze") \
                and "zowel" not in words[max(0, k - 8):k]:
            return True
    return False


def extract_decisions(ctx: ExtractionContext) -> list[Fact]:
    cfg = _triggers()
    text = ctx.doc.text
    resolver = ActorResolver(text)
    dates = date_matches(ctx)
    now = reference_date(ctx, dates)
    try:
        from .qualifier import qualify  # the segments helper's pure qualifier
    except ImportError:                  # pragma: no cover - module not there yet
        qualify = None

    decisions: list[Decision] = []
    consumed_until = -1
    prev_dates: list[dict] = []
    stamp = decision_stamp(text, dates, resolver)
    frame = meeting_frame(ctx, dates, resolver)
    prev_sentence: Clause | None = None
    prev_before: Clause | None = None
    for sentence in _clauses(ctx):
        block = sentence.block
        sent_dates = spans_within(dates, sentence.start, sentence.end)   # dates are sorted
        skip = (sentence.start < consumed_until or (block is not None and block.kind == "heading")
                or not_a_decision_sentence(sentence)
                or (stamp is not None and stamp[0] <= sentence.start < stamp[1]))
        hits_all = [] if skip else find_triggers(sentence.words, sentence.raw)
        last_actor = None
        # 'Ook X is afgewezen': an agentless passive right after a decision continues its body
        # the previous sentence, or the one before it when the previous one only explains it after a colon
        # ('... van afgezien: een DAS zou ... verhogen. Ook X is afgewezen')
        anchor_sentence = prev_sentence
        if prev_sentence is not None and prev_before is not None and \
                text[max(0, prev_sentence.start - 3):prev_sentence.start].strip().endswith(":"):
            anchor_sentence = prev_before
        if decisions and anchor_sentence is not None and decisions[-1].start >= anchor_sentence.start \
                and (block is None or prev_sentence.block is block or block.kind == "paragraph"):
            last_actor = ("continue", decisions[-1].actor)
        previous_text = text[prev_sentence.start:prev_sentence.end] if prev_sentence is not None else ""
        prev_before, prev_sentence = prev_sentence, sentence
        for lo, hi in (_sub_clauses(sentence, hits_all) if hits_all else []):
            clause = _slice(sentence, lo, hi)
            hits = find_triggers(clause.words, clause.raw)
            if not hits:
                continue
            d, items = _decide(ctx, clause, hits, resolver, dates, now, prev_dates, qualify, last_actor, previous_text,
                               frame_actor=frame[1] if frame is not None and clause.start >= frame[0] else None)
            if d is None:
                continue
            last_actor = d.actor
            if items is not None:
                all_items, labelled = items
                is_proposal = _primary(hits).family == "proposal"
                points = labelled if is_proposal else (all_items if _is_item_intro(d, hits) else [])
                if points and not is_proposal:
                    # the points of a decision are actions ('in te stemmen met ...', 'X aan te besteden'); a list
                    # of principles after 'zijn vastgesteld:' describes what was decided, one decision; a list
                    # whose first item is no action belongs to something else (the next agenda items)
                    acts = [_is_action_item(re.sub(cfg["list_label_pattern"], "", text[b.start:b.end])) for b in points]
                    points = [b for b, a in zip(points, acts) if a] if acts[0] else []
                    if not points:
                        decisions.append(d)
                        continue
                if points:
                    actor, status, date = d.actor, ("proposed" if hits and _primary(hits).family == "proposal" else d.status), d.date
                    hd = ctx.doc.headings_before(clause.start)
                    htxt = text[hd[-1].start:hd[-1].end].lower() if hd else ""
                    if (actor == "raad" or any(re.search(r"\b" + re.escape(h) + r"\b", htxt) for h in cfg["status_cues"]["proposal_headings"])) \
                            and not re.search(cfg["adoption_formula"], text.lower()):
                        # 'Voorgesteld besluit / De raad besluit: 1. ...': a raadsvoorstel asks the raad to decide these
                        # points; they are proposed until a stamp or the adoption formula says they were adopted
                        status = "proposed"
                    if stamp is not None and stamp[0] > clause.end:
                        # 'Besluit college d.d. 3 maart 2026: conform advies': the advised points are taken
                        status, date = "taken", stamp[3]
                        actor = stamp[2] or actor
                    for b in points:
                        label = re.sub(cfg["list_label_pattern"], "", text[b.start:b.end])
                        if _takes_note(label):
                            continue      # 'kennis te nemen van de aanpak': noted, not decided
                        decisions.append(Decision(b.start, b.end, actor, status, _tidy_object(label), date,
                                                  "explicit", d.explicit_actor, proposer=is_proposal))
                else:
                    decisions.append(d)
                if all_items:
                    consumed_until = all_items[-1].end
                continue
            decisions.append(d)
        prev_dates = [v for _, _, v in sent_dates] or prev_dates

    if frame is not None:
        decisions = [_in_meeting(d, frame) for d in decisions]
    decisions = _dedupe(decisions)
    facts = []
    for d in decisions:
        conf = 0.75 if d.explicit_actor else 0.6
        if d.basis == "explicit":
            conf += 0.1
        facts.append(ctx.fact("decision", d.start, d.end,
                              {"actor": d.actor, "status": d.status, "object": d.object, "date": d.date},
                              confidence=min(conf, 0.95)))
    return facts


def not_a_decision_sentence(sentence: Clause) -> bool:
    """Sentences that by their form state no decision: a yes/no question ('Deelt het college de mening
    dat ...'), a cross-reference ('8 Zie Handreiking tijdig vaststellen ...'), or a document stamp
    ('Concept voor besluitvorming, versie 0.9')."""
    cfg = _triggers()
    words = [w for w in sentence.words if w not in (",", ";", ":")]
    lead = [w for w in words[:3] if not w.isdigit()]
    if not lead:
        return False
    if sentence.raw[-1].endswith("?") or (lead[0] in cfg["question_openers"] and len(lead) > 1
                                          and lead[1] in ("het", "de", "u", "uw", "zij", "ze", "hij", "er", "dit", "deze", "men")):
        return True
    if lead[0] in cfg["citation_openers"]:
        return True
    stamp = set(cfg["document_stamp_words"])
    if lead[0] in stamp and len(words) < 14:
        return True
    block = sentence.block
    if block is not None and block.kind == "paragraph" and len(words) <= 3 and sentence.start == block.start \
            and sentence.end == block.end and not sentence.raw[-1].endswith((".", "!", ":", ";")):
        return True   # a label line ('Voorgesteld besluit', 'Besluitvorming') titles what follows, it states nothing
    if any(w == "versie" and k + 1 < len(words) and re.match(r"\d", words[k + 1]) for k, w in enumerate(words)) and len(words) < 14:
        return True
    return False


def _generic_frame(clause: Clause, hit: TriggerHit, text: str) -> bool:
    """Frames in which a decision word describes a rule or an example, not a decision taken:
    'Gemeente en aanbieder spreken bijvoorbeeld af ...', '... zonder dat er een collegebesluit ligt',
    a title in quotes ('de Handreiking ‘Tijdig vaststellen ...’'), and 'Het besluit is ingegeven door ...'
    (talk about a decision stated elsewhere)."""
    cfg = _triggers()
    words = clause.words
    seg_a, seg_b, _ = _segment(words, hit)
    if _has(words[seg_a:min(seg_b, hit.j + 4)], cfg["example_words"]):
        return True
    for bigram in cfg["conditional_bigrams"]:
        k = len(bigram)
        if any(words[x:x + k] == bigram for x in range(0, max(0, hit.i - k + 1))):
            return True
    before = text[clause.start:clause.offsets[hit.i][0]]
    if before.count("‘") > before.count("’") or before.count("“") > before.count("”") or before.count('"') % 2:
        return True
    if hit.kind == "nominal" and hit.i > 0 and words[hit.i - 1] in ("het", "dit", "dat", "deze") \
            and hit.j + 1 < len(words) and words[hit.j + 1] in cfg["anaphoric_predicates"] \
            and not _has(words, cfg["decision_verbs_with_nominal"]):
        return True
    return False


def _temporal_anchor(words: list[str], hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """A decision noun inside a fronted time phrase ('Na het raadsbesluit informeert de regio ...', 'Na
    vaststelling door de raden bereidt X ... voor'): it dates another action. When the document states that
    body's decision elsewhere this is a repeated mention (dropped in _dedupe); when not, it is the only
    trace of a planned step ('Na instemming van het secretarissenoverleg wordt ... uitgewerkt') and stays."""
    lead = 1 if words and words[0] in ("-", "•", "*") else 0
    return hit.kind == "nominal" and len(words) > lead and words[lead] in _triggers()["temporal_anchor_openers"] \
        and hit.i - lead <= 3 and all(h.kind == "nominal" for h in hits)


def _mention_frame(words: list[str], hit: TriggerHit, hits: list[TriggerHit], resolver: ActorResolver) -> bool:
    """Clauses that mention a decision without stating one (see decision_triggers.json, _comment_frames_ho3):
    a decision noun in a fronted time phrase ('Na het raadsbesluit informeert de regio ...'), a competence
    ('De definitieve vaststelling ligt bij de colleges'), an embedded question ('... en wat we voorstellen
    voor ...') and a commissioned task without an asked body ('Het team heeft gevraagd de routes op een rij
    te zetten')."""
    cfg = _triggers()
    if hit.kind == "nominal" and hit.j + 2 < len(words) and words[hit.j + 1] in cfg["competence_predicates"] \
            and words[hit.j + 2] == "bij":
        return True
    k = max([x for x in range(max(0, hit.i - 3), hit.i) if words[x] in cfg["embedded_question_words"]], default=None)
    if k is not None and k > 0 and hit.family in ("proposal", "choose", "decide") \
            and not _has(words[k:hit.i], [",", ";", ":"]):
        return True
    if hit.family == "request":
        aux = [x for x in range(max(0, hit.i - 8), hit.i) if words[x] in ("heeft", "hebben", "had", "hadden")]
        if aux and not any(aux[-1] < m.start < hit.i for m in resolver.mentions(words)):
            return True
    return False


def _generic_role(clause: Clause, m: ActorMention | None, hit: TriggerHit) -> bool:
    """'de gemeente' / 'de aanbieder' (singular, no name after it) as the deciding party of a finite
    singular verb: a description of how a procedure works ('De gemeente keurt een declaratieregel
    alleen 100% goed'), not a decision a body took."""
    if m is None or m.end - m.start != 1:
        return False
    if clause.words[m.start] not in _actor_data().get("generic_roles", []):
        return False
    if m.end < len(clause.raw) and clause.raw[m.end][:1].isupper():
        return False          # 'de gemeente Heerlen': a named municipality
    if m.start > 0 and clause.words[m.start - 1] in ("onze", "deze", "uw", "ons", "dezelfde", "betreffende"):
        return False          # 'onze gemeente': the writer's own municipality
    finite = hit.form.split(" … ")[0]
    if hit.kind == "verb" and finite.endswith("en") and finite not in _PARTICIPLES:
        return False          # 'kiezen de gemeente voor': plural verb, a slip for 'de gemeenten'
    return True


_GENERIC_MODALS = {"mag", "mogen", "dient", "dienen", "moet", "moeten", "kan", "kunnen", "hoeft", "hoeven"}


def _question_after_colon(words: list[str], hit: TriggerHit) -> bool:
    """'... stelt de volgende vragen: - Is het college zich bewust dat ...': a question inside a sentence."""
    k = max([x for x in range(hit.i) if words[x] in (":", ";")], default=-1)
    lead = words[k + 1:k + 3]
    return k >= 0 and len(lead) == 2 and lead[0] in _triggers()["question_openers"] \
        and lead[1] in ("het", "de", "u", "zij", "ze", "hij", "er", "dit", "deze", "men")


def _habitual(words: list[str]) -> bool:
    cues = _triggers()["status_cues"]
    if _has(words, cues["habitual_words"]):
        return True
    units = set(cues.get("habitual_units", []))
    return any(w in cues.get("habitual_quantifiers", []) and k + 1 < len(words) and words[k + 1] in units
               for k, w in enumerate(words))


_FRONT_PREPS = {"met", "over", "tot", "aan"}


def _fronted_object(words: list[str]) -> tuple[int, int]:
    """'Met de uitgangspunten van dit plan heeft het college ... ingestemd', 'Over een eventuele uitrol wordt
    ... besloten': a clause that opens with the prepositional object of its decision verb. Token span of
    the noun phrase, (0, 0) if the clause does not open so."""
    if len(words) < 4 or words[0] not in _FRONT_PREPS or words[1] not in ("de", "het", "een", "dit", "deze", "dat", "die", "alle", "zijn", "haar", "hun", "onze"):
        return 0, 0
    for k in range(2, min(len(words), 16)):
        if words[k] in _AUX_ALL or words[k] in (",", ";", ":", "heeft", "hebben", "stemt", "stemmen", "besluit", "besluiten",
                                                "gaat", "gaan", "ging", "gingen", "kiest", "kiezen", "neemt", "nemen"):
            return (1, k) if k > 2 else (0, 0)
    return 0, 0


def _decide(ctx, clause: Clause, hits, resolver, dates, now, prev_dates, qualify, inherited_actor, previous_text="",
            frame_actor: str | None = None):
    """One decision (or None) for a clause with trigger hits; plus the list items of a proposal intro."""
    cfg = _triggers()
    cues = cfg["status_cues"]
    text = ctx.doc.text
    block = clause.block
    words = clause.words
    hit = _primary(hits)
    if _is_conditional(words, hit):
        return None, None
    if qualify is not None:
        s0 = clause.offsets[hit.i][0] - clause.start
        e0 = clause.offsets[hit.j][1] - clause.start
        q = qualify(text[clause.start:clause.end], s0, e0)
        fa, fb = _fronted_object(words)
        front_end = clause.offsets[fb - 1][1] - clause.start if fb > fa else -1
        # a hedge inside what is decided ('besloten de pilot niet op te schalen', 'Over een eventuele uitrol
        # wordt ... besloten') qualifies the object, not the decision
        hyp = [t for t in q.triggers if t.category == "hypothetical" and t.phrase != "nog niet"
               and t.start < e0 and not t.end <= front_end
               and not (hit.family == "submit" and _norm(t.phrase).split("'")[0] in set(cfg["hypothetical_nouns"]) | {"scenario", "optie"})]
        if q.hypothetical and hyp:
            return None, None   # scenarios, options, 'de mogelijkheid ... dat partijen een voorstel doen'
    front = _fronted_subclause_end(words)
    if front is not None and words[0] in _CAUSAL_SUBORDINATORS and hit.i < front and hit.kind == "nominal" \
            and not any(h.i >= front for h in hits):
        return None, None   # 'Omdat de colleges meer tijd nodig hadden voor het vaststellen van X, is Y verschoven': a cause
    if _has(words, cfg["not_a_decision_words"]):
        return None, None       # 'de bevoegdheid voor de besluitvorming ligt bij de colleges': a competence
    if _generic_frame(clause, hit, text) or _question_after_colon(words, hit) or _mention_frame(words, hit, hits, resolver):
        return None, None
    seg_a, seg_b, _ = _segment(words, hit)
    fa, fb = _fronted_object(words)
    modal = [w for k, w in enumerate(words[seg_a:hit.i], seg_a) if not (k and words[k - 1] == "te") and not fa <= k < fb]
    # 'Beide scenario's worden ... voorgelegd aan het PHO': options put before a board are a real submission
    hyp_nouns = [] if hit.family == "submit" and not _has(words[:hit.i], ["om", "dat"]) else cfg["hypothetical_nouns"]
    if not hyp_nouns:
        modal = [w for w in modal if w not in cfg["hypothetical_nouns"] and w not in ("optie", "scenario")]
    if _has(modal, cfg["hypothetical_words"]) or _has([w for k, w in enumerate(words[:hit.i]) if k >= hit.i - 15 and not fa <= k < fb],
                                                      hyp_nouns):
        return None, None       # 'de mogelijkheid dat partijen een voorstel doen', 'kunnen besluiten'
    if _habitual(words[seg_a:hit.j + 4]) and hit.family not in ("proposal", "submit", "request"):
        return None, None       # 'wordt jaarlijks door de raad vastgesteld': a standing rule, not a decision

    status, basis = clause_status(words, hit, hits)
    headings = ctx.doc.headings_before(clause.start)
    if headings and basis != "explicit" or headings and status != "taken":
        # 'Scenario C - ...: Voor verblijf kiezen we ...': the option is described, not chosen; a decision
        # reported there in the past or perfect ('heeft op 20 februari besloten ...') still counts
        first = _norm(text[headings[-1].start:headings[-1].end].split()[0]) if text[headings[-1].start:headings[-1].end].split() else ""
        if first in cfg["scenario_heading_words"]:
            return None, None
    if basis == "nominal" and headings:
        htxt = text[headings[-1].start:headings[-1].end].lower()
        if any(re.search(r"\b" + re.escape(h) + r"\b", htxt) for h in cues["proposal_headings"]):
            status, basis = "proposed", "explicit"   # points under a heading 'Voorstel'

    clause_dates = spans_within(dates, clause.start, clause.end)   # dates are sorted
    date_tok = []
    for s, e, v in clause_dates:
        ti = [k for k, (a, b) in enumerate(clause.offsets) if a >= s and b <= e]
        if ti:
            date_tok.append((ti[0], ti[-1] + 1, v))
    actor_spans = [(m.start, m.end) for m in resolver.mentions(words)]
    oa, ob, how = clause_object(clause, hit, actor_spans, [(a, b) for a, b, _ in date_tok])
    mention = clause_actor_mention(words, hit, resolver, (oa, ob))
    if mention is not None and mention.actor == NOBODY:
        return None, None                         # 'besluit de fractie ...', 'ouders beslissen mee': no body's decision
    if _generic_role(clause, mention, hit) and (basis in ("present", "nominal") and not clause_dates
                                                or _has(words, _GENERIC_MODALS)):
        return None, None                         # 'De aanbieder spreekt met de inwoner af hoe ...': a rule
    actor, explicit = (mention.actor, not mention.weak) if mention else (None, False)
    if hit.family == "advise" and (mention is None or mention.weak or actor not in _ADVISING_BODIES):
        return None, None                         # 'Er wordt geadviseerd om ...': guidance, not a body's proposal
    if mention is not None and hit.family == "choose" and words[mention.start] in _actor_data().get("pronouns_ambtelijk", []):
        # 'Voor de percelen 2 en 4 kiezen we voor X': the document's own choice is the municipalities' choice
        # (lead's convention, as 'kiezen de gemeenten voor X' in dev gold): the colleges, not the authors
        actor, explicit = "college", False
    if isinstance(inherited_actor, tuple) and hit.family == "proposal":
        inherited_actor = None   # an agentless 'Voorgesteld wordt om ...' is the writers' proposal, not the last body's
    if isinstance(inherited_actor, tuple):
        # the previous sentence's decision: only an agentless passive continues it ('Ook X is afgewezen')
        inherited_actor = inherited_actor[1] if _passive_aux(words, hit) is not None \
            and not _has(words[:hit.i], _SUBORDINATORS) and clause.raw[-1] != ":" else None
    if actor is None and inherited_actor and clause.words and clause.start > 0:
        actor, explicit = inherited_actor, True   # 'hebben bestuurders X omarmd en besloten om ...'
    if actor is None and hit.family == "proposal":
        actor, explicit = "ambtelijk", False      # an unsigned proposal comes from the civil service writing it
    if hit.family == "proposal" and mention is not None and words[mention.start] in _actor_data().get("pronouns_ambtelijk", []) \
            and re.search(r"\buw\s+raad\b|\bgeachte\s+(?:raad|raadsleden|leden\s+van\s+de)", text.lower()):
        # 'Wij stellen u voor ...' in a letter to the council ('uw raad'): the college writes to its raad
        actor, explicit = "college", False
    if actor is None and frame_actor is not None and _passive_aux(words, hit) is not None:
        # 'Besluit: Het tarief wordt per 1 april vastgesteld op € 38,47' in a meeting's decision list: the
        # meeting's body decides
        actor, explicit = frame_actor, False

    # the decision's date: the date nearest the trigger, not one inside the decided action ('om ... per 1 oktober')
    date_val = None
    # 'Vanaf 2026 kiezen de gemeenten voor X': a date that says from when the chosen thing applies dates the
    # object, not the decision
    # 'Het tarief wordt met ingang van 1 april vastgesteld op € 38,47': likewise for what is fixed or agreed to
    applies_from = {a for a, b, v in date_tok if hit.family in ("choose", "agree", "fix", "consent") and a > 0
                    and (words[a - 1] in ("vanaf", "per") or words[max(0, a - 3):a] == ["met", "ingang", "van"])}
    outside = [(a, b, v) for a, b, v in date_tok if not (oa <= a < ob) and a not in applies_from]
    usable = outside or [(a, b, v) for a, b, v in date_tok if how != "om" and a not in applies_from]
    if usable:
        date_val = min(usable, key=lambda t: min(abs(t[0] - hit.i), abs(t[1] - 1 - hit.i)))[2]
    elif not clause_dates and words[0] in cues["anaphoric_time"] and prev_dates:
        date_val = prev_dates[0]                  # 'Dan stellen de colleges ... vast': the previous clause's time
    short_row = block is not None and block.kind in ("list_item", "table_row") and block.end - block.start < 160
    if short_row:
        if date_val is None or block.kind == "table_row":
            row_dates = [v for s, e, v in dates if block.start <= s and e <= block.end]
            # 'Vaststelling inkoopdocumenten | december 2023 | 17 september 2024' under 'Oorspronkelijke planning |
            # Nieuwe planning': the step now happens at the revised date
            revised = _revised_cell_dates(ctx.doc, block, dates)
            if revised:
                date_val = revised[0]
            elif row_dates and date_val is None:
                date_val = row_dates[0]           # '30/4: besluit inkoop in BPSDL', 'Besluitvorming colleges | oktober'
        rtxt = text[block.start:block.end].lower()
        if re.search(r"\b(afgerond|gereed|klaar)\b", rtxt):
            status, basis = "taken", "explicit"
        if actor is None:
            row_words = [_norm(w) for w in re.findall(r"\S+", rtxt)]
            row_ms = resolver.mentions(row_words)
            ms = [m for m in row_ms if _role(row_words, m, row_ms) not in ("comitative", "beneficiary") and m.actor != NOBODY
                  and not (m.end - m.start == 1 and row_words[m.start] in _actor_data().get("generic_roles", []))]
            if ms:
                actor, explicit = ms[0].actor, not ms[0].weak
    if actor is None and date_val is not None and hit.kind in ("nominal", "phrase"):
        actor, explicit = "college", False        # a dated 'besluit' with no body named: the colleges decide
    if actor is None:
        return None, None                         # no body and no date: too vague to be a decision fact
    if basis in ("present", "nominal") and date_val and now:
        start = _as_date(date_val.get("start"))
        status = "taken" if start and start < now else "planned"

    obj_text = text[clause.offsets[oa][0]:clause.offsets[max(oa, ob - 1)][1]] if ob > oa else text[clause.start:clause.end]
    obj_text = _refine_object(clause, hit, obj_text, (oa, ob, how), actor_spans, previous_text, text)
    start, end = clause.start, clause.end
    row = None
    if block is not None and block.kind == "table_row":
        row = (block.table, block.row)
        if short_row:
            start, end = block.start, block.end
    d = Decision(start, end, actor, status, _tidy_object(obj_text), _date_value(date_val), basis, explicit, table_row=row,
                 anchor=_temporal_anchor(words, hit, hits), proposer=hit.family == "proposal")
    items = None
    if (hit.family == "proposal" or hit.family in cfg.get("item_intro_families", [])) and clause.raw[-1] == ":":
        items = _label_items(ctx, clause)
    return d, items


def _revised_cell_dates(doc, row, dates: list[tuple[int, int, dict]]) -> list[dict]:
    """The dates in a planning row's revised-plan column ('Nieuwe planning', 'Herzien') when its table also
    has an original-plan column, else []."""
    if row.table is None or not row.cells:
        return []
    rows = sorted(doc.table_rows(row.table), key=lambda b: b.row if b.row is not None else 0)
    if not rows or rows[0] is row:
        return []
    cues = _triggers()["plan_change_cues"]
    kinds = []
    for a, b in rows[0].cells:
        words = re.findall(r"\w+", doc.text[a:b].lower())
        kinds.append("new" if any(w in cues["table_new_headers"] for w in words)
                     else "old" if any(w in cues["table_old_headers"] for w in words) else None)
    if "old" not in kinds or "new" not in kinds:
        return []
    nc = max(i for i, k in enumerate(kinds) if k == "new")
    if nc >= len(row.cells):
        return []
    a, b = row.cells[nc]
    return [v for s, e, v in dates if a <= s and e <= b]


def _is_action_item(item: str) -> bool:
    """A decision point is an action: a te-infinitive clause ('de segmenten A, B en C aan te besteden via ...',
    'in te stemmen met ...'), not a labelled principle ('Eigen kracht: alles is erop gericht ... te stellen')."""
    head = item.split(".")[0]
    first = _norm(head.split()[0]) if head.split() else ""
    return ":" not in head[:60] and first not in _triggers().get("agenda_item_heads", []) \
        and re.search(r"\bte\s+[a-zë]+en\b", head.lower()) is not None


def _is_item_intro(d: Decision, hits: list[TriggerHit]) -> bool:
    """'Het college besluit:' followed by points: each point is a decision (labelled or not)."""
    fams = _triggers().get("item_intro_families", [])
    return any(h.family in fams and h.kind == "verb" for h in hits)


def meeting_frame(ctx: ExtractionContext, dates: list[tuple[int, int, dict]], resolver: ActorResolver
                  ) -> tuple[int, str, dict] | None:
    """(end of the header, body, meeting date) when the document is the decision list of one meeting
    ('Besluitenlijst van de vergadering van het college ...' + 'Datum vergadering: 11 maart 2025'), else None.

    Its items ('Besluit: ...', 'Het college stemt in met ...', 'De notulen worden vastgesteld') report what that
    body decided in that meeting: present tense there is the minute's tense, not a plan."""
    cfg = _triggers().get("meeting_frame")
    if not cfg:
        return None
    text = ctx.doc.text
    head = text[:cfg["head_chars"]]
    low = head.lower()
    title = re.search(r"[^\n]*\b(?:" + "|".join(cfg["title_words"]) + r")\b[^\n]*", low)
    if not title:
        return None
    body = resolver.actor_of_name(head[title.start():title.end()])
    if body is None or body == NOBODY:
        return None
    # the meeting date: the first date in the title or on a line that names the meeting
    meeting = None
    for s, e, v in dates:
        if s >= len(head):
            break
        ls = head.rfind("\n", 0, s) + 1
        le = head.find("\n", e)
        line = low[ls:le if le >= 0 else len(head)]
        if ls == title.start() or any(w in line for w in cfg["date_line_words"]):
            meeting = (e, _date_value(v))
            break
    if meeting is None or not meeting[1] or meeting[1].get("granularity") != "day":
        return None
    # the header ends where the first agenda item starts (the next heading), else after the date line
    end = text.find("\n", meeting[0])
    for b in ctx.doc.blocks:
        if b.kind == "heading" and b.start > meeting[0]:
            end = b.start
            break
    return (end if end >= 0 else meeting[0]), body, meeting[1]


def _in_meeting(d: "Decision", frame: tuple[int, str, dict]) -> "Decision":
    """A decision of the meeting's body in its decision list is taken at the meeting, unless its own date lies
    after the meeting ('opnieuw geagendeerd voor de vergadering van 25 maart'): then it is still planned."""
    end, body, meeting = frame
    if d.start < end or d.actor != body or d.status == "proposed":
        return d
    own = _as_date(d.date.get("start")) if d.date else None
    when = _as_date(meeting.get("start"))
    if own is not None and when is not None and own > when:
        d.status = "planned"
        return d
    d.status, d.date = "taken", meeting
    return d


def decision_stamp(text: str, dates: list[tuple[int, int, dict]], resolver: ActorResolver
                   ) -> tuple[int, int, str | None, dict] | None:
    """(start, end, actor, date) of a decision stamp line ('Besluit college d.d. 3 maart 2026: conform
    advies'), or None. The line must be short, name a decision, carry a date and adopt the advice."""
    cfg = _triggers().get("decision_stamp")
    if not cfg:
        return None
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        low = line.lower()
        if not line.strip() or len(line.strip()) > cfg["max_chars"]:
            continue
        # the whole line is the stamp: decision word first, the outcome right after the colon, nothing more
        if not re.search(cfg["line_pattern"], low):
            continue
        colon = low.find(":")
        line_dates = [v for s, e, v in dates if start <= s and e <= start + colon]
        if not line_dates:
            continue
        return start, end, resolver.actor_of_name(line[:colon]), _date_value(line_dates[0])
    return None


_SCOPE_STOP = _AUX_ALL | {",", ";", ":", "kiezen", "kiest", "kozen", "koos", "besluiten", "besluit", "stellen", "stelt",
                           "wijst", "wijzen", "gaan", "gaat", "hanteren", "hanteert", "passen", "past"}


def _antecedent(words: list[str], raw_text: str) -> str:
    """The noun phrase a clause opens with, past leading adverbs ('Eerder is [een X] overwogen')."""
    toks = raw_text.split()
    k = 0
    while k < len(toks) and _norm(toks[k]) in _ADVERBS | {"eerder", "ook", "maar", "wel", "daarnaast", "verder", "zo"}:
        k += 1
    if k < len(toks) and _norm(toks[k]) in _AUX_ALL | {"was", "waren"}:
        k += 1      # inversion after an adverb: 'Eerder is [een X] overwogen'
    out = []
    for t in toks[k:k + 14]:
        w = _norm(t)
        if w in _AUX_ALL or w in ("heeft", "hebben", "was", "waren", "werd", "werden") or w.endswith(("eerd", "eerde")):
            break
        if len(out) >= 2 and w.startswith(("ge", "over", "onder", "be", "ver", "ont")) and w.endswith(("d", "t", "en")) \
                and not t[:1].isupper():
            break   # the participle closing the clause ('... overwogen', '... besproken')
        out.append(t)
        if t.endswith((",", ";", ":")):
            break
    return " ".join(out).strip(" ,;:")


def _refine_object(clause: Clause, hit: TriggerHit, obj_text: str, span, actor_spans, previous_text: str, text: str) -> str:
    """Object repairs that need more than the clause's own shape:
    * an R-pronoun ('daar ... van afgezien', 'Daarover besluiten de colleges') points back to what was
      named before: the opening noun phrase of the preceding clause (same sentence before 'maar') or of the
      previous sentence;
    * a fronted direct object ('Populatiebekostiging, zoals ..., wijst het bestuur af');
    * a scope the clause opens with ('Voor verblijf kiezen de gemeenten voor X') belongs to the choice;
    * a decision noun ('neemt ... een eigen inkoopbesluit', 'het besluit over de kaders') names itself."""
    words = clause.words
    oa, ob, how = span
    r = next((k for k in range(0, min(len(words), hit.j + 3)) if words[k] in _R_PRONOUNS - {"er"}), None)
    if r is not None and (how == "rest" or oa <= r < max(ob, oa + 1) or r < hit.i):
        maar = max([k for k in range(r) if words[k] in ("maar", ";")], default=None)
        if maar is not None:
            ante = _antecedent(words[:maar], text[clause.start:clause.offsets[maar][0]])
        else:
            ante = _antecedent([], previous_text)
        if ante:
            return ante
    if hit.kind == "verb" and how in ("rest", "between") and words and words[0] in ("de", "het", "een") or \
            (hit.kind == "verb" and how == "rest" and clause.raw and clause.raw[0][:1].isupper() and words[0] not in _LEAD_PREPS
             and words[0] not in ("voor", "met", "over", "na", "door", "in", "op", "daarna", "dan", "zo") and hit.i > 1
             and any(hit.i < s_ <= hit.i + 3 for s_, _ in actor_spans)):
        # object-verb-subject order: the clause opens with what is decided, the body follows the verb
        if any(hit.i < s_ <= hit.i + 3 for s_, _ in actor_spans) and not any(s_ < hit.i for s_, _ in actor_spans):
            ante = _antecedent(words, text[clause.start:clause.offsets[hit.i][0]])
            if ante:
                return ante
    ow = obj_text.split()
    if len(ow) == 2 and _norm(ow[0]) in ("deze", "dit", "die", "dat") and previous_text \
            and _norm(ow[1]) in _triggers().get("anaphoric_object_nouns", []):
        # 'Deze punten staan op de collegeagenda': the points are what the previous sentence named
        ante = _antecedent([], previous_text)
        if ante:
            return obj_text + ": " + ante
    if hit.kind == "nominal" and words[hit.i].endswith(("besluit", "besluiten")) and len(words[hit.i]) > 9 and how not in ("om", "te"):
        b = hit.i + 1
        while b < len(words) and words[b] not in _SCOPE_STOP and b - hit.i < 10:
            b += 1
        a = hit.i - 1 if hit.i and words[hit.i - 1] in ("eigen", "definitief", "definitieve", "aanvullend", "nieuw") else hit.i
        return text[clause.offsets[a][0]:clause.offsets[b - 1][1]]
    if words and words[0] == "voor" and how in ("prep", "rest", "between") and hit.family in ("choose", "decide", "agree", "fix"):
        b = 1
        while b < hit.i and words[b] not in _SCOPE_STOP:
            b += 1
        scope = text[clause.offsets[0][0]:clause.offsets[b - 1][1]] if b > 1 else ""
        if scope and scope.lower() not in obj_text.lower():
            return obj_text.rstrip(" ,.;:") + " (" + scope[0].lower() + scope[1:] + ")"
    return obj_text


def _takes_note(label: str) -> bool:
    words = [_norm(w) for w in _WORD.findall(label)][:6]
    return any(words[x:x + len(p)] == p for p in _triggers()["non_decision_item_phrases"] for x in range(len(words)))


def _date_value(v: dict | None) -> dict | None:
    if not v:
        return None
    return {k: v.get(k) for k in ("start", "end", "granularity", "modifier", "event")}


def _tidy_object(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,.;:-–\t")
    s = re.sub(r"^(?:(?:ook|tevens|daarom|dus|eerder|inmiddels|nu)\s+)+", "", s, flags=re.IGNORECASE)   # 'Ook een X': the X
    words = s.split()
    if len(words) > 16:
        s = " ".join(words[:16]) + " …"
    return s


_OBJ_STOP = {"de", "het", "een", "van", "voor", "en", "met", "op", "in", "te", "om", "aan", "tot", "naar", "door",
             "deze", "dit", "die", "dat", "is", "zijn", "wordt", "worden", "nog", "ook", "per", "bij", "als", "of"}


def _stem(w: str) -> str:
    for suf in ("en", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=1)
def _actor_words() -> frozenset[str]:
    words = set()
    for spec in _actor_data()["actors"].values():
        for w in spec.get("wordings", []):
            words.update(_WORD.findall(w.lower()))
    for ws in _actor_data()["weak"].values():
        for w in ws:
            words.update(_WORD.findall(w.lower()))
    return frozenset(words)


def object_stems(s: str) -> set[str]:
    """Content-word stems of an object phrase (no actor words): for telling two mentions of one decision apart."""
    return {_stem(w) for w in (_norm(x) for x in _WORD.findall(s))
            if len(w) > 3 and w not in _OBJ_STOP and w not in _actor_words() and not w.isdigit()
            and not w.endswith("se")}


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    """One fact per distinct decision: same actor and (mostly) the same object is one decision."""
    kept: list[Decision] = []
    # the anchored decision is still to come: it repeats a pending (proposed or planned) decision of that body
    deciders = {d.actor for d in decisions if not d.anchor and not d.proposer and d.status != "taken"}
    decisions = [d for d in decisions if not (d.anchor and d.actor in deciders)]
    for d in decisions:
        sd = object_stems(d.object)
        dup = None
        for k in kept:
            if k.actor != d.actor or k.table_row is not None and d.table_row is not None and k.table_row != d.table_row:
                continue
            sk = object_stems(k.object)
            if sd and sk and len(sd & sk) / min(len(sd), len(sk)) >= 0.6:
                dup = k
                break
            if d.table_row is not None and k.table_row == d.table_row:
                dup = k
                break
            if (d.table_row is None) != (k.table_row is None) and d.status == k.status and _same_precise_date(d.date, k.date):
                dup = k       # a planning row restating a decision the prose dates to the same day or week
                break
        if dup is None:
            kept.append(d)
        elif dup.date is None and d.date is not None:
            dup.date = d.date
    return kept


def _same_precise_date(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a.get("granularity") in ("day", "week") and a.get("start") == b.get("start")
                and a.get("end") == b.get("end"))


def _label_items(ctx: ExtractionContext, clause: Clause) -> tuple[list[Any], list[Any]]:
    """The list items right after a proposal intro ending in ':', and those labelled A., B., 1. ..."""
    doc = ctx.doc
    pattern = re.compile(_triggers()["list_label_pattern"])
    items = []
    for b in doc.blocks:
        if b.start < clause.end:
            continue
        if b.kind != "list_item":
            if items or b.start - clause.end > 200:
                break
            continue
        items.append(b)
    labelled = [b for b in items if pattern.match(doc.text[b.start:b.end])]
    return items, labelled
