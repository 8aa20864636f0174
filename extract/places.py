"""Region and municipality facts, resolved with the gazetteer.

A document names places in many ways: "regio Lekstroom", "de
Lekstroomgemeenten", "Achterhoekse gemeenten", "jeugdhulpregio's IJmond en
Zuid-Kennemerland", "Jeugdregio Zuid Oost Utrecht", or a list of gemeenten.
This module finds those mentions in one linear pass over the text and decides
for each one whether it names a youth-care region, a municipality or neither:

1. **Matching.** Every name and alias of the gazetteer (≈500 municipality
   forms, ≈70 jeugdregio forms) plus the cooperations listed in
   ``resources/place_rules.json`` is indexed by a spelling-insensitive key
   (:func:`~inkoopgraaf.models.gazetteer.name_key`: accent-folded tokens
   joined without separators, so "Zuid Oost Utrecht" = "Zuidoost-Utrecht").
   The text is tokenised once and the longest key starting at each
   capitalised token wins, so "Hof van Twente" is a municipality and not the
   region Twente, and "Bergen op Zoom" is not "Bergen". Region names glued to
   a suffix ("Lekstroomgemeenten") and adjectival forms before a head noun
   ("Achterhoekse gemeenten") are matched too.
2. **Interpretation.** Words around a mention decide (rules are data):
   a region cue ("regio", "jeugdhulpregio's" — cues carry over "A en
   B"; a municipality after a singular cue's region, "regio Achterhoek en Zutphen",
   stays a municipality) makes it a region, and so do the name of a body the region's
   municipalities run ("Regionaal Serviceteam Jeugd IJsselland",
   "Inkooporganisatie Jeugdhulp Zeeland"), a group of its municipalities ("de 7
   gemeenten in Zuid-Drenthe") and a possessive or noun after it ("Twente's
   gemeenten"); names that are also a province or a municipality
   ("Zeeland", "Utrecht") are a region only with such a cue. Stop contexts
   ("provincie Utrecht", "GGD Zuid-Limburg", "Zorggroep Almere", "Amsterdam
   UMC", "Utrechtseweg", "www.achterhoek.nl") make it neither. Municipality
   names that are also common words ("Best", "Buren", "Houten") need a cue,
   a list of other municipalities, or a capitalised mid-sentence use not
   followed by another capitalised word ("Best Value").
3. **Resolution.** Municipality names resolve to a CBS code valid in the
   document's year (``ctx.year``, else the newest state): "Vianen" in 2015 is
   GM0620. Homonyms (Bergen NH / Bergen L.) need a qualifier or a provincial
   context from the other places in the document; otherwise they are skipped.
4. **Which regions count.** The document's own region(s) and explicitly
   named partners: a region counts when it is named more than once, in the
   title, with a partner cue ("samen met", "gezamenlijk") in its sentence,
   coordinated with another counted region, or when it is the only region
   named. A region named once in passing is dropped, and one introduced as an
   example ("zoals de regio Twente", "regio's als Rijnmond en Haaglanden", the way
   national texts cite regions) does not count at all (:func:`_drop_examples`).
   A region named with a cue in the lead (the first sentence after the title: "In de regio
   A en B worden de contracten verlengd") counts even when named once.
   The only region named once on a title-page line of its own counts; a text
   naming five or more regions compares them and keeps only its title's
   regions and a dominant one (:func:`_comparative_regions`).

5. **Unlisted cooperations.** A cooperation missing from the rules is still a
   region when the text names it as one: after a cooperation head ("regio
   Langstraat", "samenwerkingsverband Maaskant") or as a capitalised compound
   on "gemeenten" after an article ("de BUCH-gemeenten"). Its id is the slug
   of the name; the name must be unknown to the gazetteer and contain no
   common Dutch word (lookup lexicon + ``not_names``), so "regio Noord" and
   "de Buurgemeenten" stay nothing (:func:`_unlisted_cooperations`).

6. **Regions named by their members.** A list of municipalities ("A, B, C en
   D", a bullet list) that covers (nearly) all members of one jeugdregio in the
   document's year, or of a cooperation whose members the rules list, names that
   region (:func:`_member_list_regions`; thresholds in place_rules 'member_lists').

One fact per distinct region or municipality; its evidence is the first
mention with the strongest signal (a cued mention for regions).
"""
from __future__ import annotations

import bisect
import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from importlib import resources

from ..models import gazetteer as gz
from ..models.facts import Fact
from ..models.gazetteer import fold, name_key, slugify
from .context import ExtractionContext

# Letters and digits are separate tokens: a footnote mark glued to a name ("Zeeland1",
# "Twente2" in PDF text) leaves the name whole; names with digits ("H10", "Samen14") still
# match, since name keys join tokens without separators.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|&")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
# The same on a lower-case text whose only word characters are ASCII (nearly every Dutch text once
# folded: quotes, dashes and bullets are no word characters): plain ranges, no Unicode category test.
_ASCII_TOKEN_SPLIT = re.compile(r"([a-z]+|[0-9]+|&)")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
# What may stand between two tokens of one name: spaces, hyphens, a slash
# ("Midden-IJssel/Oost-Veluwe"), brackets of a qualifier, an apostrophe
# ("'s-Hertogenbosch"); at most one line break (names wrapped in PDFs); never a tab
# (a table cell boundary).
# A soft hyphen (U+00AD) or zero-width space (U+200B) left by PDF text joins the parts of a
# word ("Rijn\u00adland").
_NAME_SEP = re.compile(r"^[ \u00a0\u00ad\u200b\-\u2010\u2011\u2013/()'\u2019]*(?:\r?\n[ \u00a0\u00ad\-\u2010\u2011\u2013]*)?$")
_ABBREV_SEP = re.compile(r"^\.[ \u00a0\-]?$")  # "St. Anthonis", "St.-Oedenrode"
_ARTICLES = {"de", "het", "t", "s", "den"}
_COORD = re.compile(r"^[\s,;/&]*(?:(?:en|of|and)\b[\s,]*)?(?:(?:de|het)\s+)?$", re.I)
# bullets: U+2022 and the PDF private-use glyphs U+F0B7/U+F0A7, squares and discs
_SENTENCE_END = re.compile(r"[.!?:;\n\t\u2022\uf0b7\uf0a7\u25aa\u25cf]\s*$|^\s*$|\n\s*[-*\u2022\u2013]\s*$")
_URLISH = re.compile(r"(?:www\.|https?:|@|\.nl\b|\.com\b|\.org\b)", re.I)
# between the words of a body's name: spaces or a hyphen, at most one line break, never a tab
_BODY_GAP = re.compile(r"^[ \u00a0\u00ad\-]*(?:\r?\n[ \u00a0]*)?$")
_BODY_ACRONYM = re.compile(r"[ \u00a0]\([A-Z]{2,6}\)[ \u00a0]*$")   # a body's acronym before the region name
# between two items of a bullet list: a line break and a bullet glyph
_BULLET_GAP = re.compile(r"^[ \t]*\r?\n[ \t]*[\uf0b7\uf0a7\u2022\u25aa\u25cf\u2013*\-][ \t]*$")
_INITIALS = re.compile(r"(?:\b[A-Z]\.\s*){1,4}$")


def _tokens(folded: str, lower: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """(start, end, lower-case word) of every token, "&" as "en", and the words alone, from the
    folded text and its lower-case form (same length, same token bounds: checked over all of
    Unicode). One split of the lower-case text gives gaps and words in turn; their running lengths
    are the offsets (C-level passes instead of a match object per token). A capital sigma lowers
    by its context (final "ς"), so such a text lowers its words one by one."""
    split = _TOKEN_SPLIT if _NON_ASCII_WORD_CHAR.search(lower) else _ASCII_TOKEN_SPLIT
    parts = split.split(lower)                     # gap, word, gap, word, ..., gap
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2] if "\u03a3" not in folded else list(map(str.lower, _TOKEN_SPLIT.split(folded)[1::2]))
    for i in compress(range(len(words)), map("&".__eq__, words)):
        words[i] = "en"
    return list(zip(ends[0:-1:2], ends[1::2], words)), words


@lru_cache(maxsize=1)
def _rules() -> dict:
    text = resources.files(__package__).joinpath("resources/place_rules.json").read_text("utf-8")
    return json.loads(text)


def _lw(words) -> list[str]:
    return [fold(w).lower() for w in words if not str(w).startswith("_")]


# --------------------------------------------------------------------------- index
@dataclass
class _Entry:
    """What one name key can mean."""
    munis: list = field(default_factory=list)       # [(Municipality, qualifier province)]
    regions: list[str] = field(default_factory=list)  # jeugdregio or cooperation ids
    region_cue_required: bool = False
    forms: set[str] = field(default_factory=set)    # canonical written forms
    acronym: bool = False                           # "WBO", "H10": exact upper case only


@dataclass(frozen=True)
class Cooperation:
    """A cooperation that is not a jeugdregio (id = slug of its usual name)."""
    id: str
    name: str
    within: str | None
    members: frozenset[str] = frozenset()   # CBS codes, where membership is certain
    members_years: tuple[int, int] | None = None   # the years that membership holds (None: 2015-2026)

    def members_in(self, year: int | None) -> frozenset[str]:
        """Members in ``year``; a membership bounded by mergers is unknown outside its years."""
        if self.members_years is None:
            return self.members
        first, last = self.members_years
        return self.members if year is not None and first <= year <= last else frozenset()


class PlaceIndex:
    """Name keys of every municipality, jeugdregio and cooperation, built once."""

    def __init__(self):
        rules = _rules()
        g = gz.get_gazetteer()
        self.gazetteer = g
        self.entries: dict[str, _Entry] = {}
        for key, ms in g.municipality_forms().items():
            e = self.entries.setdefault(key, _Entry())
            e.munis.extend(ms)
            for m, _ in ms:
                e.forms.update([m.name, *m.aliases])
        province_keys = {name_key(n) for n in rules["cue_required_regions"]["names"]}
        self.province_keys = province_keys
        self.region_names: dict[str, str] = {}
        for key, ids in g.region_forms().items():
            e = self.entries.setdefault(key, _Entry())
            e.regions.extend(i for i in ids if i not in e.regions)
            if e.munis or key in province_keys:
                e.region_cue_required = True
        for rid, reg in g.regions.items():
            self.region_names[rid] = re.sub(r"\s*\(.*\)\s*$", "", reg.name)
            for form in [reg.name, *reg.aliases]:
                k = name_key(gz.strip_cue(form))
                if k in self.entries:
                    self.entries[k].forms.add(form)
        self._add_region_aliases(rules["region_aliases"]["forms"])
        self.cooperations: dict[str, Cooperation] = {}
        for item in rules["cooperations"]["items"]:
            cid = item.get("id") or slugify(item["name"])
            years = item.get("members_years")
            self.cooperations[cid] = Cooperation(cid, item["name"], item.get("within"),
                                                 frozenset(item.get("members", [])),
                                                 tuple(years) if years else None)
            self.region_names[cid] = item["name"]
            for form, cue in [(n, False) for n in item.get("names", [])] + [(n, True) for n in item.get("cue_names", [])]:
                key = name_key(form)
                e = self.entries.setdefault(key, _Entry())
                if cid not in e.regions:
                    e.regions.append(cid)
                e.forms.add(form)
                if cue or e.munis:
                    e.region_cue_required = True
        for e in self.entries.values():
            e.acronym = bool(e.forms) and all(re.fullmatch(r"[A-Z][A-Z0-9]{1,4}", f) for f in e.forms)
        self.max_tokens = max(len(gz.name_tokens(f)) for e in self.entries.values() for f in e.forms or ["x"])
        self.suffixes = sorted(_lw(rules["region_compound_suffixes"]["suffixes"]), key=len, reverse=True)
        self.key_prefixes = self._key_prefixes()
        self.self_cue_endings = tuple(_lw(rules["region_compound_suffixes"]["self_cue_endings"]))
        self.adjectives = {name_key(k): v for k, v in rules["region_adjectives"]["forms"].items() if not k.startswith("_")}
        # Regular adjectives of unambiguous region names: "Zuid-Limburgse", "Rivierenlandse",
        # "Noord-Veluwse" (name + "se", a final "e" dropped). Irregular ones are in the rules.
        for key, e in self.entries.items():
            if len(e.regions) == 1 and not e.region_cue_required and not e.munis and not e.acronym:
                for adj in {key + "se", key[:-1] + "se" if key.endswith("e") else key + "se"}:
                    if adj not in self.entries:
                        self.adjectives.setdefault(adj, e.regions[0])
        # first words a name, compound or adjective ("zuid" of "Zuid-Kennemerlandse") may start with,
        # and the keys one word can match on its own
        self.first_words = self.key_prefixes | {a[:n] for a in self.adjectives for n in range(1, len(a) + 1)}
        self.one_word_keys = set(self.entries) | set(self.adjectives) | self._compound_keys()
        self.head_nouns = set(_lw(rules["region_adjectives"]["head_nouns"]))
        self.cues_singular = set(_lw(rules["region_cues"]["singular"]))
        self.cues_plural = set(_lw(rules["region_cues"]["plural"]))
        self.cues_or_articles = self.cues_singular | self.cues_plural | {"de", "het", "s"}
        self.partner_prefixes = tuple(_lw(rules["partner_cues"]["prefixes"]))
        self.own_procurement_prefixes = tuple(_lw(rules["own_procurement_cues"]["prefixes"]))
        self.stop_before = frozenset(_lw(rules["stop_before"]["words"]))
        self.stop_before_longest = max(map(len, self.stop_before))
        self.stop_before_endings = tuple(_lw(rules["stop_before"]["word_endings"]["endings"]))
        # one alternation for all the words: "a space, then any of them, then a word boundary"
        self.stop_after = re.compile(r"^ (?:" + "|".join(map(re.escape, _lw(rules["stop_after"]["words"]))) + r")\b")
        self.muni_cues = set(_lw(rules["municipality_cues"]["words"]))
        self.common_words = {name_key(n) for n in rules["common_word_names"]["names"]}
        self.surname_particles = sorted(_lw(rules["surname_particles"]["words"]), key=len, reverse=True)
        self.postcode = re.compile(rules["stop_before"]["postcode"]["pattern"])
        self.qualifiers = {name_key(k): v for k, v in rules["province_cues"]["qualifiers"].items()}
        self._load_real_text_cues(rules)

    def _compound_endings(self) -> set[str]:
        """What a region compound adds to a region key: one or two suffixes (``_compound_stem``)."""
        return {s2 + s for s in self.suffixes for s2 in ["", *self.suffixes]}

    def _compound_keys(self) -> set[str]:
        """Every key a region compound may have ("lekstroomgemeenten"; a superset: the stem
        lengths are checked by ``_Scanner._compound_stem``)."""
        return {key + end for key, e in self.entries.items() if e.regions for end in self._compound_endings()}

    def _key_prefixes(self) -> frozenset[str]:
        """Every beginning of a name key or of a region compound ("lekstroomgem", a region key and
        the start of one or two suffixes). A key of a text's tokens that is none of these begins no
        name, so the scan stops extending it there."""
        region_keys = [k for k, e in self.entries.items() if e.regions]
        ending_starts = {end[:n] for end in self._compound_endings() for n in range(1, len(end) + 1)}
        out = {key[:n] for key in self.entries for n in range(1, len(key) + 1)}
        out.update(key + start for key in region_keys for start in ending_starts)
        return frozenset(out)

    def _add_region_aliases(self, forms_by_region: dict) -> None:
        """Written forms of jeugdregio's the gazetteer lacks (place_rules 'region_aliases')."""
        for rid, forms in forms_by_region.items():
            if rid.startswith("_"):
                continue
            for form in forms:
                key = name_key(form)
                e = self.entries.setdefault(key, _Entry())
                if rid not in e.regions:
                    e.regions.append(rid)
                e.forms.add(form)
                if e.munis or key in self.province_keys:
                    e.region_cue_required = True

    def _load_real_text_cues(self, rules: dict) -> None:
        """Word lists for the ways real documents name regions: bodies, groups of municipalities,
        member lists, examples, words after a name."""
        bodies = rules["region_bodies"]
        self.body_heads = set(_lw(bodies["heads"]))
        self.cues_or_body_heads = self.cues_singular | self.cues_plural | self.body_heads
        self.body_domain_words = set(_lw(bodies["domain_words"]))
        self.body_bare_heads = set(_lw(bodies["bare_heads"]))
        self.body_head_modifiers = set(_lw(bodies["head_modifiers"]))
        self.body_heads_domain = set(_lw(bodies["heads_needing_domain_word"]))
        self.board_heads = set(_lw(bodies["board_heads"]))
        self.group_cues = set(_lw(rules["municipality_group_cues"]["phrases"]))
        self.member_lists = rules["member_lists"]
        ex = rules["example_cues"]
        self.example_phrases = {" ".join(t.lower() for t in _TOKEN.findall(fold(p))) for p in ex["phrases"]}
        self.example_gap = {" ".join(_TOKEN.findall(fold(w).lower())) for w in ex["gap_words"]}
        self.example_max_gap = int(ex["max_gap_words"])
        self.following_plain = set(_lw(rules["following_cues"]["plain"]))
        self.compass_words = set(_lw(rules["cooperation_discovery"]["compass_prefixes"]))

    def region_name(self, rid: str) -> str:
        return self.region_names.get(rid, rid)


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    return PlaceIndex()


# --------------------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    tok0: int                 # index of first token
    tok1: int                 # index after last token
    key: str
    kind: str                 # name | compound | adjective
    region_cue: bool = False
    plural_cue: bool = False
    cue_start: int | None = None
    muni_cue: bool = False
    region_id: str | None = None
    cbs: str | None = None
    candidates: list = field(default_factory=list)   # ambiguous municipalities
    common_word: bool = False
    sentence_initial: bool = False
    group_cue: bool = False   # after "gemeenten in" ("de 7 gemeenten in Zuid-Drenthe")
    body_cue: bool = False    # after the head of a regional body ("Inkooporganisatie Jeugdhulp ...")
    bare_body: bool = False   # after a capitalised domain word only ("Jeugdhulp Friesland")
    region_cue_lifted: bool = False  # a cue-required region name accepted without a full cue
    singular_cue: bool = False  # the (carried) cue is a singular one: "regio A en B"
    cue_carried: bool = False  # a singular cue stands before an earlier name of the coordination
    spelled_out: bool = False  # its municipalities follow in brackets: "regio X (A, B en C)"
    cue_word: str = ""         # the region cue before the name, as matched ("regio", "sociaal domein")
    confidence: float = 0.9


class _Scanner:
    def __init__(self, text: str, index: PlaceIndex, year: int | None):
        self.text = text
        self.folded = fold(text)
        self.lower = self.folded.lower()
        self.ix = index
        self.year = year
        self.tokens, self.words = _tokens(self.folded, self.lower)
        self.cooperation_names: dict[str, str] = {}   # unlisted cooperations found in this text
        self.area_members: dict[str, frozenset[str]] = {}   # pre-merger areas: id -> predecessor codes
        self.pre_merger: list[tuple[Mention, object]] = []  # names of municipalities not yet formed
        self._compounds: dict[str, str | None] = {}
        self._suffix_tuple = tuple(index.suffixes)
        self.care_title_end = 0      # end of the title when it is about care (see 'title_regions')

    # -- helpers --------------------------------------------------------------
    def _sep_ok(self, i: int) -> bool:
        """May tokens i and i+1 belong to one name?"""
        gap = self.text[self.tokens[i][1]:self.tokens[i + 1][0]]
        if _NAME_SEP.match(gap):
            return True
        # "St. Anthonis", "Nuenen c.a.", "H.I. Ambacht": a dot after a short token
        return len(self.tokens[i][2]) <= 2 and bool(_ABBREV_SEP.match(gap))

    def _before(self, pos: int, n: int = 40) -> str:
        return self.lower[max(0, pos - n):pos]

    def _prev_words(self, tok: int, n: int) -> list[str]:
        """Lower-case words before token ``tok`` on the same line (nearest last)."""
        out = []
        j = tok - 1
        limit = self.tokens[tok][0]
        while j >= 0 and len(out) < n:
            s, e, w = self.tokens[j]
            if "\n" in self.text[e:limit] or "\t" in self.text[e:limit]:
                break
            out.insert(0, w)
            limit = s
            j -= 1
        return out

    def _is_cap(self, tok: int) -> bool:
        s = self.tokens[tok][0]
        return self.text[s].isupper() or self.text[s].isdigit()

    # -- pass 1: raw mentions --------------------------------------------------
    def mentions(self) -> list[Mention]:
        toks, ix = self.tokens, self.ix
        out: list[Mention] = []
        resume = 0                           # the token after the last name taken
        for i in self._name_starts():
            if i < resume:
                continue
            found = self._longest_name(i)
            if found is None:
                continue
            n, key, kind = found
            w = toks[i][2]
            if w in _ARTICLES and not any(self._is_cap(j) for j in range(i, i + n)):
                continue
            if w in _ARTICLES and not self._is_cap(i) and kind == "name" and n == 1:
                continue
            resume = i + n
            if self._compass_glued(i):
                continue                     # "Noordoost-Twente", "Zuidwest-Friesland": a sub-area
            m = Mention(start=toks[i][0], end=toks[i + n - 1][1], tok0=i, tok1=i + n, key=key, kind=kind)
            self._whole_surface(m)
            if kind == "adjective":
                nxt = toks[i + n][2] if i + n < len(toks) else ""
                if nxt not in ix.head_nouns:
                    continue
                m.region_id = ix.adjectives[key]
            if kind == "name" and ix.entries[key].acronym:
                surface = self.text[m.start:m.end]
                if surface not in ix.entries[key].forms or self._all_caps_context(i, i + n):
                    continue
            out.append(m)
        return out

    def _name_starts(self) -> list[int]:
        """Tokens a name may start at, in text order: capitalised ones, digits and articles ("de
        Kempen") that are a key on their own or begin one with the next word. A C-level pass over
        the words keeps those that begin a key; the few left are checked one by one (the
        capital as ``_is_cap`` checks it)."""
        toks, words, text, ix = self.tokens, self.words, self.text, self.ix
        last = len(words) - 1
        out = []
        for i in compress(range(len(words)), map(ix.first_words.__contains__, words)):
            w, first = words[i], text[toks[i][0]]
            if not (w in _ARTICLES or first.isupper() or first.isdigit()):
                continue
            if w in ix.one_word_keys or (i < last and w + words[i + 1] in ix.first_words):
                out.append(i)
        return out

    def _longest_name(self, i: int) -> tuple[int, str, str] | None:
        """(tokens, key, kind) of the longest name, region compound or region adjective starting
        at token ``i``, or None."""
        toks, ix = self.tokens, self.ix
        w = toks[i][2]
        found = None
        key = ""
        for n in range(1, min(ix.max_tokens, len(toks) - i) + 1):
            if n > 1 and not self._sep_ok(i + n - 2):
                break
            key += toks[i + n - 1][2]
            if key not in ix.key_prefixes:
                break                        # no longer key can match either
            if key in ix.entries:
                found = (n, key, "name")
            elif comp := self._compound(key):
                found = (n, comp, "compound")
        if found is None and w in ix.adjectives:
            found = (1, w, "adjective")
        if found is None and i + 1 < len(toks):
            # hyphenated adjectives: "Zuid-Kennemerlandse gemeenten"
            two = w + toks[i + 1][2]
            if two in ix.adjectives and self._sep_ok(i):
                found = (2, two, "adjective")
        return found

    def _compass_glued(self, i: int) -> bool:
        """Is token ``i`` hyphened to a compass word before it ("Noordoost-Twente")? Then the name
        is part of a sub-area's name, not the region or town itself; a known compound ("Zuidoost-
        Brabant", "Midden-Drenthe") was matched from the compass word on and never gets here."""
        if i == 0 or self.tokens[i - 1][2] not in self.ix.compass_words:
            return False
        return self.text[self.tokens[i - 1][1]:self.tokens[i][0]] in ("-", "\u2010", "\u2011")

    def _whole_surface(self, m: Mention) -> None:
        """Evidence spans the name as written: the apostrophe of "'s-Hertogenbosch" (a token
        boundary) and the closing bracket of a qualifier inside the name ("Bergen (NH)")."""
        t = self.text
        if m.start > 0 and t[m.start - 1] in "'\u2019" and self.tokens[m.tok0][2] == "s":
            m.start -= 1
        if t.count("(", m.start, m.end) > t.count(")", m.start, m.end) and t[m.end:m.end + 1] == ")":
            m.end += 1

    def _compound(self, key: str) -> str | None:
        """"lekstroomgemeenten" → "lekstroom" when the stem names a region (memoised per key: the index does not
        change during a scan, and the same capitalised words recur throughout a document)."""
        if key not in self._compounds:
            self._compounds[key] = self._compound_stem(key)
        return self._compounds[key]

    def _compound_stem(self, key: str) -> str | None:
        if not key.endswith(self._suffix_tuple):
            return None   # most keys end in no compound suffix: one C call instead of a loop over them
        for suf in self.ix.suffixes:
            if key.endswith(suf) and len(key) > len(suf) + 2:
                stem = key[: -len(suf)]
                e = self.ix.entries.get(stem)
                if e and e.regions:
                    return stem
                # "Lekstroombreedgemeenten": strip a second suffix
                for suf2 in self.ix.suffixes:
                    if stem.endswith(suf2) and (e2 := self.ix.entries.get(stem[: -len(suf2)])) and e2.regions:
                        return stem[: -len(suf2)]
        return None

    def _all_caps_context(self, t0: int, t1: int) -> bool:
        """Is the acronym inside an all-capitals run ("HET ZOU KUNNEN")?"""
        for j in (t0 - 1, t1):
            if 0 <= j < len(self.tokens):
                s, e, _ = self.tokens[j]
                word = self.text[s:e]
                if len(word) > 1 and word.isupper() and word.isalpha():
                    return True
        return False

    # -- pass 2: context ------------------------------------------------------
    def annotate(self, ms: list[Mention]) -> list[Mention]:
        ix = self.ix
        kept: list[Mention] = []
        for k, m in enumerate(ms):
            before = self._before(m.start, 60)
            after = self.lower[m.end:m.end + 40]
            prev = self._prev_words(m.tok0, 3)
            body_start = self._body_cue(m)
            # stop contexts: part of a province / organisation / person / URL
            if self._stopped(m, before, after, prev, in_body=body_start is not None):
                continue
            if body_start is not None:
                m.body_cue = True
                m.cue_start = body_start
            # region cue directly before (articles skipped), or carried over a coordination
            words = [w for w in prev if w not in ("de", "het")]
            last1 = words[-1] if words else ""
            last2 = " ".join(words[-2:]) if len(words) >= 2 else ""
            cue_word = None
            for cand in (last2, last1):
                # "regio's" is tokenised as "regio" + "s"
                c = cand.replace(" s", "'s") if cand.endswith(" s") else cand
                if c in ix.cues_plural or cand + "'s" in ix.cues_plural:
                    # a singular cue carries too ("de regio A en B" names a joint area)
                    m.region_cue = m.plural_cue = True
                    m.singular_cue = c not in ix.cues_plural
                    cue_word = cand
                    break
                if c in ix.cues_singular:
                    m.region_cue = True
                    cue_word = cand
                    break
                if c in ix.group_cues:
                    m.group_cue = True
                    cue_word = cand
                    break
            if cue_word:
                m.cue_word = cue_word
                idx = self.lower.rfind(cue_word.split()[0], 0, m.start)
                if idx >= 0 and m.start - idx < 60:
                    m.cue_start = idx
            if not m.region_cue and k > 0:
                p = kept[-1] if kept else None
                if p is not None and p.plural_cue and _COORD.match(self.text[p.end:m.start]):
                    m.region_cue = m.plural_cue = True
                    m.singular_cue = m.cue_carried = p.singular_cue
            m.muni_cue = bool(words) and words[-1] in ix.muni_cues
            m.sentence_initial = bool(_SENTENCE_END.search(self.text[max(0, m.start - 8):m.start])) or m.start == 0
            kept.append(m)
        return kept

    def _words_back(self, tok: int, n: int) -> tuple[list[str], int]:
        """Up to ``n`` lower-case words before token ``tok`` (nearest last), across at most one
        line break per gap: a body's name is often set over the lines of a title page. A body's
        acronym in brackets right before the name is passed over ("Regionaal Serviceteam Jeugd
        (RSJ) IJsselland"). Also returns the token index of the first word."""
        out: list[str] = []
        j, limit = tok - 1, self.tokens[tok][0]
        acr = _BODY_ACRONYM.search(self.text, max(0, limit - 12), limit)
        if acr and j >= 1 and self.tokens[j][0] == acr.start() + 2:
            j, limit = j - 1, acr.start()
        while j >= 0 and len(out) < n:
            s, e, w = self.tokens[j]
            if not _BODY_GAP.match(self.text[e:limit]):
                break
            out.insert(0, w)
            limit, j = s, j - 1
        return out, j + 1

    def _body_cue(self, m: Mention) -> int | None:
        """Start of a regional body's name right before the mention ("Regionaal Serviceteam Jeugd
        IJsselland", "Opdrachtgeverschap Jeugdhulp Holland Rijnland"): a head, domain words, the
        name (place_rules 'region_bodies'). Marks a bare capitalised domain word before it
        ("Jeugdhulp Friesland") as ``bare_body``."""
        ix = self.ix
        prev, first = self._words_back(m.tok0, 8)   # first: token index of prev[0]
        j = len(prev)
        while j > 0 and prev[j - 1] in ix.body_domain_words:
            j -= 1
        # a region's board, named with 'van' before the name ("het Algemeen Bestuur van Holland Rijnland")
        if j == len(prev) and j >= 3 and prev[j - 1] == "van" and " ".join(prev[j - 3:j - 1]) in ix.board_heads:
            return self.tokens[first + j - 3][0]
        for n in (2, 1):
            head = " ".join(prev[j - n:j]) if j - n >= 0 else ""
            # a generic head needs a care word before the name or as the name's first word
            # ("Gemeenschappelijke Regeling Jeugdhulp Rijnmond": "Jeugdhulp Rijnmond" is an alias)
            domain = j < len(prev) or self.tokens[m.tok0][2] in ix.body_domain_words
            if head in ix.body_heads or head in ix.board_heads or (head in ix.body_heads_domain and domain):
                h = j - n
                while h > 0 and prev[h - 1] in ix.body_head_modifiers:
                    h -= 1                   # "Regionaal Serviceteam", "Tijdelijke Werkorganisatie"
                return self.tokens[first + h][0]
        if prev and prev[-1] in ix.body_bare_heads and self._is_cap(m.tok0 - 1) \
                and self.text[self.tokens[m.tok0 - 1][1]:m.start] == " " \
                and not (len(prev) >= 2 and prev[-2] in ix.stop_before):
            m.bare_body = True               # not in "Stichting Jeugdhulp Friesland" (a provider)
        return None

    def _stopped(self, m: Mention, before: str, after: str, prev: list[str], in_body: bool = False) -> bool:
        ix = self.ix
        # inside a URL or e-mail address (www.sociaaldomeinachterhoek.nl)
        span_l = self.text.rfind(" ", 0, m.start) + 1
        span_r = self.text.find(" ", m.end)
        chunk = self.text[span_l: span_r if span_r >= 0 else len(self.text)]
        if _URLISH.search(chunk):
            return True
        b = re.sub(r"\s+", " ", before).rstrip(" -")
        # a cue word directly before the name is allowed to stand between the
        # stop word and the name only for regions ("GGD regio Utrecht" stays a GGD)
        words = prev[:]
        while words and words[-1] in ix.cues_or_articles:
            words.pop()
        tail = " ".join(words)
        if _ends_with_phrase(tail, ix.stop_before, ix.stop_before_longest) \
                or _ends_with_phrase(b, ix.stop_before, ix.stop_before_longest):
            return True
        if prev:
            j = m.tok0 - 1
            s, e, w = self.tokens[j]
            word = self.text[s:e]
            gap = self.text[e:m.start]
            if gap.strip() == "" and word[:1].isupper() and w.endswith(ix.stop_before_endings) and len(w) > 4 \
                    and not in_body:
                return True
        return bool(ix.stop_after.match(re.sub(r"\s+", " ", after)))

    def starts_with_cue(self, m: Mention) -> bool:
        """An alias that holds its own cue or body head ("Sociaal Domein Fryslân", "GR Jeugdhulp
        Rijnmond", "jeugdzorgregio H10")."""
        ix, words = self.ix, [w for _, _, w in self.tokens[m.tok0:min(m.tok1 - 1, m.tok0 + 2)]]
        cues = ix.cues_or_body_heads
        return bool(words) and (words[0] in cues or " ".join(words[:2]) in cues)

    def followed_by_head(self, m: Mention) -> bool:
        """A possessive and a region head noun ("Twente's gemeenten", "Zeeland's aanpak"), or a
        noun for the municipalities right after the name ("de Holland Rijnland gemeenten")."""
        k = m.tok1
        if k < len(self.tokens) and self.tokens[k][2] == "s" \
                and self.text[m.end:self.tokens[k][0]] in ("'", "\u2019"):
            return k + 1 < len(self.tokens) and self.tokens[k + 1][2] in self.ix.head_nouns \
                and self.text[self.tokens[k][1]:self.tokens[k + 1][0]] == " "
        return k < len(self.tokens) and self.tokens[k][2] in self.ix.following_plain \
            and self.text[m.end:self.tokens[k][0]] == " "

    def _sentence_start_at(self, pos: int) -> bool:
        return pos == 0 or bool(_SENTENCE_END.search(self.text[max(0, pos - 8):pos]))


def _ends_with_phrase(text: str, phrases: frozenset[str], longest: int) -> bool:
    """Is ``text`` one of ``phrases``, or does it end in a space and one of them? (Looks up the
    text after each of its last spaces instead of trying every phrase.)"""
    if text in phrases:
        return True
    space = text.find(" ", max(0, len(text) - longest - 1))
    while space >= 0:
        if text[space + 1:] in phrases:
            return True
        space = text.find(" ", space + 1)
    return False


# --------------------------------------------------------------------------- interpretation
def _region_cues(sc: _Scanner, m: Mention, e: _Entry) -> None:
    """Cues a region name carries in itself or from its surroundings in real documents."""
    ix = sc.ix
    last = sc.tokens[m.tok1 - 1][2]
    if last in ix.head_nouns or last.endswith(ix.self_cue_endings) or sc.followed_by_head(m):
        m.region_cue = True            # "Zeeuwse gemeenten", "Drechtsteden", "Twente's gemeenten"
    if m.body_cue or (m.group_cue and not e.munis) or sc.starts_with_cue(m):
        m.region_cue = True            # "Inkooporganisatie Jeugdhulp Zeeland", "gemeenten in Zuid-Drenthe"
    in_care_title = m.end <= sc.care_title_end
    if (m.bare_body or in_care_title) and not e.munis and not m.region_cue:
        m.region_cue_lifted = True     # "Jeugdhulp Friesland", a care title: a region, but a bare mention


def _interpret(sc: _Scanner, ms: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Split mentions into (regions, municipalities); ambiguous municipalities keep candidates."""
    ix, g, year = sc.ix, sc.ix.gazetteer, sc.year
    regions: list[Mention] = []
    munis: list[Mention] = []
    for m in ms:
        if m.kind in ("compound", "adjective"):
            if m.region_id is None:
                e = ix.entries[m.key]
                m.region_id = e.regions[0] if len(e.regions) == 1 else None
            if m.region_id:
                m.region_cue = True
                m.confidence = 0.95
                regions.append(m)
            continue
        e = ix.entries[m.key]
        if e.regions:
            _region_cues(sc, m, e)
        if e.regions and (m.region_cue or m.region_cue_lifted or not e.region_cue_required):
            if len(e.regions) == 1:
                m.region_id = e.regions[0]
                m.confidence = 0.95 if m.region_cue else 0.85
                regions.append(m)
            continue
        if not e.munis:
            continue
        future = _not_yet_formed(sc, m)
        if future is not None:
            sc.pre_merger.append((m, future))
            continue
        if m.group_cue and m.key in ix.province_keys:
            continue                       # "gemeenten in Utrecht": the province, neither city nor region
        if m.region_cue and not m.cue_carried and "regio" in m.cue_word:
            # "regio Zwolle": the jeugdregio of that (central) municipality. A municipality
            # coordinated after a region ("regio Achterhoek en Zutphen") joins that
            # region's work and stays a municipality: a carried cue does not make it a region.
            # Only a "regio" word does this: "(Adviesraad) Sociaal Domein Oss", "GR Zwolle"
            # are the town's own council or arrangement.
            cands = g.municipality_candidates(m.key, year)
            if len(cands) == 1:
                regs = g.regions_of(cands[0].cbs, year)
                if len(regs) == 1:
                    m.region_id = regs[0].id
                    m.confidence = 0.7
                    regions.append(m)
            continue
        if not _muni_surface_ok(sc, m):
            continue
        province = _qualifier_province(sc, m)
        cands = g.municipality_candidates(m.key, year)
        if province:
            # "Hengelo (Gld)" is a village in Bronckhorst, not Hengelo in Overijssel
            cands = [c for c in cands if name_key(c.province) == name_key(province)]
        if not cands:
            continue
        if _former_municipality_as_place(sc, m, cands):
            continue
        m.common_word = m.key in ix.common_words
        if len(cands) == 1:
            m.cbs = cands[0].cbs
        else:
            m.candidates = cands
        m.confidence = 0.75 if m.common_word else 0.9
        munis.append(m)
    return regions, munis


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MERGER_WORDS = re.compile(r"(?i)\b(?:fuse\w*|fusie\w*|herinde\w*|samengevoegd|samenvoeging|opgegaan|opgeheven|"
                           r"voormalig\w*|gingen\s+op|ging\s+op)\b")


def _former_municipality_as_place(sc: _Scanner, m: Mention, cands: list) -> bool:
    """A name whose municipality was dissolved before the document's year ('Heerhugowaard' in a
    2025 text, part of Dijk en Waard since 2022) names a town, not a municipality - unless the
    text speaks of the municipality itself ('de (voormalige) gemeente Vianen') or of a time it
    still existed (a year up to its last one in the same sentence)."""
    if sc.year is None or any(c.valid_in(sc.year) for c in cands):
        return False
    last = max((c.valid_to.year for c in cands if c.valid_to), default=None)
    if last is None or last >= sc.year:
        return False
    prev = sc._prev_words(m.tok0, 2)  # noqa: SLF001
    if prev and (prev[-1] in ("gemeente", "gemeenten", "gemeentes") or any(w.startswith("voormalig") for w in prev)):
        return False
    sentence = _sentence(sc.text, m.start, m.end)
    if _MERGER_WORDS.search(sentence):
        return False                       # 'In 2019 fuseerden Nuth, Onderbanken en Schinnen'
    # a year up to the one its successor started in
    return not any(int(y) <= last + 1 for y in _YEAR.findall(sentence))


def _not_yet_formed(sc: _Scanner, m: Mention):
    """The municipality a name means when it was only formed after the document's year ('Hoeksche
    Waard' in a 2016 text; the municipality exists from 2019), else None. Before a merger such a
    name is the area, or the cooperation, of the municipalities that later merged. The text may
    still speak of the coming municipality ('de nieuwe gemeente Hoeksche Waard', a merger in the
    sentence, a year from its start on): then it is the municipality and None is returned."""
    if sc.year is None:
        return None
    cands = sc.ix.gazetteer.municipality_candidates(m.key, sc.year)
    if not cands or any(c.valid_from is None or c.valid_from.year <= sc.year for c in cands):
        return None
    first = min(c.valid_from.year for c in cands)
    prev = sc._prev_words(m.tok0, 3)  # noqa: SLF001
    if prev and (prev[-1] in ("gemeente", "gemeenten", "gemeentes") or any(w.startswith(("nieuw", "toekomst"))
                                                                            for w in prev)):
        return None
    sentence = _sentence(sc.text, m.start, m.end)
    if _MERGER_WORDS.search(sentence) or any(int(y) >= first for y in _YEAR.findall(sentence)):
        return None
    return cands[0] if len(cands) == 1 else None


def _pre_merger_areas(sc: _Scanner, munis: list[Mention]) -> list[Mention]:
    """Region mentions for the names of municipalities not yet formed (see _not_yet_formed), with
    the slug of the name as id (domain.md) and the predecessors as members. The name counts as a
    region when it is cued ('regio Krimpenerwaard'), in a care title, or when the text names at
    least half of the municipalities that were to merge; otherwise it names a landscape only."""
    g, out = sc.ix.gazetteer, []
    named = {m.cbs for m in munis}
    for m, future in sc.pre_merger:
        preds = frozenset(p.cbs for p in g.predecessors(future.cbs))
        if len(preds) < 2:
            continue                         # a renaming, not a merger of several
        cued = m.region_cue or m.body_cue or m.group_cue or m.end <= sc.care_title_end
        if not cued and 2 * len(preds & named) < len(preds):
            continue
        name = future.display_name
        m.region_cue = m.region_cue or m.body_cue or m.group_cue   # "de vijf gemeenten van de Hoeksche Waard"
        m.region_id = slugify(name)
        m.confidence = 0.8
        sc.area_members[m.region_id] = preds
        sc.cooperation_names.setdefault(m.region_id, name)
        out.append(m)
    return out


# one unknown name between two list items: ", Hardinxveld-Giesendam, " / ", Sliedrect en "
_LIST_SLOT = re.compile(r"^[ \u00a0]*[,;/][ \u00a0]*(?P<n>(?:IJ|[A-Z])[a-zà-ÿ]+(?:[\- ](?:[a-z]{1,3}[\- ])?(?:IJ|[A-Z])?[a-zà-ÿ]+){0,3})"
                        r"[ \u00a0]*(?:,|\ben\b|\bof\b)[ \u00a0]*$")
_MISSPELLING_MIN_KEY = 8      # short names are too alike to guess ("Epe" / "Ede")
_MISSPELLING_RATIO = 0.9      # one letter dropped, doubled or swapped in a long name


def _misspelled_in_lists(sc: _Scanner, munis: list[Mention]) -> list[Mention]:
    """Municipalities spelled a letter off inside a list of correctly spelled ones ("Gorinchem,
    Hardinxveld-Giesendam, Leerdam"): the list says the slot is a municipality, and a long name
    that differs from one municipality of the document's year by a letter is that one. The best
    match must be unique and no other known place may fit as well."""
    g, out = sc.ix.gazetteer, []
    ordered = sorted(munis, key=lambda m: m.start)
    pool: dict[str, dict[str, object]] | None = None
    starts = None
    for a, b in zip(ordered, ordered[1:]):
        mt = _LIST_SLOT.match(sc.text[a.end:b.start])
        if not mt:
            continue
        key = name_key(mt["n"])
        if len(key) < _MISSPELLING_MIN_KEY or key in sc.ix.entries:
            continue
        if pool is None:
            # by first letter: a slip is rarely in the first letter, and each slot then compares
            # with a few dozen names instead of all of them
            pool = {}
            for mu in g.municipalities_in(sc.year):
                k = name_key(mu.display_name)
                pool.setdefault(k[:1], {})[k] = mu
            starts = [t[0] for t in sc.tokens]
        names = pool.get(key[:1], {})
        close = difflib.get_close_matches(key, list(names), n=2, cutoff=_MISSPELLING_RATIO)
        if len(close) != 1:
            continue
        s, e = a.end + mt.start("n"), a.end + mt.end("n")
        out.append(Mention(start=s, end=e, tok0=bisect.bisect_left(starts, s), tok1=bisect.bisect_left(starts, e),
                           key=key, kind="name", cbs=names[close[0]].cbs, confidence=0.7))
    return out


def _muni_surface_ok(sc: _Scanner, m: Mention) -> bool:
    """Reject names glued into compounds or used as surnames."""
    t = sc.text
    nxt = t[m.end:m.end + 2]
    if len(nxt) == 2 and nxt[0] in "-\u2010\u2011" and nxt[1].isalpha():
        return False                                   # "Nieuwegein-Zuid", "Rotterdam-Rijnmond"
    prv = t[max(0, m.start - 2):m.start]
    if len(prv) == 2 and prv[1] in "-\u2010\u2011" and prv[0].isalpha():
        return False                                   # "Groot-Amsterdam"
    before = t[max(0, m.start - 30):m.start]
    if _INITIALS.search(before.rstrip() + " ") and re.search(r"\b[A-Z]\.\s*$", before):
        return False                                   # "J.P. Buren"
    if sc.ix.postcode.search(before):
        return False                                   # "2514 JS Den Haag": an address line
    van = re.search(r"\bVan\s+$", before)
    if van and not sc._sentence_start_at(m.start - len(van.group())):  # noqa: SLF001
        return False                                   # "de heren Van Delft, Van Dongen"
    if m.key in sc.ix.common_words:
        bl = fold(before).lower()
        for p in sc.ix.surname_particles:
            if re.search(r"\b" + re.escape(p) + r"\s+$", bl):
                return False                           # "van der Beek", "ten Buren"
    return True


def _qualifier_province(sc: _Scanner, m: Mention) -> str | None:
    """Province named right after a homonymous name: "Bergen (NH)", "Bergen (L.)", "Bergen NH"."""
    q = re.match(r"\s*\(\s*([A-Za-z.\- ]{1,15}?)\s*\.?\s*\)|\s+([A-Z]{1,2}|Noord-Holland|Limburg)\b", sc.text[m.end:m.end + 20])
    if not q:
        return None
    return sc.ix.qualifiers.get(name_key(q.group(1) or q.group(2)))


def _accept_common_words(sc: _Scanner, munis: list[Mention]) -> list[Mention]:
    """Keep common-word municipality names only where the context says they are places."""
    t = sc.text
    solid = [not m.common_word or m.muni_cue for m in munis]
    # list coordination ("Buren, Culemborg en Tiel") confirms neighbours; two rounds for chains
    for _ in range(2):
        for i, m in enumerate(munis):
            if solid[i]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(munis) and solid[j]:
                    a, b = (munis[j], m) if j < i else (m, munis[j])
                    gap = t[a.end:b.start]
                    # a plain space joins no list ("Best Den Haag"); a tab or line break does when the
                    # name stands alone in its cell or line (a table row, one name per line; not
                    # "Leiden\nBuren helpen elkaar")
                    if (_COORD.match(gap) or _BULLET_GAP.match(gap) or _LIST_GAP.match(gap)) \
                            and (gap.strip() or (("\t" in gap or "\n" in gap) and _alone_in_cell(t, m))):
                        solid[i] = True
    out = []
    for i, m in enumerate(munis):
        if solid[i]:
            out.append(m)
            continue
        if m.sentence_initial:
            continue
        # after a capitalised word: a person or organisation name ("Edith Stein",
        # "Karin Houten"). Cued uses ("In Best") were already accepted above.
        prev = re.search(r"(\S+)[ \u00a0]+$", t[max(0, m.start - 40):m.start])
        if prev and prev.group(1)[:1].isupper() and prev.group(1)[-1].isalpha():
            continue
        # mid-sentence, capitalised, and not the start of a longer proper name ("Best Value")
        nxt = re.match(r"[ \u00a0]+(\S+)", t[m.end:m.end + 30])
        if nxt and nxt.group(1)[:1].isupper():
            continue
        out.append(m)
    return out


def _alone_in_cell(text: str, m: Mention) -> bool:
    """Is the mention all of its table cell or line (nothing but a separator after it)?"""
    return bool(re.match(r"[ \u00a0]*(?:[,;]|\t|\r?\n|$)", text[m.end:m.end + 3]))


def _resolve_homonyms(sc: _Scanner, regions: list[Mention], munis: list[Mention]) -> list[Mention]:
    """Resolve "Bergen" etc. by the provinces of the other places in the document."""
    g = sc.ix.gazetteer
    provinces: Counter = Counter()
    for m in munis:
        if m.cbs:
            provinces[g.municipality(m.cbs).province] += 1
    for m in regions:
        mem = g.members(m.region_id, sc.year) if m.region_id in g.regions else []
        if mem:
            provinces[Counter(x.province for x in mem).most_common(1)[0][0]] += 1
    out = []
    for m in munis:
        if m.cbs is None:
            scored = sorted(((provinces.get(c.province, 0), c) for c in m.candidates), key=lambda x: -x[0])
            if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
                continue
            m.cbs = scored[0][1].cbs
            m.confidence = min(m.confidence, 0.7)
        out.append(m)
    return out


# --------------------------------------------------------------------------- which regions count
def _title_end(ctx: ExtractionContext) -> int:
    """End offset of the title: the first heading/paragraph block, else the first line."""
    doc = ctx.doc
    text = doc.text
    if ctx.part is not None and ctx.part.index > 0:
        return 0                      # a later part of a long document has no title of its own
    for b in sorted(doc.blocks, key=lambda b: b.start):
        if text[b.start:b.end].strip():
            return min(b.end, b.start + 300)
    first = text.lstrip()
    off = len(text) - len(first)
    nl = first.find("\n")
    return off + (nl if 0 <= nl < 300 else min(len(first), 300))


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in ".!?\n")
    bs = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[a + 1: min(bs) if bs else len(text)]


def _lead_end(text: str, title_end: int) -> int:
    """End of the lead: the first sentence after the title. A news item or letter names the
    region it is about there ("In de regio A en B worden de contracten verlengd"); a region
    named with a cue in the lead is the text's own even when it is not named again."""
    pos = title_end
    while pos < len(text) and text[pos] in " \t\r\n\u00a0":
        pos += 1
    found = _LEAD_STOP.search(text, pos)
    return found.start() if found else len(text)


_LEAD_STOP = re.compile(r"[.!?](?=\s)|\n")
_TITLE_PAGE_LINES = 6      # title, subtitle, author, body, date ...: the lines of a title page
_TITLE_PAGE_LINE_MAX = 80  # a longer line is running prose, where the title page has ended


def _on_title_page_line(text: str, m: Mention) -> bool:
    """Is the mention the main content of a short line among the first lines of the text, before
    any line of prose? ("Opgesteld door:\nRegio Holland Rijnland\nDatum: ...") Such a line names
    the document's own region or its author; a region named once in running text does not."""
    pos = 0
    for _ in range(_TITLE_PAGE_LINES):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end].strip()
        if len(line) > _TITLE_PAGE_LINE_MAX:
            return False
        if pos <= m.start and m.end <= end:
            # the name is most of the line ('Holland Rijnland', 'Serviceteam Jeugd Twente')
            return (m.end - m.start) * 2 >= len(line)
        if nl < 0:
            return False
        pos = nl + 1
        while pos < len(text) and text[pos] in " \t\r\n\u00a0":   # blank lines do not count
            pos += 1
    return False


def _care_title(title: str) -> bool:
    """Is the title about care or its procurement? (place_rules 'title_regions')"""
    prefixes = tuple(_lw(_rules()["title_regions"]["word_prefixes"]))
    return any(w.startswith(prefixes) for w in re.findall(r"[^\W\d_]+", fold(title).lower()))


def _is_example(sc: _Scanner, m: Mention) -> bool:
    """Is the region mention introduced as an example ("zoals in de regio Twente")?
    (place_rules 'example_cues')"""
    if m.tok0 < 0:
        return False
    words = sc._prev_words(m.tok0, sc.ix.example_max_gap + 3)  # noqa: SLF001
    i = len(words)
    for _ in range(sc.ix.example_max_gap + 1):
        for n in (3, 2, 1):
            if i >= n and " ".join(words[i - n:i]) in sc.ix.example_phrases:
                return True
        if i == 0 or words[i - 1] not in sc.ix.example_gap:
            break
        i -= 1                              # skip "in", "de", "regio" between cue and name
    return False


def _drop_examples(sc: _Scanner, regions: list[Mention]) -> list[Mention]:
    """Region mentions that are not examples; a name coordinated with an example is one too."""
    out, prev_example = [], None
    for m in regions:
        example = _is_example(sc, m) or (prev_example is not None and m.start > prev_example.end
                                         and _COORD.match(sc.text[prev_example.end:m.start])
                                         and bool(sc.text[prev_example.end:m.start].strip()))
        if example:
            prev_example = m
            continue
        prev_example = None
        out.append(m)
    return out


def _comparative_regions(sc: _Scanner, by: dict[str, list[Mention]], title_end: int) -> dict[str, list[Mention]]:
    """In a text comparing many regions only the title's regions and a dominant one count
    (place_rules 'comparative_texts')."""
    rules = _rules()["comparative_texts"]
    keep = {rid for rid, ms in by.items()
            if any(m.start < title_end or _on_title_page_line(sc.text, m) for m in ms)}
    counts = sorted(((len(ms), rid) for rid, ms in by.items()), reverse=True)
    (n1, top), (n2, _) = counts[0], counts[1]
    if n1 >= rules["dominant_min"] and n1 >= rules["dominant_ratio"] * n2:
        keep.add(top)
    return {rid: ms for rid, ms in by.items() if rid in keep}


def _select_regions(sc: _Scanner, ctx: ExtractionContext, regions: list[Mention],
                    munis: list[Mention] = ()) -> dict[str, list[Mention]]:
    by: dict[str, list[Mention]] = {}
    for m in _drop_examples(sc, regions):
        ms = by.setdefault(m.region_id, [])
        # "regio Rotterdam-Rijnmond" is one mention even though two names resolve to it
        if ms and re.fullmatch(r"[\s\-\u2010\u2011\u2013/]{0,3}", sc.text[ms[-1].end:m.start]):
            if m.region_cue and not ms[-1].region_cue:
                ms[-1] = m                   # keep the cued one of the two as evidence
            continue
        ms.append(m)
    title_end = _title_end(ctx)
    if len(by) >= _rules()["comparative_texts"]["min_regions"]:
        return _comparative_regions(sc, by, title_end)
    if len(by) == 1:
        # the only region named: kept unless it is a bare name said once in passing
        # ("het Leernetwerk Haaglanden" in a national agenda)
        (rid, ms), = by.items()
        if len(ms) >= 2 or any(m.region_cue or m.kind == "members" or m.spelled_out or m.start < title_end
                               for m in ms):
            return by
        # named once on a title page line of its own (subtitle, author or sender line)
        if any(_on_title_page_line(sc.text, m) for m in ms):
            return by
        # named once, but the municipalities the text names lie in it: the text's own region
        # ('het aantal jeugdigen in Noordoost-Brabant' in a newsletter that names Oss)
        members = _region_members(sc, rid)
        if any(m.cbs in members for m in munis):
            return by
        return {}
    keep: set[str] = set()
    lead_end = _lead_end(sc.text, title_end)
    for rid, ms in by.items():
        if len(ms) >= 2 or any(m.start < title_end or m.kind == "members" or m.spelled_out for m in ms) \
                or any(m.region_cue and m.start < lead_end for m in ms):
            keep.add(rid)
            continue
        for m in ms:
            words = re.findall(r"\w+", fold(_sentence(sc.text, m.start, m.end)).lower())
            if any(w.startswith(sc.ix.partner_prefixes + sc.ix.own_procurement_prefixes) for w in words):
                keep.add(rid)   # a partner, or a neighbour reported buying care itself
    # coordinated with a kept region ("regio's IJmond en Zuid-Kennemerland")
    changed = True
    while changed:
        changed = False
        for a, b in zip(regions, regions[1:]):
            if (a.region_id in keep) != (b.region_id in keep) and _COORD.match(sc.text[a.end:b.start]) \
                    and sc.text[a.end:b.start].strip():
                keep.update([a.region_id, b.region_id])
                changed = True
    # a cooperation named as the union of two kept regions ("Meierij-Bommelerwaard" in a text that
    # names the regio's Meierij and Bommelerwaard) is theirs, though named once and without a cue
    kept_keys = {m.key for rid in keep for m in by[rid]}
    for rid, ms in by.items():
        if rid not in keep and any(_joins_kept_regions(sc, m, kept_keys) for m in ms):
            keep.add(rid)
    return {rid: ms for rid, ms in by.items() if rid in keep}


_UNION_JOIN = re.compile(r"\s*(?:[-\u2010\u2011\u2013/&+]|\ben\b)\s*")


def _joins_kept_regions(sc: _Scanner, m: Mention, kept_keys: set[str]) -> bool:
    parts = [p for p in _UNION_JOIN.split(sc.text[m.start:m.end]) if p]
    return len(parts) >= 2 and all(name_key(p) in kept_keys for p in parts)


def _drop_short_forms(sc: _Scanner, by: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """An uncued cooperation name that is part of the name of another region the text names is a
    short form of that region ("Inkoopbureau IJmond & Kennemerland" in a text for the regio's
    Zuid-Kennemerland en IJmond), not a further region. Cued ("regio West-Brabant") it stays."""
    keys = {rid: {m.key for m in ms if m.key} for rid, ms in by.items()}
    out = {}
    for rid, ms in by.items():
        if rid in sc.ix.cooperations and not any(m.region_cue for m in ms) and all(
                any(m.key != k and m.key in k for other, ks in keys.items() if other != rid for k in ks)
                for m in ms):
            continue
        out[rid] = ms
    return out


def _single_member_regions(sc: _Scanner, ctx: ExtractionContext, munis: list[Mention],
                           regions: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A municipality that is a jeugdregio on its own (Utrecht, Haarlemmermeer) and is the
    document's subject (in the title, or the only place named often) is also its region."""
    g = sc.ix.gazetteer
    counts = Counter(m.cbs for m in munis)
    title_end = _title_end(ctx)
    out: dict[str, list[Mention]] = {}
    for cbs, n in counts.items():
        regs = g.regions_of(cbs, sc.year)
        if len(regs) != 1 or len(regs[0].period(sc.year).members) != 1 or regs[0].id in regions:
            continue
        first = next(m for m in munis if m.cbs == cbs)
        in_title = first.start < title_end
        dominant = not regions and n >= 3 and n * 2 >= sum(counts.values())
        if in_title or dominant:
            out[regs[0].id] = [first]
    return out


# --------------------------------------------------------------------------- regions named by their members
# what joins the names of a list: commas, "en"/"of", slashes, line breaks, bullets, "gemeente(n)"
# (a footnote digit glued to the previous name, "Emmen1, Hoogeveen", or a page marker "(2)"
# may stand in between)
_LIST_GAP = re.compile(r"^\d{0,2}(?:\s*\(\d{1,3}\))?[\s,;/&\uf0b7\uf0a7\u2022\u25aa\u25cf\u2013*\-]*(?:(?:en|of)\b[\s,]*)?"
                       r"(?:(?:de\s+)?gemeente[ns]?\s+)?$", re.I)


def _region_members(sc: _Scanner, rid: str) -> frozenset[str]:
    """CBS codes of a jeugdregio in the document's year, or of a cooperation with known members."""
    if rid in sc.ix.cooperations:
        return sc.ix.cooperations[rid].members_in(sc.year)
    if rid in sc.area_members:
        return sc.area_members[rid]
    return frozenset(m.cbs for m in sc.ix.gazetteer.members(rid, sc.year))


def _municipality_lists(sc: _Scanner, munis: list[Mention]) -> list[list[Mention]]:
    """Runs of municipality mentions joined as a list ("A, B, C en D", a bullet list)."""
    runs: list[list[Mention]] = []
    for m in sorted(munis, key=lambda m: m.start):
        if runs and _LIST_GAP.match(sc.text[runs[-1][-1].end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


_OPEN_LIST = re.compile(r"^[ \u00a0]*\([ \u00a0]*(?:(?:de\s+)?gemeente[ns]?\s+)?$", re.I)


def _mark_spelled_out(sc: _Scanner, regions: list[Mention], munis: list[Mention]) -> None:
    """A region followed by its municipalities in brackets ("de regio Alblasserwaard-Vijfheerenlanden
    (Gorinchem, Leerdam, ...)", "de zes Drechtsteden (Alblasserdam, Dordrecht, ...)") is spelled out
    as a region the text deals with, not named in passing. At least two municipalities open the
    brackets; when the region's members are known, the listed ones must (nearly) all be members
    (place_rules 'member_lists' share_in_region), so a bracket of examples elsewhere does not count."""
    share = sc.ix.member_lists["share_in_region"]
    runs = _municipality_lists(sc, munis)          # in text order
    starts = [run[0].start for run in runs]
    for m in regions:
        if m.kind == "members":
            continue
        close = sc.text.find("(", m.end, m.end + 12)
        if close < 0 or not _OPEN_LIST.match(sc.text[m.end:close + 1]):
            continue
        k = bisect.bisect_right(starts, close)     # the first list after the bracket
        if k == len(runs) or starts[k] > close + 20 or not _OPEN_LIST.match(sc.text[m.end:starts[k]]):
            continue
        run = runs[k]
        if len({x.cbs for x in run}) < 2:
            continue
        members = _region_members(sc, m.region_id)
        codes = {x.cbs for x in run}
        if members and len(codes & members) < share * len(codes):
            continue
        m.spelled_out = True


def _member_list_regions(sc: _Scanner, munis: list[Mention]) -> list[Mention]:
    """Region mentions for lists that enumerate (nearly) all members of one region
    (thresholds and their reasons: place_rules 'member_lists')."""
    rules, g = sc.ix.member_lists, sc.ix.gazetteer
    out = []
    for run in _municipality_lists(sc, munis):
        codes = {m.cbs for m in run}
        if len(codes) < rules["min_listed"]:
            continue
        cands = {r.id for c in codes for r in g.regions_of(c, sc.year)}
        cands |= {cid for cid, co in sc.ix.cooperations.items() if co.members_in(sc.year) & codes}
        best = None
        for rid in sorted(cands):
            members = _region_members(sc, rid)
            inside = len(codes & members)
            if inside >= rules["min_listed"] and inside >= rules["share_of_members"] * len(members) \
                    and inside >= rules["share_in_region"] * len(codes):
                rank = (inside / len(members), -len(members))
                if best is None or rank > best[0]:
                    best = (rank, rid)
        if best:
            out.append(Mention(start=run[0].start, end=run[-1].end, tok0=run[0].tok0, tok1=run[-1].tok1,
                               key="", kind="members", region_id=best[1], confidence=0.75))
    return out


# --------------------------------------------------------------------------- unlisted cooperations
@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Base forms of the Dutch lookup lemmatizer (spacy-lookups-data) plus the rules' not_names:
    a word in it is a common word, never a cooperation's proper name."""
    words: set[str] = set(_lw(_rules()["cooperation_discovery"]["not_names"]))
    try:
        from spacy.lookups import load_lookups
        table = load_lookups("nl", ["lemma_lookup"]).get_table("lemma_lookup")
        words.update(fold(str(v)).lower() for v in table.values())
    except Exception:  # noqa: BLE001 - without the lexicon only the explicit list guards
        pass
    return frozenset(words)


@lru_cache(maxsize=1)
def _discovery_res() -> tuple[re.Pattern, re.Pattern]:
    rules = _rules()["cooperation_discovery"]
    heads = "|".join(re.escape(h) for h in sorted(_lw(rules["heads"]), key=len, reverse=True))
    # a proper name: 1-3 capitalised words, joined by a space or hyphen or a particle
    # ("IJ" is one capital letter in Dutch: "IJssel-Vecht"). Neither pattern crosses a line
    # break: they are searched only in the lines holding a needle (_discovery_needles).
    name = r"(?:IJ|[A-Z])[a-zà-ÿ]+(?:(?:-|[  ]|[  ](?:van|en|de|aan)[  ])(?:IJ|[A-Z])[a-zà-ÿ]+){0,2}"
    after_head = re.compile(r"(?<![\w-])(?i:" + heads + r")[  ]+(?:(?i:de)[  ]+)?(?P<n>" + name + r")(?![\w\-\u00ad])")
    suffix = re.escape(rules["compound_suffix"])
    compound = re.compile(r"(?<![\w-])(?i:de)[  ]+(?P<n>[A-Z][a-zà-ÿ]{3,}|[A-Z]{3,6})-?" + suffix + r"(?![\w\-\u00ad])")
    return after_head, compound


@lru_cache(maxsize=1)
def _discovery_needles() -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """Literal parts that every match of the two discovery patterns holds, so that they are
    searched only in the lines holding one (most lines of a text name no cooperation head).

    Heads: of each head its longest run of letters other than "i", looked for in the folded
    lower-case text. The heads match case-insensitively, and IGNORECASE takes a letter a-z only
    for characters that fold and lower-case to it - except the dotless "ı" (U+0131) for "i",
    which fold keeps. None (search every line) if a head has no such run. Compounds: the suffix,
    which the pattern matches as written, looked for in the text itself."""
    rules = _rules()["cooperation_discovery"]
    runs = [re.findall(r"[a-hj-z]+", h) for h in _lw(rules["heads"])]
    heads = None
    if all(runs):
        longest = {max(r, key=len) for r in runs}
        # a needle holding a shorter one adds no line ("inkoopreg" holds "reg")
        heads = tuple(sorted(n for n in longest if not any(o != n and o in n for o in longest)))
    return heads, (rules["compound_suffix"],)


def _lines_with(text: str, haystack: str, needles: tuple[str, ...] | None) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` in which ``haystack`` (``text`` or a same-length form
    of it) holds one of ``needles``, in text order; every line when ``needles`` is None."""
    if needles is None:
        return [(0, len(text))]
    hits = []
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            hits.append(at)
            at = haystack.find(needle, at + 1)
    lines, end = [], -1
    for at in sorted(hits):
        if at > end:
            start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
            end = len(text) if end < 0 else end
            lines.append((start, end))
    return lines


def _name_words(name: str) -> list[str]:
    """The words of a candidate name that must be proper names. A compass word hyphened to a
    further word ("West-Veluwe", "Oost-Betuwe") is part of an area's name and is not checked;
    alone ("regio Noord") or as the only proper part it still is a common word."""
    compass = set(_lw(_rules()["cooperation_discovery"]["compass_prefixes"]))
    parts = re.findall(r"[^\W\d_]+|-", fold(name))
    words = [w.lower() for w in parts if w != "-" and w.lower() not in ("van", "en", "de", "aan")]
    hyphened = {parts[i].lower() for i in range(len(parts) - 2) if parts[i + 1] == "-"}
    rest = [w for w in words if not (w in compass and w in hyphened)]
    return rest if rest else words


def _unlisted_cooperations(sc: _Scanner, known: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """Cooperations named as such but missing from the rules (see place_rules
    'cooperation_discovery'): region mentions with the slug of the name as id, and their names."""
    after_head, compound = _discovery_res()
    head_needles, suffix_needles = _discovery_needles()
    found: list[Mention] = []
    names: dict[str, str] = {}
    spans = [(m.start, m.end) for m in known]
    for rx, lines in ((after_head, _lines_with(sc.text, sc.lower, head_needles)),
                      (compound, _lines_with(sc.text, sc.text, suffix_needles))):
        for mt in (mt for start, end in lines for mt in rx.finditer(sc.text, start, end)):
            name = mt["n"]
            s, e = mt.span("n")
            if any(a < e and s < b for a, b in spans):
                continue                     # part of a known place ('regio Hart van Brabant')
            if name_key(name) in sc.ix.entries:
                continue
            words = _name_words(name)
            common = _common_words()         # loaded (~2 s, once) only when a candidate appears
            if not words or any(w in common or (w.endswith("s") and w[:-1] in common) for w in words):
                continue
            rid = slugify(name)
            if not rid or rid in sc.ix.region_names:
                continue
            if rx is compound:
                e = mt.end()                 # the evidence is the whole compound
            m = Mention(start=s, end=e, tok0=-1, tok1=-1, key=name_key(name), kind="cooperation",
                        region_cue=True, region_id=rid, confidence=0.8)
            if rx is after_head:
                m.cue_start = mt.start()
            found.append(m)
            names.setdefault(rid, name)
            spans.append((s, e))
    found.sort(key=lambda m: m.start)
    return found, names


# --------------------------------------------------------------------------- entry point
def _scan(text: str, year: int | None, title_end: int = 0) -> tuple[_Scanner, list[Mention], list[Mention]]:
    sc = _Scanner(text, place_index(), year)
    sc.care_title_end = title_end if _care_title(text[:title_end]) else 0
    annotated = sc.annotate(sc.mentions())
    regions, munis = _interpret(sc, annotated)
    extra, sc.cooperation_names = _unlisted_cooperations(sc, annotated)
    if extra:
        regions = sorted(regions + extra, key=lambda m: m.start)
    munis = _accept_common_words(sc, munis)
    munis = _resolve_homonyms(sc, regions, munis)
    fixed = _misspelled_in_lists(sc, munis)
    if fixed:
        munis = sorted(munis + fixed, key=lambda m: m.start)
    areas = _pre_merger_areas(sc, munis)
    if areas:
        regions = sorted(regions + areas, key=lambda m: m.start)
    return sc, regions, munis


def find_places(text: str, year: int | None = None) -> tuple[list[Mention], list[Mention]]:
    """All region and municipality mentions in ``text`` (before the which-regions-count filter)."""
    _, regions, munis = _scan(text, year)
    return regions, munis


def extract_places(ctx: ExtractionContext) -> list[Fact]:
    """Region and municipality facts: one per distinct entity, evidence = best mention."""
    sc, regions, munis = _scan(ctx.doc.text, ctx.year, _title_end(ctx))
    _mark_spelled_out(sc, regions, munis)
    listed = _member_list_regions(sc, munis)
    if listed:
        regions = sorted(regions + listed, key=lambda m: m.start)
    by_region = _drop_short_forms(sc, _select_regions(sc, ctx, regions, munis))
    inferred = _single_member_regions(sc, ctx, munis, by_region)

    facts: list[Fact] = []
    ix, g = sc.ix, sc.ix.gazetteer
    for rid, rms in sorted({**by_region, **inferred}.items(), key=lambda kv: kv[1][0].start):
        # evidence: a cued mention, else a named one, else the list of its members
        best = next((m for m in rms if m.region_cue), next((m for m in rms if m.kind != "members"), rms[0]))
        start = best.cue_start if best.cue_start is not None else best.start
        conf = best.confidence if rid in by_region else 0.6
        if rid in by_region and len(rms) >= 2:
            conf = min(0.99, conf + 0.04)
        name = sc.cooperation_names.get(rid) or ix.region_name(rid)
        facts.append(ctx.fact("region", start, best.end, {"id": rid, "name": name}, conf))
    seen: dict[str, Mention] = {}
    for m in munis:
        seen.setdefault(m.cbs, m)
    for cbs, m in sorted(seen.items(), key=lambda kv: kv[1].start):
        facts.append(ctx.fact("municipality", m.start, m.end, {"cbs": cbs, "name": g.municipality(cbs).name},
                              m.confidence))
    return facts
