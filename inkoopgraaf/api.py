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
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd

from .models.facts import Fact
from .models import gazetteer
from .models.graph import ALL_SEGMENTS, build_graph, slug, taxonomy_index
from .models.tables import facts_frame, load_inputs, load_texts, tables_from_graph


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
    """Load a build directory (``facts.jsonl`` required, ``documents.csv`` optional)."""
    out = Path(outputs)
    if not (out / "facts.jsonl").exists():
        raise OutputsNotBuilt(out)
    facts, documents = load_inputs(out)
    return KnowledgeGraph(out, facts, documents, load_texts(out))


@dataclass
class KnowledgeGraph:
    outputs: Path
    fact_list: list[Fact]
    document_records: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ data
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        return build_graph(self.fact_list, self.document_records, self.texts)

    @cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        return tables_from_graph(self.graph)

    @cached_property
    def facts(self) -> pd.DataFrame:
        return facts_frame(self.fact_list)

    @cached_property
    def documents(self) -> pd.DataFrame:
        return pd.DataFrame(self.document_records)

    financing = property(lambda self: self.tables["financing"])
    procedures = property(lambda self: self.tables["procedures"])
    segments = property(lambda self: self.tables["segments"])
    timeline = property(lambda self: self.tables["timeline"])
    plan_changes = property(lambda self: self.tables["plan_changes"])
    decisions = property(lambda self: self.tables["decisions"])
    members = property(lambda self: self.tables["members"])

    # ------------------------------------------------------------------ ids
    def _known(self, kind: str) -> tuple[dict[str, str], set[str]]:
        """(alias -> id, ids present in the outputs) for one kind of thing."""
        node_kind = {"segment": "Segment", "financing": "FinancingModel", "procedure": "Procedure",
                     "region": "Region", "actor": "Actor"}[kind]
        aliases: dict[str, str] = {}
        present = set()
        for _, d in self.graph.nodes(data=True):
            if d.get("kind") != node_kind:
                continue
            ident = d.get(kind)
            present.add(ident)
            for name in [ident, d.get("label"), *(d.get("labels") or [])]:
                if name:
                    aliases.setdefault(str(name).lower(), ident)
        tax = taxonomy_index()
        tax_kind = {"segment": "segment", "financing": "financing", "procedure": "procedure", "actor": "actor"}
        if kind in tax_kind:
            for ident, entry in tax[tax_kind[kind]].items():
                aliases.setdefault(ident.lower(), ident)
                if entry.get("label"):
                    aliases.setdefault(str(entry["label"]).lower(), ident)
            self._add_terms(kind, aliases)
        return aliases, present

    @staticmethod
    def _add_terms(kind: str, aliases: dict[str, str]) -> None:
        """Dutch wordings from the taxonomy ('lump sum', 'populatiegebonden bekostiging') as aliases."""
        try:
            from .models.taxonomy import load_taxonomy
            tax = load_taxonomy()
            table = {"segment": tax.segments, "financing": tax.financing, "procedure": tax.procedures}.get(kind, {})
        except Exception:  # noqa: BLE001 - aliases are a convenience
            return
        for ident, entry in table.items():
            for term in getattr(entry, "terms", ()) or ():
                if not str(term).startswith("re:"):
                    aliases.setdefault(str(term).lower(), ident)

    def resolve(self, kind: str, given: str) -> str:
        """The canonical id for what a user typed (id, label or Dutch wording), else :class:`UnknownId`."""
        aliases, present = self._known(kind)
        text = (given or "").strip().lower()
        for cand in (text, slug(text), text.replace(" ", "_"), text.replace("-", "_")):
            if cand in aliases:
                ident = aliases[cand]
                if ident not in present and kind == "region":
                    break
                return ident
        suggestions = self.suggest(kind, given, aliases, present)
        known_elsewhere = text in aliases or slug(text) in aliases or (kind == "region" and self._gazetteer_knows(text))
        raise UnknownId(kind, given, suggestions, known_elsewhere=known_elsewhere, present=sorted(present))

    @staticmethod
    def _gazetteer_knows(text: str) -> bool:
        return gazetteer.region(slug(text)) is not None

    def suggest(self, kind: str, given: str, aliases=None, present=None, n: int = 3) -> list[str]:
        """Nearest ids present in the outputs (difflib over ids and labels; gazetteer for regions)."""
        if aliases is None:
            aliases, present = self._known(kind)
        text = (given or "").strip().lower()
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
            df = self.procedures
            df = df[df["procedure"] == proc]
            if seg:
                df = df[(df["segment"] == seg) | ((df["segment"] == ALL_SEGMENTS) & self._procures(df, seg))]
        else:
            df = self.financing
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
        return df.reset_index(drop=True)

    def _with_segment_dates(self, df: pd.DataFrame, seg: str) -> pd.DataFrame:
        """Whole-procurement rows shown for a segment carry that segment's contract start."""
        own = self.segments[self.segments["segment"] == seg]
        dates = dict(zip(zip(own["region"], own["doc"]), own["contract_start"]))
        wide = df["segment"] == ALL_SEGMENTS
        df = df.copy()
        df.loc[wide, "contract_start"] = [dates.get((r, d)) for r, d in zip(df.loc[wide, "region"], df.loc[wide, "doc"])]
        return df

    def _procures(self, df: pd.DataFrame, seg: str) -> pd.Series:
        pairs = set(zip(self.segments.loc[self.segments["segment"] == seg, "region"],
                        self.segments.loc[self.segments["segment"] == seg, "doc"]))
        return pd.Series([(r, d) in pairs for r, d in zip(df["region"], df["doc"])], index=df.index, dtype=bool)

    def compare(self, segment: str) -> pd.DataFrame:
        """One segment across regions and years: financing, status, variant, procedure, contract start.

        Regions that procure the segment but state no financing for it show the
        whole-procurement model (segment ``all``), or an empty financing cell."""
        seg = self.resolve("segment", segment)
        fin = self.financing
        specific = fin[fin["segment"] == seg]
        rows = [specific]
        procured = self.segments[self.segments["segment"] == seg][["region", "region_name", "year", "doc",
                                                                   "contract_start"]]
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
        return out.sort_values(["region", "year", "doc", "segment", "financing"], na_position="last",
                               kind="stable").reset_index(drop=True)

    def profile(self, region: str) -> pd.DataFrame:
        """A region over time, one row per observation: what it procures, how it finances and buys
        it, its key dates, plan changes and decisions, per document year."""
        reg = self.resolve("region", region)
        ev = ["n_evidence", "confidence", "onzeker", "evidence_quote", "evidence_doc", "evidence_page"]
        parts = []
        s = self.segments[self.segments["region"] == reg]
        parts.append(s.assign(aspect="segment", value=s["segment"], status=None, detail=s["segment_label"]))
        f = self.financing[self.financing["region"] == reg]
        parts.append(f.assign(aspect="financing", value=f["financing"],
                              detail=f["variant"].fillna("")))
        p = self.procedures[self.procedures["region"] == reg]
        parts.append(p.assign(aspect="procedure", value=p["procedure"], detail=None))
        t = self.timeline[(self.timeline["region"] == reg) & (self.timeline["event"] != "other")]
        parts.append(t.assign(aspect="event", value=t["event"], status=t["superseded"].map({True: "superseded",
                                                                                           False: None}),
                              detail=t["start"] + ".." + t["end"]))
        c = self.plan_changes[self.plan_changes["region"] == reg]
        parts.append(c.assign(aspect="plan_change", value=c["event"], status=None,
                              detail=c["from_start"] + " -> " + c["to_start"] + " ("
                              + c["shift_days"].astype(str) + " d)"))
        d = self.decisions[self.decisions["region"] == reg]
        parts.append(d.assign(aspect="decision", value=d["actor"], segment=d["segments"], detail=d["object"]))
        cols = ["year", "doc", "aspect", "segment", "value", "status", "detail", *ev]
        frames = [x.reindex(columns=cols) for x in parts if len(x)]
        if not frames:
            return pd.DataFrame(columns=cols)
        out = pd.concat(frames, ignore_index=True)
        order = {a: i for i, a in enumerate(["segment", "financing", "procedure", "event", "plan_change", "decision"])}
        out["_o"] = out["aspect"].map(order)
        out = out.sort_values(["year", "doc", "_o", "segment", "value"], na_position="last", kind="stable")
        return out.drop(columns="_o").reset_index(drop=True)

    def timeline_of(self, region: str, include_other: bool = True) -> pd.DataFrame:
        """Dated events of a region in time order, with the plan changes that moved them."""
        reg = self.resolve("region", region)
        t = self.timeline[self.timeline["region"] == reg]
        if not include_other:
            t = t[t["event"] != "other"]
        return t.sort_values(["start", "end", "event", "doc"], kind="stable").reset_index(drop=True)
