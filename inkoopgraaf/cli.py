"""The `inkoopgraaf` command line.

Every command's ``--help`` teaches by example. Errors name the file and the
reason and say what to do; one bad document never stops a batch.
"""
from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from .models.facts import Fact, dumps_facts
from .models.io import (atomic_writer, copy_range, csv_safe, read_json_index, resolve_snapshot, whole_lines_at,
                        write_text_atomic)

DOC_COLUMNS = ("id", "path", "format", "sha256", "pages", "characters", "regions", "status", "error",
               "title", "year", "manifest_region")


def shown_path(path) -> str:
    """A path as printed on stderr: control characters (a newline in a file name) escaped,
    so one file is always one line of the report."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in str(path))


def _fail_lines(results) -> tuple[list[str], int]:
    """The warning and failure lines of a batch (stderr), and how many documents failed."""
    failed = [r for r in results if not r.ok]
    lines = [f"inkoopgraaf: warning: {shown_path(r.record['path'])}: {w}" for r in results for w in r.warnings]
    lines += [f"inkoopgraaf: {shown_path(r.record['path'])}: {r.record['error']}" for r in failed]
    return lines, len(failed)


def _fail_report(results) -> int:
    lines, failed = _fail_lines(results)
    for line in lines:
        click.echo(line, err=True)
    return failed


def _discover(paths):
    """(files, skipped, manifest, missing count) of the paths given; prints what is skipped or missing."""
    from .extract.manifest import ManifestError, find_manifest
    from .extract.readers import discover_with_skipped

    missing = [p for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    for p in missing:
        click.echo(f"inkoopgraaf: {shown_path(p)}: no such file or folder", err=True)
    present = [p for p in paths if p not in missing]
    files, skipped = discover_with_skipped(present)
    for path, why in skipped:
        click.echo(f"inkoopgraaf: skipped {shown_path(path)}: {why}", err=True)
    try:
        manifest = find_manifest(present, warn=lambda msg: click.echo(f"inkoopgraaf: warning: {msg}", err=True))
    except ManifestError as exc:
        raise click.ClickException(f"{exc} — fix the manifest or move it away; it is optional.")
    return files, skipped, manifest, len(missing)


def _run(paths, out: Path, jobs: int, use_cache: bool, budget=None, engine: str = "local",
         scheduler: str | None = None, found=None, shas=None, spill: Path | None = None):
    """Read and extract; with ``spill`` (no cache) each fresh result is written there as it
    completes and held as that entry (see :func:`_spill_folder`)."""
    from .batch import Budget, run_batch
    files, _skipped, manifest, missing = found or _discover(paths)
    cache = out / ".cache" if use_cache else None
    # the Dask engine's module imports distributed (a second of CPU): only when it is asked for
    unavailable = ()
    if engine == "dask":
        from .cluster import EngineUnavailable as unavailable
    try:
        results = run_batch(files, manifest, cache, jobs=jobs, budget=budget or Budget(), engine=engine,
                            scheduler=scheduler, shas=shas, spill_dir=spill)
    except unavailable as exc:
        raise click.ClickException(str(exc)) from None
    return results, missing


@contextlib.contextmanager
def _spill_folder(out: Path, wanted: bool):
    """With --no-cache: a private folder (``OUT/.spill-*``) that fresh results are written to as
    they complete, so a build without a cache holds no document's facts or text in memory
    either; removed when the build ends (a killed build's is removed by the next one)."""
    from .snapshot import SPILL_PREFIX, clean_spills
    clean_spills(out)
    if not wanted:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix=SPILL_PREFIX, dir=out))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _documents_rows(results) -> list[dict]:
    rows = []
    for r in results:
        row = dict(r.record)
        row["regions"] = "|".join(r.region_ids())
        rows.append(row)
    return rows


def write_documents_csv(path: Path, rows: list[dict]) -> None:
    with atomic_writer(path, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=DOC_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for row in rows:   # titles and paths come from users' files: no live spreadsheet formulas
            w.writerow({k: csv_safe("" if row.get(k) is None else row.get(k)) for k in DOC_COLUMNS})


#: Beside facts.jsonl in a build's generation: doc -> [offset, length, piece key] of its lines.
FACTS_INDEX = ".facts-index.json"


def write_facts(path: Path, results, keys: dict[str, str] | None = None, previous: Path | None = None) -> int:
    """facts.jsonl, each document's lines in batch order, read one document at a time; returns
    how many facts it holds. With ``keys`` (doc -> piece key, which decides its facts) the
    lines' places are recorded beside the file, and a document whose key is the one
    ``previous`` (the last generation) recorded gets its bytes copied from there instead of its
    facts being read and serialised again."""
    if keys is None:
        with atomic_writer(path) as fh:
            for r in results:
                fh.write(dumps_facts(r.facts))
        return sum(r.fact_count for r in results)
    old_index, old_file = _previous_facts(previous)
    index: dict[str, list] = {}
    offset = 0
    try:
        with atomic_writer(path, "wb") as fh:
            run = _LineRun(old_file, fh)
            for r in results:
                doc = str(r.record["id"])
                key = keys.get(doc)
                entry = old_index.get(doc)
                if not r.fact_count:
                    length = 0
                elif _reusable(old_file, entry, key) and run.extend(entry[0], entry[1]):
                    length = entry[1]
                else:
                    data = dumps_facts(r.facts).encode("utf-8")
                    run.flush()
                    fh.write(data)
                    length = len(data)
                index[doc] = [offset, length, key]
                offset += length
            run.flush()
    finally:
        if old_file is not None:
            old_file.close()
    write_text_atomic(path.parent / FACTS_INDEX, json.dumps(index, ensure_ascii=False))
    return sum(r.fact_count for r in results)


def _previous_facts(previous: Path | None):
    """(index, open facts.jsonl) of the previous generation, or ({}, None)."""
    index = {} if previous is None else read_json_index(previous / FACTS_INDEX)
    if not index:
        return {}, None
    try:
        return index, open(previous / "facts.jsonl", "rb")
    except OSError:
        return {}, None


def _reusable(old_file, entry, key: str | None) -> bool:
    """Whether a document's lines can come from the previous facts.jsonl: its key is unchanged."""
    return (old_file is not None and key is not None and isinstance(entry, list) and len(entry) == 3
            and entry[2] == key and isinstance(entry[0], int) and isinstance(entry[1], int) and entry[1] > 0)


class _LineRun:
    """Consecutive unchanged documents' lines, copied from the previous facts.jsonl as one range
    by the kernel (models/io.py ``copy_range``) instead of 10,000 reads and writes: documents in
    batch order lie one after the other there as here. A range is copied only when it is there
    whole and ends a line; else :meth:`extend` says no and the document is serialised again."""

    def __init__(self, old_file, out):
        self.old_file, self.out = old_file, out
        self.start = self.end = None

    def extend(self, offset: int, length: int) -> bool:
        if self.end != offset:
            self.flush()
            if not whole_lines_at(self.old_file, offset, length):
                return False
            self.start = offset
        elif not whole_lines_at(self.old_file, offset, length):
            return False
        self.end = offset + length
        return True

    def flush(self) -> None:
        if self.end is not None:
            copy_range(self.old_file, self.out, self.start, self.end - self.start)
        self.start = self.end = None


def _budget_options(f):
    """--timeout / --max-file-mb / --engine / --scheduler, shared by build and extract."""
    f = click.option("--scheduler", metavar="tcp://HOST:8786",
                     help="With --engine dask: the address of a running Dask scheduler "
                          "(default: start a LocalCluster with --jobs workers).")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local: this machine (--jobs processes); dask: Dask distributed workers.")(f)
    f = click.option("--max-file-mb", type=float, default=None,
                     help="Size budget per file: larger files are refused with a clear error (0: none). "
                          "Default: 64 for HTML and DOCX (parsed whole); none for text, Markdown and PDF "
                          "(read in a stream or page by page, extracted in parts).")(f)
    f = click.option("--timeout", type=float, default=600, show_default=True,
                     help="Time budget per document in seconds (0: none); a document over it fails alone.")(f)
    return f


def _budget(timeout: float, max_file_mb: float):
    from .batch import Budget
    if max_file_mb is None:
        return Budget(seconds=timeout or None)       # the readers' default budget (HTML and DOCX only)
    return Budget(max_bytes=int(max_file_mb * 2**20) if max_file_mb else None, seconds=timeout or None)


class _Lock:
    """The output folder's lock as a context manager that turns a held lock into a plain error."""

    def __init__(self, out: Path):
        from .snapshot import build_lock
        self.cm = build_lock(out)

    def __enter__(self):
        from .snapshot import BuildRunning
        try:
            return self.cm.__enter__()
        except BuildRunning as exc:
            raise click.ClickException(str(exc)) from None

    def __exit__(self, *exc):
        return self.cm.__exit__(*exc)


def _write_phase(out: Path, steps) -> list[str]:
    """Write a generation (see snapshot.py); disk full becomes one plain line, exit 1."""
    from .snapshot import NoSpace, clean_stale, write_generation
    clean_stale(out)
    try:
        return write_generation(out, [(what, _timed(what, write)) for what, write in steps])
    except NoSpace as exc:
        raise click.ClickException(str(exc)) from None


def _timed(what: str, write):
    def step(folder: Path) -> list[str]:
        started = (time.perf_counter(), time.process_time())
        names = write(folder)
        if not what.startswith("."):      # the build's own record is no phase a user waits for
            _phase_line(f"writing {what}", started)
        return names
    return step


class _Commands(click.Group):
    """The command group; the query layer's commands (inkoopgraaf/query_cli.py: pandas, networkx
    and the API, ~0.5 CPU s to import) are added only when a command this module does not define
    is asked for or the commands are listed, so `build` does not pay for their imports."""

    _optional_added = False

    def _add_optional(self) -> None:
        if not self._optional_added:
            type(self)._optional_added = True
            _register_optional_commands()

    def get_command(self, ctx, cmd_name):
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None and not self._optional_added:
            self._add_optional()
            cmd = super().get_command(ctx, cmd_name)
        return cmd

    def list_commands(self, ctx):
        self._add_optional()
        return super().list_commands(ctx)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@_budget_options
def extract(paths, out, jobs, no_cache, timeout, max_file_mb, engine, scheduler):
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
    with _Lock(out), _spill_folder(out, no_cache) as spill:
        results, missing = _run(paths, out, jobs, not no_cache, _budget(timeout, max_file_mb), engine, scheduler,
                                spill=spill)
        holder: dict = {}

        def facts_step(folder: Path) -> list[str]:
            holder["facts"] = write_facts(folder / "facts.jsonl", results)
            write_documents_csv(folder / "documents.csv", _documents_rows(results))
            return ["facts.jsonl", "documents.csv"]

        _write_phase(out, [("facts.jsonl", facts_step)])
    failed = _fail_report(results) + missing
    n = holder["facts"]
    read = sum(r.ok for r in results)
    click.echo(f"{read} document(s) read, {failed} failed, {n} facts → {out / 'facts.jsonl'}", err=True)
    sys.exit(1 if failed else 0)


#: ``--graph-files auto`` writes the whole-corpus graph files (GraphML, GEXF, JSON, Neo4j CSV,
#: Turtle) for a corpus up to this many documents; above it they are written on request with
#: `inkoopgraaf export` (whole corpus or one region), because they grow to hundreds of MB.
GRAPH_FILES_AUTO_MAX = 50


@main.command(short_help="The main job: read documents (default corpus/), write facts, graph, tables, report to outputs/.")
@click.argument("corpus", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Folder for everything build writes.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Documents processed in parallel.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document even if unchanged.")
@click.option("--no-report", is_flag=True, help="Skip the HTML report.")
@click.option("--graph-files", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help=f"Whole-corpus graph files (graph.graphml/.gexf/.json/.ttl, neo4j/): auto = for up to "
                   f"{GRAPH_FILES_AUTO_MAX} documents; otherwise use `inkoopgraaf export`.")
@click.option("--allow-empty", is_flag=True,
              help="Replace existing outputs even when no document could be read.")
@_budget_options
def build(corpus, out, jobs, no_cache, no_report, graph_files, allow_empty, timeout, max_file_mb, engine, scheduler):
    """The main job: CORPUS... (folders and files; default corpus/) → OUT (default outputs/).

    \b
    Writes facts.jsonl, documents.csv, the knowledge graph (GraphML, GEXF,
    node-link JSON, Neo4j CSV, RDF Turtle; for a corpus of more than 50
    documents only with --graph-files always, else per region with
    `inkoopgraaf export`), comparison tables (CSV), inkoopgraaf.db and
    report.html. Re-running on an unchanged corpus does no work at all
    ("nothing changed"); a changed or added file is re-extracted alone.
    Everything is written into a new snapshot that replaces the old one at
    once; a second build into the same OUT while one runs is refused.

    \b
    Examples:
      inkoopgraaf build
      inkoopgraaf build nieuwe-documenten/ --out resultaten/ --jobs 2
      inkoopgraaf build regio-a/ regio-b/ losse-nota.pdf --out vergelijking/
      inkoopgraaf build corpus/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    corpus = list(corpus) or [Path("corpus")]
    missing = [p for p in corpus if not p.exists()]
    if missing:
        raise click.ClickException(f"{shown_path(missing[0])}: no such file or folder. Put documents in corpus/ "
                                   f"or name folders and files: `inkoopgraaf build MAP [MAP2 FILE ...]`")
    from .snapshot import StatIndex, inputs_key, read_state
    import os
    options = {"no_report": no_report, "graph_files": graph_files, "timeout": timeout, "max_file_mb": max_file_mb,
               "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH")}   # the report prints that date
    with _Lock(out), _spill_folder(out, no_cache) as spill:
        started = (time.perf_counter(), time.process_time())
        found = _discover(corpus)
        files, skipped, manifest, _ = found
        cache = None if no_cache else out / ".cache"
        index = StatIndex(cache)
        metas = [manifest.get(p.name) or manifest.get(p.stem) or {} for p in files]
        shas = [index.sha(p) for p in files]
        key = inputs_key(files, shas, metas, skipped, options)
        index.keep_only(files)
        state = read_state(out) if cache is not None else None
        if state is not None and state.get("key") == key:
            index.save()
            _nothing_changed(out, state)
        results, _ = _run(corpus, out, jobs, not no_cache, _budget(timeout, max_file_mb), engine, scheduler,
                          found=found, shas=shas, spill=spill)
        _phase_line(f"reading and extracting: {len(results)} document(s), "
                    f"{sum(r.cached and r.ok for r in results)} from cache", started)
        _refuse_empty(out, ", ".join(shown_path(p) for p in corpus), results, allow_empty)
        state = _write_build(out, results, no_report, key, graph_files, cache)
        index.save()
        _prune_cache(cache, results)
    for line in state["lines"]:
        click.echo(line, err=True)
    click.echo(_closing_line(state), err=True)
    click.echo(f"wrote to {out}/: {', '.join(state['written'])}", err=True)
    if state["graph_note"]:
        click.echo(state["graph_note"], err=True)
    click.echo(_open_next(out, no_report), err=True)
    sys.exit(1 if state["failed"] else 0)


def _phase_line(what: str, started: tuple[float, float]) -> None:
    """One line per phase of a build, with its time, so a long run is never silent; and the CPU
    time of this process (on a busy machine the wall time says little)."""
    wall, cpu = time.perf_counter() - started[0], time.process_time() - started[1]
    click.echo(f"  {what} ({wall:.1f} s; {cpu:.1f} s CPU here)", err=True)


def _open_next(out: Path, no_report: bool) -> str:
    report = "" if no_report else f"open {shown_path(out / 'report.html')}, or "
    serve = "inkoopgraaf serve" if out == Path("outputs") else f"inkoopgraaf serve --outputs {shown_path(out)}"
    return f"next: {report}explore it in the browser with `{serve}`"


def _closing_line(state: dict) -> str:
    n, failed = state["documents"], state["failed"]
    return (f"{n} document(s): {n - failed} read ({state['cached']} unchanged, from cache), {failed} failed; "
            f"{state['facts']} facts.")


def _nothing_changed(out: Path, state: dict) -> None:
    """The same documents, cached facts, code and options as the current snapshot: keep it."""
    from .snapshot import _link_top_level
    _link_top_level(out, resolve_snapshot(out))     # a stable name someone deleted comes back
    for line in state["lines"]:
        click.echo(line, err=True)
    click.echo(f"nothing changed; {out}/ is current ({state['documents']} document(s), {state['failed']} failed; "
               f"{state['facts']} facts).", err=True)
    click.echo(_open_next(out, not (resolve_snapshot(out) / "report.html").exists()), err=True)
    sys.exit(1 if state["failed"] else 0)


def _prune_cache(cache: Path | None, results) -> None:
    """Drop cache entries of files that are gone or changed: the cache holds this corpus only."""
    if cache is None:
        return
    from .extract.pipeline import cache_key
    from .snapshot import prune_cache
    keep = {cache_key(r.record["sha256"], Path(r.record["path"])) for r in results if r.record.get("sha256")}
    prune_cache(cache, keep)


def _refuse_empty(out: Path, corpus: str, results, allow_empty: bool) -> None:
    """An empty (or all-unreadable) corpus must not silently wipe a good snapshot."""
    if allow_empty or any(r.ok for r in results):
        return
    current = resolve_snapshot(out)
    facts_file = current / "facts.jsonl"
    if not facts_file.is_file() or facts_file.stat().st_size == 0:
        return
    n = sum(1 for _ in facts_file.open(encoding="utf-8"))
    _fail_report(results)
    raise click.ClickException(
        f"no document in {corpus} could be read ({len(results)} tried); refusing to replace the outputs in "
        f"{out}/ ({n} facts) with an empty build. Pass --allow-empty to do it anyway.")


def _write_build(out: Path, results, no_report: bool, key: str = "", graph_files: str = "auto",
                 cache: Path | None = None) -> dict:
    """The write phase of build: every output into one new generation, switched in at once.

    Each step writes into the generation folder it is given; the last one records what the
    build was made from (``.inputs.json``: the inputs key and what it printed), so an
    unchanged build next time keeps this generation instead of writing a new one. Tables,
    store rows and warnings come from per-document pieces (models/derived.py), made only for
    documents whose piece is not in ``cache`` (changed and added ones).

    Facts and texts are read one document at a time from the results (with a cache each is a
    :class:`~inkoopgraaf.extract.pipeline.CachedResult`), and only where a step needs them: an
    unchanged document's facts lines and text are linked or copied from the previous generation
    by its piece key, and its store rows are kept.
    """
    from .batch import BatchFacts, BatchTexts
    previous = resolve_snapshot(out)
    docs = _documents_rows(results)
    facts, texts = BatchFacts(results), BatchTexts(results)
    lines, failed = _fail_lines(results)
    want_graph = graph_files == "always" or (graph_files == "auto" and len(docs) <= GRAPH_FILES_AUTO_MAX)
    state: dict = {"key": key, "documents": len(results), "failed": failed, "lines": lines,
                   "cached": sum(r.cached and r.ok for r in results),
                   "graph_note": "" if want_graph or graph_files == "never" else
                   f"graph files not written for {len(docs)} documents (more than {GRAPH_FILES_AUTO_MAX}): "
                   f"`inkoopgraaf export graphml --region R` (or --graph-files always)"}
    held: dict = {}

    keys = _piece_keys(results, docs)

    def facts_step(folder: Path) -> list[str]:
        state["facts"] = write_facts(folder / "facts.jsonl", results, keys, previous if cache is not None else None)
        write_documents_csv(folder / "documents.csv", docs)
        return ["facts.jsonl", "documents.csv"]

    def graph_step(folder: Path) -> list[str]:
        held["assembly"] = asm = _assembly(results, docs, cache, keys)
        files, warnings = _write_graph_outputs(folder, facts, docs, texts, asm, want_graph,
                                               previous if cache is not None else None)
        state["lines"] = warnings + state["lines"]
        return files

    def store_step(folder: Path) -> list[str]:
        from .models.derived import StoreTables
        return write_store(folder, results, docs, StoreTables(held["assembly"]), previous,
                           held["assembly"].fingerprints)

    def report_step(folder: Path) -> list[str]:
        from .report.pagecache import FOLDER, PageInputs
        asm = held["assembly"]
        # a region page's inputs kept per document beside the cache: a changed page reads its changed documents only
        inputs = None if cache is None else PageInputs(cache / FOLDER, asm.fingerprints, texts.facts_of, texts, asm)
        return _write_report(folder, facts, docs, texts, asm, asm.attributions(), asm.weak_spans(),
                             previous, asm.fingerprints, reuse_by_key=cache is not None,
                             contributions=asm.contributions([str(d["id"]) for d in docs]),
                             facts_of=texts.facts_of,     # a page's facts, its texts kept aside
                             page_inputs=inputs)

    def state_step(folder: Path) -> list[str]:
        from .snapshot import write_state
        state["files"] = sorted(p.name for p in folder.iterdir())
        state["written"] = list(written_so_far)
        write_state(folder, state)
        return []

    def texts_step(folder: Path) -> list[str]:
        return _write_texts(folder, results, keys, previous, by_key=cache is not None)

    steps = [("facts.jsonl", facts_step), ("texts/", texts_step),
             ("graph and tables", graph_step), ("inkoopgraaf.db", store_step)]
    if not no_report:
        steps.append(("report.html", report_step))
    written_so_far: list[str] = []
    steps = [(what, _collecting(step, written_so_far)) for what, step in steps] + [(".inputs.json", state_step)]
    _write_phase(out, steps)
    return state


def _collecting(step, into: list[str]):
    def run(folder: Path) -> list[str]:
        names = step(folder)
        into.extend(names)
        return names
    return run


def _write_texts(out: Path, results, keys: dict[str, str], previous: Path | None = None,
                 by_key: bool = False) -> list[str]:
    """<generation>/texts/<doc>.txt: the extracted text every fact offset points into.

    Only this build's documents are written, so the folder always matches facts.jsonl; an
    unchanged text is hard-linked from the previous snapshot: with ``by_key``, when the
    document's piece key (which decides its reading) is the one the previous facts index
    recorded, without reading the text at all; else when the bytes are equal."""
    from .snapshot import reuse_file
    folder = out / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    old_index = _previous_index(previous) if by_key else {}
    # plain strings for the 10,000 links of unchanged texts (two Path objects each cost more)
    old_dir, new_dir = (f"{previous}/texts" if previous is not None else None), str(folder)
    n = 0
    for r in results:
        if not r.has_document:
            continue
        doc_id = str(r.record["id"])
        n += 1
        entry = old_index.get(doc_id)
        if (isinstance(entry, list) and len(entry) == 3 and entry[2] == keys.get(doc_id)
                and _linked(f"{old_dir}/{doc_id}.txt", f"{new_dir}/{doc_id}.txt")):
            continue
        rel, path = f"texts/{doc_id}.txt", folder / f"{doc_id}.txt"
        text = r.text
        if not reuse_file(previous, rel, path, text):
            write_text_atomic(path, text)
    return [f"texts/ ({n} files)"]


def _previous_index(previous: Path | None) -> dict:
    """The previous generation's facts index (doc -> [offset, length, piece key]), or {}."""
    index, old_file = _previous_facts(previous)
    if old_file is not None:
        old_file.close()
    return index


def _linked(old, target) -> bool:
    """Hard-link ``old`` to ``target``; False when it is not there or cannot be linked."""
    try:
        os.link(old, target)
        return True
    except OSError:
        return False


def _piece_keys(results, docs: list[dict]) -> dict[str, str]:
    """doc id -> its piece key (models/derived.py): what decides its pieces, facts lines and pages."""
    from .extract.pipeline import cache_key
    from .models.derived import piece_key
    keys = {}
    for r, rec in zip(results, docs):
        sha = r.record.get("sha256")
        meta = r.document_meta()
        keys[str(rec["id"])] = piece_key({**rec, "_meta": meta}, cache_key(sha, Path(rec["path"])) if sha else None)
    return keys


def _assembly(results, docs: list[dict], cache: Path | None, keys: dict[str, str]):
    """The derived data of this build from per-document pieces: cached ones reused (keyed by
    record, reading and code), the others made from their document alone. With the last
    build's assembly state, an unchanged document costs nothing here: its piece is read only
    if its rows are (a table block or a store row of it is made)."""
    from .models.derived import Assembly, PieceCache
    pieces_cache = PieceCache(cache)
    state = pieces_cache.state()
    reusable = state.reusable(keys) if state is not None else set()
    pieces, makers = [], {}
    for r, rec in zip(results, docs):
        doc_id = str(rec["id"])
        makers[doc_id] = make = lambda r=r, rec=rec, doc_id=doc_id: _piece_or_failure(doc_id, rec, r.facts, r.text)
        if doc_id not in reusable:
            pieces.append(pieces_cache.held(keys[doc_id], doc_id, make))
    asm = Assembly(pieces, keys, state, source=lambda doc: pieces_cache.source(keys[doc], doc, makers[doc]))
    if cache is not None:
        pieces_cache.save(asm)
        pieces_cache.prune(set(keys.values()), state)
    return asm


def _piece_or_failure(doc_id: str, rec: dict, facts, text):
    """A document's piece; a bug its facts trigger in the graph or the tables costs that
    document's rows (with a warning), never the build."""
    from .models.derived import document_piece, failed_piece
    try:
        return document_piece(doc_id, rec, facts, text)
    except Exception as exc:   # noqa: BLE001 - one document, reported, the batch goes on
        return failed_piece(doc_id, f"{type(exc).__name__}: {exc}")


def _write_graph_outputs(out: Path, facts, docs, texts, asm, graph_files: bool = True, previous: Path | None = None):
    """Graph exports (when asked) and comparison tables; returns (files written, warnings)."""
    from .models import exports, graph
    warnings = [f"inkoopgraaf: warning: {doc}: no own region found (title, dateline, 'wij, de gemeenten van "
                f"...'); its answers say 'onbekend'. Name the region in corpus/manifest.csv."
                for doc in asm.unattributed()]   # issue 12: never silently filed
    warnings += [f"inkoopgraaf: warning: {doc}: its rows of the comparison tables could not be made ({why}); "
                 f"its facts are in facts.jsonl" for doc, why in asm.failures()]
    written = list(exports.write_exports(graph.build_graph(list(facts), docs, dict(texts)), out)) if graph_files else []
    written += asm.write_tables(out, previous)     # per region block: unchanged ones copied
    return [str(Path(p).relative_to(out)) for p in written], warnings


def write_store(out: Path, results, docs, tables, previous: Path | None = None, fingerprints=None) -> list[str]:
    """OUT/inkoopgraaf.db: the SQLite store the CLI, the API and `inkoopgraaf serve` read.

    Updated per document (only changed documents are rewritten, their facts and text read from
    their result then; removed ones deleted): the previous snapshot's database is copied into
    the new generation first, so readers of the old snapshot keep a complete database while
    this one is updated."""
    import shutil
    from .models.store import store_path, update_store
    if previous is not None and store_path(previous).is_file() and not store_path(out).exists():
        shutil.copyfile(store_path(previous), store_path(out))
    by_id = {str(r.record["id"]): r for r in results}

    def contents(doc: str):
        r = by_id.get(doc)
        return ([], None) if r is None else (r.facts, r.text)
    stats = update_store(store_path(out), docs, contents, tables, fingerprints)
    return [f"{stats.path.name} ({stats.added} added, {stats.updated} changed, {stats.removed} removed)"]


def _write_report(out: Path, facts, docs, texts, tables, attributions=None, weak=None, previous=None,
                  doc_keys=None, reuse_by_key: bool = False, contributions=None, facts_of=None,
                  page_inputs=None) -> list[str]:
    """report.html, and above 50 documents report/<region>.html (an unchanged page is linked from
    ``previous``; with ``reuse_by_key``, a page whose documents' ``doc_keys`` are those it was made
    from is linked without being rendered: only the regions of changed documents are, and with
    ``page_inputs`` only their changed documents are read again)."""
    from .report import write_report_files
    paths = write_report_files(out / "report.html", facts, docs, texts, tables, attributions=attributions,
                               weak=weak, previous=previous, doc_keys=doc_keys, reuse_by_key=reuse_by_key,
                               contributions=contributions, facts_of=facts_of, page_inputs=page_inputs)
    return [paths[0].name] + ([f"report/ ({len(paths) - 1} region pages)"] if len(paths) > 1 else [])


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
    self-contained HTML file you can open offline or mail to a colleague
    (above 50 documents: a summary plus one page per region in report/).

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
    with _Lock(outputs):
        snapshot = resolve_snapshot(outputs)      # one build, read and written as one
        kg = load(snapshot)  # inkoopgraaf.db when there, else facts.jsonl + documents.csv + texts/
        tables = {name: df.drop(columns=["evidence_fact"], errors="ignore") for name, df in kg.tables.items()}
        path = write_report(out or snapshot / "report.html", kg.fact_list, kg.document_records, kg.texts, tables)
        if out is None and snapshot != outputs:
            from .snapshot import _link_top_level
            _link_top_level(outputs, snapshot)
    click.echo(f"wrote {out or outputs / 'report.html'}", err=True)


EXPORT_FORMATS = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json", "neo4j": "neo4j",
                  "ttl": "graph.ttl"}


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(EXPORT_FORMATS)))
@click.option("--region", "-r", "regions", multiple=True, metavar="REGION",
              help="Only the documents that name this region (an id such as achterhoek); repeatable.")
@click.option("--outputs", "outputs", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="A folder written by `inkoopgraaf build`.")
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="File (a folder for neo4j) to write; default graph.<format> (neo4j/) here, "
                   "with the region in the name.")
def export_cmd(fmt, regions, outputs, out):
    """Write the knowledge graph as FORMAT: the whole corpus or one region's documents.

    \b
    FORMAT: graphml (yEd, Cytoscape), gexf (Gephi, with a timeline), json
    (networkx node-link), neo4j (nodes.csv + relationships.csv for
    neo4j-admin import), ttl (RDF as N-Triples, valid Turtle). `build` writes
    these whole-corpus files itself only for up to 50 documents; for more,
    export what you need. Only the documents asked for are read from the
    build (facts.jsonl, documents.csv and their texts).

    \b
    Examples:
      inkoopgraaf export graphml --region achterhoek
      inkoopgraaf export gexf --region twente --region achterhoek --out oost.gexf
      inkoopgraaf export ttl --outputs resultaten/ --out alles.ttl
    """
    from .models import exports, graph
    snapshot = resolve_snapshot(outputs)
    if not (snapshot / "facts.jsonl").is_file():
        raise click.ClickException(f"{outputs}/facts.jsonl not found: run `inkoopgraaf build` first "
                                   f"(or pass --outputs with the folder build wrote to).")
    docs, facts, texts = _export_inputs(snapshot, set(regions))
    g = graph.build_graph(facts, docs, texts)
    target = out or Path(f"{'graph' if not regions else 'graph-' + '-'.join(regions)}.{fmt}"
                         if fmt != "neo4j" else ("neo4j" if not regions else "neo4j-" + "-".join(regions)))
    writer = {"graphml": exports.write_graphml, "gexf": exports.write_gexf, "json": exports.write_node_link,
              "ttl": exports.write_turtle, "neo4j": exports.write_neo4j}[fmt]
    writer(g, target)
    click.echo(f"wrote {target}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges from "
               f"{len(docs)} document(s)", err=True)


def _export_inputs(snapshot: Path, regions: set[str]):
    """documents.csv rows, facts and texts of the documents that name one of ``regions``
    (all documents when none is given), read from one snapshot; facts are streamed."""
    from .models.facts import Fact
    from .models.tables import read_documents
    docs = read_documents(snapshot / "documents.csv")
    if regions:
        known = {r for d in docs for r in str(d.get("regions") or "").split("|") if r}
        unknown = sorted(regions - known)
        if unknown:
            import difflib
            hint = difflib.get_close_matches(unknown[0], sorted(known), n=3)
            raise click.ClickException(f"no document of this build names region {unknown[0]!r}"
                                       + (f". Did you mean: {', '.join(hint)}?" if hint else
                                          f"; regions named: {', '.join(sorted(known)) or 'none'}"))
        docs = [d for d in docs if regions & set(str(d.get("regions") or "").split("|"))]
    wanted = {str(d["id"]) for d in docs}
    facts = [Fact.from_json(rec) for rec in _facts_of_documents(snapshot, wanted, bool(regions))]
    texts = {}
    for doc in sorted(wanted):
        path = snapshot / "texts" / f"{doc}.txt"
        if path.is_file():
            texts[doc] = path.read_text(encoding="utf-8")
    return docs, facts, texts


def _facts_of_documents(snapshot: Path, wanted: set[str], some: bool):
    """The fact records of the documents ``wanted``: with ``some`` (a region asked for) only
    their lines of facts.jsonl are read, at the places its index (FACTS_INDEX) records;
    otherwise, or without an index, the file is read through."""
    index, fh = _previous_facts(snapshot) if some else ({}, None)
    if fh is not None and wanted <= set(index):
        with fh:
            for doc in sorted(wanted, key=lambda d: index[d][0]):
                fh.seek(index[doc][0])
                for line in fh.read(index[doc][1]).decode("utf-8").splitlines():
                    if line.strip():
                        yield json.loads(line)
        return
    if fh is not None:
        fh.close()
    with open(snapshot / "facts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if rec.get("doc") in wanted:
                    yield rec


def _register_optional_commands() -> None:
    """Commands of the query layer and the report, added when their modules exist."""
    try:
        from .query_cli import COMMANDS
    except ImportError:
        COMMANDS = []
    for cmd in COMMANDS:
        main.add_command(cmd)


if __name__ == "__main__":  # pragma: no cover
    main()
