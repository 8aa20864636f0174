"""The word lists the decision stages read: the shared Dutch lexicon and the decision words.

Shared function words (auxiliaries, subordinators, prepositions, R-pronouns)
come from ``resources/dutch_lexicon.json``; words of deciding (triggers,
participles, family ranks, frames) from ``resources/decision_triggers.json``;
bodies from ``resources/actors.json``. All through :mod:`inkoopgraaf.extract.lexicon`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import dutch, resource


def triggers() -> dict:
    """``resources/decision_triggers.json`` (parsed once)."""
    return resource("decision_triggers.json")


def actor_data() -> dict:
    """``resources/actors.json`` (parsed once)."""
    return resource("actors.json")


# shared Dutch lexicon
AUX_ALL = dutch("auxiliaries.all")
PASSIVE_AUX = dutch("auxiliaries.passive")
HAVE_AUX = dutch("auxiliaries.have")
PERFECT_AUX = dutch("auxiliaries.perfect")
PRESENT_PASSIVE_AUX = dutch("auxiliaries.present_passive")
SUBORDINATORS = dutch("subordinators.relative")
FRONTED_SUBORDINATORS = dutch("subordinators.fronted")
CAUSAL_SUBORDINATORS = dutch("subordinators.causal")
POSSESSIVE_PREPS = dutch("prepositions.possessive")
LEAD_PREPS = dutch("prepositions.lead")
FRONT_PREPS = dutch("prepositions.front")
OBJECT_PREPS = dutch("prepositions.object")
ROLE_PREPS = dutch("prepositions.roles")
R_PRONOUNS = dutch("r_pronouns.all")
ADVERBS = dutch("adverbs.skippable")
SKIPPABLE = dutch("determiners.skippable")
OBJ_STOP = dutch("function_words.all")
GENERIC_MODALS = dutch("modals.generic")
CLAUSE_BREAK = dutch("punctuation.clause_break")
FUTURE_AUX = dutch("auxiliaries.future")
BE_BECOME_AUX = dutch("auxiliaries.be_become")
PLANNED_MODALS = dutch("modals.planned")

# words of deciding
PARTICIPLES = frozenset(triggers()["decision_participles"])
PASSIVE_PARTICIPLES = frozenset(triggers()["passive_participles"])
FAMILY_RANK = dict(triggers()["family_rank"])
ACCEPTING_FAMILIES = frozenset(triggers()["accepting_families"])
ADVISING_BODIES = frozenset(triggers()["advising_bodies"])
SCOPE_STOP = AUX_ALL | frozenset(triggers()["scope_stop_verbs"])
COMPOUND_NOUN_VERBS = frozenset(triggers()["light_verbs"]["compound_noun"])
NOMINAL_TAKEN_VERBS = frozenset(triggers()["light_verbs"]["nominal_taken"])
#: verbs after which a decision noun takes its body like a verb (with decision_verbs_with_nominal)
NOMINAL_ACTOR_VERBS = frozenset(triggers()["decision_verbs_with_nominal"]) | frozenset(triggers()["light_verbs"]["nominal_actor"])
AKKOORD_VERBS = frozenset(triggers()["light_verbs"]["akkoord"])
AKKOORD_PARTICIPLES = frozenset(triggers()["light_verbs"]["akkoord_participles"])
STRONG_PARTICIPLES = frozenset(triggers()["light_verbs"]["strong_participles"])

#: a word of an actor wording or a name: letters, digits and '&'
_WORD = re.compile(r"[\w&]+", re.UNICODE)


@lru_cache(maxsize=1)
def _actor_words() -> frozenset[str]:
    words = set()
    for spec in actor_data()["actors"].values():
        for w in spec.get("wordings", []):
            words.update(_WORD.findall(w.lower()))
    for ws in actor_data()["weak"].values():
        for w in ws:
            words.update(_WORD.findall(w.lower()))
    return frozenset(words)


@lru_cache(maxsize=1)
def proposal_heading_rx() -> re.Pattern:
    """A heading naming a proposal (``status_cues.proposal_headings``, each as whole words): one pattern for the
    list, compiled once."""
    headings = triggers()["status_cues"]["proposal_headings"]
    return re.compile("|".join(r"\b" + re.escape(h) + r"\b" for h in headings) or r"(?!)")   # (?!): none
