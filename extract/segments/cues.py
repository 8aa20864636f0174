"""The cue patterns and word lists of the segment extractors, read from ``resources/segment_cues.json``.

Code names a cue by the ``name`` it has in the file (``CUE["contract_cue"]``);
a new wording for an existing cue is a string added to that cue's ``any_of``
list, no code change. The format is described in :mod:`inkoopgraaf.extract.lexicon`.
"""
from __future__ import annotations

from ..lexicon import cues, word_lists

FILE = "segment_cues.json"
CUE = cues(FILE)
_WORDS = word_lists(FILE)
NOT_LABEL_ADJECTIVES = frozenset(_WORDS["not_label_adjectives"])
EXCLUDING_PREDICATES = frozenset(_WORDS["excluding_predicates"])
NON_DISTINCTIVE = frozenset(_WORDS["non_distinctive"])
CURRENT_CUES = frozenset(_WORDS["current_cues"])
COMPANION_MODELS = frozenset(_WORDS["companion_models"])
#: first wins when one model's mentions for one segment disagree
STANCE_ORDER = _WORDS["stance_order"]
