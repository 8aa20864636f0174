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
from .words import _actor_words, ACCEPTING_FAMILIES, CLAUSE_BREAK, FAMILY_RANK, OBJ_STOP, PARTICIPLES, PASSIVE_AUX, PERFECT_AUX, PRESENT_PASSIVE_AUX, triggers


@dataclass
class TriggerHit:
    i: int                 # token index of the trigger word
    j: int                 # token index of its last word (particle / phrase end)
    family: str
    kind: str              # verb | nominal | phrase
    form: str


def find_triggers(words: list[str], raw: list[str] | None = None) -> list[TriggerHit]:
    """Every decision trigger in one clause (token lists), with its family and kind."""
    cfg = triggers()
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
                if has_any(words, ["neemt", "nemen", "nam", "namen", "genomen", "nemen"]):
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
                if w.endswith("en") and w not in participles and w not in PARTICIPLES \
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
                        and not has_any(words[max(0, i - 4):i + 4], ["gegaan", "gegeven"]):
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
    accepting = [h for h in hits if h.kind == "verb" and h.family in ACCEPTING_FAMILIES and not (h.i and words[h.i - 1] == "te")]
    hits = [h for h in hits if not (h.family == "proposal" and h.kind == "nominal" and any(
        a.j < h.i or (a.i > h.i and a.form in PARTICIPLES and words[a.i - 1] in PASSIVE_AUX) for a in accepting))]
    # one hit per token position (a 'voorgelegd' is not also a 'voor' particle of something else)
    seen, uniq = set(), []
    # at one position a proposal frames what follows ('stelt de raad voor de kaders vast te stellen')
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
    return bool(nxt) and nxt[0] not in OBJ_STOP and (nxt[0] in _actor_words() or nxt[0].endswith("gemeenten"))


def _aux_before(words: list[str], i: int) -> bool:
    aux = PERFECT_AUX | PRESENT_PASSIVE_AUX
    return any(w in aux for w in words[max(0, i - 12):i])


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
            if particle == "voor" and nxt in ("het", "de", "een") and j + 2 < len(words) and words[j + 2] not in ("college", "colleges", "raad", "gemeenteraad", "gemeenteraden") \
                    and not _te_infinitive_follows(words, j + 1):
                continue  # 'stelt de gemeenten voor de keuze'; but 'stelt voor de gunning te verschuiven' proposes
            return j
    return None


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
