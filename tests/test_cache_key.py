"""The extraction cache key covers exactly what extraction depends on (issue 14, round 6).

Editing the tables, the graph, the exports, the store or the derived pieces must not re-extract a
corpus; editing the taxonomy, a gazetteer file or any extractor rule must."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inkoopgraaf.extract import pipeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def trees(tmp_path):
    """Copies of this checkout's extract/ and models/ trees, to edit."""
    ignore = shutil.ignore_patterns("__pycache__")
    extract, models = tmp_path / "extract", tmp_path / "models"
    shutil.copytree(ROOT / "extract", extract, ignore=ignore)
    shutil.copytree(ROOT / "models", models, ignore=ignore)
    return extract, models


def _append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)


def test_the_copied_trees_give_the_installed_version(trees):
    assert pipeline.version_of(*trees) == pipeline.extractor_version()


@pytest.mark.parametrize("name", ["tables.py", "graph.py", "exports.py", "derived.py", "store.py", "io.py",
                                  "regions.py", "data/labels_nl.json", "data/own_region_cues.json"])
def test_editing_what_only_consumes_facts_keeps_the_key(trees, name):
    extract, models = trees
    before = pipeline.version_of(extract, models)
    _append(models / name, "\n" if name.endswith(".json") else "\n# an edit\n")
    assert pipeline.version_of(extract, models) == before


@pytest.mark.parametrize("name", ["models/taxonomy.json", "models/taxonomy.py", "models/facts.py",
                                  "models/gazetteer.py", "models/data/gazetteer/municipalities.csv",
                                  "models/data/gazetteer/jeugdregios.csv", "extract/places.py", "extract/readers/_pdfium_batch.c",
                                  "extract/resources/segment_cues.json"])
def test_editing_what_extraction_reads_changes_the_key(trees, name):
    extract, models = trees
    before = pipeline.version_of(extract, models)
    _append((extract if name.startswith("extract/") else models).parent / name, "\n")
    assert pipeline.version_of(extract, models) != before


def test_a_new_extractor_module_or_gazetteer_file_changes_the_key(trees):
    extract, models = trees
    before = pipeline.version_of(extract, models)
    (extract / "segments" / "new_rule.py").write_text("RULE = 1\n")
    with_module = pipeline.version_of(extract, models)
    (models / "data" / "gazetteer" / "wijken.csv").write_text("naam\n")
    assert len({before, with_module, pipeline.version_of(extract, models)}) == 3


def test_moving_a_file_between_folders_changes_the_key(trees):
    """Names are hashed with their folder: the same bytes at another place are another tree."""
    extract, models = trees
    before = pipeline.version_of(extract, models)
    shutil.move(extract / "resources" / "actors.json", extract / "actors.json")
    assert pipeline.version_of(extract, models) != before


_PROBE = r"""
import json, os, sys
opened = set()
def audit(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        opened.add(os.path.realpath(os.fspath(args[0])))
sys.addaudithook(audit)
from pathlib import Path
from inkoopgraaf.extract import pipeline
for step in pipeline.STEPS:
    pipeline._load(step.target)
for path in sys.argv[1:]:
    result = pipeline.read_and_extract(Path(path))
    assert result.ok and result.facts, (path, result.record["error"])
modules = {name: getattr(mod, "__file__", None) for name, mod in sys.modules.items()
           if name.startswith("inkoopgraaf")}
print(json.dumps({"modules": modules, "opened": sorted(opened)}))
"""


def test_extraction_imports_and_reads_no_models_file_outside_the_key(corpus_dir):
    """A fresh process extracts documents of every reader we have here; every inkoopgraaf module it
    imports and every file of the models it opens is in the extract package or MODELS_KEYED (or
    MODELS_NOT_KEYED, which says why). Extraction that starts to depend on more fails here."""
    documents = sorted(p for p in corpus_dir.iterdir() if p.suffix in (".txt", ".md", ".html", ".pdf"))[:4]
    documents += sorted((ROOT.parent / "shared" / "pdf").glob("*.pdf"))[:1]
    out = subprocess.run([sys.executable, "-c", _PROBE, *map(str, documents)], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    models = (ROOT / "models").resolve()
    allowed = set(pipeline.MODELS_KEYED) | set(pipeline.MODELS_NOT_KEYED)

    def models_name(path: str) -> str | None:
        path = Path(path).resolve()
        return path.relative_to(models).as_posix() if path.is_relative_to(models) else None

    for name, file in seen["modules"].items():
        if name.startswith("inkoopgraaf.extract") or name == "inkoopgraaf":
            continue
        assert name.startswith("inkoopgraaf.models"), f"extraction imports {name}, outside extract/ and models/"
        assert models_name(file) in allowed, f"extraction imports {name}: add it to MODELS_KEYED"
    read = {models_name(p) for p in seen["opened"]} - {None}
    for name in read:
        if name.endswith(".pyc") or "__pycache__" in name:
            continue
        assert pipeline._models_keyed(name) or name in pipeline.MODELS_NOT_KEYED, \
            f"extraction reads models/{name}: add it to MODELS_KEYED"
    assert {"taxonomy.json", "data/gazetteer/municipalities.csv"} <= read


def test_upgrading_a_reading_library_changes_the_key(monkeypatch):
    from importlib import metadata
    real = metadata.version
    before = pipeline.cache_key("ab" * 32, Path("x.pdf"))
    pipeline.libraries_version.cache_clear()
    monkeypatch.setattr(metadata, "version", lambda name: "999.0" if name == "pypdfium2" else real(name))
    try:
        after = pipeline.cache_key("ab" * 32, Path("x.pdf"))
    finally:
        monkeypatch.undo()
        pipeline.libraries_version.cache_clear()
    assert after != before
    assert pipeline.cache_key("ab" * 32, Path("x.pdf")) == before
