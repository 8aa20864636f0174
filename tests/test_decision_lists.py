"""A decision list's points are found from the intro's end by bisection (decisions/objects.py
``_label_items``, ``_single_point``, ``Document.first_block_from``): the same points as the walk
from the first block that it replaced, on the seeds and on a long besluitenlijst."""
import re
from pathlib import Path

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import extract_dates
from inkoopgraaf.extract.decisions import extract_decisions
from inkoopgraaf.extract.decisions import decide, objects
from inkoopgraaf.extract.decisions.triggers import triggers
from inkoopgraaf.extract.readers import read_document

ROOT = Path(__file__).resolve().parents[1]


def _walked_label_items(ctx, clause):
    """``_label_items`` as it was: every block from the first one walked for each intro."""
    doc = ctx.doc
    pattern = re.compile(triggers()["list_label_pattern"])
    items = _walked_single_point(doc, clause)
    for b in ([] if items else doc.blocks):
        if b.start < clause.end:
            continue
        if b.kind != "list_item" and not objects._continues_numbering(doc.text, items[-1] if items else None, b,
                                                                        pattern):
            if items or b.start - clause.end > 200 or objects._next_intro(doc.text[b.start:b.end]):
                break
            continue
        items.append(b)
    labelled = [b for b in items if pattern.match(doc.text[b.start:b.end])]
    return items, labelled


def _walked_single_point(doc, clause):
    same_line = objects._rest_of_line(doc.text, clause.end)
    if same_line is not None and len([w for w in clause.words if w not in (":", "-", "•")]) == 1:
        a, b = same_line
        return [objects.Block("paragraph", a, b)] if objects._is_action_item(doc.text[a:b]) else []
    nxt = next((b for b in doc.blocks if b.start >= clause.end), None)
    if nxt is None or nxt.kind != "paragraph" or doc.text[clause.end:nxt.start].strip():
        return []
    return [nxt] if objects._is_action_item(doc.text[nxt.start:nxt.end]) else []


_SUBJECTS = ["jeugdhulp", "huishoudelijke hulp", "beschermd wonen", "vervoer", "dagbesteding", "pleegzorg",
             "jeugdbescherming", "begeleiding", "hulpmiddelen", "maatschappelijke opvang", "schuldhulp", "GGZ"]
_ACTIONS = ["in te stemmen met de inkoopstrategie voor", "de raad te informeren over", "af te zien van de aanbesteding van",
            "opdracht te geven tot de verwerving van", "vast te stellen: het programma van eisen voor"]


def _besluitenlijst(items: int) -> str:
    parts = ["Besluitenlijst van de vergadering van het college van 12 maart 2024\n"]
    for n in range(1, items + 1):
        subject = f"{_SUBJECTS[n % len(_SUBJECTS)]} {2024 + n // len(_SUBJECTS)}"
        first, second = _ACTIONS[n % len(_ACTIONS)], _ACTIONS[(n + 2) % len(_ACTIONS)]
        parts.append(f"\nAgendapunt {n}. Inkoop {subject}\n\nHet college besluit:\n\n"
                     f"- {first} {subject};\n- {second} {subject}.\n"
                     f"\nBesluit: {_ACTIONS[(n + 1) % len(_ACTIONS)]} {subject}.\n")
    return "".join(parts)


def _context(tmp_path, text: str, name: str = "lijst.txt") -> ExtractionContext:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    ctx = ExtractionContext(read_document(p), 2024)
    ctx.add(extract_dates(ctx))
    return ctx


def _intros(ctx):
    """Every clause ending in ':' or a one-word label heading: those whose points are asked for."""
    return [c for c in ctx.clauses if c.raw and (c.raw[-1] == ":" or objects._label_heading(c))]


def _same(ctx):
    intros = _intros(ctx)
    for clause in intros:
        assert objects._label_items(ctx, clause) == _walked_label_items(ctx, clause), clause.raw
    return intros


def test_first_block_from_is_the_first_block_at_or_after(tmp_path):
    doc = _context(tmp_path, _besluitenlijst(5)).doc
    for offset in [0, 1, *{b.start for b in doc.blocks}, *{b.end for b in doc.blocks}, len(doc.text) + 5]:
        k = doc.first_block_from(offset)
        walked = next((i for i, b in enumerate(doc.blocks) if b.start >= offset), len(doc.blocks))
        assert k == walked


def test_long_list_points_as_walked(tmp_path, monkeypatch):
    ctx = _context(tmp_path, _besluitenlijst(60))
    assert len(_same(ctx)) >= 120
    found = [f.value for f in extract_decisions(ctx)]
    monkeypatch.setattr(decide, "_label_items", _walked_label_items)
    assert found == [f.value for f in extract_decisions(_context(tmp_path, _besluitenlijst(60), "again.txt"))]
    assert len(found) >= 40                       # the agenda items' points are decisions (same stems merged)


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data").glob("holdout*/docs/*.*")),
                         ids=lambda p: p.name)
def test_seed_points_as_walked(path):
    doc = read_document(path)
    ctx = ExtractionContext(doc, 2024)
    ctx.add(extract_dates(ctx))
    _same(ctx)
