"""Evidence passages: the sentence (or table row) a fact stands in.

A fact's ``text`` is the exact span ("PxQ"); a reader checking a table cell
needs the sentence around it ("Bij de in 2017 uitgevoerde aanbesteding is
voor alle percelen gekozen voor PxQ."). :func:`passage` cuts that sentence
out of the document text, bounded so a run-on paragraph never floods a cell.
"""
from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(])|\n")


def passage(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence or line containing ``text[start:end]``, at most ~``limit`` chars.

    Sentence ends are '.', '!' or '?' followed by a capital, or a newline
    (headings and table rows are lines). When the sentence is longer than
    ``limit`` the window is centred on the span and marked with '…'.
    """
    if not text or start < 0 or end > len(text) or start > end:
        return ""
    left = 0
    for m in _BOUNDARY.finditer(text, max(0, start - limit * 2), start):
        left = m.end()
    m = _BOUNDARY.search(text, end)
    right = m.start() if m else len(text)
    if right - left > limit:
        half = max(0, (limit - (end - start)) // 2)
        new_left, new_right = max(left, start - half), min(right, end + half)
        out = text[new_left:new_right]
        out = ("…" if new_left > left else "") + out.strip() + ("…" if new_right < right else "")
    else:
        out = text[left:right].strip()
    return " ".join(out.replace("\t", " | ").split())
