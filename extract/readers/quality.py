"""Hints about text that was read but is probably not what the author wrote.

Two failures read "fine" byte-wise: a page decoded with the wrong charset
(UTF-8 read as UTF-16 becomes CJK), and a PDF whose fonts lack a ToUnicode
map (CID glyph numbers, shifted encodings: letters, but no words). Both give
a document with facts of nothing; the user gets a warning naming the file,
and the document stays in the batch (it may still be partly right).
"""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_LETTERS = 200          # below this, no judgement: a short page may be all names
MAX_NON_LATIN = 0.3        # share of letters outside the Latin script
MIN_DUTCH_WORDS = 0.15     # share of known Dutch word forms among a PDF's words
SAMPLE = 200_000           # characters looked at: enough to judge, bounded on huge files


def _non_latin_share(text: str) -> tuple[float, int]:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0, 0
    latin = sum(1 for c in letters if c < "\u0250" or unicodedata.name(c, "").startswith("LATIN"))
    return 1 - latin / len(letters), len(letters)


def text_warnings(text: str, fmt: str, dutch_words: frozenset[str] | None = None) -> list[str]:
    """Warnings for text that is mostly not Latin script, or (PDF) mostly not words."""
    sample = text[:SAMPLE]
    share, letters = _non_latin_share(sample)
    if letters < MIN_LETTERS:
        return []
    if share > MAX_NON_LATIN:
        return [f"text is mostly not Latin script ({share:.0%} of the letters): wrong character "
                f"encoding declared, or a garbage text layer; check the extracted text"]
    if fmt == "pdf" and dutch_words:
        words = [w.lower() for w in _WORD.findall(sample)]
        known = sum(1 for w in words if w in dutch_words)
        if len(words) >= 50 and known / len(words) < MIN_DUTCH_WORDS:
            return [f"the text layer looks like garbage (only {known / len(words):.0%} of the words are "
                    "Dutch words): fonts without a ToUnicode map or a shifted encoding; OCR the PDF"]
    return []
