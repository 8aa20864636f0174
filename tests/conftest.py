"""Shared fixtures: paths to the corpus and to ../shared (present beside the checkout in CI)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


ANSWER_DOCS = Path(__file__).parent / "data" / "answers_docs"
THREE_ANSWER_DOCS = ("bekostiging_noord_limburg.txt", "gooi_vechtstreek_2015.txt", "planning_midden_holland.txt")


@pytest.fixture()
def corpus(tmp_path):
    """A corpus folder of three answer documents (regions Noord-Limburg, Gooi en Vechtstreek,
    Midden-Holland), fresh per test: the build tests change, add and remove its files."""
    import shutil
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in THREE_ANSWER_DOCS:
        shutil.copy(ANSWER_DOCS / name, folder / name)
    return folder
