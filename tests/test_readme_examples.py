"""The README's notebook examples run as written, on a built outputs/ folder."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from explorer_sample import write_outputs

README = Path(__file__).resolve().parent.parent / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_notebook_examples_run_as_written(tmp_path, monkeypatch):
    write_outputs(tmp_path / "outputs")
    monkeypatch.chdir(tmp_path)
    blocks = python_blocks()
    assert len(blocks) >= 2 and "load(\"outputs\")" in blocks[0]
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102 - our own README
    kg = namespace["kg"]
    assert len(kg.financing.query("segment == 'dyslexie'")) > 0
    assert isinstance(namespace["late"], pd.DataFrame) and (namespace["late"]["shift_days"] > 0).all()
