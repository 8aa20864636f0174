"""One loader for the extractors' word lists and cue patterns (``extract/resources/*.json``).

A cue file groups its data clinlp-style, one header per category with its patterns::

    {
      "words":      {"LOT_MARKER": {"why": "...", "any_of": ["perceel", "segment", ...]}},
      "cues":       [{"name": "contract_cue", "why": "...", "flags": "i",
                      "pattern": "\\\\b(${any_of})", "any_of": ["gecontracteerd\\\\w*", ...]}],
      "word_lists": [{"name": "excluding_predicates", "why": "...", "words": ["valt buiten", ...]}]
    }

A cue's regex is its ``pattern`` with ``${any_of}`` replaced by its ``any_of``
alternatives joined with ``|`` (in the order written: for alternatives that
share a start, the first one listed wins) and ``${NAME}`` by the alternation of
the shared word group ``NAME`` from ``words``. ``flags`` holds ``i`` for
case-insensitive. A cue without ``pattern`` is just ``${any_of}``.

Adding a wording is adding a string to a list; the code that reads a cue only
knows its ``name``. Run ``inkoopgraaf`` from an installed checkout
(``pip install -e .``): ``extract/`` is installed as ``inkoopgraaf.extract``
through ``package-dir`` in pyproject.toml, so importing it straight from the
source tree fails with "attempted relative import beyond top-level package".
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


class ResourceError(ValueError):
    """A resource file that cannot be read or names an unknown word group."""


@lru_cache(maxsize=None)
def resource(name: str) -> dict:
    """The parsed JSON of ``extract/resources/<name>``."""
    path = resources.files("inkoopgraaf.extract").joinpath("resources", name)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"resources/{name}: cannot read: {exc}") from exc


def _expand(name: str, cue: dict, words: dict) -> str:
    alternatives = "|".join(cue.get("any_of", ()))

    def fill(m: re.Match) -> str:
        key = m.group(1)
        if key == "any_of":
            return alternatives
        if key not in words:
            raise ResourceError(f"resources/{name}: cue {cue.get('name')!r} uses unknown word group {key!r}")
        return "|".join(words[key]["any_of"])

    return _PLACEHOLDER.sub(fill, cue.get("pattern", "${any_of}"))


@lru_cache(maxsize=None)
def cues(name: str) -> dict[str, re.Pattern]:
    """Cue name -> compiled regex, for every entry of the file's ``cues`` list."""
    data = resource(name)
    words = data.get("words", {})
    out: dict[str, re.Pattern] = {}
    for cue in data.get("cues", ()):
        flags = 0
        for f in cue.get("flags", ""):
            flags |= _FLAGS[f]
        try:
            out[cue["name"]] = re.compile(_expand(name, cue, words), flags)
        except re.error as exc:
            raise ResourceError(f"resources/{name}: cue {cue.get('name')!r} is no valid regex: {exc}") from exc
    return out


@lru_cache(maxsize=None)
def word_lists(name: str) -> dict[str, tuple[str, ...]]:
    """List name -> its words (in the order written), for every entry of the file's ``word_lists``."""
    return {w["name"]: tuple(w["words"]) for w in resource(name).get("word_lists", ())}


@lru_cache(maxsize=None)
def dutch(path: str) -> frozenset[str] | dict[str, str]:
    """A group of the shared Dutch lexicon (``resources/dutch_lexicon.json``) by dotted path.

    ``dutch("auxiliaries.passive")`` -> frozenset of words; a mapping (``prepositions.roles``) comes back as a dict.
    """
    node = resource("dutch_lexicon.json")
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            raise ResourceError(f"resources/dutch_lexicon.json: no group {path!r}")
        node = node[key]
    return dict(node) if isinstance(node, dict) else frozenset(node)
