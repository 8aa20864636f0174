"""Frames: the shapes of clauses that use a decision word without stating a decision.

Each test here is a veto on a clause (a condition, an example, a question, a
rule, a mention of a decision stated elsewhere, ...); :mod:`.decide` runs them as
an ordered list of named rules, each returning its reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..clauses import Clause, fronted_subclause_end, has_any, norm_token
from ..context import ExtractionContext
from ..dates import spans_within
from ..qualifier import qualify
from .actors import NOBODY, ActorMention, ActorResolver, _segment, clause_actor_mention
from .objects import _fronted_object, clause_object
from .status import clause_status
from .triggers import TriggerHit, _primary, document_own_advice
from .words import _actor_words, ADVISING_BODIES, CAUSAL_SUBORDINATORS, GENERIC_MODALS, HAVE_AUX, PARTICIPLES, actor_data, proposal_heading_rx, triggers


def _is_conditional(words: list[str], hit: TriggerHit) -> bool:
    """'als ... dan kiezen we', 'pas definitief als de colleges akkoord zijn', 'mits aanbieders instemmen'."""
    cfg = triggers()
    openers = set(cfg["conditional_openers"])
    if words and words[0] in openers and not _in_capacity(words):
        return True
    if "als" in words and "dan" in words[words.index("als"):]:
        return True
    if _verb_first_condition(words, hit):
        return True
    for k in range(0, hit.i):
        w = words[k]
        if w in openers - {"als"}:
            return True
        if w == "als" and k + 1 < len(words) and words[k + 1] in ("de", "het", "er", "ook", "zij", "ze", "we", "wij", "dit", "deze") \
                and "zowel" not in words[max(0, k - 8):k]:
            return True
    return False


def _in_capacity(words: list[str]) -> bool:
    """'Als college vragen wij ...', 'Als gemeenteraad hebben wij ...': 'als' + a bare body (no article) names the
    capacity the writer speaks in, not a condition."""
    return words[0] == "als" and len(words) > 2 and words[1] in _actor_words()


def _verb_first_condition(words: list[str], hit: TriggerHit) -> bool:
    """'Kiest de gemeente voor een overheidsopdracht, dan ...', 'Stemt de raad niet in, dan volgt ...': a clause
    opened by its finite verb and answered by ', dan' is a condition (the inverted 'als'), not a decision."""
    if hit.kind != "verb" or hit.i != 0 or hit.form.split(" … ")[0] in PARTICIPLES:
        return False
    return any(words[k] == "," and words[k + 1] == "dan" for k in range(hit.j, len(words) - 1))


def not_a_decision_sentence(sentence: Clause) -> bool:
    """Sentences that by their form state no decision: a yes/no question ('Deelt het college de mening
    dat ...'), a cross-reference ('8 Zie Handreiking tijdig vaststellen ...'), or a document stamp
    ('Concept voor besluitvorming, versie 0.9')."""
    cfg = triggers()
    words = [w for w in sentence.words if w not in (",", ";", ":")]
    lead = [w for w in words[:3] if not w.isdigit()]
    if not lead:
        return False
    # 'Hoe wordt gevolg gegeven aan de uitspraak ...?1': a question, also with a footnote digit glued to its mark
    if re.sub(r"\d{1,2}$", "", sentence.raw[-1]).endswith("?") or (lead[0] in cfg["question_openers"] and len(lead) > 1
                                          and lead[1] in ("het", "de", "u", "uw", "zij", "ze", "hij", "er", "dit", "deze", "men")):
        return True
    if lead[0] in cfg["citation_openers"]:
        return True
    if adoption_record(sentence):
        return False   # 'Versie 2.1 | 14 maart 2023 | vastgesteld door het PHO': the cover records the adoption
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


def adoption_record(sentence: Clause) -> bool:
    """A cover or colophon line that records who adopted the paper ('vastgesteld door het algemeen bestuur op
    12 maart 2023', 'Versie 2.1 | 14 maart 2023 | vastgesteld door het PHO'): a decision even as a heading."""
    return re.search(triggers()["adoption_record_pattern"], " ".join(sentence.words)) is not None


def _generic_frame(clause: Clause, hit: TriggerHit, text: str) -> bool:
    """Frames in which a decision word describes a rule or an example, not a decision taken:
    'Gemeente en aanbieder spreken bijvoorbeeld af ...', '... zonder dat er een collegebesluit ligt',
    a title in quotes ('de Handreiking ‘Tijdig vaststellen ...’'), and 'Het besluit is ingegeven door ...'
    (talk about a decision stated elsewhere)."""
    cfg = triggers()
    words = clause.words
    seg_a, seg_b, _ = _segment(words, hit)
    if has_any(words[seg_a:min(seg_b, hit.j + 4)], cfg["example_words"]):
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
            and not has_any(words, cfg["decision_verbs_with_nominal"]):
        return True
    return False


def _temporal_anchor(words: list[str], hit: TriggerHit, hits: list[TriggerHit]) -> bool:
    """A decision noun inside a fronted time phrase ('Na het raadsbesluit informeert de regio ...', 'Na
    vaststelling door de raden bereidt X ... voor'): it dates another action. When the document states that
    body's decision elsewhere this is a repeated mention (dropped in _dedupe); when not, it is the only
    trace of a planned step ('Na instemming van het secretarissenoverleg wordt ... uitgewerkt') and stays."""
    lead = 1 if words and words[0] in ("-", "•", "*") else 0
    return hit.kind == "nominal" and len(words) > lead and words[lead] in triggers()["temporal_anchor_openers"] \
        and hit.i - lead <= 3 and all(h.kind == "nominal" for h in hits)


def _mention_frame(words: list[str], hit: TriggerHit, hits: list[TriggerHit], resolver: ActorResolver) -> bool:
    """Clauses that mention a decision without stating one (see decision_triggers.json, _comment_frames_ho3):
    a decision noun in a fronted time phrase ('Na het raadsbesluit informeert de regio ...'), a competence
    ('De definitieve vaststelling ligt bij de colleges'), an embedded question ('... en wat we voorstellen
    voor ...') and a commissioned task without an asked body ('Het team heeft gevraagd de routes op een rij
    te zetten')."""
    cfg = triggers()
    if hit.kind == "nominal" and hit.j + 2 < len(words) and words[hit.j + 1] in cfg["competence_predicates"] \
            and words[hit.j + 2] == "bij":
        return True
    k = max([x for x in range(max(0, hit.i - 3), hit.i) if words[x] in cfg["embedded_question_words"]], default=None)
    if k is not None and k > 0 and hit.family in ("proposal", "choose", "decide") \
            and not has_any(words[k:hit.i], [",", ";", ":"]):
        return True
    if hit.family == "request":
        aux = [x for x in range(max(0, hit.i - 8), hit.i) if words[x] in HAVE_AUX]
        if aux and not any(aux[-1] < m.start < hit.i for m in resolver.mentions(words)):
            return True
    return False


def _generic_role(clause: Clause, m: ActorMention | None, hit: TriggerHit) -> bool:
    """'de gemeente' / 'de aanbieder' (singular, no name after it) as the deciding party of a finite
    singular verb: a description of how a procedure works ('De gemeente keurt een declaratieregel
    alleen 100% goed'), not a decision a body took."""
    if m is None or m.end - m.start != 1:
        return False
    if clause.words[m.start] not in actor_data().get("generic_roles", []):
        return False
    if m.end < len(clause.raw) and clause.raw[m.end][:1].isupper():
        return False          # 'de gemeente Heerlen': a named municipality
    if m.start > 0 and clause.words[m.start - 1] in ("onze", "deze", "uw", "ons", "dezelfde", "betreffende"):
        return False          # 'onze gemeente': the writer's own municipality
    finite = hit.form.split(" … ")[0]
    if hit.kind == "verb" and finite.endswith("en") and finite not in PARTICIPLES:
        return False          # 'kiezen de gemeente voor': plural verb, a slip for 'de gemeenten'
    return True


def _question_after_colon(words: list[str], hit: TriggerHit) -> bool:
    """'... stelt de volgende vragen: - Is het college zich bewust dat ...': a question inside a sentence."""
    k = max([x for x in range(hit.i) if words[x] in (":", ";")], default=-1)
    lead = words[k + 1:k + 3]
    return k >= 0 and len(lead) == 2 and lead[0] in triggers()["question_openers"] \
        and lead[1] in ("het", "de", "u", "zij", "ze", "hij", "er", "dit", "deze", "men")


def _habitual(words: list[str]) -> bool:
    cues = triggers()["status_cues"]
    if has_any(words, cues["habitual_words"]):
        return True
    units = set(cues.get("habitual_units", []))
    return any(w in cues.get("habitual_quantifiers", []) and k + 1 < len(words) and words[k + 1] in units
               for k, w in enumerate(words))




# --------------------------------------------------------------------------- the clause under judgement


@dataclass
class Frame:
    """One clause with its primary trigger, and what the vetoes and actor rules read from it.

    Every derived value is computed on first use and is free of side effects, so
    a rule may read any of them in any order.
    """
    ctx: ExtractionContext
    clause: Clause
    hits: list[TriggerHit]
    resolver: ActorResolver
    dates: list[tuple[int, int, dict]]

    @cached_property
    def hit(self) -> TriggerHit:
        return _primary(self.hits)

    @property
    def words(self) -> list[str]:
        return self.clause.words

    @property
    def text(self) -> str:
        return self.ctx.doc.text

    @cached_property
    def fronted(self) -> tuple[int, int]:
        return _fronted_object(self.words)

    @cached_property
    def headings(self) -> list:
        return self.ctx.doc.headings_before(self.clause.start)

    @cached_property
    def status_basis(self) -> tuple[str, str]:
        """(status, basis) from the clause; points under a heading 'Voorstel' are proposed."""
        status, basis = clause_status(self.words, self.hit, self.hits)
        if basis == "nominal" and self.headings:
            htxt = self.text[self.headings[-1].start:self.headings[-1].end].lower()
            if proposal_heading_rx().search(htxt):
                status, basis = "proposed", "explicit"
        return status, basis

    @cached_property
    def clause_dates(self) -> list[tuple[int, int, dict]]:
        return spans_within(self.dates, self.clause.start, self.clause.end)   # dates are sorted

    @cached_property
    def date_tokens(self) -> list[tuple[int, int, dict]]:
        """(first token, end token, value) of each date inside the clause."""
        out = []
        for s, e, v in self.clause_dates:
            ti = [k for k, (a, b) in enumerate(self.clause.offsets) if a >= s and b <= e]
            if ti:
                out.append((ti[0], ti[-1] + 1, v))
        return out

    @cached_property
    def actor_spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.resolver.mentions(self.words)]

    @cached_property
    def object_span(self) -> tuple[int, int, str]:
        return clause_object(self.clause, self.hit, self.actor_spans, [(a, b) for a, b, _ in self.date_tokens])

    @cached_property
    def mention(self) -> ActorMention | None:
        oa, ob, _ = self.object_span
        return clause_actor_mention(self.words, self.hit, self.resolver, (oa, ob))


# --------------------------------------------------------------------------- vetoes
# Each veto returns its reason when the clause states no decision, else None. They run in the order of
# VETOES; the first reason wins. A negative test case can name the veto it expects (veto_reason).


def conditional(f: Frame) -> str | None:
    return "a condition ('als ... dan', 'mits')" if _is_conditional(f.words, f.hit) else None


def hedged(f: Frame) -> str | None:
    """Scenarios, options, 'de mogelijkheid ... dat partijen een voorstel doen' (the qualifier's hedges)."""
    clause, hit = f.clause, f.hit
    s0 = clause.offsets[hit.i][0] - clause.start
    e0 = clause.offsets[hit.j][1] - clause.start
    q = qualify(f.text[clause.start:clause.end], s0, e0)
    fa, fb = f.fronted
    front_end = clause.offsets[fb - 1][1] - clause.start if fb > fa else -1
    # a hedge inside what is decided ('besloten de pilot niet op te schalen', 'Over een eventuele uitrol
    # wordt ... besloten') qualifies the object, not the decision
    nouns = set(triggers()["hypothetical_nouns"]) | {"scenario", "optie"}
    hyp = [t for t in q.triggers if t.category == "hypothetical" and t.phrase != "nog niet"
           and t.start < e0 and not t.end <= front_end
           and not (hit.family == "submit" and norm_token(t.phrase).split("'")[0] in nouns)]
    return "hedged by the qualifier" if q.hypothetical and hyp else None


def cause(f: Frame) -> str | None:
    """'Omdat de colleges meer tijd nodig hadden voor het vaststellen van X, is Y verschoven': a cause."""
    words, hit = f.words, f.hit
    front = fronted_subclause_end(words)
    if front is not None and words[0] in CAUSAL_SUBORDINATORS and hit.i < front and hit.kind == "nominal" \
            and not any(h.i >= front for h in f.hits):
        return "a decision noun inside a fronted causal clause"
    return None


def competence(f: Frame) -> str | None:
    """'de bevoegdheid voor de besluitvorming ligt bij de colleges': a competence."""
    return "a competence, not a decision" if has_any(f.words, triggers()["not_a_decision_words"]) else None


def generic(f: Frame) -> str | None:
    return "an example, rule or quoted title" if _generic_frame(f.clause, f.hit, f.text) else None


def question(f: Frame) -> str | None:
    return "a question after a colon" if _question_after_colon(f.words, f.hit) else None


def mention_only(f: Frame) -> str | None:
    return "a decision mentioned, not stated" if _mention_frame(f.words, f.hit, f.hits, f.resolver) else None


def possibility(f: Frame) -> str | None:
    """'de mogelijkheid dat partijen een voorstel doen', 'kunnen besluiten'."""
    cfg, words, hit = triggers(), f.words, f.hit
    seg_a, seg_b, _ = _segment(words, hit)
    fa, fb = f.fronted
    modal = [w for k, w in enumerate(words[seg_a:hit.i], seg_a) if not (k and words[k - 1] == "te") and not fa <= k < fb]
    # 'Beide scenario's worden ... voorgelegd aan het PHO': options put before a board are a real submission
    hyp_nouns = [] if hit.family == "submit" and not has_any(words[:hit.i], ["om", "dat"]) else cfg["hypothetical_nouns"]
    if not hyp_nouns:
        modal = [w for w in modal if w not in cfg["hypothetical_nouns"] and w not in ("optie", "scenario")]
    before = [w for k, w in enumerate(words[:hit.i]) if k >= hit.i - 15 and not fa <= k < fb]
    if has_any(modal, cfg["hypothetical_words"]) or has_any(before, hyp_nouns):
        return "a possibility (modal or option word)"
    return None


def standing_rule(f: Frame) -> str | None:
    """'wordt jaarlijks door de raad vastgesteld': a standing rule, not a decision."""
    seg_a, _, _ = _segment(f.words, f.hit)
    if _habitual(f.words[seg_a:f.hit.j + 4]) and f.hit.family not in ("proposal", "submit", "request"):
        return "habitual: a standing rule"
    return None


def scenario_section(f: Frame) -> str | None:
    """'Scenario C - ...: Voor verblijf kiezen we ...': the option is described, not chosen; a decision
    reported there in the past or perfect ('heeft op 20 februari besloten ...') still counts."""
    status, basis = f.status_basis
    headings = f.headings
    if headings and (basis != "explicit" or status != "taken"):
        words = f.text[headings[-1].start:headings[-1].end].split()
        first = norm_token(words[0]) if words else ""
        if first in triggers()["scenario_heading_words"]:
            return "inside a scenario's section"
    return None


def no_body(f: Frame) -> str | None:
    """'besluit de fractie ...', 'ouders beslissen mee': no body's decision."""
    return "decided by no body (a fraction, parents)" if f.mention is not None and f.mention.actor == NOBODY else None


def generic_party(f: Frame) -> str | None:
    """'De aanbieder spreekt met de inwoner af hoe ...': a rule of a procedure."""
    _, basis = f.status_basis
    if _generic_role(f.clause, f.mention, f.hit) and (basis in ("present", "nominal") and not f.clause_dates
                                                      or has_any(f.words, GENERIC_MODALS)):
        return "a generic party's routine"
    return None


def finding(f: Frame) -> str | None:
    """'We stellen vast dat ...', 'willen vaststellen welke hulpvraag er is': to ascertain, not to adopt."""
    if f.hit.family != "fix":
        return None
    after = [w for w in f.words[f.hit.j + 1:f.hit.j + 3] if w != ","]
    if after and after[0] in triggers()["finding_followers"]:
        return "a finding or an embedded question ('vaststellen dat / welke')"
    return None


def questions_put(f: Frame) -> str | None:
    """'De commissie heeft vragen en opmerkingen voorgelegd aan de minister': questions put to a body ask for
    answers; nothing is put before it for decision."""
    if f.hit.family != "submit":
        return None
    seg_a, _, _ = _segment(f.words, f.hit)
    if has_any(f.words[seg_a:f.hit.i], triggers()["question_nouns"]):
        return "questions put to a body, no matter for decision"
    return None


def guidance(f: Frame) -> str | None:
    """'Er wordt geadviseerd om ...': guidance, not a body's proposal."""
    m = f.mention
    if f.hit.family == "advise" and (m is None or m.weak or m.actor not in ADVISING_BODIES) \
            and not ((m is None or m.weak) and document_own_advice(f.words, f.hit.i)):
        return "advice not given by a deciding body"
    return None


def tender_step(f: Frame) -> str | None:
    """'Definitieve gunning behoudens bezwaar of beslissing niet te gunnen 5 juni': a step of a tender's
    timeline with its legal alternative (not awarding); no body decides anything there."""
    if f.hit.kind != "nominal":
        return None
    after = " ".join(f.words[f.hit.j + 1:f.hit.j + 5])
    if any(after == p or after.startswith(p + " ") for p in triggers()["tender_step_followers"]):
        return "a step of a tender timeline ('beslissing niet te gunnen')"
    return None


def proposals_discussed(f: Frame) -> str | None:
    """'In de raden zijn voorstellen besproken over ...': the plural noun 'voorstellen' (read as the verb)
    with a participle of discussion reports deliberation, not a body's proposal."""
    if f.hit.family != "proposal" or f.words[f.hit.i] != "voorstellen" or f.hit.j != f.hit.i:
        return None
    _, seg_b, _ = _segment(f.words, f.hit)
    if has_any(f.words[f.hit.j + 1:seg_b], triggers()["deliberation_participles"]):
        return "proposals discussed, none made"
    return None


def writers_policy(f: Frame) -> str | None:
    """'Voor begeleiding kiezen we een DAS', 'Een nieuw Open House wijzen we af': the writers' present-tense
    choice or rejection in a strategy states its content; no gold set lists it as a decision (the bodies'
    decisions on the strategy are stated elsewhere). A negated choice ('Wij kiezen nadrukkelijk niet voor X')
    and the writers' past decisions stay."""
    m, hit = f.mention, f.hit
    if m is None or hit.family not in ("choose", "reject") or f.words[m.start] not in actor_data().get("pronouns_ambtelijk", []):
        return None
    if f.status_basis[1] != "present" or "niet" in f.words[max(0, hit.i - 3):hit.j + 4]:
        return None
    return "the writers' policy line"


def agenda_without_meeting(f: Frame) -> str | None:
    """'staat op de agenda van de gemeenten' (a political priority): only an agenda with a meeting date
    ('op de agenda van de subcommissie van 16 maart') puts a matter before a body."""
    if f.hit.kind == "phrase" and f.hit.form == "op de agenda van" and not f.clause_dates:
        return "an agenda with no meeting date"
    return None


def not_proposed(f: Frame) -> str | None:
    """'Een aanbesteding is overwogen, maar ... wordt daarom niet voorgesteld', 'Wij stellen niet voor ...': a
    proposal verb negated (right before it, or between verb and particle) is no proposal; 'stelt voor om niet
    te verlengen' (the negation inside the proposal) still is one."""
    if f.hit.family != "proposal" or f.hit.kind != "verb":
        return None
    if "niet" in f.words[max(0, f.hit.i - 2):f.hit.i] or "niet" in f.words[f.hit.i + 1:f.hit.j]:
        return "a proposal negated"
    return None


def proposals_noun(f: Frame) -> str | None:
    """'Voorstellen die betrekking hebben op ... worden via dit addendum ...', 'Voorstellen voor aanpassing ...':
    the plural noun opening the clause with a relative pronoun or preposition after it is the subject, not the
    verb of a proposal."""
    words, hit = f.words, f.hit
    if hit.family != "proposal" or words[hit.i] != "voorstellen" or hit.j != hit.i or hit.i != 0:
        return None
    if hit.j + 1 < len(words) and words[hit.j + 1] in triggers()["proposal_noun_followers"]:
        return "the noun 'voorstellen' as a subject"
    return None


def during_deliberation(f: Frame) -> str | None:
    """'Er is tijdens de behandeling in de raden het verzoek gedaan om ...': the deliberation names when something
    else happened (a request, a remark), not a deliberation still to come or a decision."""
    if f.hit.family != "deliberate" or f.hit.kind != "nominal" or any(h.kind != "nominal" for h in f.hits):
        return None
    before = f.words[max(0, f.hit.i - 2):f.hit.i]
    if has_any(before, triggers()["deliberation_time_preps"]):
        return "a deliberation as the time of something else"
    return None


def budget_line(f: Frame) -> str | None:
    """'Voorstel tot resultaatbestemming   € 335.000 N': a decision noun labelling an amount in a budget or
    annual account (the line ends in the amount, with its V/N for voordeel/nadeel) names a line, not a decision."""
    if f.hit.kind != "nominal":
        return None
    if re.search(triggers()["budget_line_pattern"], f.text[f.clause.start:f.clause.end]):
        return "a budget line's label"
    return None


def empty_stamp(f: Frame) -> str | None:
    """'Collegebesluit d.d. ...', 'Besluit college d.d. Besluit raad d.d.': a stamp whose date is not filled
    in is a form field on a paper, not a decision."""
    cfg = triggers()["decision_stamp"]
    if f.clause_dates or not has_any(f.words, cfg["date_markers"]):
        return None
    covered = {k for h in f.hits for k in range(h.i, h.j + 1)} | {k for a, b in f.actor_spans for k in range(a, b)}
    fillers = set(cfg["date_markers"]) | set(cfg["empty_fillers"])
    if all(k in covered or w in fillers for k, w in enumerate(f.words)):
        return "an empty decision stamp (no date filled in)"
    return None


def form_field(f: Frame) -> str | None:
    """'Datum collegebesluit: 24 september 2024', 'Datum raadsbesluit:' on a paper's head: the label of a form
    field (filled in or not) records the paper's route, it states no decision."""
    words = f.words
    if not words or words[0] not in triggers()["form_field_labels"] or f.clause.raw[-1] != ":":
        return None
    covered = {k for h in f.hits for k in range(h.i, h.j + 1)} | {k for a, b in f.actor_spans for k in range(a, b)}
    if all(k in covered or k == 0 or w in (":", "-") for k, w in enumerate(words)):
        return "a form field's label"
    return None


def procedure_step(f: Frame) -> str | None:
    """'Het college besluit over de gunning nadat de commissie heeft geadviseerd': an undated present-tense
    step in a sequence ('nadat', 'zodra') describes how a procedure runs."""
    _, basis = f.status_basis
    if basis != "present" or f.clause_dates or f.hit.family in ("proposal", "submit", "request", "advise"):
        return None
    if has_any(f.words, triggers()["procedure_sequence_words"]):
        return "a step in the description of a procedure"
    return None


def own_discretion(f: Frame) -> str | None:
    """'Aanbieders kiezen zelf voor welke percelen ...', 'Gemeenten besluiten zelf of ...': who is free to
    decide, not a decision."""
    # a present-tense verb (not a participle: 'hebben zelf besloten' reports a decision made)
    if f.clause_dates or f.hit.kind != "verb" or f.hit.form in PARTICIPLES:
        return None
    if has_any(f.words[f.hit.j + 1:f.hit.j + 3], triggers()["discretion_words"]):
        return "a party's own discretion, no decision"
    return None


def case_decision(f: Frame) -> str | None:
    """'Het college neemt een besluit op de aanvraag', 'beslist binnen acht weken op het bezwaar': the handling
    of individual cases."""
    if f.hit.family != "decide":
        return None
    after = f.words[f.hit.j + 1:f.hit.j + 8]
    for k, w in enumerate(after[:-1]):
        if w == "op":
            rest = [x for x in after[k + 1:k + 4] if x not in ("de", "het", "een", "elke", "iedere", "deze")]
            if has_any(rest[:2], triggers()["case_decision_nouns"]):   # 'op elke ingediende aanvraag'
                return "a decision on an individual application or objection"
    return None


#: in order; the first that gives a reason vetoes the clause
VETOES = (conditional, hedged, cause, competence, generic, question, mention_only, possibility, standing_rule,
          scenario_section, no_body, generic_party, guidance, finding, questions_put, tender_step, proposals_discussed,
          writers_policy, agenda_without_meeting, not_proposed, proposals_noun, during_deliberation, budget_line, empty_stamp, form_field, procedure_step, own_discretion, case_decision)


def veto_reason(f: Frame) -> str | None:
    """``"<veto name>: <reason>"`` of the first veto that rejects the clause, else None."""
    for veto in VETOES:
        reason = veto(f)
        if reason:
            return f"{veto.__name__}: {reason}"
    return None
