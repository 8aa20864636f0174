"""A built outputs/ folder for the explorer tests: the mini corpus of kg_cases.json plus one
hostile document whose title and text carry markup that must never run in a page."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from inkoopgraaf.cli import write_documents_csv
from inkoopgraaf.models.facts import Fact, dumps_facts
from inkoopgraaf.models.graph import build_graph
from inkoopgraaf.models.store import store_path, write_store
from inkoopgraaf.models.tables import tables_from_graph
from test_graph import load_case

HOSTILE_TITLE = '<b onmouseover="alert(1)">Kwaadaardige notitie</b>'
HOSTILE_TEXT = ('Notitie regio Lekstroom <script>alert("xss")</script>\n'
                'Lekstroom kiest voor lumpsum <img src=x onerror=alert(2)> voor dyslexie.\n')


def hostile_document():
    text = HOSTILE_TEXT
    def at(word, type_, value):
        start = text.index(word)
        return Fact(doc="hostile", type=type_, text=word, start=start, end=start + len(word), page=None,
                    value=value, confidence=0.9)
    facts = [at("Lekstroom", "region", {"id": "lekstroom", "name": "Lekstroom"}),
             at("dyslexie", "segment", {"id": "dyslexie", "label": "dyslexie", "domain": "jeugd", "parent": None}),
             at("lumpsum", "financing", {"id": "lumpsum", "variant": "taakgericht", "segment": "dyslexie",
                                         "status": "chosen"})]
    record = {"id": "hostile", "path": "corpus/hostile.txt", "format": "txt", "sha256": "1" * 64, "pages": None,
              "characters": len(text), "status": "ok", "error": "", "year": 2024, "title": HOSTILE_TITLE}
    return facts, record, text


def write_outputs(folder: Path) -> Path:
    """facts.jsonl, documents.csv, texts/ and inkoopgraaf.db as `build` writes them."""
    facts, docs, texts, _ = load_case()
    h_facts, h_doc, h_text = hostile_document()
    facts, docs, texts = facts + h_facts, docs + [h_doc], {**texts, "hostile": h_text}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "facts.jsonl").write_text(dumps_facts(facts), encoding="utf-8")
    write_documents_csv(folder / "documents.csv", docs)
    (folder / "texts").mkdir(exist_ok=True)
    for doc, text in texts.items():
        (folder / "texts" / f"{doc}.txt").write_text(text, encoding="utf-8")
    tables = tables_from_graph(build_graph(facts, docs, texts))
    write_store(store_path(folder), facts, docs, texts, tables)
    return folder


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def rows(server: str, query: str, **params) -> list[dict]:
    """The rows of a canned query as objects, asserting the server answered it without error."""
    status, body = get(f"{server}/{query}.json?" + urllib.parse.urlencode({**params, "_shape": "objects"}))
    assert status == 200, body[:500]
    data = json.loads(body)
    assert data.get("ok", True), data.get("error")
    return data["rows"]


@contextlib.contextmanager
def running_server(outputs: Path, *extra: str):
    """`inkoopgraaf serve` as a real subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "inkoopgraaf.cli", "serve", "--outputs", str(outputs), "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"inkoopgraaf serve exited: {proc.stdout.read().decode()}")
            try:
                if get(f"{base}/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("inkoopgraaf serve did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()  # serve passes SIGTERM on to Datasette
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
