"""The plan-change cue gate (extract/plan_changes/gate.py): literal anchors read from regexes, and a
gate that never skips a sentence some stage's cue pattern matches."""
import json
import re
from pathlib import Path

import pytest

from inkoopgraaf.extract.plan_changes.extractor import _cue_gate
from inkoopgraaf.extract.plan_changes.gate import cue_gate, literal_anchors

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("pattern, anchors", [
    (r"\bverschoven\b|\bverplaatst\b", {"verschoven", "verplaatst"}),
    # a common prefix the parser factors out is joined back to each alternative
    (r"\b(?:lopen|loopt)\s+nu", {"lopen", "loopt"}),
    # the longest-shortest set wins over a weak opening ('is' is everywhere)
    (r"\b(?:wordt|is)\s+de\s+(?:ingangsdatum|startdatum)\b", {"ingangsdatum", "startdatum"}),
    # each alternative of a top-level branch by its own best anchors
    (r"\bplanning\b[^.;]{0,40}\baangepast\b|\baanpassen\b[^.;]{0,20}\bplanning\b", {"aangepast", "aanpassen"}),
    (r"(?<![\w])(?:(in plaats van)|(i\.p\.v\.))(?![\w])", {"in plaats van", "i.p.v."}),
])
def test_literal_anchors_of_cue_forms(pattern, anchors):
    assert literal_anchors(pattern) == anchors


@pytest.mark.parametrize("pattern", [r"\w+", r"ab|\d", r"(?i)verschoven", r"[a-z]{3}", ""])
def test_no_anchors_where_a_match_need_hold_no_literal(pattern):
    assert literal_anchors(pattern) is None
    assert cue_gate([r"\bverschoven\b", pattern]) is None      # then every sentence is tried


def test_anchors_of_a_flagged_group_stop_at_it():
    # '(?i:...)' may match other letter cases: only the literal text outside it is an anchor
    assert literal_anchors(r"uitstel(?i:TOT)") == {"uitstel"}


def _cue_sentences() -> list[str]:
    """The lower-cased sentences of the plan-change cases and negatives."""
    texts = []
    for name in ("plan_change_cases.json", "plan_change_negatives.json"):
        texts += [case["text"] for case in json.loads((DATA / name).read_text(encoding="utf-8"))]
    return [s.lower() for t in texts for s in re.split(r"(?<=[.;!?])\s+", t) if s.strip()]


def test_the_gate_passes_every_sentence_a_stage_cue_matches():
    from inkoopgraaf.extract.plan_changes.changes import _phrase_alternation
    from inkoopgraaf.extract.plan_changes.contrast import NOT_BUT
    from inkoopgraaf.extract.plan_changes.cues import cues
    from inkoopgraaf.extract.plan_changes.moves import _move_verb_patterns
    from inkoopgraaf.extract.plan_changes.new_date import _new_date_patterns
    cfg = cues()
    stage_patterns = [_phrase_alternation(tuple(cfg["instead_of"])), NOT_BUT,
                      *(p for _, p in _move_verb_patterns()),
                      _phrase_alternation(tuple(cfg["new_date_phrases"])), *_new_date_patterns()[0]]
    gate = _cue_gate()
    assert gate is not None
    sentences = _cue_sentences()
    matched = [s for s in sentences if any(p.search(s) for p in stage_patterns)]
    assert len(matched) >= 20                   # the cases do exercise the stages
    assert all(gate.search(s) for s in matched)
    # and it is a real filter: a sentence without any cue word is skipped
    assert not gate.search("de gemeente koopt jeugdhulp in voor de regio.")
