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

Stages, each a module that imports only the ones above it::

    words.py        word lists: resources/dutch_lexicon.json, decision_triggers.json, actors.json
    triggers.py     find_triggers: decision verbs, nouns, phrases of a clause
    actors.py       ActorResolver, clause_actor_mention: the bodies a clause names, and its decider
    status.py       clause_status, the document's 'now', meeting lists and decision stamps
    objects.py      clause_object: what is decided
    frames.py       Frame (one clause under judgement) and VETOES: named rules, each with its reason
    actor_rules.py  OVERRIDES: named rules that settle the actor where the mention does not
    record.py       the Decision record
    preamble.py     a published regulation's formula ('gelezen het voorstel ...; besluit: vast te stellen')
    proposal_lists.py  points under a label naming the body asked ('De raad wordt gevraagd:', 'Ter besluitvorming
                    door het college:')
    decide.py       one clause -> one Decision: vetoes, actor, date, planning row, status, object
    dedupe.py       one fact per distinct decision
    extractor.py    extract_decisions: the loop over the document's sentences (extract/clauses.py)

All trigger words, cue words and actor wordings are data; the code only knows
the shapes of Dutch clauses. Without a dependency parser (the project's
pipeline is a blank ``nl`` model) clause structure is read from prepositions and
auxiliaries around the trigger. Where a change goes: ``extract/README.md``.

This package is ``inkoopgraaf.extract.decisions`` once installed
(``pip install -e .``; ``package-dir`` in pyproject.toml maps ``extract/`` to
``inkoopgraaf.extract``): imported straight from the source tree its relative
imports fail with "attempted relative import beyond top-level package".
"""
from .actors import ActorResolver, learn_abbreviations, learn_addressee
from .extractor import extract_decisions, veto_reasons
from .frames import VETOES, Frame, veto_reason
from .triggers import find_triggers

__all__ = ["ActorResolver", "Frame", "VETOES", "extract_decisions", "find_triggers", "learn_abbreviations",
           "learn_addressee", "veto_reason", "veto_reasons"]
