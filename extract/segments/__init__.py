"""Care segments, financing models and procedures, attached to the segment they govern.

Three extractors (facts contract types ``segment``, ``financing``,
``procedure``):

``extract_segments(ctx)``
    A wording from the taxonomy counts as a *segment the document buys* only
    where the text treats it as a lot: as the label of a heading, list item or
    table cell ("Segment Ambulant", "- 2. Gezins- en Woonvormen: ...", a
    perceel column), after a segment/perceel/procurement word ("het perceel
    complexe jeugdhulp", "Inkoop Wmo Individuele Begeleiding", an agreement
    named by its care: "Dienstverleningsovereenkomst Beschermd wonen"), with a
    lot number after it ("ambulante hulp (perceel A)"), as the object of
    contracting ("zijn de crisisfuncties gecontracteerd", "de gesloten
    jeugdhulp kopen we landelijk in"), in a title about buying or tariffs of
    that care, in a paragraph's fronted topic that gets a model ("Voor X en Y
    vragen de gemeenten ..."), as two or more kinds enumerated after "zoals" in
    a sentence of buying, or joined by "en"/","/"/" to such a mention
    ("Laag- en Hoogcomplexe jeugdhulp"), every kind of a label that enumerates
    several ("Verblijf en crisis", a budget line "Begeleiding, dagbesteding en
    kortdurend verblijf (...) € ..."), the contents of a lot named by its
    identifier or of the procurement itself ("Segment C omvat ...", "X valt
    onder perceel 3", "De opdracht omvat ..."), care a sentence opens with or
    that a model in use attaches to ("De jeugd-GGZ wordt betaald op basis van
    trajecten"), care the municipality pays for ("wordt door de gemeente
    vergoed"), and the care a scope sentence names right after one of buying
    ("Het gaat om ..."). A lot whose label has no taxonomy wording ("het
    perceel Specialistische Jeugdhulp") is segment ``other`` with that label.
    Short paragraphs opening with a PDF bullet glyph are list items; footnote
    digits glued to a wording ("verblijf2") do not hide it.
    "X (inclusief Y)" makes Y a sub-segment of X. A generic word takes the
    domain it names itself ("Begeleiding Wmo"), else that of the care it is
    enumerated with, else the document's one domain; a Wmo-only word in a
    youth text that never names the Wmo stands for youth care (taxonomy
    ``cross_domain``).
    Mentions the qualifier negates ("valt buiten", "behalve ..."), examples
    ("bijvoorbeeld") and items of topic lists ("Onderwerpen: ...") are not
    segments. Sub-segments get ``parent``: the other cells of a row whose first
    cell is a segment, the items of a list under a segment, the segment of a
    table's title row, the objects of "X omvat / bestaat uit ...".

``extract_financing(ctx)`` / ``extract_procedures(ctx)``
    Every wording of a model/procedure, attached to a segment through (in this
    order) its table row's first cell, its table column header, the table's
    title row, a segment named in the same sentence ("voor het perceel X"),
    segments named earlier in the same block, the heading chain; else
    ``segment: null``. A value shared by every column of a row applies to the
    whole document (``null``). The stance comes from
    :func:`~inkoopgraaf.extract.qualifier.qualify` on the sentence, then from
    the table's title/lead-in and the headings; a row labelled as the choice
    ("Bekostigingsvariant", "Vorm aanbesteding") means ``chosen``. A subsidy
    enumerated with procurement routes ("inbesteden, subsidie of aanbesteden")
    is a route (the procedure), no financing model.
    One fact per (id, segment, status), keeping the most confident evidence.

Layout (each stage imports only the ones before it)::

    scan.py         one pass over a text for every wording's first word (used by terms.py)
    terms.py        find_terms: taxonomy wordings in text (models/taxonomy.json)
    cues.py         the cue patterns and word lists (resources/segment_cues.json)
    state.py        per-document state: sentences, structure, segment mentions
    lots.py         lot definitions, their contents, references by identifier
    mentions.py     extract_segments: which mentions are segments bought, parents
    attachment.py   the segment a financing/procedure mention applies to
    stance.py       the status of a financing/procedure mention
    care_models.py  extract_financing / extract_procedures: facts, reconciled

A new wording of care, a model or a procedure goes into ``models/taxonomy.json``;
a new cue wording (a contracting verb, an example marker, a lot marker) into
``resources/segment_cues.json``; see ``extract/README.md``. This package is
``inkoopgraaf.extract.segments`` once installed (``pip install -e .``; the
``package-dir`` mapping in pyproject.toml): importing ``extract`` from the
source tree fails with "attempted relative import beyond top-level package".

Matching is compound-aware (see ``models/taxonomy.json``): wordings match
across hyphens and spaces ("Hoog-specialistisch"), with inflections and as the
modifier of a compound ("dyslexie|aanbieders") but never as the head of
another word's compound ("corona|crisis").
"""
from .care_models import extract_financing, extract_procedures
from .mentions import extract_segments
from .terms import Match, find_terms

__all__ = ["Match", "extract_financing", "extract_procedures", "extract_segments", "find_terms"]
