"""Triggers: the decision verbs, nouns and phrases of a clause (``resources/decision_triggers.json``).

Each trigger spec names a family (decide, fix, consent, choose, proposal,
submit, ...) and its surface forms: ``joined`` verb forms, ``finite`` forms
with a separable ``particle``, ``nominal`` forms, a ``phrase_head`` and
``phrases``. :func:`find_triggers` finds them in a clause's tokens and keeps
one hit per token position; :func:`_primary` picks the hit that frames the clause.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..clauses import has_any
from .words import (ACCEPTING_FAMILIES, AKKOORD_PARTICIPLES, CLAUSE_BREAK, COMPOUND_NOUN_VERBS, FAMILY_RANK, OBJ_STOP, PARTICIPLES,
                    PASSIVE_AUX, PERFECT_AUX, PRESENT_PASSIVE_AUX, _actor_words, actor_data, triggers)


@dataclass
class TriggerHit:
    i: int                 # token index of the trigger word
    j: int                 # token index of its last word (particle / phrase end)
    family: str
    kind: str              # verb | nominal | phrase
    form: str


def find_triggers(words: list[str], raw: list[str] | None = None) -> list[TriggerHit]:
    """Every decision trigger in one clause (token lists), with its family and kind; one hit per token position.

    Only the specs and phrases a token can start are tried there (:class:`_TriggerIndex`); the hits are put in
    the order the full spec-by-spec scan gives, so ties in :func:`_one_per_position` fall the same way."""
    cfg = triggers()
    idx = _index(cfg)
    present = set(words)
    if not idx.may_start(present):
        return []       # most sentences hold no word that can start a trigger: one set operation says so
    hot = present & idx.hot_words
    keyed: list[tuple[tuple[int, int, int, int], TriggerHit]] = []
    for i, w in enumerate(words):
        if w not in hot:
            continue
        for s in idx.form_specs(w):
            hit = _form_hit(idx.forms[s], words, raw, i, idx.dets, idx.not_adj)
            if hit is not None:
                keyed.append(((s, 0, 0, i), hit))
        for s, p, phrase in idx.phrases_by_first.get(w, ()):
            k = len(phrase)
            if words[i:i + k] == phrase:
                keyed.append(((s, 2, p, i), TriggerHit(i, i + k - 1, cfg["triggers"][s]["family"], "phrase", " ".join(phrase))))
    for s in idx.head_specs:
        if cfg["triggers"][s]["phrase_head"] in present:
            keyed += [((s, 1, 0, h.i), h) for h in _phrase_head_hits(cfg["triggers"][s], words, raw)]
    keyed.sort(key=lambda kh: kh[0])
    return _one_per_position(_drop_decided_submissions(words, _drop_accepted_proposals(words, [h for _, h in keyed])))


class _TriggerIndex:
    """The trigger specs of ``decision_triggers.json`` keyed by the token that can start a hit: a token can only be
    a spec's trigger if it is one of its nominal / joined / finite (with particle) forms, or a long word ending in
    one of its compound suffixes; a phrase only where its first word stands."""

    def __init__(self, cfg: dict):
        self.dets = set(cfg["nominal_determiners"])
        self.not_adj = set(cfg["noun_preceders_not_adjective"])
        self.forms = [_Forms(spec) for spec in cfg["triggers"]]
        by_word: dict[str, list[int]] = {}
        for s, f in enumerate(self.forms):
            for w in f.nominal | f.joined | (f.finite if f.spec.get("particle") else set()):
                by_word.setdefault(w, []).append(s)
        self.by_word = by_word
        self.suffix_specs = [(s, f.suffixes) for s, f in enumerate(self.forms) if f.suffixes]
        self.head_specs = [s for s, spec in enumerate(cfg["triggers"]) if spec.get("phrase_head")]
        self.phrases_by_first: dict[str, list[tuple[int, int, list[str]]]] = {}
        for s, spec in enumerate(cfg["triggers"]):
            for p, phrase in enumerate(spec.get("phrases", [])):
                if not phrase:
                    raise ValueError(f"decision_triggers.json: empty phrase in family {spec['family']!r}")
                self.phrases_by_first.setdefault(phrase[0], []).append((s, p, phrase))
        self._memo: dict[str, list[int]] = {}
        # a clause can only hold a hit if it holds one of these words: a form, a phrase head, each phrase's
        # longest word (a phrase needs all its words: 'agenda' of 'op de agenda van' is rarer than 'op');
        # long compounds ending in a suffix join when first seen (``_suffix_seen``: the words looked at)
        self._starters = set(by_word) | {max(phrase, key=len) for entries in self.phrases_by_first.values()
                                         for _, _, phrase in entries} \
            | {cfg["triggers"][s]["phrase_head"] for s in self.head_specs}
        #: the words a form or a phrase can start at (compounds join as they are seen): only there is a hit tried
        self.hot_words = set(by_word) | set(self.phrases_by_first)
        self._suffix_seen: set[str] = set()

    def may_start(self, present: set[str]) -> bool:
        """May the clause with the words ``present`` hold a trigger (see ``_starters``)? False is sure."""
        if len(self._suffix_seen) > _SEEN_WORDS:
            self._suffix_seen.clear()     # a long batch's vocabulary: the compounds found stay in the sets
        for w in present - self._suffix_seen:
            self._suffix_seen.add(w)
            if len(w) > 10 and any(w.endswith(suf) for _, suf in self.suffix_specs):
                self._starters.add(w)
                self.hot_words.add(w)
        return not present.isdisjoint(self._starters)

    def form_specs(self, w: str) -> list[int]:
        """The specs (in file order) whose forms or compound suffixes can make ``w`` a trigger."""
        got = self._memo.get(w)
        if got is None:
            cand = set(self.by_word.get(w, ()))
            if len(w) > 10:
                cand.update(s for s, suf in self.suffix_specs if w.endswith(suf))
            got = self._memo[w] = sorted(cand)
        return got


_INDEX: dict[int, tuple[dict, _TriggerIndex]] = {}

#: how many words ``_TriggerIndex.may_start`` remembers having looked at before it starts afresh
_SEEN_WORDS = 200_000


def _index(cfg: dict) -> _TriggerIndex:
    """The index of one parsed trigger file (kept while that parsed object lives)."""
    got = _INDEX.get(id(cfg))
    if got is None or got[0] is not cfg:
        got = _INDEX[id(cfg)] = (cfg, _TriggerIndex(cfg))
    return got[1]


class _Forms:
    """The surface forms of one trigger spec, as sets."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.family = spec["family"]
        self.joined = set(spec.get("joined", []))
        self.finite = set(spec.get("finite", []))
        self.nominal = set(spec.get("nominal", []))
        self.participles = set(spec.get("participles", []))
        self.blockers = set(spec.get("reflexive_blockers", []))
        self.suffixes = tuple(spec.get("nominal_suffixes", []))
        self.nearby = tuple(spec.get("needs_nearby") or ())      # a word is one of them or starts with one


def _form_hit(f: _Forms, words: list[str], raw: list[str] | None, i: int, dets: set, not_adj: set) -> TriggerHit | None:
    """The trigger of one spec at token ``i``, if its forms say so: a compound noun, a reflexive blocker,
    a name, a nominal, a joined verb form, a finite verb with its particle."""
    w = words[i]
    prev = words[i - 1] if i else ""
    n = len(words)
    if _is_compound_noun(f, words, raw, i, dets):
        # 'neemt ieder college een eigen inkoopbesluit', 'het gunningsbesluit wordt genomen door ...'
        if has_any(words, COMPOUND_NOUN_VERBS):
            return TriggerHit(i, i, f.family, "nominal", w)
        return None
    if f.family == "proposal" and f.blockers and (prev in f.blockers or (i + 1 < n and words[i + 1] in f.blockers)) \
            and not (i + 1 < n and words[i + 1] == "u" and _te_infinitive_after_particle(words, i + 2)):
        return None  # 'we kunnen ons voorstellen', 'stelt zich voor' = imagine; but 'Wij stellen u voor X te doen'
                     # proposes to the addressee
    if w in f.nominal and raw and i > 0 and raw[i][:1].isupper() and raw[i - 1][:1].isupper() and raw[i - 1] not in ("-", "•"):
        return None  # part of a name: 'Preventie Akkoord Achterhoek', 'Besluit Jeugdwet'
    if w in f.nominal and (prev in dets or w not in f.joined or i == 0):
        needs = f.spec.get("nominal_needs")
        if needs and not any(x in needs for x in words[i + 1:i + 5]):
            return None
        return TriggerHit(i, i, f.family, "nominal", w)
    if w in f.joined:
        return _joined_hit(f, words, i, dets, not_adj)
    if w in f.finite and f.spec.get("particle"):
        return _finite_hit(f, words, i)
    return None


def _is_compound_noun(f: _Forms, words: list[str], raw: list[str] | None, i: int, dets: set) -> bool:
    """A compound ending in a decision noun ('inkoopbesluit', 'gunningsbesluit') after a determiner, not a name."""
    w = words[i]
    prev = words[i - 1] if i else ""
    return bool(f.suffixes) and w not in f.nominal and w not in f.joined and w.endswith(f.suffixes) and len(w) > 10 \
        and (prev in dets or prev in ("eigen", "eigen,")) and not (raw and raw[i][:1].isupper() and i > 0)


def _joined_hit(f: _Forms, words: list[str], i: int, dets: set, not_adj: set) -> TriggerHit | None:
    """A verb form with its particle inside ('vastgesteld', 'ingestemd'), unless it is a noun or an adjective."""
    w = words[i]
    prev = words[i - 1] if i else ""
    n = len(words)
    if prev in triggers()["adverbial_determiners"] and w in PARTICIPLES:
        prev = ""    # 'heeft de strategie definitief vastgesteld': an adverb before the participle, no determiner
    if prev in dets or (prev.endswith("e") and len(prev) > 3 and prev not in not_adj and w.endswith("en")
                        and not prev.endswith(("ie", "ee")) and not _subject_follows(words, i)):
        # 'deze voorstellen', 'de huidige voorstellen': a noun that is not a decision noun; but
        # 'op basis van de evaluatie besluiten de gemeenten' is a verb (noun in -ie, subject after it)
        return None
    if w.endswith("en") and w not in f.participles and w not in PARTICIPLES \
            and (prev == "het" or words[max(0, i - 2):i] == ["het", "laten"]):
        return TriggerHit(i, i, f.family, "nominal", w)   # 'het (laten) vaststellen van'
    if w in f.participles and prev in dets:
        return None  # 'de vastgestelde visie', 'de gekozen inkoopstrategie': an adjective
    if prev == "te" and i >= 2 and words[i - 2] in dets:
        return None  # 'het te kiezen marktinstrument', 'de te nemen besluiten': an attributive infinitive
    if w in f.participles and i + 1 < n and words[i + 1] not in _PARTICIPLE_FOLLOWERS \
            and prev not in _PARTICIPLE_PRECEDERS and i > 0 and (not _aux_before(words, i) or prev in _NOUN_PREPS):
        return None  # 'vanuit vastgestelde P*Q'; 'betaald voor het behalen van afgesproken doelen' (after a
                     # preposition, before a noun: an adjective, whatever auxiliary stands earlier)
    if not _nearby_ok(f, words):
        return None
    addressee = f.spec.get("needs_addressee")
    if addressee and not has_any(words[i + 1:i + 5], addressee):
        return None   # 'wij vragen aanbieders om ...' asks a party, not a deciding body
    if f.spec.get("needs_te") and not _te_clause_follows(words, i + 1) \
            and not (f.family == "advise" and document_own_advice(words, i)):
        return None   # 'er wordt gevraagd naar de tarieven' asks for information, not for a decision
    return TriggerHit(i, i, f.family, "verb", w)


# what may follow / precede a bare participle that is a verb (not an adjective: 'vanuit vastgestelde P*Q')
_PARTICIPLE_FOLLOWERS = (",", ".", ";", ":", "en", "om", "met", "voor", "in", "door", "dat", "tot", "op", "te", "worden",
                         "wordt", "is", "zijn")
_NOUN_PREPS = ("van", "met", "aan", "naar", "uit", "over", "bij", "volgens", "binnen", "zonder")
_PARTICIPLE_PRECEDERS = ("is", "zijn", "wordt", "worden", "werd", "werden", "heeft", "hebben", "er", "ervoor")


def _nearby_ok(f: _Forms, words: list[str]) -> bool:
    """A spec's ``needs_nearby``: some word of the clause is (or starts with) one of them."""
    return not f.nearby or any(x.startswith(f.nearby) for x in words)


def _finite_hit(f: _Forms, words: list[str], i: int) -> TriggerHit | None:
    """A finite separable verb with its particle later in the clause ('stellen ... vast', 'stemt ... in')."""
    w = words[i]
    n = len(words)
    if not _nearby_ok(f, words):
        return None
    if i >= 2 and words[i - 1] == "te" and words[i - 2] != f.spec["particle"] and words[i - 2] in _particles():
        return None   # 'vast te stellen voor een bedrag van ...': the te-infinitive of another separable verb
    j = _find_particle(words, i, f.spec["particle"], f.spec.get("particle_next"))
    needs_next = f.spec.get("finite_needs_next", {}).get(w)
    if j is not None and needs_next and (j + 1 >= n or words[j + 1] not in needs_next):
        j = None   # 'die voor ons liggen' is no 'ligt voor in de colleges'
    if j is not None:
        return TriggerHit(i, j, f.family, "verb", w + " … " + f.spec["particle"])
    return None


def _phrase_head_hits(spec: dict, words: list[str], raw: list[str] | None) -> list[TriggerHit]:
    """'akkoord': a verb with 'gaan/geven' nearby, else a noun; not an outcome label or part of a name."""
    head = spec.get("phrase_head")
    if not head:
        return []
    fam, n = spec["family"], len(words)
    verbs = set(spec["phrase_verbs"])
    out = []
    for i, w in enumerate(words):
        if w != head:
            continue
        if raw and i > 0 and raw[i][:1].isupper() and raw[i - 1][:1].isupper():
            continue  # part of a name: 'Preventie Akkoord Achterhoek'
        if ((i + 1 < n and words[i + 1] in (",", ";")) or i == 0 or words[i - 1] == "niet" and i == 1) \
                and not has_any(words[max(0, i - 4):i + 4], AKKOORD_PARTICIPLES):
            continue  # 'Akkoord, de gemeente stuurt ...', 'Het verzoek is akkoord, ...': an outcome label of a procedure step
        window = words[max(0, i - 4):i + 4]
        kind = "verb" if any(v in verbs for v in window) else "nominal"
        out.append(TriggerHit(i, i, fam, kind, "akkoord"))
    return out


def _drop_accepted_proposals(words: list[str], hits: list[TriggerHit]) -> list[TriggerHit]:
    """'De raad stemde in met het voorstel om ...', 'Het voorstel is aangenomen': a proposal noun that names what
    a body accepts is the object of the decision, not a proposal still open."""
    accepting = [h for h in hits if h.kind == "verb" and h.family in ACCEPTING_FAMILIES and not (h.i and words[h.i - 1] == "te")]
    return [h for h in hits if not (h.family == "proposal" and h.kind == "nominal" and any(
        a.j < h.i or (a.i > h.i and a.form in PARTICIPLES and words[a.i - 1] in PASSIVE_AUX) for a in accepting))]


def _drop_decided_submissions(words: list[str], hits: list[TriggerHit]) -> list[TriggerHit]:
    """'X heeft besloten (om) het concept ter bespreking aan de raden voor te leggen': the submission is what X
    decided to do (decision_triggers.json decided_submission), not a decision of the raden to come."""
    fams = set(triggers()["decided_submission"]["families"])
    deciders = [h for h in hits if h.kind == "verb" and h.family in fams and not (h.i and words[h.i - 1] == "te")]
    if not deciders:
        return hits
    first = min(h.i for h in deciders)
    te_submit = [h for h in hits if h.family == "submit" and h.i > first and "te" in words[h.i:h.j + 1]
                 and not has_any(words[first + 1:h.i], CLAUSE_BREAK)]
    if not te_submit:
        return hits
    last = max(h.j for h in te_submit)
    return [h for h in hits if not (h.family == "submit" and first < h.i <= last)]


def _one_per_position(hits: list[TriggerHit]) -> list[TriggerHit]:
    """One hit per token position (a 'voorgelegd' is not also a 'voor' particle of something else); at one
    position a proposal frames what follows ('stelt de raad voor de kaders vast te stellen')."""
    seen, uniq = set(), []
    for h in sorted(hits, key=lambda h: (h.i, h.family != "proposal", -(h.j - h.i))):
        if h.i in seen:
            continue
        seen.add(h.i)
        uniq.append(h)
    return uniq


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
    return bool(nxt) and nxt[0] not in OBJ_STOP and (nxt[0] in _actor_words() or nxt[0].endswith("gemeenten")
                                                     or nxt[0] in actor_data().get("pronouns_ambtelijk", []))


def _aux_before(words: list[str], i: int) -> bool:
    aux = PERFECT_AUX | PRESENT_PASSIVE_AUX
    return any(w in aux for w in words[max(0, i - 12):i])


def _particles() -> set[str]:
    """The separable particles of all trigger verbs ('vast', 'in', 'voor', 'af', 'goed')."""
    return {spec["particle"] for spec in triggers()["triggers"] if spec.get("particle")}


def _find_particle(words: list[str], i: int, particle: str, particle_next: list[str] | None) -> int | None:
    """The separable particle of the finite verb at i, later in the same clause."""
    for j in range(i + 1, min(len(words), i + 28)):
        w = words[j]
        if w in CLAUSE_BREAK:
            return None
        if w == particle:
            nxt = words[j + 1] if j + 1 < len(words) else "."
            if particle_next and nxt not in particle_next and nxt not in CLAUSE_BREAK and nxt not in (",", "en"):
                continue
            if particle == "voor" and nxt not in CLAUSE_BREAK and nxt not in (",", "om", "dat", "en", "te", "aan", "in", "op", "het", "de") \
                    and not (words[j - 1] == "u" and _te_infinitive_follows(words, j + 1)):
                continue  # 'voor' as a preposition ('stellen de gemeenten voor de keuze'); but 'stellen u voor dit
                          # bedrag op te nemen' proposes
            if particle == "voor" and nxt in ("het", "de", "een") and j + 2 < len(words) \
                    and not _te_infinitive_follows(words, j + 1):
                continue  # 'stelt de gemeenten voor de keuze', 'stelt een kader voor het college'; but 'stelt voor
                          # de gunning te verschuiven' and 'stelt voor de raad in te laten stemmen' propose
            return j
    return None


def document_own_advice(words: list[str], i: int) -> bool:
    """'wordt in dit document geadviseerd over ...', 'Geadviseerd wordt om ...': the writing document advises."""
    if i + 1 < len(words) and words[i + 1] in ("wordt", "werd") and (i == 0 or words[i - 1] in (",", ":", "-", "•")):
        return True    # the advising formula at the head of a clause
    before = " ".join(words[max(0, i - 6):i])
    return any((" " + p + " ") in (" " + before + " ") for p in triggers()["document_self_reference"])


def _te_clause_follows(words: list[str], a: int) -> bool:
    """'gevraagd (om) bij de begroting een budget beschikbaar te stellen': a te-infinitive in the same sentence."""
    for k in range(a, min(len(words) - 1, a + 25)):
        if words[k] in CLAUSE_BREAK or words[k] in ("dat", "of", "welke", "hoe", "naar"):
            return False   # 'gevraagd dat zij ...', 'gevraagd naar ...': a request for information or effort
        if words[k] == "te" and words[k + 1].endswith("n"):
            return True
    return False


def _te_infinitive_follows(words: list[str], a: int) -> bool:
    """'[voor] de kaders uit deze strategie vast te stellen': a te-infinitive closes the phrase (no 'om' before it)."""
    for k in range(a, min(len(words) - 1, a + 14)):
        if words[k] in CLAUSE_BREAK or words[k] in (",", "om"):
            return False
        if words[k] == "te" and words[k + 1].endswith("n"):   # te stellen, te gaan, te doen
            return True
    return False


def _primary(hits: list[TriggerHit]) -> TriggerHit:
    # proposals and submissions frame the whole clause; otherwise a finite verb (with its tense) beats a noun
    return min(hits, key=lambda h: (FAMILY_RANK[h.family] > 1, h.kind == "nominal", FAMILY_RANK[h.family], h.i))
