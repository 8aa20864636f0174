"""Dutch display labels for the report (the audience is Dutch policy staff).

The canonical ids come from ``shared/spec/domain.md``; these are only the words
shown on screen. Segment, financing and procedure labels are taken from the
project's taxonomy (one source of truth); the rest are report vocabulary.
"""
from __future__ import annotations

from ..models.taxonomy import load_taxonomy

FACT_TYPE_LABELS = {
    "date": "Datum", "segment": "Segment", "financing": "Bekostiging",
    "procedure": "Procedure", "decision": "Besluit", "region": "Regio",
    "municipality": "Gemeente", "plan_change": "Planwijziging",
}

# Segment, financing and procedure labels, domains and iSD variants come from the
# project's taxonomy (models/taxonomy.json), the one source the extractor and the graph
# use too, so the report never drifts from them. Its order is domain.md's: youth care
# first, then Wmo, which is the column order of the comparison matrix.
_TAX = load_taxonomy()
SEGMENT_LABELS = {**{e.id: e.label for e in _TAX.segments.values()}, "other": "Overig segment"}
SEGMENT_DOMAINS = {e.id: e.domain for e in _TAX.segments.values() if e.domain}
SEGMENT_ORDER = list(SEGMENT_LABELS)
FINANCING_LABELS = {e.id: e.label for e in _TAX.financing.values()}
#: iSD execution variant of each financing model (domain.md), used when a fact lacks one.
FINANCING_VARIANTS = {e.id: e.variant for e in _TAX.financing.values() if e.variant}
VARIANT_LABELS = {
    "inspanningsgericht": "inspanningsgericht", "outputgericht": "outputgericht",
    "taakgericht": "taakgericht", "none": "geen iSD-variant",
}

PROCEDURE_LABELS = {e.id: e.label for e in _TAX.procedures.values()}

STATUS_LABELS = {
    "chosen": "gekozen", "previous": "eerder", "considered": "overwogen",
    "rejected": "afgewezen", None: "status onbekend",
}
#: Strongest statement first: what a region does now matters most to a reader.
STATUS_ORDER = ["chosen", "considered", "previous", "rejected", None]

DECISION_STATUS_LABELS = {"taken": "genomen", "planned": "gepland", "proposed": "voorgesteld"}
ACTOR_LABELS = {
    "college": "College van B&W", "raad": "Gemeenteraad",
    "regionaal_bestuur": "Regionaal bestuur", "ambtelijk": "Ambtelijk (werkgroep, inkoopteam)",
    "aanbieders": "Zorgaanbieders", "rijk": "Rijk / VNG", "other": "Overig",
}

EVENT_LABELS = {
    "decision": "Besluitvorming", "publication": "Publicatie", "questions_deadline": "Vragen stellen",
    "submission": "Inschrijving", "selection": "Selectie", "dialogue": "Dialoog",
    "award_provisional": "Voorlopige gunning", "award": "Gunning", "contract_start": "Start contract",
    "contract_end": "Einde contract", "implementation": "Implementatie", "evaluation": "Evaluatie",
    "consultation": "Marktconsultatie", "other": "Overig",
}
#: Timeline lanes follow the procurement's own order, from consultation to contract end.
EVENT_ORDER = [
    "consultation", "decision", "publication", "questions_deadline", "submission", "selection",
    "dialogue", "award_provisional", "award", "implementation", "contract_start", "evaluation",
    "contract_end", "other",
]

MODIFIER_LABELS = {
    "per": "per", "vanaf": "vanaf", "uiterlijk": "uiterlijk", "tot": "tot", "voor": "vóór",
    "na": "na", "streven": "streven", "voornemen": "voornemen",
}
GRANULARITY_LABELS = {
    "day": "dag", "week": "week", "month": "maand", "quarter": "kwartaal", "season": "seizoen",
    "half_year": "halfjaar", "year": "jaar", "years": "jaren", "unknown": "onbekend",
}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]




def label(table: dict, key, fallback: str | None = None) -> str:
    if key in table:
        return table[key]
    if fallback is not None:
        return fallback
    return "—" if key is None else str(key).replace("_", " ")


# Comparison tables of models/tables.py, shown in Dutch. Unknown tables/columns keep their names.
TABLE_TITLES = {
    "financing": "Bekostiging per regio, segment en document",
    "procedures": "Inkoopprocedures per regio, segment en document",
    "segments": "Segmenten per regio en document",
    "timeline": "Gedateerde gebeurtenissen",
    "plan_changes": "Planwijzigingen",
    "decisions": "Besluiten",
    "members": "Gemeenten per regio",
}
TABLE_COLUMN_LABELS = {
    "region": "Regio", "region_name": "Regio", "segment": "Segment", "segment_label": "Segment",
    "year": "Jaar document", "doc": "Document", "financing": "Bekostiging", "financing_label": "Bekostiging",
    "variant": "Variant (iSD)", "status": "Status", "procedure": "Procedure", "procedure_label": "Procedure",
    "contract_start": "Start contract", "n_evidence": "Bronnen", "evidence_quote": "Citaat",
    "evidence_doc": "Brondocument", "evidence_page": "Pagina", "labels": "Genoemd als", "domain": "Domein",
    "parent": "Onderdeel van", "event": "Gebeurtenis", "start": "Van", "end": "Tot en met",
    "granularity": "Precisie", "modifier": "Bepaling", "event_year": "Jaar", "origin": "Herkomst",
    "superseded": "Achterhaald", "what": "Wat", "from_start": "Oude datum", "to_start": "Nieuwe datum",
    "shift_days": "Verschuiving (dagen)", "actor": "Wie", "actor_label": "Wie", "object": "Besluit",
    "date_start": "Datum", "segments": "Segmenten", "cbs": "CBS-code", "municipality": "Gemeente",
    "tooi_uri": "TOOI-identifier", "source": "Herkomst", "named_in_document": "Genoemd in document",
}
#: Id columns hidden when the table also has the readable label column (key -> label column),
#: and machine columns a reader does not need (graph node ids, offsets, interval ends of points).
TABLE_ID_COLUMNS = {"region": "region_name", "segment": "segment_label", "financing": "financing_label",
                    "procedure": "procedure_label", "actor": "actor_label"}
TABLE_HIDDEN_COLUMNS = {"node", "evidence_start", "evidence_end", "from_end", "to_end", "date_end"}
