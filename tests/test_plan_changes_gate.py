"""The plan-change cue gate (extract/plan_changes/gate.py): literal anchors read from regexes, and a
gate that never skips a sentence some stage's cue pattern matches."""
import json
import random
import re
from pathlib import Path

import pytest

from inkoopgraaf.extract.plan_changes.extractor import _cue_gate
from inkoopgraaf.extract.plan_changes.gate import CueGate, literal_anchors

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
    # then that stage is tried on every sentence; the others still by their anchors
    gate = CueGate({"move": [r"\bverschoven\b"], "other": [pattern]})
    assert gate.stages_in("de gemeente koopt in.") == {"other"}
    assert gate.stages_in("de start is verschoven.") == {"move", "other"}


def test_stages_by_overlapping_and_nested_anchors():
    gate = CueGate({"a": [r"\bstart\b"], "b": [r"\bstartdatum\b"], "c": [r"datum\s+van"]})
    # the longest anchor at an offset stands for the shorter ones it begins with; an anchor
    # inside another one is found at its own offset
    assert gate.stages_in("de startdatum van") == {"a", "b", "c"}
    assert gate.stages_in("de datum") == {"c"}
    assert gate.stages_in("de planning") == frozenset()


def test_anchors_of_a_flagged_group_stop_at_it():
    # '(?i:...)' may match other letter cases: only the literal text outside it is an anchor
    assert literal_anchors(r"uitstel(?i:TOT)") == {"uitstel"}


def _cue_sentences() -> list[str]:
    """The lower-cased sentences of the plan-change cases and negatives."""
    texts = []
    for name in ("plan_change_cases.json", "plan_change_negatives.json"):
        texts += [case["text"] for case in json.loads((DATA / name).read_text(encoding="utf-8"))]
    return [s.lower() for t in texts for s in re.split(r"(?<=[.;!?])\s+", t) if s.strip()]


def test_the_gate_names_every_stage_whose_cue_matches_a_sentence():
    from inkoopgraaf.extract.plan_changes.changes import _phrase_alternation
    from inkoopgraaf.extract.plan_changes.contrast import NOT_BUT
    from inkoopgraaf.extract.plan_changes.cues import cues
    from inkoopgraaf.extract.plan_changes.moves import _move_verb_patterns
    from inkoopgraaf.extract.plan_changes.new_date import _new_date_patterns
    cfg = cues()
    stage_patterns = {"instead_of": [_phrase_alternation(tuple(cfg["instead_of"]))], "not_but": [NOT_BUT],
                      "move": [p for _, p in _move_verb_patterns()],
                      "new_date": [_phrase_alternation(tuple(cfg["new_date_phrases"])), *_new_date_patterns()[0]]}
    gate = _cue_gate()
    assert not gate.always                      # every cue pattern of the stages has anchors
    hits = 0
    for s in _cue_sentences():
        named = gate.stages_in(s)
        for stage, patterns in stage_patterns.items():
            if any(p.search(s) for p in patterns):
                hits += 1
                assert stage in named, (stage, s)
    assert hits >= 20                           # the cases do exercise the stages
    # and it is a real filter: a sentence without any cue word names no stage
    assert not gate.stages_in("de gemeente koopt jeugdhulp in voor de regio.")


def test_stages_by_span_are_the_stages_of_each_span_on_its_own():
    gate = _cue_gate()
    text = " ".join(_cue_sentences())
    random.seed(2)
    cuts = sorted(random.sample(range(len(text)), 400))
    starts, ends = cuts[0::2], cuts[1::2]          # spans with gaps, some cutting anchors in two
    by_span = gate.stages_by_span(text, starts, ends)
    for k, (s, e) in enumerate(zip(starts, ends)):
        assert by_span.get(k, frozenset()) == gate.stages_in(text[s:e]), text[s:e]
    assert by_span                                  # the cue sentences do name stages
