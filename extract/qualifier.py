"""Context qualifier: how does a sentence stand towards the phrase it mentions?

A clinlp-style rule qualifier for Dutch procurement prose. Trigger phrases live
in ``resources/qualifier_rules.json`` as data; each trigger has a category, a
direction and a scope. A trigger qualifies a target span when the target lies
on the trigger's side (``forward``: after it, ``backward``: before it,
``both``) within ``max_scope`` tokens and no terminator (``.``, ``;``,
``maar``, ``echter`` ...) lies between them.

Categories
    negated       "niet langer", "niet meer", "geen", "in plaats van", exclusions ("valt buiten")
    historical    "huidige", "voorheen", "tot nu toe", "bij de in 2017 uitgevoerde", "vanuit vastgestelde", past tense
    continued     "blijft", "handhaven", "wordt voortgezet": the current model is kept (status ``chosen``,
                  stronger than the ``historical`` cue of "het huidige uurtarief blijft")
    hypothetical  "wellicht", "onderzocht", "scenario", "optie", "overwegen", "zou kunnen", "voordeel/nadeel", "voor de hand"
    chosen        "kiezen voor", "gaat de voorkeur uit naar", "wordt gecontracteerd", "Vorm aanbesteding"
    proposed      "wordt voorgesteld", "stelt voor", "voorstel"
    future        "zal", "zullen", "voortaan", "nieuwe"
    pseudo        phrases that only block a shorter trigger inside them ("niet alleen", "zoveel mogelijk")

STABLE API (other extractors rely on it)
    qualify(text, target_start, target_end) -> Qualification
        Pure function. ``text`` is a sentence or any span (e.g. a table row);
        offsets are relative to ``text``. Triggers overlapping the target are
        ignored, so the target's own words never qualify it.
    Qualification
        .negated .historical .hypothetical .chosen .proposed .future : bool
        .triggers : list[Trigger(category, phrase, start, end)]  (offsets in ``text``)
        .status   : "rejected" | "considered" | "previous" | "chosen" | None —
                    the stance for a financing/procedure fact. Precedence:
                    negated > hypothetical > continued > historical > proposed/chosen/future.
        .trigger_for(category) -> Trigger | None
    qualify_text(text) -> Qualification
        The stance of a whole span (no target): every trigger counts. Used for
        headings and table titles that set the stance of what stands under them.
    qualify_follow_up(text) -> "rejected" | "chosen" | None
        The stance a following clause takes through a back-reference ("die route
        is verlaten", "die systematiek blijft").
    qualify_lead_in(text) -> Qualification
        The stance a lead-in passes on to the list/table after it (only
        forward triggers whose scope reaches the end of ``text``).
    tokenize(text) -> list[(start, end, lower)]

A spaCy wrapper, :func:`qualify_span`, qualifies a ``Span`` inside its sentence.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


CATEGORIES = ("negated", "historical", "hypothetical", "chosen", "proposed", "future", "continued")

# Negation particles inside the gap of a split trigger ("kiest ... voor") negate it;
# the split trigger must not swallow them.
_GAP_BREAKS = frozenset(("niet", "geen", "nooit"))

# What may stand before an adnominal cue that modifies a heading's head noun:
# numbering, punctuation and articles ("3.2 De huidige bekostiging").
_HEAD_LEFT = frozenset(("de", "het", "een", "onze", "ons", ".", ":", "-", "(", ")"))

# Words that open a subordinate clause. A clause they open between commas
# ("X, zoals andere regio's die toepassen, wijst het bestuur af") is an
# insertion: its triggers speak about its own words, not about a target
# outside it, and its tokens do not count towards a trigger's scope.
_SUBORDINATORS = frozenset(("die", "dat", "wat", "welke", "waarbij", "waarin", "waarmee", "waarvoor",
                            "waardoor", "waarop", "waarover", "waarvan", "waaraan", "waarna", "waaruit", "zoals", "hoewel", "omdat", "doordat", "zodat",
                            "wanneer", "nadat", "voordat", "terwijl", "aangezien"))

_TOKEN = re.compile(r"\w+(?:['’.]\w+)*\.?|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens with offsets; words keep internal apostrophes
    ("scenario's") and abbreviation dots ("i.p.v.")."""
    out = []
    append = out.append
    low = text.lower()
    # A token's lower case is its slice of the lower-cased text when lower() maps every character
    # to one (the length is kept: lower() never shortens) and no capital sigma stands in it (the
    # one letter whose lower case depends on what follows it): one lower() per text, not per token.
    if len(low) != len(text) or "\u03a3" in text:
        low = None
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        tok = low[s:e] if low is not None else m.group().lower()
        # a sentence-final dot is its own token (terminator), abbreviations keep theirs
        if tok[-1] == "." and e - s > 1 and tok.count(".") == 1:
            append((s, e - 1, tok[:-1]))
            append((e - 1, e, "."))
            continue
        append((s, e, tok))
    return out


@dataclass(frozen=True, slots=True)
class Trigger:
    category: str
    phrase: str
    start: int
    end: int


@dataclass(slots=True)
class Qualification:
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    chosen: bool = False
    proposed: bool = False
    future: bool = False
    continued: bool = False
    triggers: list[Trigger] = field(default_factory=list)

    @property
    def status(self) -> str | None:
        """Stance of a financing/procedure mention (facts contract ``status``)."""
        if self.negated:
            return "rejected"
        if self.hypothetical:
            return "considered"
        if self.continued:
            return "chosen"
        if self.historical:
            return "previous"
        if self.proposed or self.chosen or self.future:
            return "chosen"
        return None

    def trigger_for(self, category: str) -> Trigger | None:
        for t in self.triggers:
            if t.category == category:
                return t
        return None

    def any(self) -> bool:
        return any(getattr(self, c) for c in CATEGORIES)


@dataclass(frozen=True, slots=True)
class _Rule:
    tokens: tuple[str, ...]
    category: str
    direction: str
    max_scope: int
    gap: int
    phrase: str
    np: bool = False       # adnominal ("huidige", "lopende"): qualifies its own noun phrase only
    modal: bool = False    # a modal/hedge verb that governs the verb of choice after it ("zou kunnen kiezen voor")
    exclusion: bool = False  # a predicate that puts its subject outside ("valt buiten"): no other cue closes it
    inverts: bool = False  # a verb of replacing: in verb-second order its first noun phrase is the subject
    conditional: bool = False  # opens a condition ("als ... blijkt", "mocht"): the cues inside the condition
                               # ("geen overeenstemming") do not close its scope over the clause it governs


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[_Rule, ...], frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("resources/qualifier_rules.json").read_text("utf-8"))
    defaults = data.get("default_scope", {})
    rules = []
    for r in data["rules"]:
        toks = tuple("..." if t == "…" else t for t in _phrase_tokens(r["phrase"]))
        rules.append(_Rule(toks, r["category"], r.get("direction", "forward"),
                           int(r.get("max_scope", defaults.get(r["category"], 10))),
                           int(r.get("gap", 5)), r["phrase"], bool(r.get("np", False)),
                           bool(r.get("modal", False)), bool(r.get("exclusion", False)),
                           inverts=bool(r.get("inverts", False)), conditional=bool(r.get("conditional", False))))
    # longest phrases first so that "niet langer" beats "niet"
    rules.sort(key=lambda r: -len([t for t in r.tokens if t != "..."]))
    return tuple(rules), frozenset(data.get("terminators", []))


@lru_cache(maxsize=1)
def _lapsing() -> frozenset[str]:
    """Negation phrases that say a model lapses ("vervalt"): the rules file's ``lapsing_predicates``."""
    data = json.loads(resources.files(__package__).joinpath("resources/qualifier_rules.json").read_text("utf-8"))
    return frozenset(w for wl in data.get("word_lists", ()) if wl["name"] == "lapsing_predicates" for w in wl["words"])


@lru_cache(maxsize=1)
def _np_breaks() -> frozenset[str]:
    """Finite verbs and auxiliaries that end the noun phrase an adnominal trigger modifies."""
    data = json.loads(resources.files(__package__).joinpath("resources/qualifier_rules.json").read_text("utf-8"))
    return frozenset(data.get("np_breaks", []))


def _phrase_tokens(phrase: str) -> list[str]:
    out = []
    for w in phrase.lower().split():
        if w in ("...", "…") or w.endswith("*") or w == "i.p.v.":
            out.append(w)
        else:
            out.extend(t for _, _, t in tokenize(w))
    return out


def _tok_match(pat: str, tok: str) -> bool:
    if pat.endswith("*"):
        return tok.startswith(pat[:-1])
    return tok == pat


def _match_at(rule: _Rule, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index one past the last token of ``rule`` matched at ``i``, or None."""
    j = i
    k = 0
    pats = rule.tokens
    while k < len(pats):
        p = pats[k]
        if p == "...":
            nxt = pats[k + 1]
            for g in range(rule.gap + 1):
                if j + g < len(toks) and toks[j + g][2] in _GAP_BREAKS and not rule.conditional:
                    # "kiezen de gemeenten niet voor": the negation is its own trigger (a
                    # condition may hold one: "als er geen overeenstemming komt, dan ...")
                    return None
                if j + g < len(toks) and _tok_match(nxt, toks[j + g][2]):
                    j += g
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(toks) or not _tok_match(p, toks[j][2]):
            return None
        j += 1
        k += 1
    return j


@lru_cache(maxsize=1)
def _rule_index() -> tuple[dict[str, list[int]], dict[str, list[int]], tuple[int, ...]]:
    """Rule numbers by their first token: exact words, and prefixes ("mogelijk*") by length."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    for n, r in enumerate(_rules()[0]):
        p = r.tokens[0]
        if p.endswith("*"):
            prefix.setdefault(p[:-1], []).append(n)
        else:
            exact.setdefault(p, []).append(n)
    return exact, prefix, tuple(sorted({len(p) for p in prefix}))


_CANDIDATES: dict[str, tuple[tuple[_Rule, list[str] | None], ...]] = {}


def _literal(rule: _Rule) -> list[str] | None:
    """The tokens of a rule without a gap or a prefix token: it matches where the words are these."""
    return None if any(p == "..." or p.endswith("*") for p in rule.tokens) else list(rule.tokens)


def _candidates(tok: str) -> tuple[tuple[_Rule, list[str] | None], ...]:
    """The rules whose first token matches ``tok``, in rule order (longest phrases first), each with
    its literal tokens (:func:`_literal`).

    Only these can match at a token, so the greedy scan tries a handful of rules
    instead of all of them; the order keeps the first longest match winning.
    """
    found = _CANDIDATES.get(tok)
    if found is None:
        exact, prefix, lengths = _rule_index()
        nums = list(exact.get(tok, ()))
        for n in lengths:
            if len(tok) >= n:
                nums.extend(prefix.get(tok[:n], ()))
        rules = _rules()[0]
        found = tuple((rules[n], _literal(rules[n])) for n in sorted(nums))
        if len(_CANDIDATES) < 200_000:    # words of a corpus: bounded in practice, capped anyway
            _CANDIDATES[tok] = found
    return found


def _scan_triggers(toks: list[tuple[int, int, str]]) -> list[tuple[_Rule, int, int]]:
    found = []
    i = 0          # the first token a trigger may start at (after the last one found)
    words = [t[2] for t in toks]
    known = _CANDIDATES.get
    # only the tokens some rule starts with are tried (most words start none); a trigger found
    # at k continues the scan at its end, as the greedy left-to-right scan does
    for k, w in enumerate(words):
        if k < i:
            continue
        cands = known(w)
        if cands is None:
            cands = _candidates(w)
        if not cands:
            continue
        best = None
        for r, literal in cands:
            # a literal rule is a comparison of words (what _match_at does for it, without the loop)
            j = (k + len(literal) if words[k:k + len(literal)] == literal else None) if literal is not None \
                else _match_at(r, toks, k)
            if j is not None and (best is None or j > best[2]):
                best = (r, k, j)
        if best:
            found.append(best)
            i = best[2]
    return found


def find_triggers(text: str) -> list[tuple[_Rule, int, int]]:
    """All triggers in ``text`` as (rule, first token index, end token index), greedy longest match."""
    sen = _analysis(text)
    return list(sen.found) if sen is not None else []


def _insertions(toks) -> list[tuple[int, int]]:
    """Token ranges [a, b) of subordinate clauses set off by a comma (see ``_SUBORDINATORS``).

    The clause runs to the next comma or terminator-like punctuation, or to the end.
    """
    out = []
    n = len(toks)
    for i, (_, _, t) in enumerate(toks):
        if t == "," and i + 1 < n and toks[i + 1][2] in _SUBORDINATORS:
            j = i + 1
            while j < n and toks[j][2] not in (",", ".", ";", ":", "!", "?"):
                j += 1
            out.append((i, j + 1 if j < n and toks[j][2] == "," else j))
        elif t in _RELATIVES and 0 < i and toks[i - 1][2] not in (",", "(") and toks[i - 1][2].isalpha():
            # a relative clause right after its noun, closed by a comma: "Aanbieders die
            # in 2024 weinig omzet hadden, krijgen ..." (its verb is not the sentence's tense)
            j = i + 1
            while j < n and j - i <= 15 and toks[j][2] not in (",", ".", ";", ":", "!", "?", "(", ")"):
                j += 1
            if j < n and j - i <= 15 and toks[j][2] == ",":
                out.append((i, j + 1))
    return out


_PREPOSITIONS = frozenset(("met", "voor", "via", "op", "in", "bij", "tegen", "naast"))

# relative pronouns that open a clause right after the noun they describe (without a comma)
_RELATIVES = frozenset(("die", "welke", "waarbij", "waarin", "waarmee", "waarvoor", "waarop"))


_SUBJECT_PRONOUNS = frozenset(("we", "wij", "ze", "zij", "ik", "jij", "u", "hij"))
_ARTICLES = frozenset(("een", "de", "het", "deze", "die", "dit", "dat", "onze", "hun"))


def _in_scope(toks, rule: _Rule, ti: int, tj: int, tgt_first: int, tgt_last: int, terminators,
              skipped: frozenset[int] = frozenset()) -> bool:
    def ok(lo: int, hi: int) -> bool:
        between = [toks[k] for k in range(lo, hi) if k not in skipped]
        if len(between) > rule.max_scope or any(_terminates(toks, k, terminators) for k in range(lo, hi)
                                                 if k not in skipped):
            return False
        # an adnominal cue's noun phrase also ends where a subject pronoun follows a finite
        # verb ("met de huidige aanbieders maken we afspraken over X"): a new clause
        return not (rule.np and any(t[2] in _np_breaks() or t[2] in _SUBJECT_PRONOUNS for t in between))
    if rule.np and _clause_final_verb(toks, tgt_first, tgt_last):
        # the verb that ends the clause is not in the cue's noun phrase: "worden de
        # bestaande contracten verlengd" extends the current contracts now
        return False
    if rule.inverts and tgt_first == tj + _article_run(toks, tj) and tgt_last + 1 < len(toks) \
            and toks[tgt_last + 1][2] in _DETERMINERS:
        # verb-second order: "Per 2027 vervangen trajectprijzen het uurtarief": the model
        # right after the verb, with a second noun phrase after it, is the subject
        return False
    if rule.direction in ("forward", "both") and tgt_first >= tj and ok(tj, tgt_first):
        # a negation of a phrase ("in plaats van X", "zonder X") ends where a new
        # prepositional conjunct begins: "in plaats van uurtarieven en met een zorgplafond"
        if rule.category == "negated" and any(toks[k][2] in ("en", ",") and toks[k + 1][2] in _PREPOSITIONS
                                              for k in range(tj, tgt_first - 1)):
            return False
        # the starting point of a change ("stappen over van X naar Y") is past; its
        # destination after "naar" is not
        if rule.category == "historical" and any(toks[k][2] == "naar" for k in range(tj, tgt_first)):
            return False
        return True
    if rule.direction in ("backward", "both") and tgt_last < ti and ok(tgt_last + 1, ti):
        # a participle used as an adjective ("gebaseerd op een afgesproken capaciteit",
        # "de vastgestelde tarieven") describes the noun after it, not the target before it
        if rule.category == "historical" and ti > 0 and toks[ti - 1][2] in _ARTICLES:
            return False
        return True
    return False


def _in_target_np(toks, cue_end: int, first: int) -> bool:
    """Does an adnominal cue ending at token ``cue_end`` stand in the target's noun phrase
    (only adjectives between it and the target: "het bestaande regionale uurtarief")?"""
    return cue_end <= first and first - cue_end <= 2 and all(toks[k][2].isalpha() for k in range(cue_end, first))


def _terminates(toks, k: int, terminators) -> bool:
    """Does token ``k`` end a trigger's scope? 'wel' does, except in the conjunction 'dan wel' ("or")."""
    t = toks[k][2]
    return t in terminators and not (t == "wel" and k > 0 and toks[k - 1][2] == "dan")


# words that open a noun phrase
_DETERMINERS = frozenset(("de", "het", "een", "onze", "ons", "hun", "zijn", "haar", "deze", "dit", "die", "dat"))


def _article_run(toks, k: int) -> int:
    """How many determiners stand at token ``k`` (0 or 1: 'een', 'de', 'het' ...)."""
    return 1 if k < len(toks) and toks[k][2] in _DETERMINERS else 0


# a past participle of a separable or inseparable verb ("verlengd", "gecontracteerd", "beëindigd")
_PARTICIPLE = re.compile(r"(?:ge|ver|be|ont|her|over)\w{2,}[dt]$")


def _clause_final_verb(toks, first: int, last: int) -> bool:
    """Is the target one verb that closes its clause: a participle, or 'te' + infinitive?"""
    if first != last:
        return False
    nxt = toks[last + 1][2] if last + 1 < len(toks) else "."
    if nxt not in (".", ";", ",", "!", "?", ":", "en", "of"):
        return False
    tok = toks[first][2]
    return bool(_PARTICIPLE.match(tok)) or (first > 0 and toks[first - 1][2] == "te" and tok.endswith("en"))


class _Sentence:
    """What the qualifier knows about one text before any target is given.

    Tokens, triggers, insertions and the indexes over them are computed once per
    text (see :func:`_sentence`): a sentence naming twenty models is tokenised and
    scanned once, not twenty times, and each target then looks only at the
    tokens a trigger's scope can reach.
    """
    __slots__ = ("toks", "starts", "ends", "found", "found_ti", "found_tj", "trigger_at", "insertions",
                 "cover", "terminal", "contrasts", "stops")

    def __init__(self, text: str):
        toks = tokenize(text)
        _, terminators = _rules()
        self.toks = toks
        self.starts = [t[0] for t in toks]
        self.ends = [t[1] for t in toks]
        self.found = _scan_triggers(toks)
        self.found_ti = [t[1] for t in self.found]
        self.found_tj = [t[2] for t in self.found]
        self.trigger_at = {t[1]: t for t in self.found}   # triggers do not overlap
        self.insertions = _insertions(toks)
        cover: dict[int, list[int]] = {}                    # token -> insertions holding it
        for n, (a, b) in enumerate(self.insertions):
            for k in range(a, b):
                cover.setdefault(k, []).append(n)
        self.cover = cover
        # _terminates of every token, read from the words at once (one call per token was a tenth
        # of the sentence's analysis): 'wel' after 'dan' ("dan wel", "or") ends no scope
        words = [t[2] for t in toks]
        terminal = [w in terminators for w in words]
        if "wel" in terminators:
            for k, w in enumerate(words):
                if w == "wel" and k > 0 and words[k - 1] == "dan":
                    terminal[k] = False
        self.terminal = terminal
        self.contrasts = [i for i, w in enumerate(words) if w in ("maar", "echter", "doch")]
        self.stops = [i for i, w in enumerate(words) if w in (".", ";", "!", "?")]

    def target(self, target_start: int, target_end: int) -> tuple[int, int]:
        """First and last token index of the target (tokens are sorted and do not overlap)."""
        lo = bisect.bisect_right(self.ends, target_start)      # first token ending after the start
        hi = bisect.bisect_left(self.starts, target_end)       # first token starting at/after the end
        if lo < hi:
            return lo, hi - 1
        # target between tokens (empty span): place it at the next token
        nxt = bisect.bisect_left(self.starts, target_start)
        return nxt, nxt


@lru_cache(maxsize=256)
def _sentence(text: str) -> _Sentence:
    return _Sentence(text)


@lru_cache(maxsize=256)
def _analysis(text: str) -> _Sentence | None:
    """The analysis of ``text``, or None when no rule can match in it (then every answer about it
    is the empty one: no trigger qualifies a target, a span or a lead-in). Most sentences hold
    none, and one search (:func:`_may_hold_trigger`) costs a fraction of the analysis."""
    return _sentence(text) if _may_hold_trigger(text) else None


def _may_hold_trigger(text: str) -> bool:
    """Can a rule match in ``text``? False only when none can: :func:`_trigger_forms`, a regex
    that matches wherever a rule can, finds nothing in the lower-cased text (one C-level search;
    the analysis of a sentence costs several times more, and most sentences hold no trigger).
    A text whose lower case is not the same length or holds a capital sigma lowers its tokens
    one by one (:func:`tokenize`), so it is always analysed."""
    low = text.lower()
    if len(low) != len(text) or "\u03a3" in text:
        return True
    return _trigger_forms().search(low) is not None


_WORD_RUN = re.compile(r"\w+")


def _token_form(tok: str) -> str:
    """The regex of one rule token in the lower-cased text (see :func:`_trigger_forms`)."""
    if tok == "...":
        return "(?s:.*?)"
    word = tok[:-1] if tok.endswith("*") else tok
    form = re.escape(word)
    if not tok.endswith("*") and _WORD_RUN.fullmatch(word[-1:]):
        form += r"(?!\w)"
    return form


@lru_cache(maxsize=1)
def _trigger_forms() -> re.Pattern:
    """A regex that matches in a lower-cased text wherever a rule can match there (and maybe more).

    Tokens stand next to each other or with whitespace between them (every other character is
    in a token). A word token starts and ends with a run of word characters (its pattern takes
    every word character next to it), so it stands where a run starts and, unless it ends in a
    dot or a prefix ("mogelijk*") matches it, where one ends; a gap ("...") is any text. The
    rules are factored on their first tokens, letter by letter, so the search tries each place
    once, not every rule there.
    """
    words: dict[str, list[str]] = {}        # first token (a prefix with its "*") -> rest forms
    marks: dict[str, list[str]] = {}
    for rule in _rules()[0]:
        first, rest = rule.tokens[0], r"\s*".join(_token_form(t) for t in rule.tokens[1:])
        if first in ("", "*", "..."):
            return re.compile("")            # a rule that may start anywhere: every text may hold one
        (words if _WORD_RUN.match(first) else marks).setdefault(first, []).append(rest)
    found = ([r"(?<!\w)" + _factored(words)] if words else []) + ([_factored(marks)] if marks else [])
    return re.compile("|".join(found) or r"(?!)")


def _factored(firsts: dict[str, list[str]]) -> str:
    """An alternation of first token + its rests, the first tokens as a trie of their letters."""
    tree: dict = {}
    for first, rests in firsts.items():
        node = tree
        for ch in first.rstrip("*"):
            node = node.setdefault(ch, {})
        end = _token_form(first)[len(re.escape(first.rstrip("*"))):]     # "(?!\w)" or ""
        node.setdefault(("end", end), []).extend(rests)

    def build(node) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted((k, v) for k, v in node.items()
                                                                      if isinstance(k, str))]
        for (_, end), rests in sorted((k, v) for k, v in node.items() if not isinstance(k, str)):
            tail = "" if "" in rests else r"\s*(?:" + "|".join(sorted(set(rests))) + ")"
            branches.append(end + tail)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return build(tree)


class _Skipped:
    """Tokens of the insertions that do not hold the target (see :func:`_insertions`)."""
    __slots__ = ("cover", "holding")

    def __init__(self, sen: _Sentence, first: int):
        self.cover = sen.cover
        self.holding = frozenset(sen.cover.get(first, ()))

    def insertion(self, k: int) -> list[int]:
        """Insertions that make token ``k`` silent (empty when it counts)."""
        return [n for n in self.cover.get(k, ()) if n not in self.holding]

    def __contains__(self, k: int) -> bool:
        return any(n not in self.holding for n in self.cover.get(k, ()))


@lru_cache(maxsize=1)
def _widest_scope() -> int:
    return max(r.max_scope for r in _rules()[0])


def _reach(sen: _Sentence, skipped: _Skipped, first: int, last: int) -> tuple[int, int]:
    """Token bounds no trigger in scope of the target can lie beyond.

    A forward trigger must end at or after the returned low bound and a backward
    one start at or before the high bound: further away, more than the widest
    scope of counted tokens, or a counted terminator, stands between it and the
    target, so :func:`_in_scope` would reject it. Silent insertions are jumped.
    """
    widest, n = _widest_scope(), len(sen.toks)
    # (skipped.insertion inlined: this loop runs over up to the widest scope per target)
    cover, holding, terminal, insertions = sen.cover, skipped.holding, sen.terminal, sen.insertions
    k, count = first - 1, 0
    while k >= 0:
        held = cover.get(k)
        silent = [m for m in held if m not in holding] if held else None
        if silent:
            k = min(insertions[m][0] for m in silent) - 1
            continue
        count += 1
        if terminal[k] or count > widest:
            break
        k -= 1
    low = k + 1
    k, count = last + 1, 0
    while k < n:
        held = cover.get(k)
        silent = [m for m in held if m not in holding] if held else None
        if silent:
            k = max(insertions[m][1] for m in silent)
            continue
        count += 1
        if terminal[k] or count > widest:
            break
        k += 1
    return low, k


def qualify(text: str, target_start: int, target_end: int) -> Qualification:
    """Qualify ``text[target_start:target_end]`` by the triggers around it in ``text``."""
    sen = _analysis(text)
    if sen is None:
        return Qualification()
    toks = sen.toks
    _, terminators = _rules()
    q = Qualification()
    first, last = sen.target(target_start, target_end)
    # insertions that do not hold the target are silent and do not count as distance
    skipped = _Skipped(sen, first)
    low, high = _reach(sen, skipped, first, last)
    window = sen.found[bisect.bisect_left(sen.found_tj, low):bisect.bisect_right(sen.found_ti, high)]
    found = [t for t in window if t[0].category != "pseudo" and t[1] not in skipped]
    for rule, ti, tj in found:
        if ti <= last and tj > first:          # overlaps the target: the target's own words
            if _encloses(rule, toks, ti, tj, first, last, terminators):
                # a separable verb around its object ("wijst de lumpsum af", "zet PxQ voort")
                setattr(q, rule.category, True)
                q.triggers.append(Trigger(rule.category, rule.phrase, toks[ti][0], toks[tj - 1][1]))
            continue
        if not _in_scope(toks, rule, ti, tj, first, last, terminators, skipped):
            continue
        # a trigger of another category standing between this one and the
        # target closes the scope ("in plaats van X kiest de regio voor Y")
        lo, hi = (tj, first) if tj <= first else (last + 1, ti)
        # ("future" is a weak tense cue and does not close other scopes)
        # A modal hedge scopes over the verb of choice it governs ("zou kunnen overstappen op").
        # Keeping a model ("handhaven de bestaande lumpsum") names the current one.
        # An exclusion predicate ("X valt sinds 2015 onder de Zvw en maakt geen deel uit van
        # deze inkoop") is not closed by tense or stance cues of the clause it ends.
        closers = () if rule.exclusion or rule.conditional else ("negated", "historical", "hypothetical") if rule.modal else \
            ("negated", "hypothetical") if rule.category == "continued" else CATEGORIES
        # (an adnominal cue of the target's own noun phrase does not close a predicate of lapsing:
        # "per 2027 vervalt het bestaande uurtarief" ends the model in use; see stance._lapsing_current)
        if any(r.category not in (rule.category, "future") and r.category in closers and lo <= a and b <= hi
               and not (rule.phrase in _lapsing() and r.np and _in_target_np(toks, b, first))
               for r, a, b in found):
            continue
        setattr(q, rule.category, True)
        q.triggers.append(Trigger(rule.category, rule.phrase, toks[ti][0], toks[tj - 1][1]))
    if q.hypothetical and not q.negated:
        _declined_after(q, sen, skipped, last)
    return q


def _encloses(rule: _Rule, toks, ti: int, tj: int, first: int, last: int, terminators) -> bool:
    """Does a split trigger ("wijst ... af") hold the target in its gap, as a separable verb holds its object?

    The target must lie wholly inside the gap (the trigger's own words stay outside it)
    and the gap must not cross a terminator. Only a split verb that may look back holds
    its object in the gap; a forward-only one names its target after the particle, and
    its gap holds adverbials ("kiest binnen dat regime voor een openbare procedure").
    """
    if "..." not in rule.tokens or rule.category == "pseudo" or rule.direction == "forward":
        return False
    k = rule.tokens.index("...")
    head_end = ti + k                      # first token of the gap
    tail = len(rule.tokens) - k - 1        # literal tokens after the gap
    if not (head_end <= first and last < tj - tail):
        return False
    return not any(toks[x][2] in terminators for x in range(head_end, tj - tail))


#: prefix of the phrase of a trigger found by :func:`_declined_after`
DECLINED = "declined: "

# pronominal adverbs that point back at what was just weighed ("daar is niet voor gekozen")
_ANAPHORS = frozenset(("daar", "daarvan", "daarvoor", "daarop", "daarmee", "ervan", "ervoor", "ermee",
                       "hiervan", "hiervoor", "hiermee", "dat", "dit"))


# finite verbs that open a coordinated clause sharing the subject before 'maar'
_FINITE_OPENERS = frozenset(("is", "was", "wordt", "werd", "bleek", "blijkt", "bleef", "zijn", "waren", "worden",
                             "werden", "bleken", "heeft", "had", "past", "paste", "levert", "leverde", "valt",
                             "viel", "kan", "kon", "vraagt", "vroeg", "sluit", "sloot", "geeft", "gaf"))


def _declined_after(q: Qualification, sen: _Sentence, skipped: _Skipped, last: int) -> None:
    """Weighed, then declined: "X is overwogen, maar daar is niet voor gekozen" → negated.

    The negation stands after the contrastive terminator and reaches the target
    only through an anaphor that points back at it; the refusal then settles
    the option that was weighed.
    """
    toks = sen.toks
    c = bisect.bisect_right(sen.contrasts, last)
    if c == len(sen.contrasts):
        return
    k = sen.contrasts[c]
    stop = bisect.bisect_right(sen.stops, last)
    if stop < len(sen.stops) and sen.stops[stop] < k:
        return

    def trigger(ti: int):
        """The counted trigger starting at token ``ti``, if any."""
        t = sen.trigger_at.get(ti)
        return t if t is not None and t[0].category != "pseudo" and ti not in skipped else None

    window = range(k + 1, min(len(toks), k + 16))
    # the refusal reaches back to the target through an anaphor ("maar daar is niet voor
    # gekozen") or through a shared subject: a clause after 'maar' that opens with its
    # finite verb has the target as subject ("X is onderzocht, maar is niet gekozen")
    elliptic = k + 1 < len(toks) and toks[k + 1][2] in _FINITE_OPENERS
    # a clause after 'maar' that opens with the refusal itself shares subject and auxiliary
    # ("X is overwogen maar afgewezen", "onderzocht, maar verworpen")
    opener = trigger(k + 1)
    opens_with_refusal = opener is not None and opener[0].category == "negated" \
        and opener[0].phrase not in ("niet", "geen", "nooit")
    # a demonstrative pronoun as the new clause's subject points back at the weighed model
    # ("X is onderzocht, maar die valt af"); as a determiner ("maar die aanbieders ...") it
    # does not, so only a pronoun followed by its finite verb or the refusal counts
    second = trigger(k + 2)
    pronoun = k + 2 < len(toks) and toks[k + 1][2] in ("die", "deze") and (
        toks[k + 2][2] in _FINITE_OPENERS or (second is not None and second[0].category == "negated"))
    anaphor = pronoun or any(toks[i][2] in _ANAPHORS for i in window)
    if not elliptic and not anaphor and not opens_with_refusal:
        return
    for ti in window:
        t = trigger(ti)
        if t is None:
            continue
        rule, _, tj = t
        # without an anaphor only a refusal of the choice counts ("is niet gekozen"), not
        # a bare particle that may negate another predicate ("maar past niet")
        if rule.category == "negated" and (anaphor or rule.phrase not in ("niet", "geen", "nooit")):
            q.negated = True
            # marked so that a caller can tell it from a negation of the target itself
            q.triggers.append(Trigger("negated", DECLINED + rule.phrase, toks[ti][0], toks[tj - 1][1]))
            return


# "die route", "dat model", "deze systematiek": a demonstrative phrase that names a model just mentioned
_BACK_REFERENCE = re.compile(
    r"\b(?:die|dat|deze|dit)\s+(?:\w+\s+)?(?:route|model|optie|variant|systematiek|werkwijze|vorm|aanpak|"
    r"procedure|bekostiging\w*|financiering\w*|methode|constructie|mogelijkheid|keuze)\b", re.I)


def qualify_follow_up(text: str) -> str | None:
    """Stance a following clause takes towards a model through a back-reference.

    "Een bestuurlijke aanbesteding is besproken. ... is die route verlaten" →
    ``rejected``; "...; die systematiek blijft ongewijzigd" → ``chosen``.
    ``text`` is the clause after the one that names the model; only negation
    (abandoning, refusing) and continuation count, and only when the clause
    refers back with a demonstrative phrase.
    """
    ref = _BACK_REFERENCE.search(text)
    if ref is None:
        return None
    q = qualify(text, ref.start(), ref.end())
    if q.negated and not q.hypothetical:
        return "rejected"
    if q.continued and not (q.negated or q.hypothetical):
        return "chosen"
    return None


def qualify_text(text: str) -> Qualification:
    """Stance of a whole span (heading, table title): every non-pseudo trigger counts."""
    sen = _analysis(text)
    if sen is None:
        return Qualification()
    toks = sen.toks
    # index of the first token that is not numbering, punctuation or an article
    head = next((i for i, t in enumerate(toks) if t[2] not in _HEAD_LEFT and not t[2].replace(".", "").isdigit()),
                len(toks))
    q = Qualification()
    for rule, ti, tj in sen.found:
        if rule.category == "pseudo":
            continue
        # an adnominal cue sets the stance of the whole span only where it modifies
        # the span's head ("Huidige bekostiging"), not a complement ("Verlenging van
        # de huidige overeenkomsten" is about the extension, not about the past)
        if rule.np and head < ti:
            continue
        setattr(q, rule.category, True)
        q.triggers.append(Trigger(rule.category, rule.phrase, toks[ti][0], toks[tj - 1][1]))
    return q


def qualify_lead_in(text: str) -> Qualification:
    """Stance that a lead-in ("... gaat de voorkeur uit naar:") passes on to what follows it.

    Qualifies an imaginary target right after ``text``: only forward triggers
    whose scope reaches the end count, so a doubt early in a long paragraph
    does not colour the list or table below it.
    """
    probe = text.rstrip() + " X"
    return qualify(probe, len(probe) - 1, len(probe))


def qualify_span(span) -> Qualification:
    """spaCy wrapper: qualify a ``Span`` within its sentence."""
    sent = span.sent
    base = sent.start_char
    return qualify(sent.text, span.start_char - base, span.end_char - base)


# -- table columns ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _column_rules() -> tuple[tuple[tuple[str, re.Pattern], ...], frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("resources/qualifier_rules.json").read_text("utf-8"))
    col = data["column_stance"]
    stances = tuple((st, re.compile("|".join(f"(?:{p})" for p in col[st]), re.I)) for st in col["order"])
    same = frozenset(re.sub(r"\s+", " ", w.strip().lower()) for w in col["same_as"])
    return stances, same


def column_stance(header: str) -> str | None:
    """Stance a table column header passes on to its cells.

    "Nieuwe bekostiging" / "Vanaf 2026" / "Gekozen variant" -> chosen, "Huidige
    bekostiging" / "Tot nu toe" / "Vorige contractperiode" -> previous,
    "Afgewezen" / "Niet gekozen" -> rejected, "Overwogen alternatieven" /
    "Opties" -> considered. The cue that opens the header earliest wins
    ("Nieuwe bekostiging (was: ...)" is chosen; "Niet gekozen" is rejected
    although it ends in "gekozen"); ties go by the order of the rules file.
    """
    stances, _ = _column_rules()
    best = None
    for rank, (st, rx) in enumerate(stances):
        m = rx.search(header)
        if m and (best is None or (m.start(), rank) < best[0]):
            best = ((m.start(), rank), st)
    return best[1] if best else None


def is_same_as(cell: str) -> bool:
    """Does a table cell only repeat another cell ("idem", "ongewijzigd", "=")?"""
    _, same = _column_rules()
    t = re.sub(r"\s+", " ", cell.strip().strip(".:;()").lower()).strip()
    return t in same or (cell.strip().lower().rstrip(".") in same)
