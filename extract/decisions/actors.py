"""Actors: which body a clause names, and which of its mentions decides.

:class:`ActorResolver` maps wordings, compounds and abbreviations
(``resources/actors.json`` plus the expansions the document writes out) to
actor ids; :func:`clause_actor_mention` picks the deciding body of a clause
from the roles its prepositions give (``door`` agent, ``aan`` recipient, ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..clauses import has_any, is_aux, norm_token
from .triggers import TriggerHit
from .words import (_WORD, _actor_words, AKKOORD_VERBS, AUX_ALL, HAVE_AUX, NOMINAL_ACTOR_VERBS, PARTICIPLES, PASSIVE_AUX,
                    PASSIVE_PARTICIPLES, ROLE_PREPS, SKIPPABLE, SUBORDINATORS, actor_data)


# people and parties that take part but hold no decision power (a party fraction, parents, clients):
# resolved like an actor so that they can be the clause's subject, and then the clause is no body's decision
NOBODY = "_nobody"


@dataclass(frozen=True)
class ActorMention:
    start: int          # token index in the clause (inclusive)
    end: int            # token index (exclusive)
    actor: str
    weak: bool          # a generic 'de gemeenten' that any named body overrides


class ActorResolver:
    """Maps wordings, compounds and abbreviations (data + learnt from the document) to actor ids.

    What ``actors.json`` alone gives (wordings, affixes, its abbreviation list) is read once per process
    (:func:`_general`); a document's resolver adds the abbreviations and the addressee the text writes out.
    ``mentions`` is memoised per document: the stages ask about the same clause several times."""

    def __init__(self, document_text: str | None = ""):
        if document_text is None:     # the general resolver of actors.json alone (see _general)
            self._read_wordings(actor_data())
            return
        general = _general()
        self.phrases, self.prefixes, self.suffixes = general.phrases, general.prefixes, general.suffixes
        self._phrases_by_first, self.pronouns = general._phrases_by_first, general.pronouns
        self._affix_memo = general._affix_memo    # affixes are actors.json's: one memo for every document
        self.abbreviations = dict(general.abbreviations)
        self.addressee, self.addressee_pronouns = None, set()
        self._mention_memo = None                 # off while the abbreviations are being learnt
        # the document's own expansions win over the general list
        for abbr, expansion in learn_abbreviations(document_text).items():
            actor = self.actor_of_name(expansion)
            if actor:
                self.abbreviations[abbr.lower()] = actor
        # 'In december heeft u ingestemd': in a memo or letter 'u' is the body it is addressed to
        addressee = learn_addressee(document_text)
        if addressee:
            self.addressee = self.actor_of_name(addressee)
        self.addressee_pronouns = set(actor_data().get("addressee_pronouns", [])) if self.addressee else set()
        self._mention_memo = {}

    def _read_wordings(self, data: dict) -> None:
        """The wordings, affixes, pronouns and abbreviation list of ``actors.json``."""
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
        self.addressee, self.addressee_pronouns = None, set()
        # longest wording first so 'college van burgemeester en wethouders' beats 'wethouders'
        self.phrases.sort(key=lambda p: -len(p[0]))
        self.prefixes.sort(key=lambda p: -len(p[0]))
        self.suffixes.sort(key=lambda p: -len(p[0]))
        # the phrases by first word, each list in the longest-first order above: at a token only the wordings it
        # can start are compared, and the first that matches is the one the full ordered scan would find
        self._phrases_by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for ph in self.phrases:
            if ph[0]:
                self._phrases_by_first.setdefault(ph[0][0], []).append(ph)
        self._affix_memo: dict[str, tuple[str, bool] | None] = {}
        self._mention_memo = None
        self.abbreviations: dict[str, str] = {}
        for abbr, expansion in data.get("abbreviations", {}).items():
            actor = self.actor_of_name(expansion)
            if actor:
                self.abbreviations[abbr.lower()] = actor

    def actor_of_name(self, name: str) -> str | None:
        """The actor an organisation name stands for, judged by its words."""
        words = [norm_token(w) for w in _WORD.findall(name)]
        mentions = [m for m in self.mentions(words) if m.actor != NOBODY]
        strong = [m for m in mentions if not m.weak]
        pick = strong or mentions
        return pick[0].actor if pick else None

    def _token_actor(self, w: str) -> tuple[str, bool] | None:
        if w in self.abbreviations:
            return self.abbreviations[w], False
        if w not in self._affix_memo:   # prefixes and suffixes never change: a memo shared by all documents
            if len(self._affix_memo) >= _AFFIX_MEMO_WORDS:
                self._affix_memo.clear()
            self._affix_memo[w] = self._affix_actor(w)
        return self._affix_memo[w]

    def _affix_actor(self, w: str) -> tuple[str, bool] | None:
        for p, actor in self.prefixes:
            if w.startswith(p) and len(w) > len(p) + 2:
                return actor, False
        for s, actor, weak in self.suffixes:
            if w.endswith(s) and len(w) > len(s) + 2:
                return actor, weak
        return None

    def mentions(self, words: list[str]) -> list[ActorMention]:
        """The bodies ``words`` name, in order (the list is shared between callers: do not mutate)."""
        if self._mention_memo is None:
            return self._scan(words)
        key = tuple(words)
        got = self._mention_memo.get(key)
        if got is None:
            got = self._mention_memo[key] = self._scan(words)
        return got

    def _scan(self, words: list[str]) -> list[ActorMention]:
        out: list[ActorMention] = []
        i = 0
        while i < len(words):
            hit = None
            for seq, actor, weak in self._phrases_by_first.get(words[i], ()):
                n = len(seq)
                if tuple(words[i:i + n]) == seq:
                    hit = ActorMention(i, i + n, actor, weak)
                    break
            if hit is not None and i + 1 < len(words):
                # 'de raad' must not swallow the start of 'raad van toezicht': a longer wording that starts one
                # word later and reaches further names the body
                for seq, actor, weak in self._phrases_by_first.get(words[i + 1], ()):
                    n = len(seq)
                    if i + 1 + n > hit.end and tuple(words[i + 1:i + 1 + n]) == seq:
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


#: the shared affix memo is emptied when it holds this many words (a long batch's vocabulary)
_AFFIX_MEMO_WORDS = 200_000


@lru_cache(maxsize=1)
def _general() -> ActorResolver:
    """The resolver of ``actors.json`` alone, built once per process (its parts are shared, never changed)."""
    return ActorResolver(None)


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


def _role(words: list[str], m: ActorMention, mentions: list[ActorMention] | None = None) -> str:
    """The preposition that governs a mention: 'door' agent, 'aan' recipient, 'in/bij' locative, 'met'
    comitative, 'van' genitive ... A conjunct inherits its partner's role ('met het ministerie en de
    zorgaanbieders' are both comitative)."""
    k = m.start - 1
    steps = 0
    while k >= 0 and steps < 4:
        w = words[k]
        if w in ROLE_PREPS:
            return ROLE_PREPS[w]
        if w in ("en", "of", "c.q", "en/of", ",", "/") and mentions:
            partner = next((p for p in mentions if p.end in (k, k - 1) or p.end == k), None)
            if partner is not None and partner is not m:
                return _role(words, partner, mentions)
        if w in SKIPPABLE or w.isdigit() or w.endswith("e") or w in ("en", "of", ",", "c.q", "en/of", "/"):
            k -= 1
            steps += 1
            continue
        break
    return "plain"


def _segment(words: list[str], hit: TriggerHit) -> tuple[int, int, bool]:
    """Comma-bounded part of the clause around the trigger; True when it is a subordinate clause
    ('..., waarbij zij zelf kiezen voor ...') whose subject must not be taken from the main clause."""
    a = hit.i
    while a > 0 and words[a - 1] not in (",", ";", ":"):
        a -= 1
    b = hit.j + 1
    while b < len(words) and words[b] not in (",", ";", ":"):
        b += 1
    return a, b, a < len(words) and words[a] in SUBORDINATORS


def _insertions(words: list[str]) -> set[int]:
    """Token indexes inside comma-bounded subordinate insertions (', waarin de wethouders zitting hebben,')."""
    out: set[int] = set()
    openers = SUBORDINATORS | set(actor_data().get("insertion_openers", []))
    for k, w in enumerate(words):
        if w == "," and k + 1 < len(words) and _opens_insertion(words, k + 1, openers):
            end = next((x for x in range(k + 2, len(words)) if words[x] in (",", ";", ":", ".")), None)
            if end is not None and words[end] == ",":
                out.update(range(k + 1, end))
    return out


def _opens_insertion(words: list[str], a: int, openers: set[str]) -> bool:
    """', waarin ...', ', toen ...', ', destijds toen ...': an opener, or one adverb (no article or body) and an opener."""
    if words[a] in openers:
        return True
    return a + 1 < len(words) and words[a + 1] in openers and words[a + 1] not in SUBORDINATORS \
        and words[a] not in ("de", "het", "een", "en", "of") and words[a].isalpha() and words[a] not in _actor_words()


def _passive_aux(words: list[str], hit: TriggerHit) -> int | None:
    """Index of the passive auxiliary of a transitive decision participle ('is ... vastgesteld'), if any."""
    if hit.kind != "verb" or words[hit.i] not in PASSIVE_PARTICIPLES:
        return None
    for k in range(hit.i - 1, max(-1, hit.i - 12), -1):
        if is_aux(words, k, PASSIVE_AUX):
            return k
        if words[k] in HAVE_AUX:
            return None
    if hit.i + 1 < len(words) and words[hit.i + 1] in PASSIVE_AUX:
        return hit.i + 1     # subordinate order: '... dat de visie vastgesteld is'
    return None


def _meeting_of_body(words: list[str], m: ActorMention, hit: TriggerHit) -> bool:
    """A body's meeting or agenda ('collegevergadering', 'raadsagenda') that a matter is put on."""
    return hit.family == "submit" and m.end - m.start == 1 and words[m.start].endswith(("vergadering", "agenda"))


def clause_actor_mention(words: list[str], hit: TriggerHit, resolver: ActorResolver,
                         object_span: tuple[int, int] | None = None) -> ActorMention | None:
    """The mention that names the deciding body of the clause (None if no body is named).

    In order: the owner in a compound ('collegebesluit'); in an active clause the subject next to the verb;
    else the candidates by role (agent, then for a submission the board it goes to, for a noun its
    genitive, then a place), else the first plain or genitive one."""
    trig = words[hit.i]
    comp = resolver._token_actor(trig)
    if comp and comp[0] and not comp[1] and hit.kind == "nominal":
        return ActorMention(hit.i, hit.i + 1, comp[0], False)           # collegebesluit, raadsbesluit
    all_ms = resolver.mentions(words)
    taker = relative_taker(words, hit, all_ms)
    if taker is not None:
        return taker
    roles = [(m, _role(words, m, all_ms)) for m in _clause_mentions(words, hit, all_ms)]
    pas = _passive_aux(words, hit)
    if pas is not None:
        # passive without agent: the subject before the auxiliary is what is decided
        roles = [(m, r) for m, r in roles if not (r == "plain" and m.start < pas)]
    elif hit.kind == "verb" and hit.family not in ("proposal", "submit"):
        subject = _active_subject(words, hit, roles)
        if subject is not _NO_SUBJECT:
            return subject
    # 'X heeft het voornemen om ...': having an intention is the body's own, like 'een besluit nemen'
    nominal = hit.kind in ("nominal", "phrase") and not has_any(words, NOMINAL_ACTOR_VERBS) \
        and not (hit.family == "intend" and has_any(words[max(0, hit.i - 3):hit.i], HAVE_AUX))
    oa, ob = object_span or (0, 0)
    cands = [(m, r) for m, r in roles if _allowed(words, hit, m, r, (oa, ob), nominal)]
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
        m = _pick(group, all_ms)
        if m:
            return m
    return _pick([m for m, r in cands if r in ("plain", "genitive")], all_ms)


def relative_taker(words: list[str], hit: TriggerHit, all_ms: list[ActorMention]) -> ActorMention | None:
    """'wij informeren u over het besluit dat het algemeen bestuur op 10 december heeft genomen': a decision
    noun with a relative clause names its taker there (the body right after 'dat/die'), not the writer."""
    if hit.kind != "nominal" or hit.j + 2 >= len(words) or words[hit.j + 1] not in ("dat", "die") \
            or not has_any(words[hit.j + 2:], NOMINAL_ACTOR_VERBS):
        return None
    k = hit.j + 2
    while k < len(words) and words[k] in ("de", "het", "alle", "beide"):
        k += 1
    return next((m for m in all_ms if m.start == k and not m.weak and m.actor != NOBODY), None)


def _clause_mentions(words: list[str], hit: TriggerHit, all_ms: list[ActorMention]) -> list[ActorMention]:
    """The mentions that may decide: those of the trigger's comma-bounded part, else of the clause outside
    a subordinate clause that follows it."""
    seg_a, seg_b, subordinate = _segment(words, hit)
    # a subordinate clause after the trigger ('... gekozen dat de aanbieder ...', 'vanuit de gedachte dat
    # aanbieders ...') has its own subject: its bodies do not decide the main clause
    for k in range(hit.j + 1, seg_b):
        if words[k] in SUBORDINATORS and hit.family not in ("submit",):
            seg_b = k
            break
    inserted = _insertions(words)
    if seg_a >= 2 and words[seg_a - 1] == "," and seg_a - 2 in inserted:
        # 'Het Rijk en de VNG, toen de taak overging naar gemeenten, hebben afgesproken': the subject stands
        # before the insertion, whose own bodies do not decide
        k = min(x for x in inserted if x <= seg_a - 2 and all(y in inserted for y in range(x, seg_a - 1)))
        seg_a = _segment(words, TriggerHit(k - 1, k - 1, hit.family, hit.kind, hit.form))[0] if k >= 2 else 0
        all_ms = [m for m in all_ms if m.start not in inserted]
    in_seg = [m for m in all_ms if seg_a <= m.start < seg_b]
    # a subordinate clause after the comma ('..., omdat het aantal aanbieders ...') has its own subject
    sub_after = next((k for k in range(seg_b, min(len(words), seg_b + 2)) if words[k] in SUBORDINATORS), None)
    if in_seg or subordinate:
        return in_seg
    return [m for m in all_ms if not (hit.j < m.start and sub_after is not None and sub_after <= m.start)]


#: returned by _active_subject when the clause has no subject next to its verb (the role rules decide)
_NO_SUBJECT = ActorMention(-1, -1, "", True)


def _active_subject(words: list[str], hit: TriggerHit, roles: list[tuple[ActorMention, str]]):
    """Active clause: the body right before the finite verb or right after it (inversion) is the subject,
    and it beats a place or a genitive elsewhere ('De raad besluit ... er bij het college op aan te dringen').
    None when the clause says no body agrees ('Het verzoek is akkoord'); _NO_SUBJECT when no subject is there."""
    anchor = hit.i
    inserted = _insertions(words)
    if words[hit.i] in PARTICIPLES | {"akkoord"}:
        # the auxiliary of the participle, not one inside an inserted relative clause
        # ('heeft het Overleg, waarin de wethouders zitting hebben, ingestemd')
        auxes = [k for k in range(max(0, hit.i - 24), hit.i) if is_aux(words, k, AUX_ALL) and k not in inserted]
        anchor = auxes[-1] if auxes else hit.i
    if anchor >= 2 and words[anchor - 1] == "," and anchor - 2 in inserted:
        anchor = min(x for x in inserted if all(y in inserted for y in range(x, anchor - 1))) - 1  # before the insertion
    for m, r in roles:
        if r == "plain" and m.start not in inserted and (anchor - 2 <= m.end <= anchor or anchor < m.start <= anchor + 3):
            if m.weak:
                # 'Het Dagelijks Bestuur (DB) van de Regeling Zuidoost Gemeenten heeft': the named body heads the
                # subject; the generic word closing the name is part of it
                head = [p for p, _ in roles if not p.weak and p.end <= m.start and m.start - p.end <= 10
                        and not has_any(words[p.end:m.start], AUX_ALL | {",", ";", ":"})]
                if head:
                    return head[0]
            return m
    if hit.form == "akkoord" and not has_any(words[max(0, hit.i - 4):hit.i + 4], AKKOORD_VERBS):
        return None   # 'Het verzoek is akkoord, ...': a request that passes, not a body that agrees
    return _NO_SUBJECT


def _allowed(words: list[str], hit: TriggerHit, m: ActorMention, role: str, object_span: tuple[int, int],
             nominal: bool) -> bool:
    """May a mention in this role decide the clause?"""
    if role == "beneficiary" and _meeting_of_body(words, m, hit):
        return True   # 'geagendeerd voor de collegevergadering van 25 maart': the board whose meeting takes it
    if role in ("comitative", "beneficiary"):
        return False
    if role == "recipient" and hit.family != "submit":
        return False
    oa, ob = object_span
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


def _pick(group: list[ActorMention], all_ms: list[ActorMention]) -> ActorMention | None:
    """The first of a group; for a generic 'de gemeenten', a named body right after it
    ('door de gemeenten in VNG-verband')."""
    if not group:
        return None
    first = group[0]
    if first.weak:
        for m in all_ms:
            if not m.weak and 0 <= m.start - first.end <= 3:
                return m
    return first
