"""Plan-change facts: a planned date that the document moves.

Procurement plans slip (and sometimes speed up). Researchers compare regions
on it, so every place where a date is moved becomes one ``plan_change`` fact::

    {"what": "het contract", "from": <date value>, "to": <date value>, "shift_days": 92}

The ways Dutch documents say it, all recognised here from the cue words in
``resources/decision_triggers.json`` (key ``plan_change_cues``) (data, not seed sentences):

* contrast in one clause: ``per 1 oktober 2022 in te laten gaan in plaats van
  1 juli 2022``; ``niet op de deadline van 1 januari 2022 ..., maar op
  1 augustus 2021``;
* a move verb with its target: ``1 jaar op te schuiven, naar 1 januari 2022``,
  ``uitgesteld tot``, ``verschoven naar``, ``vervroegd naar``, ``de planning
  aan te passen ..., naar 2024``, ``verlengd tot en met 31 december 2022``;
* a new date after a missed one: ``Aanvankelijk ... per 1 januari 2022, maar
  die deadline wordt niet gehaald. Daarom is de nieuwe datum: 1 januari 2023``.

The old date ("from") is the contrasted date of the clause; else the date the
nearby text planned before (``het voornemen ... per 1 januari 2021``,
``lopen op 31 december 2020 af``, ``niet realistisch ... per 1 januari 2023``)
in the same section; else the target minus a stated shift (``1 jaar``,
``tweemaal met één jaar``). Dates come from the date extractor's facts;
sentences from the shared clause layer (``extract/clauses.py``).

Stages, each a module that imports only the ones above it::

    cues.py       the cue words (decision_triggers.json, plan_change_cues)
    shifts.py     parse_shift, shift_back: stated shifts and moving a date by one
    changes.py    PlanChange, the dates, what moves (_what)
    old_date.py   the date the plan had before
    contrast.py   'in plaats van', 'niet ..., maar ...'
    moves.py      move verbs with their targets, or a shift alone
    new_date.py   a new date after a missed one
    tables.py     planning tables with old and new columns
    line_tables.py  the same tables as plain lines (text and PDF lose the column separators)
    extractor.py  extract_plan_changes: the loop and one fact per move

Scoring plan changes against gold lives in ``inkoopgraaf/evaluate.py``
(:func:`~inkoopgraaf.evaluate.score_plan_changes`). This package is
``inkoopgraaf.extract.plan_changes`` once installed (``pip install -e .``;
``package-dir`` in pyproject.toml): imported straight from the source tree its
relative imports fail with "attempted relative import beyond top-level package".
"""
from .extractor import extract_plan_changes
from .shifts import parse_shift, shift_back

__all__ = ["extract_plan_changes", "parse_shift", "shift_back"]
