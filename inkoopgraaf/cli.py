"""The `inkoopgraaf` command line.

Every command's ``--help`` teaches by example. Errors name the file and the
reason and say what to do; one bad document never stops a batch.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from .models.facts import Fact, dumps_facts
from .models.io import atomic_writer, write_text_atomic

DOC_COLUMNS = ("id", "path", "format", "sha256", "pages", "characters", "regions", "status", "error",
               "title", "year", "manifest_region")


def _fail_report(results) -> int:
    failed = [r for r in results if not r.ok]
    for r in failed:
        click.echo(f"inkoopgraaf: {r.record['path']}: {r.record['error']}", err=True)
    return len(failed)


def _run(paths, out: Path, jobs: int, use_cache: bool):
    from .batch import run_batch
    from .extract.manifest import ManifestError, find_manifest
    from .extract.readers import discover

    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        click.echo(f"inkoopgraaf: {p}: no such file or folder", err=True)
    files = discover([p for p in paths if Path(p).exists()])
    try:
        manifest = find_manifest([p for p in paths if Path(p).exists()])
    except ManifestError as exc:
        raise click.ClickException(f"{exc} — fix the manifest or move it away; it is optional.")
    cache = out / ".cache" if use_cache else None
    results = run_batch(files, manifest, cache, jobs=jobs)
    return results, len(missing)


def _documents_rows(results) -> list[dict]:
    rows = []
    for r in results:
        row = dict(r.record)
        row["regions"] = "|".join(sorted({f.value.get("id", "") for f in r.facts if f.type == "region"}))
        rows.append(row)
    return rows


def write_documents_csv(path: Path, rows: list[dict]) -> None:
    with atomic_writer(path, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=DOC_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in DOC_COLUMNS})


def write_facts(path: Path, results) -> list[Fact]:
    facts = [f for r in results for f in r.facts]
    write_text_atomic(path, dumps_facts(facts))
    return facts


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="inkoopgraaf")
def main():
    """Read Dutch jeugdhulp/Wmo procurement strategies and compare regions.

    \b
    Start here:
      inkoopgraaf build                      # corpus/ → outputs/ (facts, graph, tables, report)
      inkoopgraaf extract docs/ --out out/   # just the facts (facts.jsonl)
      inkoopgraaf eval --gold ../shared/dev-gold
      inkoopgraaf query --segment dyslexie --financing populatiebekostiging
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="Folder for facts.jsonl (created if missing).")
@click.option("--jobs", "-j", default=1, show_default=True, help="Documents processed in parallel.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document even if unchanged.")
def extract(paths, out, jobs, no_cache):
    """Extract facts from files or folders into OUT/facts.jsonl (the facts contract).

    \b
    PATHS are files (.txt .md .pdf .html .docx) or folders (read recursively).
    Exit code 0 when every document was read, 1 when some could not be read:
    the others are still written and each failure is listed on stderr.

    \b
    Examples:
      inkoopgraaf extract corpus/ --out /tmp/facts
      inkoopgraaf extract strategie.pdf verslag.html --out out/ --jobs 2
    """
    if not paths:
        raise click.UsageError("give at least one file or folder, e.g. `inkoopgraaf extract corpus/ --out out/`")
    results, missing = _run(paths, out, jobs, not no_cache)
    write_facts(out / "facts.jsonl", results)
    write_documents_csv(out / "documents.csv", _documents_rows(results))
    failed = _fail_report(results) + missing
    n = sum(len(r.facts) for r in results)
    read = sum(r.ok for r in results)
    click.echo(f"{read} document(s) read, {failed} failed, {n} facts → {out / 'facts.jsonl'}", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("corpus", default="corpus", type=click.Path(path_type=Path))
@click.option("--out", "out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Folder for everything build writes.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Documents processed in parallel.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document even if unchanged.")
@click.option("--no-report", is_flag=True, help="Skip the HTML report.")
def build(corpus, out, jobs, no_cache, no_report):
    """The main job: CORPUS (default corpus/) → OUT (default outputs/).

    \b
    Writes facts.jsonl, documents.csv, the knowledge graph (GraphML, GEXF,
    node-link JSON, Neo4j CSV, RDF Turtle), comparison tables (CSV) and
    report.html. Re-running on an unchanged corpus does no extraction work;
    a changed or added file is re-extracted alone.

    \b
    Examples:
      inkoopgraaf build
      inkoopgraaf build nieuwe-documenten/ --out resultaten/ --jobs 2
    """
    if not corpus.exists():
        raise click.ClickException(f"{corpus}: no such folder. Put documents in corpus/ or name a folder: "
                                   f"`inkoopgraaf build MAP`")
    results, _ = _run([corpus], out, jobs, not no_cache)
    facts = write_facts(out / "facts.jsonl", results)
    docs = _documents_rows(results)
    write_documents_csv(out / "documents.csv", docs)
    written = ["facts.jsonl", "documents.csv"]
    texts = {r.document.id: r.document.text for r in results if r.document is not None}
    written += _write_texts(out, texts)
    graph_files, tables = _write_graph_outputs(out, facts, docs, texts)
    written += graph_files
    written += write_store(out, facts, docs, texts, tables)
    if not no_report:
        written += _write_report(out, facts, docs, texts, tables)
    failed = _fail_report(results)
    cached = sum(r.cached for r in results)
    click.echo(f"{len(results)} document(s): {len(results) - failed} read ({cached} unchanged, from cache), "
               f"{failed} failed; {len(facts)} facts.", err=True)
    click.echo(f"wrote to {out}/: {', '.join(written)}", err=True)
    sys.exit(1 if failed else 0)


def _write_texts(out: Path, texts: dict[str, str]) -> list[str]:
    """outputs/texts/<doc>.txt: the extracted text every fact offset points into.

    Stale texts of documents no longer in the corpus are removed, so the
    folder always matches facts.jsonl.
    """
    folder = out / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        if old.stem not in texts:
            old.unlink()
    for doc_id, text in texts.items():
        path = folder / f"{doc_id}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_text_atomic(path, text)
    return [f"texts/ ({len(texts)} files)"]


def _write_graph_outputs(out: Path, facts, docs, texts):
    """Graph exports and comparison tables; returns (files written, tables)."""
    from .models import exports, graph, tables as tables_mod
    g = graph.build_graph(facts, docs, texts)
    for doc in graph.unattributed_documents(g):  # issue 12: never silently filed
        click.echo(f"inkoopgraaf: warning: {doc}: no own region found (title, dateline, 'wij, de gemeenten van "
                   f"...'); its answers say 'onbekend'. Name the region in corpus/manifest.csv.", err=True)
    written = list(exports.write_exports(g, out))
    tables = tables_mod.tables_from_graph(g)
    written += tables_mod.write_tables(tables, out)
    return [str(Path(p).relative_to(out)) for p in written], tables


def write_store(out: Path, facts, docs, texts, tables) -> list[str]:
    """OUT/inkoopgraaf.db: the SQLite store the CLI, the API and `inkoopgraaf serve` read.

    Updated per document (only changed documents are rewritten, removed ones deleted)."""
    from .models.store import store_path, write_store as update_store
    stats = update_store(store_path(out), facts, docs, texts, tables)
    return [f"{stats.path.name} ({stats.added} added, {stats.updated} changed, {stats.removed} removed)"]


def _write_report(out: Path, facts, docs, texts, tables) -> list[str]:
    from .report import write_report
    path = write_report(out / "report.html", facts, docs, texts, tables)
    return [Path(path).name]


@main.command("eval")
@click.option("--gold", "gold", required=True, type=click.Path(path_type=Path),
              help="Folder of gold JSON files, one per document.")
@click.option("--facts", "facts_path", type=click.Path(path_type=Path),
              help="A facts.jsonl to score. Default: extract CORPUS now (cached).")
@click.option("--corpus", default="corpus", show_default=True, type=click.Path(path_type=Path),
              help="Where the gold documents are, when --facts is not given.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_cmd(gold, facts_path, corpus, as_json):
    """Precision/recall/F1 per fact type against gold files.

    \b
    The figures use the reference scorer's definitions (shared/tools/score.py)
    and print the same lines; below them come event accuracy on matched
    dates, decision object/date agreement and plan changes.

    \b
    Examples:
      inkoopgraaf eval --gold ../shared/dev-gold
      inkoopgraaf eval --gold ../shared/dev-gold --facts outputs/facts.jsonl --json
    """
    from .evaluate import extra_figures, format_extra, format_scores, load_gold, read_facts_lenient, score
    try:
        golds = load_gold(gold)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc))
    if facts_path:
        if not facts_path.exists():
            raise click.ClickException(f"{facts_path}: not found. Run `inkoopgraaf extract ... --out DIR` first.")
        facts, bad = read_facts_lenient(facts_path)
    else:
        wanted = {g["doc"] for g in golds}
        from .extract.readers import discover
        files = [p for p in discover([corpus]) if p.stem in wanted]
        if not files:
            raise click.ClickException(f"none of the gold documents are in {corpus}/; pass --corpus or --facts")
        from .batch import run_batch
        from .extract.manifest import find_manifest
        results = run_batch(files, find_manifest([corpus]), Path("outputs") / ".cache")
        _fail_report(results)
        facts, bad = [f.to_json() for r in results for f in r.facts], 0
    scores = score(facts, golds, bad)
    extra = extra_figures(facts, golds)
    if as_json:
        click.echo(json.dumps({**scores, "_extra": extra}, indent=1, ensure_ascii=False))
    else:
        click.echo(format_scores(scores))
        click.echo(format_extra(extra))


@main.command()
@click.option("--outputs", "outputs", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="A folder written by `inkoopgraaf build`.")
@click.option("--out", "out", type=click.Path(path_type=Path), help="Where to write (default OUTPUTS/report.html).")
def report(outputs, out):
    """Write the browser report again from a build folder, without re-extracting.

    \b
    Reads OUTPUTS/facts.jsonl, documents.csv and texts/ and writes one
    self-contained HTML file you can open offline or mail to a colleague.

    \b
    Examples:
      inkoopgraaf report
      inkoopgraaf report --outputs resultaten/ --out vergelijking.html
    """
    from .api import OutputsNotBuilt, load
    from .report import write_report
    try:
        kg = load(outputs)  # inkoopgraaf.db when there, else facts.jsonl + documents.csv + texts/
    except OutputsNotBuilt:
        raise click.ClickException(f"{outputs}/facts.jsonl not found: run `inkoopgraaf build` first "
                                   f"(or pass --outputs with the folder build wrote to).") from None
    tables = {name: df.drop(columns=["evidence_fact"], errors="ignore") for name, df in kg.tables.items()}
    path = write_report(out or outputs / "report.html", kg.fact_list, kg.document_records, kg.texts, tables)
    click.echo(f"wrote {path}", err=True)


def _register_optional_commands() -> None:
    """Commands of the query layer and the report, added when their modules exist."""
    try:
        from .query_cli import COMMANDS
    except ImportError:
        COMMANDS = []
    for cmd in COMMANDS:
        main.add_command(cmd)


_register_optional_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
