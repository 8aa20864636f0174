"""Reading and NLP: files → :class:`~inkoopgraaf.extract.document.Document` → facts with evidence.

Installed as ``inkoopgraaf.extract`` (``package-dir`` in pyproject.toml): use an
installed checkout (``pip install -e .``); imported straight from the source
tree its relative imports fail with "attempted relative import beyond
top-level package". Where each kind of change goes: ``extract/README.md``.
"""
