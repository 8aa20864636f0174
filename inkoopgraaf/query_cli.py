"""Question commands over a built outputs/ folder: query, region, compare, timeline.

The lead's ``inkoopgraaf`` group adds :data:`COMMANDS`. Each command answers
in plain sentences with the evidence quote (document, page) under every
answer (``--format table``), or as JSON records or CSV for other tools.
Unknown ids get the nearest known ones as suggestions; a missing outputs/
folder says to run ``inkoopgraaf build`` first.
"""
from __future__ import annotations

import csv
import io
import json
import math
import textwrap
from pathlib import Path

import click
import pandas as pd

from .api import KnowledgeGraph, OutputsNotBuilt, UnknownId, load, typed
from .datewords import as_written

QUOTE_WIDTH = 220

#: Words the answers use, per --lang. Ids (segment, financing, ...) stay as they are:
#: they are the shared vocabulary of the graph, tables and exports.
TEXT = {
    "nl": {
        "chosen": "gekozen", "previous": "eerder", "considered": "overwogen", "rejected": "afgewezen",
        "taken": "genomen", "planned": "gepland", "proposed": "voorgesteld", None: "status onbekend",
        "all": "hele inkoop", "no_results": "Geen resultaten voor deze vraag.", "variant": "variant",
        "procedure": "procedure", "contract_start": "ingangsdatum contract", "page": "p.", "evidence": "bewijs",
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
    f = click.option("--excel", is_flag=True,
                     help="CSV for Dutch Excel: ';' separated, with a BOM; no cell runs as a formula.")(f)
    f = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                     help="Language of the answer text (ids stay as they are).")(f)
    f = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                     show_default=True, help="table: sentences with evidence; json: records; csv: tidy rows.")(f)
    f = click.option("--outputs", "outputs", default="outputs", show_default=True,
                     type=click.Path(path_type=Path), help="Folder written by `inkoopgraaf build`.")(f)
    return f


def _load(outputs: Path) -> KnowledgeGraph:
    try:
        kg = load(outputs)
    except OutputsNotBuilt as exc:
        raise click.ClickException(str(exc)) from None
    _CONTEXT["titles"] = kg.titles
    _CONTEXT["kg"] = kg
    _CONTEXT["spans"] = kg.fact_texts   # the evidence spans only, not the whole facts frame
    return kg


def _ask(fn, *args, **kwargs):
    """Run a question; unknown ids become a usage error that lists the nearest known ids."""
    try:
        return fn(*args, **kwargs)
    except UnknownId as exc:
        raise click.UsageError(str(exc)) from None


def _clean(v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if hasattr(v, "item"):
        return v.item()
    return v


#: A cell starting with one of these runs as a formula in Excel/LibreOffice: written with a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(v):
    """A CSV cell that cannot run as a formula (document text is hostile input); numbers stay numbers."""
    v = _clean(v)
    if isinstance(v, str) and v.startswith(FORMULA_STARTS):
        return "'" + v
    return v


def write_csv(df: pd.DataFrame, excel: bool = False) -> str:
    """Tidy CSV; ``excel``: ';' separated with a BOM, as Dutch Excel opens it. Formulas are always defused."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    writer.writerow(list(df.columns))
    for row in df.astype(object).itertuples(index=False):
        writer.writerow(["" if safe_cell(v) is None else safe_cell(v) for v in row])
    return ("\ufeff" if excel else "") + buf.getvalue()


def cut_quote(quote: str, span: str | None, width: int = QUOTE_WIDTH) -> str:
    """At most ``width`` characters of ``quote``, the window centred on ``span`` (never cut before it)."""
    quote = " ".join(str(quote or "").split())
    if len(quote) <= width:
        return quote
    at = quote.lower().find(" ".join(str(span or "").split()).lower()) if span else -1
    if at < 0:
        return quote[:width - 1] + "…"
    n = len(" ".join(str(span).split()))
    left = max(0, min(at - (width - n) // 2, len(quote) - width))
    out = quote[left:left + width]
    return ("…" if left > 0 else "") + out.strip() + ("…" if left + width < len(quote) else "")


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _clean(v) for k, v in row.items()} for row in df.astype(object).to_dict(orient="records")]


def _emit(df: pd.DataFrame, fmt: str, render, lang: str, excel: bool = False) -> None:
    if excel or fmt == "csv":
        click.echo(write_csv(df, excel=excel), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(_records(df), ensure_ascii=False, indent=1))
    elif not len(df):
        click.echo(TEXT[lang]["no_results"])
    else:
        render(df, lang)


#: doc id -> title and fact id -> span text of the loaded outputs, for evidence lines.
_CONTEXT: dict[str, dict] = {"titles": {}, "spans": {}}


def _evidence_line(row: dict, lang: str, indent: str = "    ") -> str:
    span = _CONTEXT["spans"].get(row.get("evidence_fact"))
    quote = cut_quote(row.get("evidence_quote"), span)
    if not quote:
        return ""
    doc = str(row.get("evidence_doc") or row.get("doc") or "")
    where = _CONTEXT["titles"].get(doc, doc)
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


def _nl(kind: str, ident, lang: str) -> str:
    """Dutch label of an id in Dutch answers ('niet_openbaar' -> 'niet-openbare procedure'); ids in English."""
    if ident in (None, ""):
        return ""
    if lang != "nl":
        return str(ident)
    kg = _CONTEXT.get("kg")
    words = [kg.label(kind, part) if kg else part for part in str(ident).split("; ")]
    # sentence case inside a sentence ('Niet-openbare procedure' -> 'niet-openbare procedure'),
    # names and abbreviations as they are ('Open House', 'PxQ', 'DBC')
    return "; ".join(w[:1].lower() + w[1:] if not any(c.isupper() for c in w[1:]) else w for w in words)


def _segment(row, lang) -> str:
    seg = row.get("segment")
    if seg == "all":
        return TEXT[lang]["all"]
    kg = _CONTEXT.get("kg")
    if lang != "nl":
        return str(seg)
    return row.get("segment_label") or (kg.label("segment", seg) if kg else str(seg))


def shift_words(days, event=None, lang: str = "nl") -> str:
    """'uitgesteld met 92 dagen', 'vervroegd met 153 dagen', 'verlengd met 365 dagen' (an end date)."""
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "verschuiving onbekend" if lang == "nl" else "shift unknown"
    days = int(days)
    if days == 0:
        return "niet verschoven" if lang == "nl" else "not moved"
    n = abs(days)
    if lang != "nl":
        return f"{'brought forward' if days < 0 else 'extended' if event == 'contract_end' else 'postponed'} by {n} days"
    word = "vervroegd" if days < 0 else "verlengd" if event == "contract_end" else "uitgesteld"
    return f"{word} met {n} {'dag' if n == 1 else 'dagen'}"


def _region(row) -> str:
    return str(row.get("region_name") or row.get("region"))


# --------------------------------------------------------------------------- renderers
def _print_evidence(row, lang, indent="    ") -> None:
    line = _evidence_line(row, lang, indent)
    if line:
        click.echo(line)


def _render_financing(df: pd.DataFrame, lang: str) -> None:
    t = TEXT[lang]
    for row in _records(df):
        seg = _segment(row, lang)
        where = f"{_region(row)} ({row.get('year') or '?'}) · {seg}"
        if row.get("financing"):
            head = f"{where} → {_nl('financing', row['financing'], lang)} ({_status(row.get('status'), lang)})"
        else:
            head = f"{where} → {t['not_stated']}"
        variant = row.get("variant")
        if variant == "none":
            variant = "geen iSD-variant" if lang == "nl" else "no iSD variant"
        extra = [f"{t['variant']} {variant}" if variant else "",
                 f"{t['procedure']} {_nl('procedure', row['procedure'], lang)}" if row.get("procedure") else "",
                 f"{t['contract_start']} {_contract_start(row, lang)}" if row.get("contract_start") else ""]
        extra = ", ".join(e for e in extra if e)
        click.echo(head + (f" — {extra}" if extra else ""))
        _print_evidence(row, lang)


def _contract_start(row: dict, lang: str) -> str:
    kg = _CONTEXT.get("kg")
    start = str(row["contract_start"])[:10]
    return kg.contract_start_as_written(row.get("doc"), start, lang) if kg else start


def _render_procedures(df: pd.DataFrame, lang: str) -> None:
    for row in _records(df):
        click.echo(f"{_region(row)} ({row.get('year') or '?'}) · {_segment(row, lang)} → "
                   f"{_nl('procedure', row['procedure'], lang)} ({_status(row.get('status'), lang)})")
        _print_evidence(row, lang)


def _render_profile(df: pd.DataFrame, lang: str) -> None:
    t = TEXT[lang]
    heads = {"segment": t["segment"], "financing": t["financing"], "procedure": t["procedure_h"],
             "event": t["event"], "plan_change": t["plan_change"], "decision": t["decision"]}
    for (year, doc), group in df.groupby(["year", "doc"], sort=False, dropna=False, observed=True):
        click.echo(f"== {year if not pd.isna(year) else '?'} · {_CONTEXT['titles'].get(doc, doc)} ==")
        for aspect, rows in group.groupby("aspect", sort=False):
            click.echo(f"  {heads.get(aspect, aspect)}")
            for row in _records(rows):
                seg = _segment(row, lang) if row.get("segment") else ""
                if aspect == "segment":
                    text = row.get("detail") or row["value"] if lang == "nl" else f"{row['value']} ({row.get('detail')})"
                elif aspect in ("financing", "procedure"):
                    text = f"{seg}: {_nl(aspect, row['value'], lang)} ({_status(row.get('status'), lang)})"
                elif aspect == "event":
                    text = (f"{_nl('event', row['value'], lang)}: {_detail_date(row.get('detail'), lang)}"
                            + (f" [{t['superseded']}]" if row.get("status") else ""))
                elif aspect == "plan_change":
                    text = f"{_nl('event', row['value'], lang)}: {_detail_moved(row.get('detail'), lang)}"
                else:
                    text = (f"{_nl('actor', row['value'], lang)} ({_nl('decision_status', row.get('status'), lang)})"
                            f": {row.get('detail')}")
                click.echo(f"    - {text}")
                _print_evidence(row, lang, indent="        ")


def _detail_date(detail, lang: str) -> str:
    """A profile event's 'start..end' (the JSON keeps it so) as precisely as the text gave it."""
    if not isinstance(detail, str) or not detail:
        return _when(None, None, lang)
    start, _, end = detail.partition("..")
    return _when(start, end or start, lang)


def _detail_moved(detail, lang: str) -> str:
    """A profile plan change's 'from -> to (n d)' with both dates as written."""
    if not isinstance(detail, str) or "->" not in detail:
        return str(detail or "")
    old, _, rest = detail.partition(" -> ")
    new, _, days = rest.partition(" (")
    show = [_when(d, d, lang) if d not in ("", "nan", "None") else "?" for d in (old, new)]
    return f"{show[0]} -> {show[1]}" + (f" ({days}" if days else "")


def _moved_end(row: dict, end: str, lang: str) -> str:
    """One end of a plan change ('from'/'to') as written, '?' when the text does not give it."""
    start = row.get(f"{end}_start")
    return as_written(start, row.get(f"{end}_end"), None, lang) if start else "?"


def _render_plan_change(row, lang, indent="  ") -> None:
    t = TEXT[lang]
    what = row.get("what") or _nl("event", row.get("event"), lang)
    click.echo(f"{indent}{_region(row)}: {what} ({_nl('event', row.get('event'), lang)}) "
               f"{t['moved']} {_moved_end(row, 'from', lang)} {t['to']} {_moved_end(row, 'to', lang)}: "
               f"{shift_words(row.get('shift_days'), row.get('event'), lang)}"
               + (f" [{_nl('segment', row['segments'], lang)}]" if row.get("segments") else ""))
    _print_evidence(row, lang, indent + "    ")


def _render_timeline(df: pd.DataFrame, lang: str, plan_changes: pd.DataFrame | None = None,
                     summary: str | None = None) -> None:
    t = TEXT[lang]
    if summary:
        click.echo(summary)
    for row in _records(df):
        when = _when(row["start"], row["end"], lang, row.get("granularity"))
        mod = f" ({row['modifier']})" if row.get("modifier") else ""
        seg = f" [{row['segment']}]" if row.get("segment") else ""
        moved = f" — {t['superseded']}" if row.get("superseded") else ""
        title = _CONTEXT["titles"].get(row.get("doc"), row.get("doc"))
        click.echo(f"{when:<23} {_nl('event', row['event'], lang)}{mod}{seg}{moved} · {_region(row)} · "
                   f"{title} ({row.get('year') or '?'})")
        _print_evidence(row, lang)
    if plan_changes is not None and len(plan_changes):
        click.echo(f"\n{t['plan_change']}:")
        for row in _records(plan_changes):
            _render_plan_change(row, lang)


def _when(start, end, lang: str, granularity: str | None = None) -> str:
    """A date as precise as the text gave it ('2018', 'juni 2019', 'eind 2020', a day, or an
    interval): never a year shown as its first of January (the one rule: datewords.as_written)."""
    return as_written(start, end, granularity, lang) or ("datum onbekend" if lang == "nl" else "date unknown")


def _render_decisions(df: pd.DataFrame, lang: str) -> None:
    for row in _records(df):
        when = _when(row.get("date_start"), row.get("date_end"), lang)
        click.echo(f"{when} · {_region(row)} · {_nl('actor', row.get('actor'), lang)} "
                   f"({_nl('decision_status', row.get('status'), lang)}): {row.get('object') or ''}")
        _print_evidence(row, lang)


def _render_slips(df: pd.DataFrame, lang: str) -> None:
    for row in _records(df):
        _render_plan_change(row, lang, indent="")


_SUMMARY_WORDS = {"nl": ("regio('s)", "van", "tot", "later", "eerder"),
                  "en": ("region(s)", "from", "to", "later", "earlier")}


def _summary(n: int, what: str, df: pd.DataFrame, date_col: str | None = None, lang: str = "nl") -> str:
    """'3 data in 1 regio('s): Lekstroom; van 2016-01-01 tot 2022-10-01.' (``what`` may be 'plural|singular');
    in the answer's language, so that `--lang en` does not open with a Dutch line."""
    regions_w, since_w, until_w = _SUMMARY_WORDS.get(lang, _SUMMARY_WORDS["nl"])[:3]
    plural, _, singular = what.partition("|")
    what = singular if n == 1 and singular else plural
    regions = sorted({str(r) for r in df.get("region_name", df.get("region", pd.Series(dtype=str))).dropna()})
    line = f"{n} {what} in {len(regions)} {regions_w}" + (f": {', '.join(regions[:8])}" if regions else "")
    if date_col and len(df) and df[date_col].notna().any():
        first, last = _span_ends(df, date_col, lang)
        line += f"; {since_w} {first} {until_w} {last}"
    return line + "."


def _span_ends(df: pd.DataFrame, start_col: str, lang: str) -> tuple[str, str]:
    """The earliest and the latest date as precisely as the rows show them ('2018', not 2018-01-01)."""
    end_col = start_col.replace("start", "end")
    dated = df[df[start_col].notna()].sort_values(start_col, kind="stable")

    def when(row) -> str:
        return _when(_clean(row[start_col]), _clean(row[end_col]) if end_col in dated else None, lang)
    # an interval shows its near end only: 'van 2014-01-01 tot 2021-03-31', not 'tot 2021-03-21..2021-03-31'
    first, last = when(dated.iloc[0]), when(dated.iloc[-1])
    return first.split("..")[0].split("–")[0], last.split("..")[-1].split("–")[-1]


# --------------------------------------------------------------------------- commands
def _complete(kind: str):
    """Shell completion (click's) for ids of one kind: `eval "$(_INKOOPGRAAF_COMPLETE=bash_source inkoopgraaf)"`."""
    def complete(ctx, param, incomplete):
        from click.shell_completion import CompletionItem
        from .models.store import vocabulary_rows
        seen = {}
        for r in vocabulary_rows():
            if r["kind"] == kind and r["id"].startswith(incomplete):
                seen.setdefault(r["id"], r["label"])
        return [CompletionItem(i, help=l) for i, l in sorted(seen.items())]
    return complete


def _resolve(kg, kind, given):
    return _ask(kg.resolve, kind, given) if given else None


@click.command("query")
@click.option("--segment", shell_complete=_complete("segment"),
              help="Segment id, label or wording (dyslexie, 'ambulante jeugdhulp').")
@click.option("--financing", shell_complete=_complete("financing"),
              help="Financing model (pxq, lumpsum, lumpsum-financiering, populatiebekostiging, ...).")
@click.option("--procedure", shell_complete=_complete("procedure"),
              help="Procedure (open_house, sas, 'niet-openbare procedure', ...).")
@click.option("--region", shell_complete=_complete("region"), help="Only this region (lekstroom, achterhoek, ...).")
@click.option("--status", shell_complete=_complete("status"),
              help="Only observations with this status: chosen/gekozen, previous/eerder, considered/overwogen, "
                   "rejected/afgewezen.")
@click.option("--year", type=int, help="Only documents of this year.")
@_common
def query(segment, financing, procedure, region, status, year, outputs, fmt, lang, excel):
    """Which regions finance or procure what, with the evidence for each answer.

    \b
    Segment questions also show a region's model for its whole procurement
    (segment "all") when that document procures the segment.

    \b
    Examples:
      inkoopgraaf query --segment dyslexie --financing populatiebekostiging
      inkoopgraaf query --financing lumpsum-financiering --status gekozen
      inkoopgraaf query --procedure open_house --format csv > open_house.csv
      inkoopgraaf query --segment dyslexie --excel > dyslexie.csv     # opens right in Dutch Excel
      inkoopgraaf query --segment 'complexe jeugdhulp' --lang en --format json
    """
    kg = _load(outputs)
    df = _ask(kg.query, segment=segment, financing=financing, procedure=procedure, region=region,
              status=_resolve(kg, "status", status), year=year)
    render = _render_procedures if procedure and not financing else _render_financing
    _emit(df, fmt, render, lang, excel)


@click.command("region")
@click.argument("region_id", shell_complete=_complete("region"))
@_common
def region(region_id, outputs, fmt, lang, excel):
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
    _emit(df, fmt, _render_profile, lang, excel)


@click.command("compare")
@click.option("--segment", required=True, shell_complete=_complete("segment"),
              help="Segment to compare across regions (ambulant, dyslexie, ...).")
@_common
def compare(segment, outputs, fmt, lang, excel):
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
    _emit(df, fmt, _render_financing, lang, excel)


@click.command("timeline")
@click.argument("region_id", required=False, shell_complete=_complete("region"))
@click.option("--event", shell_complete=_complete("event"),
              help="Only this kind of date: contract_start (ingangsdatum), award (gunning), publication, ...")
@click.option("--all-events/--key-events", default=True, show_default=True,
              help="--key-events hides dates whose event type is 'other'.")
@_common
def timeline(region_id, event, all_events, outputs, fmt, lang, excel):
    """Dated events of REGION_ID (or of all regions) in time order, with the plan changes that moved them.

    \b
    Starts with a one-line summary (how many dates, which regions, first and last).

    \b
    Examples:
      inkoopgraaf timeline achterhoek
      inkoopgraaf timeline --event contract_start          # every region's contract start
      inkoopgraaf timeline --event ingangsdatum --key-events
      inkoopgraaf timeline ijmond --format csv > ijmond_planning.csv
    """
    kg = _load(outputs)
    ev = _resolve(kg, "event", event)
    if region_id:
        df = _ask(kg.timeline_of, region_id, include_other=all_events)
        reg = kg.resolve("region", region_id)
        pcs = kg.tables["plan_changes"][kg.tables["plan_changes"]["region"] == reg]
    else:
        df = kg.timeline.sort_values(["start", "end", "region", "doc"], kind="stable")
        df = df if all_events else df[df["event"] != "other"]
        pcs = kg.tables["plan_changes"]
    if ev:
        df = df[df["event"] == ev]
        pcs = pcs[pcs["event"] == ev]
    df = df.reset_index(drop=True)
    dates = "data" if lang == "nl" else "dates"
    what = f"{dates} ({_nl('event', ev, 'nl') if lang == 'nl' else ev})" if ev else dates
    summary = _summary(len(df), what, df, "start", lang)
    _emit(df, fmt, lambda d, lg: _render_timeline(d, lg, pcs, summary), lang, excel)


@click.command("decisions")
@click.option("--region", shell_complete=_complete("region"), help="Only this region (lekstroom, Achterhoek, ...).")
@click.option("--actor", shell_complete=_complete("actor"),
              help="Who decides: college, raad, regionaal_bestuur, ambtelijk, aanbieders, rijk (Dutch words too).")
@click.option("--status", shell_complete=_complete("decision_status"),
              help="taken/genomen, planned/gepland, proposed/voorgesteld.")
@click.option("--since", help="Only decisions dated on or after this day (2021-01-01, 2021).")
@_common
def decisions(region, actor, status, since, outputs, fmt, lang, excel):
    """Who decided what, and when: every decision the documents report, with its evidence.

    \b
    Examples:
      inkoopgraaf decisions --region achterhoek
      inkoopgraaf decisions --actor raad --status gepland
      inkoopgraaf decisions --since 2021 --excel > besluiten.csv
    """
    kg = _load(outputs)
    df = kg.tables["decisions"]
    reg, act = _resolve(kg, "region", region), _resolve(kg, "actor", actor)
    sta = _resolve(kg, "decision_status", status)
    if reg:
        df = df[df["region"] == reg]
    if act:
        df = df[df["actor"] == act]
    if sta:
        df = df[df["status"] == sta]
    if since:
        day = _since(since)
        df = df[df["date_start"].fillna("") >= day]
    df = df.sort_values(["region", "date_start", "year", "doc"], na_position="last", kind="stable")
    df = typed(df.reset_index(drop=True))
    if fmt == "table" and not excel:
        click.echo(_summary(len(df), "besluiten|besluit" if lang == "nl" else "decisions|decision", df, "date_start",
                            lang))
    _emit(df, fmt, _render_decisions, lang, excel)


def _since(text: str) -> str:
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        return f"{text}-01-01"
    try:
        return pd.Timestamp(text).date().isoformat()
    except ValueError:
        raise click.UsageError(f"--since {text!r}: give a date like 2021-06-01 or a year like 2021") from None


@click.command("slips")
@click.option("--region", shell_complete=_complete("region"), help="Only this region.")
@click.option("--segment", shell_complete=_complete("segment"),
              help="Only plan changes whose clause names this segment (dyslexie, ...).")
@_common
def slips(region, segment, outputs, fmt, lang, excel):
    """Whose planning slipped, and by how much: plan changes across regions (what, from → to, days).

    \b
    Examples:
      inkoopgraaf slips
      inkoopgraaf slips --region achterhoek
      inkoopgraaf slips --segment dyslexie --format json
    """
    kg = _load(outputs)
    df = _ask(kg.slips, region=region, segment=segment, detail=True)
    if fmt == "table" and not excel:
        moved = df[df["shift_days"].notna()]
        line = _summary(len(df), "planwijzigingen|planwijziging" if lang == "nl" else "plan changes|plan change", df,
                        lang=lang)
        if len(moved):
            late = int((moved["shift_days"] > 0).sum())
            later_w, earlier_w = _SUMMARY_WORDS.get(lang, _SUMMARY_WORDS["nl"])[3:]
            line = line[:-1] + f"; {late} {later_w}, {len(moved) - late} {earlier_w}."
        click.echo(line)
    _emit(df, fmt, _render_slips, lang, excel)


ID_KINDS = {"segments": "segment", "financing": "financing", "procedures": "procedure", "regions": "region",
            "actors": "actor", "statuses": "status", "events": "event"}


@click.command("ids")
@click.argument("kind", required=False, type=click.Choice(list(ID_KINDS)))
@click.option("--outputs", "outputs", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Mark the ids these outputs contain (*).")
def ids(kind, outputs):
    """The valid ids with their Dutch labels (what --segment, --financing, ... accept).

    \b
    Labels and the documents' own wordings are accepted too ('Lumpsum-financiering',
    'Dyslexiezorg'). An asterisk marks ids the built outputs contain.

    \b
    Examples:
      inkoopgraaf ids                 # every kind
      inkoopgraaf ids financing
      inkoopgraaf ids regions
    """
    from .models.store import vocabulary_rows
    present: dict[str, set[str]] = {}
    try:
        kg = load(outputs)
        for k in ID_KINDS.values():
            present[k] = kg._known(k)[1]
    except OutputsNotBuilt:
        pass
    rows = vocabulary_rows()
    for name in ([kind] if kind else list(ID_KINDS)):
        k = ID_KINDS[name]
        labels = {}
        for r in rows:
            if r["kind"] == k:
                labels.setdefault(r["id"], r["label"])
        if kind is None:
            click.echo(f"== {name} ==")
        for ident, label in sorted(labels.items()):
            mark = "*" if ident in present.get(k, ()) else " "
            click.echo(f"{mark} {ident:<28} {label}")


def _serve_command():
    from .serve import serve
    return serve


COMMANDS = [query, region, compare, timeline, decisions, slips, ids, _serve_command()]
