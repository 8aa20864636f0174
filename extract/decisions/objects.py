"""Objects: the phrase naming what is decided, found from the clause's shape around the trigger."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..clauses import Clause, is_aux, norm_token
from ..context import ExtractionContext
from ..document import Block
from .record import Decision
from .triggers import TriggerHit, _te_infinitive_follows
from .words import (_WORD, ADVERBS, AUX_ALL, BE_BECOME_AUX, FRONT_PREPS, HAVE_AUX, LEAD_PREPS, OBJECT_PREPS, PARTICIPLES, R_PRONOUNS, SCOPE_STOP,
                    SUBORDINATORS, triggers)


Span = tuple[int, int, str]


def clause_object(clause: Clause, hit: TriggerHit, actor_spans: list[tuple[int, int]],
                  date_spans: list[tuple[int, int]]) -> Span:
    """Token span [a, b) of what is decided, and how it was found ('om', 'te', 'prep', 'between',
    'antecedent', 'subject', 'rest'): the first of ``_OBJECT_RULES`` that finds one."""
    words = clause.words
    if hit.family == "submit":
        return _submit_object(words, hit, actor_spans, date_spans)
    for rule in _OBJECT_RULES:
        span = rule(words, hit, actor_spans, date_spans)
        if span is not None:
            return span
    return _rest_object(words, hit, actor_spans)


def _until_break(words: list[str], a: int, limit: int = 16) -> int:
    """The end of the phrase from ``a``: a clause break, or a comma before a coordinated or subordinate clause."""
    n = len(words)
    b = a
    while b < n and b - a < limit and words[b] not in (".", ";", ":") and not (
            words[b] == "," and b + 1 < n and words[b + 1] in ("maar", "en", "waarna", "waarbij", "omdat", "zodat")):
        b += 1
    return b


def _fronted(words, hit, actor_spans, date_spans) -> Span | None:
    """'Met de uitgangspunten heeft het college ... ingestemd': the object opens the clause."""
    fa, fb = _fronted_object(words)
    return (fa, fb, "prep") if fb > fa and fb <= hit.i else None


def _om_clause(words, hit, actor_spans, date_spans) -> Span | None:
    """'om ... te <verb>': the decided action."""
    for k in range(hit.i + 1, min(len(words), hit.j + 8)):
        if words[k] == "om":
            return k + 1, _until_break(words, k + 1, 24), "om"
        if words[k] in (".", ";"):
            break
    return None


def _te_clause(words, hit, actor_spans, date_spans) -> Span | None:
    """'besloten [de pilot niet op te schalen]', 'droeg de regio op [de budgetten ... te onderbouwen]':
    a te-infinitive clause right after the verb (past its subject, dates and adverbs) is what is decided."""
    if hit.kind == "verb" and hit.family not in ("submit", "deliberate"):
        a = _skip_subject(hit.j + 1, words, actor_spans, date_spans)
        if a < len(words) and words[a] not in ("met", "over", "op", "voor", "tot", "van", "aan", "in", "dat", "of") \
                and _te_infinitive_follows(words, a):
            return a, _until_break(words, a, 24), "te"
    return None


def _prepositional(words, hit, actor_spans, date_spans) -> Span | None:
    """'instemmen met / akkoord op / besluit over / keuze voor / kiezen voor X'."""
    first = _skip_subject(hit.j + 1, words, actor_spans, date_spans)
    for k in range(hit.j + 1, min(len(words), hit.j + 4)):
        if k > first and words[k] in OBJECT_PREPS:
            break       # 'besloten de ingangsdatum van ...': 'van' inside the object, not its preposition
        if words[k] in OBJECT_PREPS:
            b = _until_break(words, k + 1, 12)
            for s_, e_ in sorted(actor_spans):
                if k + 2 < s_ < b and words[s_ - 1] not in ("van", "met", "door", "aan", "bij", "in"):
                    b = s_ - 1 if words[s_ - 1] in ("de", "het") else s_   # '... maken [de gemeenten] nog niet'
                    break
            return k + 1, b, "prep"
        if words[k] in (",", ".", ";", ":"):
            break
    return None


def _before_particle(words, hit, actor_spans, date_spans) -> Span | None:
    """Separable verb: the object between the actor and the particle ('stellen de colleges X vast')."""
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
    return None


def _relative_antecedent(words, hit, actor_spans, date_spans) -> Span | None:
    """'De hoofdlijnen die het bestuur op 3 mei heeft vastgesteld': the antecedent of the relative clause."""
    rel = next((k for k in range(hit.i - 1, -1, -1) if words[k] in ("die", "dat", "welke") and k > 0), None)
    if rel is not None and hit.kind == "verb" and any(rel < s_ < hit.i for s_, _ in actor_spans) \
            and not any(w in (",", ";", ":") for w in words[rel:hit.i]):
        a = rel
        while a > 0 and words[a - 1] not in (",", ";", ":", "volgt", "volgen", "is", "zijn", "wordt", "worden") and rel - a < 8 \
                and not any(s_ <= a - 1 < e_ for s_, e_ in actor_spans):
            a -= 1
        if a < rel:
            return a, rel, "antecedent"
    return None


def _before_participle(words, hit, actor_spans, date_spans) -> Span | None:
    """'Het bestuur heeft dat model afgewezen': a perfect with the participle last has its object
    between the subject and the participle."""
    if hit.kind == "verb" and words[hit.i] in PARTICIPLES and hit.j == hit.i:
        haux = [k for k in range(max(0, hit.i - 12), hit.i) if words[k] in HAVE_AUX]
        if haux:
            a = _skip_subject(haux[-1] + 1, words, actor_spans, date_spans)
            b = hit.i
            while b > a and (words[b - 1] in ("niet", "ook", "al", "nu", "eerder", "unaniem", "definitief") or
                             any(s_ <= b - 1 < e_ for s_, e_ in date_spans)):
                b -= 1
            if b > a and words[a] not in ("op", "in", "na", "per", "met", "door", "bij") and not words[a] in R_PRONOUNS:
                return a, b, "between"
    return None


def _passive_subject(words, hit, actor_spans, date_spans) -> Span | None:
    """Passive: the subject before the auxiliary ('De Inkoopstrategie is ... vastgesteld'), or after it
    when only a time phrase precedes ('In september 2021 wordt [de Regiovisie] ... voorgelegd')."""
    aux = BE_BECOME_AUX
    k = next((k for k in range(0, hit.i) if is_aux(words, k, aux) and k > 0), None)
    if k is None:
        return None
    a = _skip_dates(0, date_spans)
    lead = [x for x in range(0, k) if not any(s_ <= x < e_ for s_, e_ in date_spans)]
    if all(words[x] in ("in", "op", "per", "medio", "begin", "eind", "uiterlijk", "vanaf") for x in lead):
        a = k + 1
        b = a
        while b < hit.i and words[b] not in ("voor", "aan", "door", "ter", "in", ",", "."):
            b += 1
        for s_, e_ in actor_spans:
            if a <= s_ < b:
                b = s_ if s_ > a else b
        return (a, b, "subject") if b > a else None
    return (a, k, "subject") if a < k else None


def _after_verb(words, hit, actor_spans, date_spans) -> Span | None:
    """What follows the verb, past an inverted subject ('kiezen de gemeenten het model van Simons als basis')."""
    a = hit.j + 1
    for s_, e_ in sorted(actor_spans):
        if a <= s_ <= a + 2:
            a = e_
    while a < len(words) and words[a] in ("ervoor", "daarom", "dus", "ook", "al", "nu", "tevens"):
        a += 1
    b = _until_break(words, a, 12)
    return (a, b, "rest") if b > a else None


def _rest_object(words, hit, actor_spans) -> Span:
    """The words before the trigger, past its actor ('Het inkoopteam stelt ... voor:': the proposer is not the object)."""
    a = max(0, hit.i - 6)
    for s_, e_ in actor_spans:
        if a <= s_ < hit.i:
            a = max(a, e_)
    return a, hit.i, "rest"


#: in order; the first that finds a span is the object (after the submission's own rule)
_OBJECT_RULES = (_fronted, _om_clause, _te_clause, _prepositional, _before_particle, _relative_antecedent,
                 _before_participle, _passive_subject, _after_verb)


def _submit_object(words, hit, actor_spans, date_spans) -> tuple[int, int, str]:
    """What is put before a board: the object of 'om ... voor te leggen', else the subject ('De financiële
    impactanalyses worden ter besluitvorming ... voorgelegd', '... waarna het vierkant ter besluitvorming wordt
    voorgelegd'), or the subject after an inverted auxiliary ('In september 2021 wordt aan de gemeenteraden
    de Regiovisie ... voorgelegd')."""
    span = _submitted_after_om(words, hit, date_spans)
    if span is not None:
        return span
    a = hit.i
    while a > 0 and words[a - 1] not in (",", ";", ":"):
        a -= 1
    if a < len(words) and words[a] in SUBORDINATORS:
        a += 1
    a = _skip_time(a, hit.i, words, date_spans)
    b = a
    while b < hit.i and words[b] not in AUX_ALL:
        b += 1
    if b > a:
        return a, b, "subject"
    return _subject_after_aux(words, hit, actor_spans, b)


def _skip_time(a: int, limit: int, words: list[str], date_spans) -> int:
    """Past dates and the time or discourse words before them ('[In september 2021] wordt ...')."""
    a = _skip_dates(a, date_spans)
    while a < limit and (words[a] in LEAD_PREPS or any(s_ <= a < e_ for s_, e_ in date_spans)):
        a = _skip_dates(a + 1, date_spans)
    return a


def _submitted_after_om(words, hit, date_spans) -> tuple[int, int, str] | None:
    """'Het streven is om [begin Q2] [een voorstel] aan de colleges voor te leggen': the object follows 'om',
    past the submission's own time ('om [in september] X voor te leggen')."""
    om = next((k for k in range(hit.i - 1, -1, -1) if words[k] == "om"), None)
    if om is None or hit.kind != "phrase" or words[hit.i] != "voor":
        return None
    a = _skip_time(om + 1, hit.i, words, date_spans)
    b = a
    while b < hit.i and words[b] not in ("aan", "bij", ",", ";"):
        b += 1
    return (a, b, "om") if b > a else None


def _subject_after_aux(words, hit, actor_spans, aux: int) -> tuple[int, int, str]:
    """Inversion: the subject after the auxiliary at ``aux``, past an 'aan de gemeenteraden' phrase."""
    n = len(words)
    a = aux + 1
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


def _skip_subject(a: int, words: list[str], actor_spans, date_spans) -> int:
    """First token after an inverted subject, dates and adverbs ('besloot [het bestuur] [op 3 mei] [daarom] ...')."""
    n = len(words)
    for _ in range(6):
        b = _skip_dates(a, date_spans)
        for s_, e_ in sorted(actor_spans):
            if b <= s_ <= b + 2 and all(w in ("de", "het", "alle", "beide", "ieder", "elk", "elke", "iedere") for w in words[b:s_]):
                b = e_
        while b < n and words[b] in ADVERBS and not (words[b] in ("op", "in", "per", "na") and not any(s_ == b + 1 or s_ == b + 2 for s_, _ in date_spans)):
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


def _fronted_object(words: list[str]) -> tuple[int, int]:
    """'Met de uitgangspunten van dit plan heeft het college ... ingestemd', 'Over een eventuele uitrol wordt
    ... besloten': a clause that opens with the prepositional object of its decision verb. Token span of
    the noun phrase, (0, 0) if the clause does not open so."""
    if len(words) < 4 or words[0] not in FRONT_PREPS or words[1] not in ("de", "het", "een", "dit", "deze", "dat", "die", "alle", "zijn", "haar", "hun", "onze"):
        return 0, 0
    for k in range(2, min(len(words), 16)):
        if words[k] in AUX_ALL or words[k] in (",", ";", ":", "heeft", "hebben", "stemt", "stemmen", "besluit", "besluiten",
                                                "gaat", "gaan", "ging", "gingen", "kiest", "kiezen", "neemt", "nemen"):
            return (1, k) if k > 2 else (0, 0)
    return 0, 0


def _antecedent(words: list[str], raw_text: str) -> str:
    """The noun phrase a clause opens with, past leading adverbs ('Eerder is [een X] overwogen')."""
    toks = raw_text.split()
    k = 0
    while k < len(toks) and norm_token(toks[k]) in ADVERBS | {"eerder", "ook", "maar", "wel", "daarnaast", "verder", "zo"}:
        k += 1
    if k < len(toks) and norm_token(toks[k]) in AUX_ALL | {"was", "waren"}:
        k += 1      # inversion after an adverb: 'Eerder is [een X] overwogen'
    out = []
    for t in toks[k:k + 14]:
        w = norm_token(t)
        if w in AUX_ALL or w in ("heeft", "hebben", "was", "waren", "werd", "werden") or w.endswith(("eerd", "eerde")):
            break
        if len(out) >= 2 and w.startswith(("ge", "over", "onder", "be", "ver", "ont")) and w.endswith(("d", "t", "en")) \
                and not t[:1].isupper():
            break   # the participle closing the clause ('... overwogen', '... besproken')
        out.append(t)
        if t.endswith((",", ";", ":")):
            break
    return " ".join(out).strip(" ,;:")


def _refine_object(clause: Clause, hit: TriggerHit, obj_text: str, span, actor_spans, previous_text: str, text: str) -> str:
    """Object repairs that need more than the clause's own shape: the first of ``_OBJECT_REPAIRS`` that
    applies gives the object text, else it stays as found."""
    o = _ObjectInContext(clause, hit, obj_text, span, actor_spans, previous_text, text)
    for repair in _OBJECT_REPAIRS:
        found = repair(o)
        if found:
            return found
    return obj_text


@dataclass
class _ObjectInContext:
    clause: Clause
    hit: TriggerHit
    obj_text: str
    span: tuple[int, int, str]
    actor_spans: list[tuple[int, int]]
    previous_text: str
    text: str


def _r_pronoun(o: _ObjectInContext) -> str | None:
    """An R-pronoun ('daar ... van afgezien', 'Daarover besluiten de colleges') points back to what was
    named before: the opening noun phrase of the preceding clause (same sentence before 'maar') or of the
    previous sentence."""
    words, hit, clause = o.clause.words, o.hit, o.clause
    oa, ob, how = o.span
    r = next((k for k in range(0, min(len(words), hit.j + 3)) if words[k] in R_PRONOUNS - {"er"}), None)
    if r is not None and (how == "rest" or oa <= r < max(ob, oa + 1) or r < hit.i):
        maar = max([k for k in range(r) if words[k] in ("maar", ";")], default=None)
        if maar is not None:
            return _antecedent(words[:maar], o.text[clause.start:clause.offsets[maar][0]]) or None
        return _antecedent([], o.previous_text) or None
    return None


def _fronted_direct_object(o: _ObjectInContext) -> str | None:
    """Object-verb-subject order ('Populatiebekostiging, zoals ..., wijst het bestuur af'): the clause opens
    with what is decided, the body follows the verb."""
    words, hit, clause, spans = o.clause.words, o.hit, o.clause, o.actor_spans
    how = o.span[2]
    body_after = any(hit.i < s_ <= hit.i + 3 for s_, _ in spans)
    opens_with_object = hit.kind == "verb" and how in ("rest", "between") and words and words[0] in ("de", "het", "een") or \
        (hit.kind == "verb" and how == "rest" and clause.raw and clause.raw[0][:1].isupper() and words[0] not in LEAD_PREPS
         and words[0] not in ("voor", "met", "over", "na", "door", "in", "op", "daarna", "dan", "zo") and hit.i > 1
         and body_after)
    if opens_with_object and body_after and not any(s_ < hit.i for s_, _ in spans):
        return _antecedent(words, o.text[clause.start:clause.offsets[hit.i][0]]) or None
    return None


def _anaphoric_noun(o: _ObjectInContext) -> str | None:
    """'Deze punten staan op de collegeagenda': the points are what the previous sentence named."""
    ow = o.obj_text.split()
    if len(ow) == 2 and norm_token(ow[0]) in ("deze", "dit", "die", "dat") and o.previous_text \
            and norm_token(ow[1]) in triggers().get("anaphoric_object_nouns", []):
        ante = _antecedent([], o.previous_text)
        if ante:
            return o.obj_text + ": " + ante
    return None


def _decision_noun(o: _ObjectInContext) -> str | None:
    """A decision noun names itself: 'neemt ... een eigen inkoopbesluit', 'het besluit over de kaders'."""
    words, hit, clause = o.clause.words, o.hit, o.clause
    if hit.kind == "nominal" and words[hit.i].endswith(("besluit", "besluiten")) and len(words[hit.i]) > 9 \
            and o.span[2] not in ("om", "te"):
        b = hit.i + 1
        while b < len(words) and words[b] not in SCOPE_STOP and b - hit.i < 10:
            b += 1
        a = hit.i - 1 if hit.i and words[hit.i - 1] in ("eigen", "definitief", "definitieve", "aanvullend", "nieuw") else hit.i
        return o.text[clause.offsets[a][0]:clause.offsets[b - 1][1]]
    return None


def _opening_scope(o: _ObjectInContext) -> str | None:
    """A scope the clause opens with ('Voor verblijf kiezen de gemeenten voor X') belongs to the choice."""
    words, hit, clause = o.clause.words, o.hit, o.clause
    if words and words[0] == "voor" and o.span[2] in ("prep", "rest", "between") \
            and hit.family in ("choose", "decide", "agree", "fix"):
        b = 1
        while b < hit.i and words[b] not in SCOPE_STOP:
            b += 1
        scope = o.text[clause.offsets[0][0]:clause.offsets[b - 1][1]] if b > 1 else ""
        if scope and scope.lower() not in o.obj_text.lower():
            return o.obj_text.rstrip(" ,.;:") + " (" + scope[0].lower() + scope[1:] + ")"
    return None


#: in order; the first repair that applies wins
_OBJECT_REPAIRS = (_r_pronoun, _fronted_direct_object, _anaphoric_noun, _decision_noun, _opening_scope)


def _tidy_object(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(" ,.;:-–\t•\uf0b7")
    s = re.sub(r"^(?:(?:ook|tevens|daarom|dus|eerder|inmiddels|nu)\s+)+", "", s, flags=re.IGNORECASE)   # 'Ook een X': the X
    words = s.split()
    if len(words) > 16:
        s = " ".join(words[:16]) + " …"
    return s


def _takes_note(label: str) -> bool:
    words = [norm_token(w) for w in _WORD.findall(label)][:6]
    return any(words[x:x + len(p)] == p for p in triggers()["non_decision_item_phrases"] for x in range(len(words)))


def _label_items(ctx: ExtractionContext, clause: Clause) -> tuple[list[Any], list[Any]]:
    """The list items right after a proposal intro ending in ':', and those labelled A., B., 1. ..."""
    doc = ctx.doc
    pattern = re.compile(triggers()["list_label_pattern"])
    items = _single_point(doc, clause)
    # the blocks from the intro's end on, found by bisection: a long decision list has an intro per
    # item, and walking the blocks from the first one for each was quadratic in the list's length
    blocks = doc.blocks
    for k in range(len(blocks) if items else doc.first_block_from(clause.end), len(blocks)):
        b = blocks[k]
        if b.kind != "list_item" and not _continues_numbering(doc.text, items[-1] if items else None, b, pattern):
            if items or b.start - clause.end > 200 or _next_intro(doc.text[b.start:b.end]):
                break     # the list of the next agenda item is not this intro's
            continue
        items.append(b)
    labelled = [b for b in items if pattern.match(doc.text[b.start:b.end])]
    return items, labelled


def _single_point(doc, clause: Clause) -> list[Any]:
    """A besluitenlijst item often has one unnumbered point on the line under its intro ('Het college besluit:' /
    'De besluitenlijst ongewijzigd vast te stellen.'), or after the bare label on its own line ('Besluit: in te
    stemmen met ...'): that paragraph or rest of line, when it is an action, is the only point."""
    same_line = _rest_of_line(doc.text, clause.end)
    if same_line is not None and len([w for w in clause.words if w not in (":", "-", "•")]) == 1:
        # 'Besluit: in te stemmen met het inkoopplan.': the label and its one point share the line
        a, b = same_line
        return [Block("paragraph", a, b)] if _is_action_item(doc.text[a:b]) else []
    k = doc.first_block_from(clause.end)
    nxt = doc.blocks[k] if k < len(doc.blocks) else None
    if nxt is None or nxt.kind != "paragraph" or doc.text[clause.end:nxt.start].strip():
        return []
    return [nxt] if _is_action_item(doc.text[nxt.start:nxt.end]) else []


def _rest_of_line(text: str, pos: int) -> tuple[int, int] | None:
    """The span of what follows an intro's colon on its own line (stripped), or None when the line ends there."""
    if pos < len(text) and text[pos] == ":":
        pos += 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    a = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    b = pos + len(text[pos:end].rstrip())
    return (a, b) if b > a else None


def _next_intro(block_text: str) -> bool:
    """Another intro ending in ':' ('Het college besluit:' of the next agenda item) closes the search for points."""
    return block_text.rstrip().endswith(":")


def _continues_numbering(text: str, prev, b, pattern: re.Pattern) -> bool:
    """A short numbered point the reader took for a heading ('2. De overeenkomsten vast te stellen' has no
    final stop) still belongs to the list when its number follows the previous item's (or is 1 right after
    the intro)."""
    if b.kind != "heading" or not pattern.match(text[b.start:b.end]):
        return False
    n_this = re.match(r"\s*(\d{1,2})[.)]", text[b.start:b.end])
    if prev is None:
        return bool(n_this and n_this.group(1) == "1")      # the first point right after the intro
    n_prev = re.match(r"\s*(\d{1,2})[.)]", text[prev.start:prev.end])
    return bool(n_prev and n_this and int(n_this.group(1)) == int(n_prev.group(1)) + 1)


def _is_action_item(item: str) -> bool:
    """A decision point is an action: a te-infinitive clause ('de segmenten A, B en C aan te besteden via ...',
    'in te stemmen met ...'), not a labelled principle ('Eigen kracht: alles is erop gericht ... te stellen')."""
    head = re.split(r"\.(?=\s+[A-Z]|\s*$)", item)[0]   # the first sentence ('€ 400.840,-', 'ad. €' end none)
    head = re.sub(r"^[\s\-•*\u2022\uf0b7]+", "", head)              # a bullet before the point
    first = norm_token(head.split()[0]) if head.split() else ""
    return ":" not in head[:60] and first not in triggers().get("agenda_item_heads", []) \
        and (re.search(r"\bte\s+[a-zë]+en\b|\bvoorstellen\s+om\b", head.lower()) is not None
             or first in triggers()["point_head_infinitives"])   # 'instemmen met ...', 'kennisnemen van ...'


def _label_heading(clause: Clause) -> bool:
    """A heading that is only a decision label ('Besluit', 'Besluiten') over a besluitenlijst item's points: it
    introduces them as 'Besluit:' does."""
    block = clause.block
    words = [w for w in clause.words if w not in (":", "-", "•")]
    return block is not None and block.kind == "heading" and len(words) == 1 \
        and words[0] in triggers().get("decision_label_headings", [])


def _is_item_intro(d: Decision, hits: list[TriggerHit]) -> bool:
    """'Het college besluit:' followed by points: each point is a decision (labelled or not)."""
    fams = triggers().get("item_intro_families", [])
    if len(hits) == 1 and hits[0].kind == "nominal" and hits[0].family == "decide" and hits[0].i == 0:
        return True       # the label 'Besluit:' over a meeting item's points
    return any(h.family in fams and h.kind == "verb" for h in hits)
