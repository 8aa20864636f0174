"""Question commands over a built outputs/ folder: query, region, compare, timeline.

The lead's ``inkoopgraaf`` group adds :data:`COMMANDS`. Each command answers
in plain sentences with the evidence quote (document, page) under every
answer (``--format table``), or as JSON records or CSV for other tools.
Unknown ids get the nearest known ones as suggestions; a missing outputs/
folder says to run ``inkoopgraaf build`` first.
"""
from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path

import click
import pandas as pd

from .api import KnowledgeGraph, OutputsNotBuilt, UnknownId, load

QUOTE_WIDTH = 220

#: Words the answers use, per --lang. Ids (segment, financing, ...) stay as they are:
#: they are the shared vocabulary of the graph, tables and exports.
TEXT = {
    "nl": {
        "chosen": "gekozen", "previous": "eerder", "considered": "overwogen", "rejected": "afgewezen",
        "taken": "genomen", "planned": "gepland", "proposed": "voorgesteld", None: "status onbekend",
        "all": "hele inkoop", "no_results": "Geen resultaten voor deze vraag.", "variant": "variant",
        "procedure": "procedure", "contract_start": "contract start", "page": "p.", "evidence": "bewijs",
        "not_stated": "geen bekostiging genoemd", "superseded": "verschoven", "moved": "verschoven van",
        "to": "naar", "days": "dagen", "segment": "Segmenten", "financing": "Bekostiging",
        "procedure_h": "Procedures", "event": "Data", "plan_change": "Planningswijzigingen",
        "decision": "Besluiten", "by": "door", "sources": "bron(nen)",
        "confidence": "zekerheid", "uncertain": "onzeker: rust op één zwak feit",
    },
    "en": {
        "chosen": "chosen", "previous": "used before", "considered": "considered", "rejected": "rejected",
        "taken": "taken", "planned": "planned", "proposed": "proposed", None: "status unknown",
        "all": "whole procurement", "no_results": "No results for this question.", "variant": "variant",
        "procedure": "procedure", "contract_start": "contract start", "page": "p.", "evidence": "evidence",
        "not_stated": "no financing stated", "superseded": "moved", "moved": "moved from", "to": "to",
        "days": "days", "segment": "Segments", "financing": "Financing", "procedure_h": "Procedures",
        "event": "Dates", "plan_change": "Plan changes", "decision": "Decisions", "by": "by",
        "sources": "source(s)", "confidence": "confidence", "uncertain": "uncertain: rests on one weak fact",
    },
}


# --------------------------------------------------------------------------- shared options
def _common(f):
    f = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                     help="Language of the answer text (ids stay as they are).")(f)
    f = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                     show_default=True, help="table: sentences with evidence; json: records; csv: tidy rows.")(f)
    f = click.option("--outputs", "outputs", default="outputs", show_default=True,
                     type=click.Path(path_type=Path), help="Folder written by `inkoopgraaf build`.")(f)
    return f


def _load(outputs: Path) -> KnowledgeGraph:
    try:
        return load(outputs)
    except OutputsNotBuilt as exc:
        raise click.ClickException(str(exc)) from None


def _ask(fn, *args, **kwargs):
    """Run a question; unknown ids become a usage error that lists the nearest known ids."""
    try:
        return fn(*args, **kwargs)
    except UnknownId as exc:
        raise click.UsageError(str(exc)) from None


def _clean(v):
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in df.astype(object).to_dict(orient="records")]


def _emit(df: pd.DataFrame, fmt: str, render, lang: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(_records(df), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        click.echo(df.to_csv(index=False), nl=False)
    elif not len(df):
        click.echo(TEXT[lang]["no_results"])
    else:
        render(df, lang)


def _evidence_line(row: dict, lang: str, indent: str = "    ") -> str:
    quote = " ".join(str(row.get("evidence_quote") or "").split())
    if not quote:
        return ""
    if len(quote) > QUOTE_WIDTH:
        quote = quote[:QUOTE_WIDTH - 1] + "…"
    where = str(row.get("evidence_doc") or "")
    if row.get("evidence_page") is not None:
        where += f", {TEXT[lang]['page']} {row['evidence_page']}"
    n = row.get("n_evidence") or 0
    more = f"; {n} {TEXT[lang]['sources']}" if n and n > 1 else ""
    sure = ""  # issue 12: how sure the answer is, visibly
    if row.get("confidence") is not None:
        sure = f" · {TEXT[lang]['confidence']} {row['confidence']:.2f}"
    if row.get("onzeker"):
        sure += f" · {TEXT[lang]['uncertain']}"
    return textwrap.fill(f"“{quote}” ({where}{more}){sure}", width=100, initial_indent=indent,
                         subsequent_indent=indent + " ")


def _status(v, lang):
    return TEXT[lang].get(v, v)


def _region(row) -> str:
    return str(row.get("region_name") or row.get("region"))


# --------------------------------------------------------------------------- renderers
def _render_financing(df: pd.DataFrame, lang: str) -> None:
    t = TEXT[lang]
    for row in _records(df):
        seg = t["all"] if row["segment"] == "all" else (row.get("segment_label") or row["segment"])
        if row.get("financing"):
            head = f"{_region(row)} ({row.get('year') or '?'}) · {seg} → {row['financing']} ({_status(row.get('status'), lang)})"
        else:
            head = f"{_region(row)} ({row.get('year') or '?'}) · {seg} → {t['not_stated']}"
        extra = [f"{t['variant']} {row['variant']}" if row.get("variant") else "",
                 f"{t['procedure']} {row['procedure']}" if row.get("procedure") else "",
                 f"{t['contract_start']} {row['contract_start']}" if row.get("contract_start") else ""]
        extra = ", ".join(e for e in extra if e)
        click.echo(head + (f" — {extra}" if extra else ""))
        line = _evidence_line(row, lang)
        if line:
            click.echo(line)


def _render_procedures(df: pd.DataFrame, lang: str) -> None:
    t = TEXT[lang]
    for row in _records(df):
        seg = t["all"] if row["segment"] == "all" else (row.get("segment_label") or row["segment"])
        click.echo(f"{_region(row)} ({row.get('year') or '?'}) · {seg} → {row['procedure']} "
                   f"({_status(row.get('status'), lang)})")
        line = _evidence_line(row, lang)
        if line:
            click.echo(line)


def _render_profile(df: pd.DataFrame, lang: str) -> None:
    t = TEXT[lang]
    heads = {"segment": t["segment"], "financing": t["financing"], "procedure": t["procedure_h"],
             "event": t["event"], "plan_change": t["plan_change"], "decision": t["decision"]}
    for (year, doc), group in df.groupby(["year", "doc"], sort=False, dropna=False):
        click.echo(f"== {year if not pd.isna(year) else '?'} · {doc} ==")
        for aspect, rows in group.groupby("aspect", sort=False):
            click.echo(f"  {heads.get(aspect, aspect)}")
            for row in _records(rows):
                seg = row.get("segment")
                seg = t["all"] if seg == "all" else seg
                if aspect == "segment":
                    text = f"{row['value']} ({row.get('detail')})"
                elif aspect in ("financing", "procedure"):
                    text = f"{seg}: {row['value']} ({_status(row.get('status'), lang)})"
                elif aspect == "event":
                    text = f"{row['value']}: {row.get('detail')}" + (f" [{t['superseded']}]" if row.get("status") else "")
                elif aspect == "plan_change":
                    text = f"{row['value']}: {row.get('detail')}"
                else:
                    text = f"{row['value']} ({_status(row.get('status'), lang)}): {row.get('detail')}"
                click.echo(f"    - {text}")
                line = _evidence_line(row, lang, indent="        ")
                if line:
                    click.echo(line)


def _render_timeline(df: pd.DataFrame, lang: str, plan_changes: pd.DataFrame | None = None) -> None:
    t = TEXT[lang]
    for row in _records(df):
        when = row["start"] if row["start"] == row["end"] else f"{row['start']}..{row['end']}"
        mod = f" ({row['modifier']})" if row.get("modifier") else ""
        seg = f" [{row['segment']}]" if row.get("segment") else ""
        moved = f" — {t['superseded']}" if row.get("superseded") else ""
        click.echo(f"{when:<23} {row['event']}{mod}{seg}{moved} · {row.get('doc')} ({row.get('year') or '?'})")
        line = _evidence_line(row, lang)
        if line:
            click.echo(line)
    if plan_changes is not None and len(plan_changes):
        click.echo(f"\n{t['plan_change']}:")
        for row in _records(plan_changes):
            click.echo(f"  {row.get('event')}: {t['moved']} {row.get('from_start')} {t['to']} {row.get('to_start')} "
                       f"({row.get('shift_days'):+d} {t['days']}) — {row.get('what')}")
            line = _evidence_line(row, lang)
            if line:
                click.echo(line)


# --------------------------------------------------------------------------- commands
@click.command("query")
@click.option("--segment", help="Segment id, label or wording (dyslexie, 'ambulante jeugdhulp').")
@click.option("--financing", help="Financing model (pxq, lumpsum, populatiebekostiging, ...).")
@click.option("--procedure", help="Procedure (open_house, sas, bestuurlijk_aanbesteden, ...).")
@click.option("--region", help="Only this region (lekstroom, achterhoek, ...).")
@click.option("--status", type=click.Choice(["chosen", "previous", "considered", "rejected"]),
              help="Only observations with this status.")
@click.option("--year", type=int, help="Only documents of this year.")
@_common
def query(segment, financing, procedure, region, status, year, outputs, fmt, lang):
    """Which regions finance or procure what, with the evidence for each answer.

    \b
    Segment questions also show a region's model for its whole procurement
    (segment "all") when that document procures the segment.

    \b
    Examples:
      inkoopgraaf query --segment dyslexie --financing populatiebekostiging
      inkoopgraaf query --financing lumpsum --status chosen
      inkoopgraaf query --procedure open_house --format csv > open_house.csv
      inkoopgraaf query --segment 'complexe jeugdhulp' --lang en --format json
    """
    kg = _load(outputs)
    df = _ask(kg.query, segment=segment, financing=financing, procedure=procedure, region=region,
              status=status, year=year)
    render = _render_procedures if procedure and not financing else _render_financing
    _emit(df, fmt, render, lang)


@click.command("region")
@click.argument("region_id")
@_common
def region(region_id, outputs, fmt, lang):
    """Profile of REGION_ID over time: segments, financing, procedures, dates, decisions.

    \b
    One block per document (year): a region described in 2015 and in 2022
    shows both states, so you can read what changed.

    \b
    Examples:
      inkoopgraaf region lekstroom
      inkoopgraaf region ijmond --lang en
      inkoopgraaf region achterhoek --format csv > achterhoek.csv
    """
    kg = _load(outputs)
    df = _ask(kg.profile, region_id)
    _emit(df, fmt, _render_profile, lang)


@click.command("compare")
@click.option("--segment", required=True, help="Segment to compare across regions (ambulant, dyslexie, ...).")
@_common
def compare(segment, outputs, fmt, lang):
    """Compare one segment across regions and years: financing, status, procedure, contract start.

    \b
    A region that procures the segment without naming its financing shows its
    whole-procurement model, or "no financing stated".

    \b
    Examples:
      inkoopgraaf compare --segment ambulant
      inkoopgraaf compare --segment dyslexie --format json
      inkoopgraaf compare --segment hoog_complex --lang en
    """
    kg = _load(outputs)
    df = _ask(kg.compare, segment)
    _emit(df, fmt, _render_financing, lang)


@click.command("timeline")
@click.argument("region_id")
@click.option("--all-events/--key-events", default=True, show_default=True,
              help="--key-events hides dates whose event type is 'other'.")
@_common
def timeline(region_id, all_events, outputs, fmt, lang):
    """Dated events of REGION_ID in time order, with the plan changes that moved them.

    \b
    Examples:
      inkoopgraaf timeline achterhoek
      inkoopgraaf timeline lekstroom --key-events
      inkoopgraaf timeline ijmond --format csv > ijmond_planning.csv
    """
    kg = _load(outputs)
    df = _ask(kg.timeline_of, region_id, include_other=all_events)
    reg = kg.resolve("region", region_id)
    pcs = kg.plan_changes[kg.plan_changes["region"] == reg]
    _emit(df, fmt, lambda d, lg: _render_timeline(d, lg, pcs), lang)


COMMANDS = [query, region, compare, timeline]
