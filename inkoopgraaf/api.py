"""Notebook API: the built outputs as DataFrames and a graph, in three lines.

    from inkoopgraaf.api import load
    kg = load("outputs")
    kg.financing                       # region x segment x year -> financing model, with evidence

Also ``kg.procedures``, ``kg.segments``, ``kg.timeline``, ``kg.plan_changes``,
``kg.decisions``, ``kg.members``, ``kg.documents``, ``kg.facts`` (one row per
fact, value fields flattened), ``kg.graph`` (networkx MultiDiGraph) and the
questions the CLI answers: ``kg.query(segment="dyslexie",
financing="populatiebekostiging")``, ``kg.profile("lekstroom")``,
``kg.compare("ambulant")``, ``kg.timeline_of("achterhoek")``.

Everything is recomputed from ``facts.jsonl`` + ``documents.csv`` (the CSV
tables in outputs/ are the same numbers written for other tools), so the API
never disagrees with the facts it loads.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import networkx as nx
import pandas as pd

from .datewords import as_written
from .models.facts import Fact
from .models import gazetteer
from .models.graph import ALL_SEGMENTS, build_graph, slug
from .models.io import resolve_snapshot
from .models.taxonomy import load_taxonomy
from .models.store import FACT_COLUMNS, fact_row, read_table, store_path, vocabulary_key, vocabulary_rows
from .models.store import connect as connect_store
from .models.store import read_facts as read_store_facts
from .models.tables import INT_COLUMNS, TABLE_NAMES, load_inputs, load_texts, tables_from_graph


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    return {(r["kind"], r["id"]): r["label"] for r in vocabulary_rows()}


def _lookup_keys(text: str) -> list[str]:
    """Keys to try for typed input: as is, accents folded, and without a compound head or
    inflection the taxonomy's matcher would accept ('Dyslexiezorg' -> 'dyslexie')."""
    keys = [vocabulary_key(text), vocabulary_key(text, fold=True)]
    tax = load_taxonomy()
    for key in list(keys):
        for tail in sorted((*tax.compound_heads, *tax.inflections), key=len, reverse=True):
            if key.endswith(tail) and len(key) - len(tail) >= 3:
                keys.append(key[: -len(tail)])
    return list(dict.fromkeys(keys))


def mentioned_region_ids(db: Path) -> set[str]:
    """Region ids the facts of the store at ``db`` name (facts(type, value_id) is indexed)."""
    con = connect_store(db, readonly=True)
    try:
        rows = con.execute("SELECT DISTINCT value_id FROM facts WHERE type = 'region' AND value_id IS NOT NULL")
        return {str(v) for (v,) in rows}
    finally:
        con.close()


class OutputsNotBuilt(FileNotFoundError):
    """outputs/ has no facts.jsonl yet."""

    def __init__(self, outputs: Path):
        self.outputs = Path(outputs)
        super().__init__(f"{self.outputs}/facts.jsonl not found: there are no outputs in '{self.outputs}' yet. "
                         f"Run `inkoopgraaf build` first (or pass --outputs DIR / load(DIR) with the folder "
                         f"`inkoopgraaf build --out DIR` wrote).")


class UnknownId(LookupError):
    """An id (segment, financing model, procedure, region, actor) that the outputs do not know."""

    def __init__(self, kind: str, given: str, suggestions: list[str], known_elsewhere: bool = False,
                 present: list[str] | None = None):
        self.kind, self.given, self.suggestions = kind, given, suggestions
        if known_elsewhere:
            msg = f"{kind} '{given}' is a known id, but no document in these outputs mentions it."
        else:
            msg = f"unknown {kind} '{given}'."
        if suggestions:
            msg += " Did you mean: " + ", ".join(suggestions) + "?"
        elif present:
            # nothing close: list what there is, so the next try can succeed
            shown = sorted(p for p in present if p)[:15]
            more = f" (and {len(present) - len(shown)} more)" if len(present) > len(shown) else ""
            msg += f" Known {kind} ids in these outputs: " + ", ".join(shown) + more + "."
        else:
            msg += " These outputs contain none; check that `inkoopgraaf build` read your documents."
        super().__init__(msg)


def load(outputs="outputs") -> "KnowledgeGraph":
    """Load a build directory: ``inkoopgraaf.db`` when it is there and not older than
    ``facts.jsonl``, else ``facts.jsonl`` (+ ``documents.csv``, ``texts/``)."""
    out = Path(outputs)
    snapshot = resolve_snapshot(out)   # once: every file from the same build, even if one is switched in now
    db, facts_path = store_path(snapshot), snapshot / "facts.jsonl"
    if db.exists() and (not facts_path.exists() or db.stat().st_mtime >= facts_path.stat().st_mtime):
        return KnowledgeGraph(out, store=db)
    if not facts_path.exists():
        raise OutputsNotBuilt(out)
    facts, documents = load_inputs(snapshot)
    return KnowledgeGraph(out, facts, documents, load_texts(snapshot))


#: Column kinds of the typed tables (see :func:`typed`).
DATE_COLUMNS = ("start", "end", "from_start", "from_end", "to_start", "to_end", "date_start", "date_end",
                "contract_start", "valid_from", "valid_to")
CATEGORY_COLUMNS = ("region", "region_name", "segment", "segment_label", "financing", "financing_label", "variant",
                    "status", "procedure", "procedure_label", "doc", "event", "actor", "actor_label", "granularity",
                    "modifier", "domain", "type", "origin", "source", "value_id", "format", "kind", "evidence_doc")
FLAG_COLUMNS = ("superseded", "named_in_document", "onzeker")
COUNT_COLUMNS = ("n_evidence", "characters", "pages")


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """A table with notebook types: ISO dates as ``datetime64``, ids and labels as ``category``,
    counts and years as (nullable) integers, flags as ``bool``. Offsets stay integers."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if col in DATE_COLUMNS and not pd.api.types.is_numeric_dtype(s):
            out[col] = pd.to_datetime(s, errors="coerce", format="ISO8601")
        elif col in CATEGORY_COLUMNS:
            out[col] = s.astype("category")
        elif col in FLAG_COLUMNS:   # a flag column read back as 0.0/1.0/NaN or True/False/None
            out[col] = (s.fillna(0) if pd.api.types.is_numeric_dtype(s) else s.fillna(False)).astype(bool)
        elif col == "id" and not pd.api.types.is_numeric_dtype(s):
            continue  # documents' id is text
        elif col in INT_COLUMNS or col in COUNT_COLUMNS or col in ("id", "evidence_fact", "page", "start", "end"):
            num = pd.to_numeric(s, errors="coerce")
            out[col] = num.astype("int64") if col in COUNT_COLUMNS and not num.isna().any() else num.astype("Int64")
    return out


@dataclass
class KnowledgeGraph:
    """The outputs of one build as typed DataFrames and a graph. ``repr(kg)`` is a short summary."""
    outputs: Path
    fact_list_: list[Fact] | None = None
    document_records_: list[dict] | None = None
    texts_: dict[str, str] | None = field(default=None, repr=False)
    store: Path | None = None

    def __repr__(self) -> str:
        docs = self.documents
        per_type = self.facts["type"].value_counts().sort_index() if len(self.facts) else pd.Series(dtype=int)
        regions = sorted(set(self.tables["segments"]["region"].dropna()) | set(self.tables["financing"]["region"]
                                                                               .dropna()))
        source = self.store.name if self.store else "facts.jsonl"
        return (f"<KnowledgeGraph {self.outputs} ({source}): {len(docs)} documents, {len(regions)} regions "
                f"({', '.join(regions[:6])}{', ...' if len(regions) > 6 else ''}); {len(self.facts)} facts: "
                + ", ".join(f"{t} {n}" for t, n in per_type.items()) + ">")

    # ------------------------------------------------------------------ sources
    @cached_property
    def fact_list(self) -> list[Fact]:
        return self.fact_list_ if self.fact_list_ is not None else read_store_facts(self.store)

    @cached_property
    def document_records(self) -> list[dict]:
        if self.document_records_ is not None:
            return self.document_records_
        df = read_table(self.store, "documents").drop(columns=["fingerprint"])
        return [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in df.to_dict(orient="records")]

    @cached_property
    def texts(self) -> dict[str, str]:
        if self.texts_ is not None:
            return self.texts_
        df = read_table(self.store, "texts")
        return dict(zip(df["doc"], df["text"]))

    # ------------------------------------------------------------------ data
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The knowledge graph (networkx MultiDiGraph), built on first use."""
        return build_graph(self.fact_list, self.document_records, self.texts)

    @cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The comparison tables as stored (ISO date strings, plain ids): what the CLI prints."""
        if self.store is not None:
            return {name: read_table(self.store, name).drop(columns=["id"]) for name in TABLE_NAMES}
        return tables_from_graph(self.graph)

    @cached_property
    def _typed(self) -> dict[str, pd.DataFrame]:
        return {name: typed(df) for name, df in self.tables.items()}

    @cached_property
    def facts(self) -> pd.DataFrame:
        """One row per fact: id, doc, type, text, start, end, page, quote, confidence, then the value's
        fields as columns (value_id, label, name, domain, parent, variant, segment, status, cbs, actor,
        object, what, date_start, date_end, granularity, modifier, event, from_start, from_end, to_start,
        to_end, shift_days) and value (the contract's JSON)."""
        if self.store is not None:
            return typed(read_table(self.store, "facts"))
        rows = [{"id": i, **fact_row(f, self.texts.get(f.doc))} for i, f in enumerate(self.fact_list, 1)]
        return typed(pd.DataFrame(rows, columns=list(FACT_COLUMNS)))

    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per document: id, title, year, path, format, sha256, pages, characters, regions,
        status, error, manifest_region."""
        return typed(pd.DataFrame(self.document_records))

    @cached_property
    def titles(self) -> dict[str, str]:
        """doc id -> document title (the id when the document has none)."""
        return {str(r["id"]): (r.get("title") or str(r["id"])) for r in self.document_records}

    @property
    def financing(self) -> pd.DataFrame:
        """region x segment x document -> financing model. Columns: region, region_name, segment,
        segment_label, year, doc, financing, financing_label, variant, status, procedure, contract_start
        (datetime64), n_evidence, evidence_quote, evidence_doc, evidence_page, evidence_start, evidence_end,
        evidence_fact (the fact id in kg.facts)."""
        return self._typed["financing"]

    @property
    def procedures(self) -> pd.DataFrame:
        """region x segment x document -> procedure. Columns: region, region_name, segment, segment_label,
        year, doc, procedure, procedure_label, status, n_evidence, evidence_* columns."""
        return self._typed["procedures"]

    @property
    def segments(self) -> pd.DataFrame:
        """What a region procures, per document. Columns: region, region_name, year, doc, segment,
        segment_label, labels (as written), domain, parent, n_evidence, evidence_* columns."""
        return self._typed["segments"]

    @property
    def timeline(self) -> pd.DataFrame:
        """Dated events. Columns: region, region_name, year, doc, event, start, end (datetime64),
        granularity, modifier, event_year, segment, origin, superseded (bool), node, n_evidence,
        evidence_* columns."""
        return self._typed["timeline"]

    @property
    def plan_changes(self) -> pd.DataFrame:
        """Moved dates. Columns: region, region_name, year, doc, event, what, from_start, from_end,
        to_start, to_end (datetime64), shift_days (int; + postponed/extended, - brought forward), node,
        n_evidence, evidence_* columns."""
        return self._typed["plan_changes"]

    @property
    def decisions(self) -> pd.DataFrame:
        """Decisions. Columns: region, region_name, year, doc, actor, actor_label, status (taken, planned,
        proposed), object, date_start, date_end (datetime64), segments, node, n_evidence, evidence_*."""
        return self._typed["decisions"]

    @property
    def members(self) -> pd.DataFrame:
        """Municipalities per region and document. Columns: region, region_name, year, doc, cbs,
        municipality, tooi_uri, source, named_in_document (bool), n_evidence, evidence_* columns."""
        return self._typed["members"]

    # ------------------------------------------------------------------ ids
    #: kind -> (vocabulary kinds, table columns holding ids of that kind, columns holding labels)
    _KINDS = {
        "segment": (("segment",), (("segments", "segment"), ("financing", "segment"), ("procedures", "segment")),
                    (("segments", "segment", "segment_label"), ("segments", "segment", "labels"))),
        "financing": (("financing",), (("financing", "financing"),), (("financing", "financing", "financing_label"),)),
        "procedure": (("procedure",), (("procedures", "procedure"),),
                      (("procedures", "procedure", "procedure_label"),)),
        "region": (("region",), tuple((t, "region") for t in ("segments", "financing", "procedures", "timeline",
                                                              "plan_changes", "decisions", "members")),
                   (("segments", "region", "region_name"), ("financing", "region", "region_name"),
                    ("decisions", "region", "region_name"))),
        "actor": (("actor",), (("decisions", "actor"),), (("decisions", "actor", "actor_label"),)),
        "status": (("status",), (("financing", "status"), ("procedures", "status")), ()),
        "decision_status": (("decision_status",), (("decisions", "status"),), ()),
        "event": (("event",), (("timeline", "event"), ("plan_changes", "event")), ()),
    }

    @cached_property
    def fact_texts(self) -> dict[int, str]:
        """Fact id (as in :attr:`facts` and a table's ``evidence_fact``) -> the fact's own text
        span: two columns read from the store, not the whole :attr:`facts` frame."""
        if self.store is not None:
            con = connect_store(self.store, readonly=True)
            try:
                return {int(i): t for i, t in con.execute("SELECT id, text FROM facts")}
            finally:
                con.close()
        return {i: f.text for i, f in enumerate(self.fact_list, 1)}

    @cached_property
    def mentioned_regions(self) -> set[str]:
        """Ids of every region a document names (its own or in passing). Read from the store's
        indexed facts (or the loaded fact list), never by building the whole :attr:`facts` frame:
        resolving one typed region name must stay cheap on a big corpus."""
        if self.store is not None:
            return mentioned_region_ids(self.store)
        return {str(f.value["id"]) for f in self.fact_list if f.type == "region" and f.value.get("id")}

    def _known(self, kind: str) -> tuple[dict[str, str], set[str]]:
        """(lookup key -> id, ids present in the outputs) for one kind of thing. Keys come from the
        vocabulary (ids, Dutch labels, the taxonomy's wordings, gazetteer names) and from the labels the
        documents themselves use; see :func:`inkoopgraaf.models.store.vocabulary_key`."""
        vocab_kinds, id_cols, label_cols = self._KINDS[kind]
        present: set[str] = set()
        for table, col in id_cols:
            present |= {str(v) for v in self.tables[table][col].dropna().unique()}
        if kind == "region":
            # a region a document only mentions is present too: asking about it gets an empty
            # answer ("no document states ..."), not an "unknown id" error
            present |= self.mentioned_regions
        aliases: dict[str, str] = {}
        for table, id_col, col in label_cols:
            df = self.tables[table]
            for ident, label in zip(df[id_col], df[col]):
                for name in str(label).split("; ") if isinstance(label, str) else ():
                    aliases.setdefault(vocabulary_key(name, fold=True), str(ident))
        for row in vocabulary_rows():
            if row["kind"] in vocab_kinds:
                aliases.setdefault(row["key"], row["id"])
                aliases.setdefault(vocabulary_key(row["key"], fold=True), row["id"])
        for ident in present:
            aliases.setdefault(vocabulary_key(ident, fold=True), ident)
            aliases.setdefault(ident.lower(), ident)
        return aliases, present

    def resolve(self, kind: str, given: str) -> str:
        """The canonical id for what a user typed (id, label, Dutch word or the document's own
        wording: 'lumpsum-financiering', 'Dyslexiezorg', 'gekozen'), else :class:`UnknownId`."""
        aliases, present = self._known(kind)
        text = (given or "").strip()
        if text.lower() in aliases:
            return aliases[text.lower()]
        for key in _lookup_keys(text):
            if key in aliases:
                ident = aliases[key]
                if ident not in present and kind == "region":
                    break
                return ident
        suggestions = self.suggest(kind, given, aliases, present)
        key = vocabulary_key(text, fold=True)
        known_elsewhere = key in aliases or (kind == "region" and self._gazetteer_knows(text.lower()))
        raise UnknownId(kind, given, suggestions, known_elsewhere=known_elsewhere, present=sorted(present))

    @staticmethod
    def _gazetteer_knows(text: str) -> bool:
        return gazetteer.region(slug(text)) is not None

    def suggest(self, kind: str, given: str, aliases=None, present=None, n: int = 3) -> list[str]:
        """Nearest ids present in the outputs (difflib over ids and labels; gazetteer for regions)."""
        if aliases is None:
            aliases, present = self._known(kind)
        text = vocabulary_key(given, fold=True)
        candidates = {a: i for a, i in aliases.items() if i in present} or aliases
        out: list[str] = []
        for alias in difflib.get_close_matches(text, list(candidates), n=n * 3, cutoff=0.5):
            if candidates[alias] not in out:
                out.append(candidates[alias])
        # prefix/substring hits catch abbreviations difflib scores low ('ggz' -> jeugd_ggz)
        for alias, ident in sorted(candidates.items()):
            if len(text) >= 3 and text in alias and ident not in out:
                out.append(ident)
        if kind == "region":
            out += [r for r in gazetteer.nearest_region_ids(given) if r in present and r not in out]
        return out[:n]

    def label(self, kind: str, ident) -> str:
        """The Dutch label of an id ('niet_openbaar' -> 'Niet-openbare procedure', 'chosen' -> 'gekozen')."""
        if ident is None or (isinstance(ident, float) and pd.isna(ident)):
            return ""
        return _labels().get((kind, str(ident)), str(ident).replace("_", " "))

    # ------------------------------------------------------------------ questions
    def query(self, segment: str | None = None, financing: str | None = None, procedure: str | None = None,
              region: str | None = None, status: str | None = None, year: int | None = None) -> pd.DataFrame:
        """Financing observations (or procedure observations when only a procedure is asked for).

        A segment question also returns what a region decided for its whole
        procurement (``segment == "all"``) when that document procures the segment."""
        seg = self.resolve("segment", segment) if segment else None
        fin = self.resolve("financing", financing) if financing else None
        proc = self.resolve("procedure", procedure) if procedure else None
        reg = self.resolve("region", region) if region else None
        if proc and not fin:
            df = self.tables["procedures"]
            df = df[df["procedure"] == proc]
            if seg:
                df = df[(df["segment"] == seg) | ((df["segment"] == ALL_SEGMENTS) & self._procures(df, seg))]
        else:
            df = self.tables["financing"]
            if seg:
                df = df[(df["segment"] == seg) | ((df["segment"] == ALL_SEGMENTS) & self._procures(df, seg))]
                df = self._with_segment_dates(df, seg)
            if fin:
                df = df[df["financing"] == fin]
            if proc:
                df = df[df["procedure"].fillna("").str.split("; ").apply(lambda ps: proc in ps)]
        if reg:
            df = df[df["region"] == reg]
        if status:
            df = df[df["status"] == status]
        if year is not None:
            df = df[df["year"] == int(year)]
        return typed(df.reset_index(drop=True))

    def _with_segment_dates(self, df: pd.DataFrame, seg: str) -> pd.DataFrame:
        """Whole-procurement rows shown for a segment carry that segment's contract start.

        The one rule for "from when does region R contract segment X" in every view (query,
        compare, matrix, the explorer's ``financiering``): the segment's row in the segments
        table, whose date models/tables.py picks (the segment's own date, else the document-wide
        date only when the document states one for all its care, else none: onbekend). The
        whole-procurement row's own date is the answer for the whole procurement only."""
        own = self.tables["segments"][self.tables["segments"]["segment"] == seg]
        dates = dict(zip(zip(own["region"], own["doc"]), own["contract_start"]))
        wide = df["segment"] == ALL_SEGMENTS
        df = df.copy()
        df.loc[wide, "contract_start"] = [dates.get((r, d)) for r, d in zip(df.loc[wide, "region"], df.loc[wide, "doc"])]
        return df

    @cached_property
    def _contract_start_spans(self) -> dict[tuple[str, str], tuple[str, str | None]]:
        """(doc, contract start) -> (end, granularity) of the date fact it comes from: a table's
        ``contract_start`` holds only the first day, the timeline keeps how precise the text was.
        A day wins over a coarser date with the same first day (the document does state the day)."""
        t = self.tables["timeline"]
        t = t[(t["event"] == "contract_start") & t["start"].notna()]
        out: dict[tuple[str, str], tuple[str, str | None]] = {}
        for doc, start, end, gran in zip(t["doc"], t["start"], t["end"], t["granularity"]):
            key, span = (str(doc), str(start)), (str(end) if isinstance(end, str) else str(start),
                                                 gran if isinstance(gran, str) else None)
            if key not in out or span[0] == key[1]:
                out[key] = span
        return out

    def contract_start_as_written(self, doc, start, lang: str = "nl") -> str:
        """A table's contract start as precisely as its document gives it ('2017', not 2017-01-01)."""
        if not isinstance(start, str) or not start:
            return ""
        end, gran = self._contract_start_spans.get((str(doc), start[:10]), (start, None))
        return as_written(start, end, gran, lang)

    def _procures(self, df: pd.DataFrame, seg: str) -> pd.Series:
        pairs = set(zip(self.tables["segments"].loc[self.tables["segments"]["segment"] == seg, "region"],
                        self.tables["segments"].loc[self.tables["segments"]["segment"] == seg, "doc"]))
        return pd.Series([(r, d) in pairs for r, d in zip(df["region"], df["doc"])], index=df.index, dtype=bool)

    def compare(self, segment: str) -> pd.DataFrame:
        """One segment across regions and years: financing, status, variant, procedure, contract start.

        Regions that procure the segment but state no financing for it show the
        whole-procurement model (segment ``all``), or an empty financing cell."""
        seg = self.resolve("segment", segment)
        fin = self.tables["financing"]
        specific = fin[fin["segment"] == seg]
        rows = [specific]
        segs = self.tables["segments"]
        procured = segs[segs["segment"] == seg][["region", "region_name", "year", "doc", "contract_start"]]
        covered = set(zip(specific["region"], specific["doc"]))
        for _, p in procured.drop_duplicates(["region", "doc"]).iterrows():
            if (p["region"], p["doc"]) in covered:
                continue
            wide = fin[(fin["region"] == p["region"]) & (fin["doc"] == p["doc"]) & (fin["segment"] == ALL_SEGMENTS)]
            if len(wide):
                rows.append(wide.assign(contract_start=p["contract_start"]))  # the segment's own date
            else:
                rows.append(pd.DataFrame([{**p.to_dict(), "segment": seg, "n_evidence": 0}]))
        out = pd.concat([r for r in rows if len(r)], ignore_index=True) if any(len(r) for r in rows) \
            else specific.iloc[0:0]
        out = out.reindex(columns=fin.columns)
        for col in ("year", "n_evidence", "evidence_page", "evidence_start", "evidence_end"):
            out[col] = out[col].astype("Int64")
        return typed(out.sort_values(["region", "year", "doc", "segment", "financing"], na_position="last",
                                     kind="stable").reset_index(drop=True))

    def profile(self, region: str) -> pd.DataFrame:
        """A region over time, one row per observation: what it procures, how it finances and buys
        it, its key dates, plan changes and decisions, per document year."""
        reg = self.resolve("region", region)
        ev = ["n_evidence", "confidence", "onzeker", "evidence_quote", "evidence_doc", "evidence_page"]
        parts = []
        s = self.tables["segments"][self.tables["segments"]["region"] == reg]
        parts.append(s.assign(aspect="segment", value=s["segment"], status=None, detail=s["segment_label"]))
        f = self.tables["financing"][self.tables["financing"]["region"] == reg]
        parts.append(f.assign(aspect="financing", value=f["financing"],
                              detail=f["variant"].fillna("")))
        p = self.tables["procedures"][self.tables["procedures"]["region"] == reg]
        parts.append(p.assign(aspect="procedure", value=p["procedure"], detail=None))
        t = self.tables["timeline"][(self.tables["timeline"]["region"] == reg) & (self.tables["timeline"]["event"] != "other")]
        parts.append(t.assign(aspect="event", value=t["event"], status=t["superseded"].map({True: "superseded",
                                                                                           False: None}),
                              detail=t["start"].where(t["start"] == t["end"], t["start"] + ".." + t["end"])))
        c = self.tables["plan_changes"][self.tables["plan_changes"]["region"] == reg]
        parts.append(c.assign(aspect="plan_change", value=c["event"], status=None,
                              detail=c["from_start"] + " -> " + c["to_start"] + " ("
                              + c["shift_days"].astype(str) + " d)"))
        d = self.tables["decisions"][self.tables["decisions"]["region"] == reg]
        parts.append(d.assign(aspect="decision", value=d["actor"], segment=d["segments"], detail=d["object"]))
        cols = ["year", "doc", "aspect", "segment", "value", "status", "detail", *ev]
        frames = [x.reindex(columns=cols) for x in parts if len(x)]
        if not frames:
            return pd.DataFrame(columns=cols)
        out = pd.concat(frames, ignore_index=True)
        order = {a: i for i, a in enumerate(["segment", "financing", "procedure", "event", "plan_change", "decision"])}
        out["_o"] = out["aspect"].map(order)
        out = out.sort_values(["year", "doc", "_o", "segment", "value"], na_position="last", kind="stable")
        return typed(out.drop(columns="_o").reset_index(drop=True))

    def timeline_of(self, region: str, include_other: bool = True) -> pd.DataFrame:
        """Dated events of a region in time order, with the plan changes that moved them."""
        reg = self.resolve("region", region)
        t = self.tables["timeline"][self.tables["timeline"]["region"] == reg]
        if not include_other:
            t = t[t["event"] != "other"]
        return typed(t.sort_values(["start", "end", "event", "doc"], kind="stable").reset_index(drop=True))

    # ------------------------------------------------------------------ analyses
    def _slip_rows(self) -> pd.DataFrame:
        """plan_changes with ``segments``: the segments named in the sentence the plan change stands in
        (its evidence quote): segment facts of the same document near the clause whose words the quote
        contains."""
        pcs = self.tables["plan_changes"].copy()
        facts = self.facts
        segs = facts[facts["type"] == "segment"][["doc", "start", "end", "text", "value_id"]]
        by_doc = {d: g for d, g in segs.groupby("doc", observed=True)}
        names = []
        for doc, start, end, quote in zip(pcs["doc"], pcs["evidence_start"], pcs["evidence_end"],
                                          pcs["evidence_quote"]):
            g = by_doc.get(doc)
            if g is None or pd.isna(start) or not isinstance(quote, str):
                names.append(None)
                continue
            reach = len(quote)
            near = g[(g["start"] >= start - reach) & (g["end"] <= end + reach)]
            flat = " ".join(quote.split()).lower()
            inside = {str(v) for v, t in zip(near["value_id"], near["text"])
                      if pd.notna(v) and " ".join(str(t).split()).lower() in flat}
            names.append("; ".join(sorted(inside)) or None)
        pcs["segments"] = names
        return pcs

    def slips(self, region: str | None = None, segment: str | None = None, detail: bool = False) -> pd.DataFrame:
        """Planning slips. Per region and segment (default): region, region_name, segment, n_changes,
        days_total, days_max (int; + later, - earlier), first_from, last_to (datetime64). With
        ``detail=True`` one row per plan change (the plan_changes columns plus ``segments``)."""
        df = self._slip_rows()
        if region:
            df = df[df["region"] == self.resolve("region", region)]
        if segment:
            seg = self.resolve("segment", segment)
            df = df[df["segments"].fillna("").str.split("; ").apply(lambda ss: seg in ss)]
        df = df.sort_values(["region", "from_start", "to_start"], kind="stable").reset_index(drop=True)
        if detail:
            return typed(df)
        rows = df.assign(segment=df["segments"].fillna("").str.split("; ")).explode("segment")
        rows["segment"] = rows["segment"].replace("", ALL_SEGMENTS)
        out = rows.groupby(["region", "region_name", "segment"], dropna=False, sort=True).agg(
            n_changes=("shift_days", "size"), days_total=("shift_days", "sum"), days_max=("shift_days", "max"),
            first_from=("from_start", "min"), last_to=("to_start", "max")).reset_index()
        for col in ("n_changes", "days_total"):
            out[col] = out[col].astype("int64")
        return typed(out)

    def matrix(self, segment: str | None = None, year: int | None = None) -> pd.DataFrame:
        """Region (and document year) x segment -> "model (status) · start" for the financing table:
        one row per region and year (years are kept apart), one column per segment ("hele inkoop" for
        the whole procurement). ``segment``/``year`` narrow it down."""
        df = self.tables["financing"]
        if segment:
            seg = self.resolve("segment", segment)
            df = df[(df["segment"] == seg) | ((df["segment"] == ALL_SEGMENTS) & self._procures(df, seg))]
            df = self._with_segment_dates(df, seg)   # the same start query and compare answer
        if year is not None:
            df = df[df["year"] == int(year)]
        if not len(df):
            return pd.DataFrame()
        status = df["status"].map(lambda v: self.label("status", v) if isinstance(v, str) else "status onbekend")
        start = pd.Series([f" · {self.contract_start_as_written(d, v)}" if isinstance(v, str) and v else ""
                           for d, v in zip(df["doc"], df["contract_start"])], index=df.index, dtype=object)
        cells = df.assign(cell=df["financing_label"].fillna(df["financing"]) + " (" + status + ")" + start,
                          column=df["segment_label"].where(df["segment"] != ALL_SEGMENTS, "hele inkoop")
                          .fillna(df["segment"]))
        out = cells.pivot_table(index=["region_name", "year"], columns="column", values="cell",
                                aggfunc=lambda v: "; ".join(sorted(set(v))))
        out.columns.name = None
        return out
