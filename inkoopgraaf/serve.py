"""`inkoopgraaf serve`: Datasette on outputs/inkoopgraaf.db, for policy staff.

Read-only (immutable), on 127.0.0.1 unless ``--host`` says otherwise, arbitrary SQL off unless
``--sql``. The metadata gives every table and column a Dutch label and description
(explorer/tables.json), facets on region, segment, financing model, status, year and actor, and
the canned queries of explorer/queries/*.sql answer the questions policy staff ask. A small
plugin (explorer/plugins/) turns evidence cells into links to the quote and the document.
"""
from __future__ import annotations

import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

import click
from markupsafe import escape

from .models.store import STORE_NAME

EXPLORER = resources.files("inkoopgraaf").joinpath("explorer")
PLUGINS_DIR = Path(str(EXPLORER.joinpath("plugins")))
LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Order of the canned queries on the database page: the five questions, then the evidence view.
QUERY_ORDER = ("financiering", "besluiten", "planwijzigingen", "regio_profiel", "zoek", "bewijs")
_HEADER = re.compile(r"^--\s*(title|description):\s*(.*)$")


def canned_queries() -> dict[str, dict]:
    """explorer/queries/NAME.sql -> Datasette canned query (title and description from the header)."""
    out = {}
    folder = EXPLORER.joinpath("queries")
    names = sorted((p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql")),
                   key=lambda n: (QUERY_ORDER.index(n) if n in QUERY_ORDER else len(QUERY_ORDER), n))
    for name in names:
        text = folder.joinpath(f"{name}.sql").read_text("utf-8")
        query = {"sql": "\n".join(l for l in text.splitlines() if not _HEADER.match(l)).strip(), "hide_sql": True}
        for line in text.splitlines():
            m = _HEADER.match(line)
            if m:
                query[m.group(1)] = m.group(2).strip()
        out[name] = query
    return out


def _columns(db: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        con.close()


def metadata(db: Path) -> dict:
    """Datasette metadata for the store at ``db``: Dutch titles, column descriptions, facets, queries."""
    spec = json.loads(EXPLORER.joinpath("tables.json").read_text("utf-8"))
    labels = spec["columns"]
    tables = {}
    for table, columns in _columns(db).items():
        conf = dict(spec["tables"].get(table, {}))
        if conf.get("hidden") or table.startswith("sqlite_"):
            tables[table] = {"hidden": True}
            continue
        if table.endswith("_fts") or "_fts_" in table:
            continue
        conf["columns"] = {c: f"{labels[c][0]}: {labels[c][1]}" for c in columns if c in labels}
        conf["facets"] = [f for f in conf.get("facets", []) if f in columns]
        tables[table] = conf
    name = db.stem
    return {
        "title": spec["title"], "description": spec["description"],
        "databases": {name: {"title": spec["title"], "description_html": _database_html(name, spec, tables),
                             "tables": tables, "queries": canned_queries()}},
        "plugins": {"inkoopgraaf-links": {"database": name}},
    }


def _database_html(name: str, spec: dict, tables: dict) -> str:
    """The database page's introduction: the description and the tables by their Dutch titles."""
    items = []
    for table, conf in tables.items():
        if conf.get("hidden") or not conf.get("title"):
            continue
        items.append(f'<li><a href="/{escape(name)}/{escape(table)}">{escape(conf["title"])}</a>: '
                     f'{escape(conf.get("description", ""))}</li>')
    return (f"<p>{escape(spec['description'])}</p><p>Tabellen:</p><ul>{''.join(items)}</ul>")


def datasette_args(db: Path, metadata_path: Path, host: str, port: int, sql: bool) -> list[str]:
    """The `datasette serve` command line (immutable file, our metadata and plugin)."""
    return [sys.executable, "-m", "datasette", "serve", "-i", str(db), "--host", host, "--port", str(port),
            "--metadata", str(metadata_path), "--plugins-dir", str(PLUGINS_DIR),
            "--setting", "default_allow_sql", "on" if sql else "off",
            "--setting", "allow_download", "off", "--setting", "suggest_facets", "off",
            "--setting", "sql_time_limit_ms", "3000"]


def _run_until_stopped(args: list[str]) -> int:
    """Run Datasette; a SIGTERM or Ctrl+C to us stops it too (no orphaned server)."""
    proc = subprocess.Popen(args)
    previous = signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("serve")
@click.option("--outputs", "outputs", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Folder written by `inkoopgraaf build` (holds inkoopgraaf.db).")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. The default is reachable from this computer only.")
@click.option("--sql", is_flag=True, help="Allow arbitrary read-only SQL queries (off by default).")
def serve(outputs, port, host, sql):
    """Explore the database in a browser (Datasette): tables in Dutch, facets, and ready-made questions.

    \b
    Opens outputs/inkoopgraaf.db read-only. Ready-made questions (canned queries):
      financiering     welke regio's financieren segment X met model Y (met ingangsdatum)
      besluiten        besluiten van regio R: wie, wat, wanneer, status
      planwijzigingen  planwijzigingen per regio: wat, van, naar, dagen
      regio_profiel    regio-profiel over de jaren
      zoek             zoek in de stukken (citaten en volledige teksten)
    Every answer links to its evidence (the quote with the text around it).

    \b
    Examples:
      inkoopgraaf serve                      # then open http://127.0.0.1:8001/inkoopgraaf
      inkoopgraaf serve --port 8080 --sql    # also allow your own SQL
      inkoopgraaf serve --host 0.0.0.0       # reachable from other computers: only on a trusted network
    """
    db = outputs / STORE_NAME
    if not db.exists():
        raise click.ClickException(f"{db} not found: run `inkoopgraaf build` first "
                                   f"(or pass --outputs with the folder build wrote to).")
    if host not in LOOPBACK:
        click.echo(f"inkoopgraaf serve: listening on {host}: other computers can read this database.", err=True)
    tmp = Path(tempfile.mkdtemp(prefix="inkoopgraaf-serve-"))
    try:
        meta = tmp / "metadata.json"
        meta.write_text(json.dumps(metadata(db), ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(f"inkoopgraaf serve: http://{host}:{port}/{db.stem} (Ctrl+C stops)", err=True)
        code = _run_until_stopped(datasette_args(db, meta, host, port, sql))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(code)
