"""The cue words of plan changes: ``plan_change_cues`` in ``resources/decision_triggers.json``.

Patterns there are regular expressions over the lower-cased sentence (move
verbs with their direction, target prepositions, old-plan cues, new-date
phrases, planning-table headers); word lists are lower-case words.
"""
from __future__ import annotations

from ..lexicon import resource


def cues() -> dict:
    """The ``plan_change_cues`` group (parsed once)."""
    return resource("decision_triggers.json")["plan_change_cues"]


NUMBER_WORDS: dict[str, float] = dict(cues()["number_words"])
TOPIC_STOP = frozenset(cues()["topic_stop_words"])
#: a heading opened by one of these describes an option, not a move ('Scenario A - Eerst een jaar overbruggen')
SCENARIO_HEADING_WORDS = frozenset(resource("decision_triggers.json").get("scenario_heading_words", []))
#: a clause opened by one of these is a scenario ('Als de selectie vertraging oploopt, ...')
CONDITIONAL_OPENERS = frozenset(resource("decision_triggers.json")["conditional_openers"])
