"""Round 10 (issue 14): a region page's tables come straight from the assembly's filled tuples
(:class:`PageTables`) instead of pandas frames, and the JSON island is escaped by plain string
replacement. Both must give the page the frames and the regex gave, cell for cell."""
from __future__ import annotations

import json
import math
import re

from inkoopgraaf.models.tables import COLUMNS, SORT, TABLE_NAMES, _frame
from inkoopgraaf.report.render import (PageTables, _contract_starts, _tables_of, _tables_payload,
                                       json_for_script)

_OLD_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _old_json_for_script(obj) -> str:
    """The regex escape of main before round 10, to compare with."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _OLD_ESCAPES[m.group(0)], text)


class _Rows:
    """What PageTables reads of an assembly: its documents in order and their filled rows."""

    def __init__(self, by_doc: dict[str, dict[str, list[tuple]]]):
        self.by_doc = by_doc

    def docs(self) -> list[str]:
        return sorted(self.by_doc)

    def filled(self, doc: str) -> dict[str, list[tuple]]:
        return self.by_doc[doc]


_ODD = [None, math.nan, True, False, 0, 3, 2.0, 0.125, "", "x < y & z", "a\u2028b\u2029c", "</script>",
        "2023-01-01", "all", "chosen", "True", "jeugd_ambulant; wmo_begeleiding"]


def _odd_rows(doc: str, name: str, n: int, shift: int) -> list[tuple]:
    """Rows whose cells cycle through odd values (gaps, bools, ints in float columns, markup)."""
    cols = COLUMNS[name]
    rows = []
    for r in range(n):
        row = [_ODD[(r * 7 + c * 3 + shift) % len(_ODD)] for c in range(len(cols))]
        row[cols.index("doc")] = doc
        row[cols.index("region")] = ["rijnmond", "achterhoek", None, math.nan][(r + shift) % 4]
        for col in ("year", "evidence_page", "evidence_start", "evidence_end", "n_evidence", "shift_days",
                    "event_year"):
            if col in cols:   # Int64 columns hold ints, ints as floats, or gaps
                row[cols.index(col)] = [2023, 7.0, None, math.nan, 12][(r + len(col)) % 5]
        if r % 3 == 0:   # a row citing a fact of the page (links to the passage)
            row[cols.index("evidence_doc")] = "d1"
            row[cols.index("evidence_start")], row[cols.index("evidence_end")] = 7.0, 12
        if "contract_start" in cols:
            row[cols.index("contract_start")] = ["2024-01-01", None, "2025-07-01", ""][r % 4]
        rows.append(tuple(row))
    return rows


def _sample() -> _Rows:
    return _Rows({doc: {name: _odd_rows(doc, name, 9 + i, i) for name in TABLE_NAMES}
                  for i, doc in enumerate(["d3", "d1", "d2", "d4"])})


def _frames(rows: _Rows, ids: set[str]) -> dict:
    """The frames main made of the same rows (Assembly.frames_of)."""
    wanted = [d for d in rows.docs() if d in ids]
    return {name: _frame(name, [r for d in wanted for r in rows.filled(d)[name]], SORT[name]) for name in TABLE_NAMES}


def test_page_tables_give_the_grids_the_frames_give():
    rows = _sample()
    facts = [{"doc": "d1", "start": 7, "end": 12}, {"doc": "d2", "start": 2023, "end": 7}]
    for ids in (set(), {"d4"}, {"d1", "d2"}, set(rows.docs())):
        fast = _tables_payload(PageTables(rows, ids), facts)
        slow = _tables_payload(_frames(rows, ids), facts)
        assert fast == slow
        assert json_for_script(fast) == json_for_script(slow)
        assert len(fast) == len(TABLE_NAMES) and all(len(t["rows"]) == t["total"] for t in fast)
    assert all(t["rows"] for t in fast) and all(0 in t["links"] for t in fast)


def test_page_tables_give_the_contract_starts_the_frames_give():
    rows = _sample()
    index = {"rijnmond": 0, "achterhoek": 1}
    for ids in ({"d1"}, set(rows.docs())):
        fast = _contract_starts(PageTables(rows, ids), index)
        assert fast == _contract_starts(_frames(rows, ids), index)
    assert fast


def test_an_assembly_gives_page_tables_and_frames_stay_frames():
    rows = _sample()
    assert isinstance(_tables_of(rows, {"d1"}), PageTables)
    frames = _frames(rows, {"d1"})
    assert _tables_of(frames, None) is frames


def test_json_for_script_is_the_regex_escape():
    texts = ["", "plain", "<>&\u2028\u2029", "</script><!--", "a&amp;b", "\\u003c", "ü€ 𝄞 <b>", "&" * 50,
             "line\u2028break\u2029", "x" * 1000 + "<"]
    for text in texts:
        obj = {"t": text, "list": [text, None, 1.5, True], text: text}
        assert json_for_script(obj) == _old_json_for_script(obj)
        assert json.loads(json_for_script(obj)) == obj
