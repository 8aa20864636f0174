"""Actor overrides: named rules that settle the deciding body where the clause's own mention does not.

:func:`clause_actor` starts from the body the clause names (``f.mention``) and
passes it through ``OVERRIDES`` in order; each rule returns the new
``(actor, explicit)`` or None to leave it. The rules after the date is known
(a planning row's body, a dated decision noun) are in :mod:`.decide`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..clauses import has_any, norm_token
from .actors import _passive_aux, _segment
from .frames import Frame
from .objects import _is_action_item, _label_heading
from .triggers import document_own_advice
from .words import PARTICIPLES, PASSIVE_AUX, SUBORDINATORS, actor_data, triggers

Actor = tuple[str | None, bool]


def own_choice(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'Wij kiezen nadrukkelijk niet voor X', 'we hebben gekozen voor X': the document's own choice is the
    municipalities' choice (lead's convention, as 'kiezen de gemeenten voor X' in dev gold): the colleges, not
    the authors. A present-tense 'kiezen we voor X' states the strategy's content (veto writers_policy)."""
    m = f.mention
    if m is not None and f.hit.family == "choose" and f.words[m.start] in actor_data().get("pronouns_ambtelijk", []):
        return "college", False
    return None


def continued(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'hebben bestuurders X omarmd en besloten om ...': the body of the sentence's earlier clause."""
    if actor[0] is None and inherited and f.clause.words and f.clause.start > 0:
        return inherited, True
    return None


def proposed_to(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'De colleges van de zeven gemeenten wordt voorgesteld in te stemmen met ...', 'Aan de raad wordt
    voorgesteld ...': a passive proposal to a body named right before its auxiliary is put to that body, which
    will decide (as 'De raad wordt gevraagd ...'); the writers stay unnamed."""
    words, hit = f.words, f.hit
    if hit.family != "proposal" or hit.kind != "verb" or actor[0] is not None:
        return None
    aux = next((k for k in range(hit.i - 1, max(-1, hit.i - 3), -1) if words[k] in ("wordt", "worden")), None)
    if aux is None:
        return None
    for m in f.resolver.mentions(words):
        k = m.start - 1
        while k >= 0 and words[k] in ("de", "het"):
            k -= 1
        head = k < 0 or words[k] == "aan" and k == 0
        if not m.weak and m.actor in ("raad", "college", "regionaal_bestuur") and head and aux - 8 <= m.end <= aux:
            return m.actor, True
    return None


def unsigned_proposal(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """An unsigned proposal comes from the civil service writing it."""
    return ("ambtelijk", False) if actor[0] is None and f.hit.family == "proposal" else None


def document_advice(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'Hiertoe wordt in dit document geadviseerd over ...', 'Geadviseerd wordt om ...': the document's own
    advice is the proposal of the civil service writing it, as an unsigned 'Voorgesteld wordt'."""
    if actor[0] is None and f.hit.family == "advise" and document_own_advice(f.words, f.hit.i):
        return "ambtelijk", False
    return None


def letter_to_council(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'Wij stellen u voor ...' in a letter to the council ('uw raad'): the college writes to its raad."""
    m = f.mention
    if not (f.hit.family in ("proposal", "request") and m is not None
            and f.words[m.start] in actor_data().get("pronouns_ambtelijk", [])):
        return None
    if f.hit.family == "request" and has_any(f.words[f.hit.j + 1:f.hit.j + 4], actor_data()["actors"]["raad"]["wordings"]):
        return "college", False    # 'Wij vragen de raad in te stemmen met ...': the college asks its raad
    if _addresses_council(f.text):
        return "college", False
    # 'Wij stellen u voor om € 335.000 over te hevelen' in a jaarverslag or begroting with no memo header: the
    # college proposes to its raad (a memo 'Aan: PHO ...' names another addressee and keeps the writers)
    if f.resolver.addressee is None and m.start + 2 < len(f.words) and f.words[m.start + 2] == "u" \
            and f.words[m.start + 1] == f.words[f.hit.i]:
        return "college", False
    return None


@lru_cache(maxsize=4)
def _addresses_council(text: str) -> bool:
    """Does the document address its raad ('uw raad', 'geachte raadsleden')? Once per text: asked
    per decision frame, a search of the whole text each time made long documents quadratic."""
    return bool(re.search(r"\buw\s+raad\b|\bgeachte\s+(?:raad|raadsleden|leden\s+van\s+de)", text.lower()))


def meeting_body(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'Besluit: Het tarief wordt per 1 april vastgesteld op € 38,47' in a meeting's decision list: the
    meeting's body decides."""
    if actor[0] is None and frame_actor is not None and (_passive_aux(f.words, f.hit) is not None or _impersonal(f)):
        return frame_actor, False      # also the impersonal 'Er is besloten de tarieven te verhogen'
    return None


def _impersonal(f: Frame) -> bool:
    """'(Er) is besloten ...': an intransitive decision participle after a passive auxiliary, no subject."""
    return f.hit.form in PARTICIPLES and has_any(f.words[max(0, f.hit.i - 3):f.hit.i], PASSIVE_AUX)


def named_region(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'de regio Amersfoort heeft gekozen voor ...', 'Gemeenten in West-Brabant West hebben ... gekozen',
    'De samenwerkende gemeenten hebben besloten ...': the municipalities acting jointly as a named region decide
    together (regionaal_bestuur). A bare 'de regio' or 'de (Zeeuwse) gemeenten' stays the colleges (the hold-out
    convention), and a body the clause names as subject wins. Only a decision reported as made (perfect or
    past): the present-tense policy line 'De Regio X kiest voor ...' is the colleges' choice (hold-out
    convention for 'kiezen de gemeenten')."""
    m = f.mention
    if m is not None and not m.weak and m.start < f.hit.i:
        return None
    if f.status_basis != ("taken", "explicit"):
        return None
    words, raw = f.words, f.clause.raw
    seg_a, _, _ = _segment(words, f.hit)
    cfg = actor_data()["named_region"]
    for k in range(seg_a, f.hit.i):
        after = raw[k + 1] if k + 1 < len(raw) else ""
        if words[k] in cfg["region_nouns"] and after[:1].isupper() and norm_token(after) not in cfg["not_names"]:
            return "regionaal_bestuur", True
        if words[k] == "gemeenten" and k + 2 < len(raw) and words[k + 1] == "in" and raw[k + 2][:1].isupper():
            return "regionaal_bestuur", True
        if words[k] == "gemeenten" and k > 0 and words[k - 1] in cfg["joint_adjectives"]:
            return "regionaal_bestuur", True
        if words[k] == "gemeenten" and _counted(words[max(seg_a, k - 2):k], cfg["count_words"]):
            return "regionaal_bestuur", True
    return None


def _counted(before: list[str], count_words: list[str]) -> bool:
    """'de 23 (Groninger) gemeenten', 'de acht gemeenten': a numeral right before, or one word before, 'gemeenten'."""
    return any(w.isdigit() or w in count_words for w in before[-2:]) and (not before or before[-1] != "van")


def joint_action(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'voor de periode daarna is besloten om gezamenlijk een nieuwe inkoop uit te voeren': an agentless
    decision to act jointly is the municipalities' joint decision (regionaal_bestuur)."""
    words, hit = f.words, f.hit
    if actor[0] is not None or hit.family == "proposal" or not (_impersonal(f) or _passive_aux(words, hit) is not None):
        return None
    if has_any(f.words[f.hit.j + 1:f.hit.j + 8], actor_data()["named_region"]["joint_action_words"]):
        return "regionaal_bestuur", False
    return None


def council_venue(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'De gemeenten hebben de regiovisie in hun raden vastgesteld': the municipalities (named generically or
    counted out) adopt it through the council or college named as the venue right before the verb."""
    m = f.mention
    if m is not None and not m.weak and actor[0] != "regionaal_bestuur":
        return None
    words, hit = f.words, f.hit
    if hit.kind != "verb" or hit.family not in actor_data()["council_venue"]["families"]:
        return None
    skip = set(actor_data()["council_venue"]["between"])
    for v in f.resolver.mentions(words):
        if v.weak or v.actor not in ("raad", "college") or not (hit.i - 2 <= v.end <= hit.i):
            continue
        k = v.start - 1
        while k >= 0 and words[k] in skip:
            k -= 1
        if k >= 0 and words[k] == "in":
            return v.actor, True
    return None


def meeting_label(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'Besluit:' (or a heading 'Besluit') as the label over an agenda item's points in a meeting's decision list:
    the meeting's body."""
    words = [w for w in f.clause.words if w not in (":", "-", "•")]
    line_end = f.text.find("\n", f.clause.end)     # (not a copy of the whole rest of the text per clause)
    rest = f.text[f.clause.end:line_end if line_end >= 0 else len(f.text)]
    if actor[0] is None and frame_actor is not None and f.hit.kind == "nominal" and len(words) == 1 \
            and (f.clause.raw[-1] == ":" or _label_heading(f.clause)) \
            and (not rest.strip(" \t:") or _is_action_item(rest.strip(" \t:"))
                 or re.match(triggers()["meeting_outcome_pattern"], rest.strip(" \t:").lower())):
        # the label stands alone on its line, or its one point follows on it ('Besluit: in te stemmen met X'),
        # or it adopts the item's advice ('Besluit: conform advies'); 'Besluit: Aangehouden.' is no decision
        return frame_actor, False
    return None


def legislation(f: Frame, actor: Actor, inherited: str | None, frame_actor: str | None) -> Actor | None:
    """'In de Jeugdwet is gekozen voor een open systeem': an agentless choice located in a national law is the
    legislator's (rijk); the law names are data (actors.json legislation)."""
    words, hit = f.words, f.hit
    if actor[0] is not None or hit.kind != "verb" or _passive_aux(words, hit) is None and not (
            hit.form in PARTICIPLES and has_any(words[max(0, hit.i - 3):hit.i], PASSIVE_AUX)):
        return None
    laws = actor_data()["legislation"]["laws"]
    for k in range(0, hit.i - 1):
        if words[k] == "in" and words[k + 1] in ("de", "het") and k + 2 < hit.i and words[k + 2] in laws:
            return "rijk", False
    return None


#: in order; each sees the actor the rules before it settled
OVERRIDES = (own_choice, continued, proposed_to, unsigned_proposal, document_advice, letter_to_council, meeting_body, meeting_label, named_region, joint_action, council_venue, legislation)


def continued_actor(f: Frame, inherited) -> str | None:
    """The body a clause may inherit: the earlier clause's actor, or (``("continue", actor)``) the previous
    sentence's decision, which only an agentless passive continues ('Ook X is afgewezen')."""
    if isinstance(inherited, tuple) and f.hit.family == "proposal":
        return None   # an agentless 'Voorgesteld wordt om ...' is the writers' proposal, not the last body's
    if isinstance(inherited, tuple):
        return inherited[1] if _passive_aux(f.words, f.hit) is not None \
            and not has_any(f.words[:f.hit.i], SUBORDINATORS) and f.clause.raw[-1] != ":" else None
    return inherited


def clause_actor(f: Frame, inherited, frame_actor: str | None) -> Actor:
    """(actor id or None, explicit?) of the clause: its own mention, then the overrides."""
    m = f.mention
    actor: Actor = (m.actor, not m.weak) if m else (None, False)
    inherited = continued_actor(f, inherited)
    for rule in OVERRIDES:
        changed = rule(f, actor, inherited, frame_actor)
        if changed is not None:
            actor = changed
    return actor
