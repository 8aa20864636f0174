"""Dutch display labels for the report (the audience is Dutch policy staff).

The canonical ids come from ``shared/spec/domain.md``; these are only the words
shown on screen. When ``inkoopgraaf.models.taxonomy`` is present its labels win
(one source of truth for the whole project); the tables below keep the report
usable on its own and cover every id of domain.md.
"""
from __future__ import annotations


FACT_TYPE_LABELS = {
    "date": "Datum", "segment": "Segment", "financing": "Bekostiging",
    "procedure": "Procedure", "decision": "Besluit", "region": "Regio",
    "municipality": "Gemeente", "plan_change": "Planwijziging",
}

SEGMENT_LABELS = {
    "ambulant": "Ambulant", "verblijf": "Verblijf", "hoog_complex": "Hoog complex",
    "crisis": "Crisis", "dyslexie": "Dyslexie", "jeugd_ggz": "Jeugd-GGZ",
    "kinderen_met_beperking": "Kinderen met beperking",
    "jeugd_en_opvoedhulp": "Jeugd- en opvoedhulp", "onderwijs": "Onderwijs",
    "forensisch": "Forensisch", "ziekenhuiszorg": "Ziekenhuiszorg",
    "jongvolwassenen": "Jongvolwassenen", "enkelvoudig": "Enkelvoudig",
    "complex": "Complex", "wmo_begeleiding": "Wmo begeleiding",
    "wmo_logeren": "Wmo logeren", "wmo_persoonlijke_verzorging": "Persoonlijke verzorging",
    "hulp_bij_huishouden": "Hulp bij het huishouden", "beschermd_wonen": "Beschermd wonen",
    "other": "Overig segment",
}
_WMO_SEGMENTS = {"wmo_begeleiding", "wmo_logeren", "wmo_persoonlijke_verzorging",
                 "hulp_bij_huishouden", "beschermd_wonen"}
SEGMENT_DOMAINS = {s: ("wmo" if s in _WMO_SEGMENTS else "jeugd") for s in SEGMENT_LABELS if s != "other"}
#: Column order of the comparison matrix: youth care first, then Wmo (domain.md order).
SEGMENT_ORDER = list(SEGMENT_LABELS)

FINANCING_LABELS = {
    "pxq": "PxQ", "trajectfinanciering": "Trajectfinanciering",
    "resultaatgericht": "Resultaatgericht", "dbc": "DBC", "lumpsum": "Lumpsum",
    "populatiebekostiging": "Populatiebekostiging", "subsidie": "Subsidie",
    "plafond": "Plafond",
}
#: iSD execution variant of each financing model (domain.md), used when a fact lacks one.
FINANCING_VARIANTS = {
    "pxq": "inspanningsgericht", "trajectfinanciering": "outputgericht",
    "resultaatgericht": "outputgericht", "dbc": "outputgericht", "lumpsum": "taakgericht",
    "populatiebekostiging": "taakgericht", "subsidie": "none", "plafond": "none",
}
VARIANT_LABELS = {
    "inspanningsgericht": "inspanningsgericht", "outputgericht": "outputgericht",
    "taakgericht": "taakgericht", "none": "geen iSD-variant",
}

PROCEDURE_LABELS = {
    "open_house": "Open House", "sas": "SAS-procedure",
    "bestuurlijk_aanbesteden": "Bestuurlijk aanbesteden", "niet_openbaar": "Niet-openbaar",
    "dialooggericht": "Dialooggericht", "openbaar": "Openbaar", "das": "Dynamisch aankoopsysteem",
    "verlenging": "Verlenging", "subsidie": "Subsidieverlening",
}

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


def _from_taxonomy() -> None:
    """Take segment, financing and procedure labels, domains and variants from the project's
    taxonomy (models/taxonomy.json), so the report never drifts from the extractor and graph.

    The built-in tables stay as the fallback: a missing or broken taxonomy must not stop
    a report from being written.
    """
    try:
        from inkoopgraaf.models.taxonomy import load_taxonomy
        tax = load_taxonomy()
    except Exception:  # absent or unreadable: the built-in labels stand
        return
    for entry in tax.segments.values():
        SEGMENT_LABELS[entry.id] = entry.label
        if entry.domain:
            SEGMENT_DOMAINS[entry.id] = entry.domain
    for entry in tax.financing.values():
        FINANCING_LABELS[entry.id] = entry.label
        if entry.variant:
            FINANCING_VARIANTS[entry.id] = entry.variant
    for entry in tax.procedures.values():
        PROCEDURE_LABELS[entry.id] = entry.label
    # Keep the matrix column order of domain.md, with any new taxonomy segment before "other".
    for sid in tax.segments:
        if sid not in SEGMENT_ORDER:
            SEGMENT_ORDER.insert(SEGMENT_ORDER.index("other"), sid)


_from_taxonomy()


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
