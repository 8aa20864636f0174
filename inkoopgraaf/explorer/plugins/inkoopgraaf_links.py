"""Datasette plugin of `inkoopgraaf serve`: evidence cells become links.

Loaded with ``--plugins-dir`` (never installed globally, so other Datasette instances on the
same machine are untouched). A cell of a column named "Bewijs" (canned queries) or
"evidence_fact" (tables) holds a fact id and links to the evidence view (the canned query
"bewijs": the quote with the text around it); a "Stuk" cell holds a document id and links to
the document's full text. Everything interpolated is escaped: document texts are hostile input.

It also gives the canned queries the SQL function ``datum(start, end, granularity)``: a date as
precisely as the text gave it ('2023', 'juni 2019', a day), the same rule the CLI uses
(inkoopgraaf/datewords.py), so no view shows a year as its first of January.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from inkoopgraaf.datewords import as_written

PLUGIN = "inkoopgraaf-links"
EVIDENCE_COLUMNS = ("Bewijs", "evidence_fact")
DOCUMENT_COLUMNS = ("Stuk",)


def _our_database(datasette, database) -> bool:
    config = datasette.plugin_config(PLUGIN) or {}
    return database == config.get("database")


def datum(start, end=None, granularity=None):
    """SQL ``datum(start[, end[, granularity]])``: NULL for no date, else the date as written."""
    return as_written(start, end, granularity) or None


@hookimpl
def prepare_connection(conn):
    conn.create_function("datum", 1, datum, deterministic=True)
    conn.create_function("datum", 2, datum, deterministic=True)
    conn.create_function("datum", 3, datum, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value in (None, "") or not _our_database(datasette, database):
        return None
    if isinstance(value, dict):  # a foreign key Datasette already expanded: {"value": 12, "label": ...}
        value = value.get("value")
    if column in EVIDENCE_COLUMNS:
        try:
            fact = int(value)
        except (TypeError, ValueError):
            return None
        url = f"{datasette.urls.query(database, 'bewijs')}?fact={fact}"
        return Markup(f'<a class="inkoopgraaf-bewijs" href="{escape(url)}">bewijs</a>')
    if column in DOCUMENT_COLUMNS and table is None:
        url = datasette.urls.row(database, "texts", tilde_encode(str(value)))
        return Markup(f'<a class="inkoopgraaf-stuk" href="{escape(url)}">volledige tekst</a>')
    return None
