"""The stance (status) a document takes towards a financing or procedure mention.

From the qualifier on the sentence (and its colon-tied clauses), a later
back-reference ("die route is verlaten"), the table column header, a row
labelled as the choice, the table title or lead-in, the headings, a scenario
the document drops or prefers; else a plain statement is ``chosen``, except in a
document that weighs models in general (a review, a guide): there it has no stance.

Families beyond the qualifier's triggers (their cues and word lists are data in
``resources/qualifier_rules.json``: ``cues`` and ``word_lists``):
- a model only described ("Bij een lumpsum ontvangt de aanbieder ...", a definition): no stance;
- the current contracts with their end ("De huidige contracten lopen tot ... en zijn gebaseerd op X"): previous;
- the model in use now that lapses ("het huidige uurtarief vervalt"): previous, not rejected;
- a change "van X naar Y" without other cue: X previous, Y chosen;
- models offered as alternatives ("subsidie of Open House"): considered;
- a heading that refuses the model ("X verkend en afgewezen") settles the weighing under it;
- a table that rates its rows (verdict column "Oordeel") or weighs them ("Voordelen | Nadelen");
- a heading "Uitgangssituatie" speaks of the present: previous only where the model is replaced;
- an option's own heading ("Variant B - Lumpsum") takes the option's outcome.
Each family has its own-words cases in ``tests/data/stance_cases.json`` (document level) and
``tests/data/qualifier_cases.json`` (sentence level).
"""
from __future__ import annotations

import re

from ..qualifier import column_stance, is_same_as, qualify, qualify_follow_up, qualify_lead_in, qualify_text
from ..sections import Place
from ..lexicon import cues, word_lists
from .cues import CUE, CURRENT_CUES

# the stance's own cues and word lists live beside the qualifier's triggers
_RULES_FILE = "qualifier_rules.json"
STANCE_CUE = cues(_RULES_FILE)
PRESENT_STATE = frozenset(word_lists(_RULES_FILE)["present_state"])
LAPSING = frozenset(word_lists(_RULES_FILE)["lapsing_predicates"])
from .state import _colon_unit, _Doc, _next_sentence
from .terms import Match, find_terms


def _status_of(d: _Doc, m: Match, place: Place) -> tuple[str | None, float]:
    st, conf = _own_status_of(d, m, place)
    if st == "chosen" and _weighed_list_item(d, place):
        # "De volgende scenario's zijn onderzocht: - het uurtarief continueren; - overstappen
        # op trajectprijzen": each item's verb says what the option is, not that it was chosen
        return "considered", 0.75
    answer = _answer_to_question(d, m)
    if answer == "rejected" and st != "previous" or answer == "chosen" and st is None:
        return answer, 0.8
    if st == "chosen" and (_others_practice(d, m) or _general_study(d) and not _own_voice(d, m)):
        # what other regions do, or a study's or national standard's account of how a model is
        # arranged ("gekoppeld aan", "overeengekomen"), is nobody's choice in this document
        return None, conf
    if st in ("chosen", None) and _alternatives(d, m):
        return "considered", max(conf, 0.7)
    if st in ("chosen", None) and _ordinal_option(d, m):
        return "considered", max(conf, 0.7)
    return st, conf


#: how many sentences back an announcement of options may stand before the option its ordinal opens
_OPTIONS_BACK = 3


def _ordinal_option(d: _Doc, m: Match) -> bool:
    """Is the mention in an option that an ordinal opens ("De tweede is een overgang naar ...") after a
    sentence of the same block that announces options ("Er liggen twee routes op tafel.")? Each option
    then says what it is, not that it was chosen."""
    s, _ = d.sentence(m.start)
    if not CUE["ordinal_option_opening"].match(d.text, s):
        return False
    b = d.doc.block_at(s)
    k = s
    for _ in range(_OPTIONS_BACK):
        if k <= 0:
            return False
        ps, pe = d.sentence(k - 1)
        if b is not None and ps < b.start or ps >= k:
            return False
        if CUE["options_announced"].search(d.text, ps, pe):
            return True
        k = ps
    return False


def _own_voice(d: _Doc, m: Match) -> bool:
    """Does the mention's sentence speak in the writer's own voice ("wij kiezen voor ...")?"""
    s, e = d.sentence(m.start)
    return bool(CUE["own_voice"].search(d.text, s, e))


def _alternatives(d: _Doc, m: Match) -> bool:
    """Is the mention one of models joined by 'of' ("subsidie of open house", "PxQ dan wel een lumpsum")?

    Models offered as alternatives are weighed, not chosen, even after "de keuze voor";
    a refusal of both ("geen PxQ of lumpsum") keeps its own stance. Two wordings of
    one model ("per uur of per dag") are no alternatives.
    """
    s, e = _near(d, m)
    if not _DISJUNCTION_WORD.search(d.text, max(s, m.start - 40), min(e, m.end + 40)):
        return False    # no 'of' next to it: no need to look for its neighbours
    ms, me = m.start - s, m.end - s
    # the mention itself, and the other models (one wording may be both a financing and a procedure)
    others = [x for x in find_terms(d.text[s:e], "financing") + find_terms(d.text[s:e], "procedure")
              if x.end <= ms or x.start >= me]
    models = sorted(others + [Match(m.kind, m.id, ms, me)], key=lambda x: x.start)
    here = next(i for i, x in enumerate(models) if x.start == ms and x.end == me)
    for i in (here - 1, here + 1):
        if 0 <= i < len(models) and models[i].id != m.id:
            a, b = sorted((models[i], models[here]), key=lambda x: x.start)
            if STANCE_CUE["disjunction"].fullmatch(d.text[s + a.end:s + b.start]):
                return True
    return False


def _weighed_list_item(d: _Doc, place: Place) -> bool:
    """Is the place an item of a list whose lead-in weighs what follows ("De volgende
    opties zijn onderzocht:")?"""
    b = place.block
    if b is None or b.kind != "list_item" or not place.list_intro:
        return False
    return _context_status(qualify_lead_in(d.st.text(place.list_intro))) == "considered"


def _answer_to_question(d: _Doc, m: Match) -> str | None:
    """The stance a yes/no answer gives the model its question names ("Komt er een lumpsum?
    Nee, ..." / "Ja, ..."), as in a page of frequently asked questions; the answer is the
    next sentence of the block, or the first of the next block."""
    s, e = d.sentence(m.start)
    if not d.text[s:e].rstrip().endswith("?"):
        return None
    nxt = _next_sentence(d, m.start, colon=False)
    start = nxt[0] if nxt else e
    head = d.text[start:start + 40]
    if STANCE_CUE["answer_no"].match(head):
        return "rejected"
    if STANCE_CUE["answer_yes"].match(head):
        return "chosen"
    return None


#: how far around a mention the stance families look (characters, within its sentence):
#: they read its neighbours and its sentence's opening, and a sentence without a full stop
#: (a PDF table run together) must not make every mention read all of it
_REACH = 240


# cheap tests before the families look for the models around a mention
_DISJUNCTION_WORD = re.compile(r"\b(?:of|wel)\b", re.I)
_NAAR = re.compile(r"\bnaar\b", re.I)


def _near(d: _Doc, m: Match, reach: int = _REACH) -> tuple[int, int]:
    """The mention's sentence, cut to ``reach`` characters either side of the mention."""
    s, e = d.sentence(m.start)
    return max(s, m.start - reach), min(e, m.end + reach)


# what ends a clause inside a sentence for the others' practice cue
_CLAUSE_CUT = re.compile(r"[;:]")


def _others_practice(d: _Doc, m: Match) -> bool:
    """Does the mention's clause report what other regions do, not the region's own choice?"""
    s, e = d.sentence(m.start)
    cuts = [x.end() for x in _CLAUSE_CUT.finditer(d.text, s, m.start)]
    nxt = _CLAUSE_CUT.search(d.text, m.end, e)
    clause = d.text[cuts[-1] if cuts else s:nxt.start() if nxt else e]
    return bool(CUE["others_practice"].search(clause)) and not CUE["own_voice"].search(clause)


def _own_status_of(d: _Doc, m: Match, place: Place) -> tuple[str | None, float]:
    q = d.qualify_at(m.start, m.end)
    if q.status is None:
        us, ue = _colon_unit(d, m.start)
        if (us, ue) != d.sentence(m.start):
            q = qualify(d.text[us:ue], m.start - us, m.end - us)
    follow = _follow_up_status(d, m) if q.status != "rejected" else None
    if follow == "rejected" or (follow == "chosen" and q.status in (None, "previous")):
        return follow, 0.8
    if q.status == "rejected" and _lapsing_current(q):
        return "previous", 0.85
    if q.status in (None, "considered") and _settled_by_heading(d, m, place):
        return "rejected", 0.8
    if q.status:
        return q.status, 0.85
    change = _change_frame(d, m)
    if change:
        return change, 0.8
    if m.kind == "financing" and _ending_contracts(d, m):
        return "previous", 0.8
    b = place.block
    in_table = b is not None and b.kind == "table_row"
    # a column whose header carries the stance ("Nieuwe bekostiging | Huidige bekostiging")
    col = _column_stance_at(d, place, m.id) if in_table else None
    if col:
        return col, 0.8
    # a row whose label carries the stance, in a table with one column per segment
    # ("Huidig | uurtarief | dagprijs", "Vanaf 2027 | trajectprijs | lumpsum")
    # (a label naming care, "Verblijf (huidige aanbieders)", says what the row is about)
    row = column_stance(d.st.text(place.row_label)) if in_table and place.row_label and \
        place.cell_index and not d.segments_in(place.row_label) else None
    if row:
        return row, 0.8
    # a row/column labelled as the choice of a lot ("Bekostigingsvariant", "Vorm aanbesteding")
    if in_table:
        choice = lambda sp: CUE["choice_label"].search(d.st.text(sp))  # noqa: E731
        if (place.row_label and choice(place.row_label)) or d.st.column_first(place, "choice_label", choice):
            return "chosen", 0.75
    # a verdict column ("Oordeel | afgewezen"), or a table that weighs its rows ("Voordelen | Nadelen")
    if in_table:
        st = _row_verdict(d, place) or ("considered" if _weighing_table(d, place) else None)
        if st:
            return st, 0.75
    # then the spans that introduce the table or list, and the headings above
    if in_table and place.table_title:
        st = _context_status(qualify_text(d.st.text(place.table_title)))
        if st:
            return st, 0.7
    # (a numbered item read as a heading, "5. Bekostiging en budgetplafond", still belongs to its list)
    intro = place.lead_in if in_table else \
        place.list_intro if b is not None and b.kind in ("list_item", "heading") else None
    if intro:
        st = _refusing_label(d.st.text(intro)) or _context_status(qualify_lead_in(d.st.text(intro)))
        if st:
            return st, 0.7
    for h in place.headings:
        st = _refusing_label(d.text[h.start:h.end]) or _context_status(qualify_text(d.text[h.start:h.end]))
        if st:
            return st, 0.65
    return _default_status(d, m, place), _DEFAULT_CONF


#: how many words a heading or lead-in that labels refused options may have
_LABEL_WORDS = 6


def _refusing_label(text: str) -> str | None:
    """A short heading or lead-in that labels what stands under it as refused ("Afgevallen
    opties", "Niet gekozen varianten:"), read like a column header; a negation in a
    sentence stays local to it (see _context_status)."""
    if len(text.split()) > _LABEL_WORDS or find_terms(text, "financing"):
        return None
    return "rejected" if column_stance(text) == "rejected" else None


def _context_status(q) -> str | None:
    """Stance a governing span passes on; negation is local to its sentence and does not."""
    if q.hypothetical:
        return "considered"
    if q.historical:
        return "previous"
    if q.proposed or q.chosen:
        return "chosen"
    return None


def _default_status(d: _Doc, m: Match, place: Place) -> str | None:
    """The stance of a plain statement in the document's own voice.

    A procurement document that says "Voor verblijf geldt lumpsum" or "We bekostigen
    de dyslexiezorg met een trajectprijs" without a cue of history, doubt or
    refusal states its plan: ``chosen``. The cues that would say otherwise are the
    qualifier's (past tense, "huidige", hedges, negation) and have already been
    looked for in the sentence and the spans that govern it; a question is no plan.
    """
    s, e = d.sentence(m.start)
    if d.text[s:e].rstrip().endswith("?"):
        return None
    if _general_study(d) or _describes_model(d, m):
        return None
    return "chosen"


def _describes_model(d: _Doc, m: Match) -> bool:
    """Does the mention's sentence say how such a model works rather than that the region uses it?

    "Bij een lumpsum ontvangt de aanbieder ...", "In een taakgerichte variant krijgt ...",
    "PxQ is een vorm van bekostiging waarbij ...": a description or a definition. The
    document speaking in its own voice ("Met een lumpsum geven wij ...") states its plan.
    """
    s, e = _near(d, m)
    if s != d.sentence(m.start)[0]:
        return False    # a description or definition opens its sentence: the mention stands far in
    if CUE["own_voice"].search(d.text, s, e):
        return False
    if STANCE_CUE["description_opening"].match(d.text[s:m.start]):
        return True
    # a definition covers its whole sentence ("X is een vorm van bekostiging waarbij Y"):
    # the model it defines is the sentence's subject
    sent = d.text[s:e]
    # (the subject opens the sentence: only its first words are searched)
    first = next(iter(find_terms(sent[:_SUBJECT_REACH], m.kind)), None)
    return first is not None and sent[:first.start].strip().lower() in _SUBJECT_LEFT and \
        bool(STANCE_CUE["description_definition"].match(sent[first.end:]))


#: how far into its sentence a defined model may end
_SUBJECT_REACH = 80
# what may stand before a sentence's subject
_SUBJECT_LEFT = frozenset(("", "een", "de", "het"))


def _lapsing_current(q) -> bool:
    """The model in use now lapses ("het huidige tarief per uur vervalt"): it is being replaced
    (``previous``), not refused; only a refusal of an option ("niet langer", "afgewezen") rejects."""
    neg = [t.phrase for t in q.triggers if t.category == "negated"]
    cur = [t.phrase for t in q.triggers if t.category == "historical" and t.phrase in CURRENT_CUES]
    return bool(neg) and bool(cur) and all(p in LAPSING for p in neg)


def _settled_by_heading(d: _Doc, m: Match, place: Place) -> bool:
    """Does a heading above refuse this very model ("Resultaatfinanciering verkend en afgewezen")?

    A section that tells how an option was weighed ("een pilot met X", "X is onderzocht")
    under a heading that reports the refusal of X is settled by it; a refusal of
    another model, or a heading without the model, settles nothing.
    """
    for h in place.headings:
        text = d.text[h.start:h.end]
        for x in find_terms(text, m.kind):
            if x.id == m.id and qualify(text, x.start, x.end).status == "rejected":
                return True
    return False


def _change_frame(d: _Doc, m: Match) -> str | None:
    """The stance of a model in a change "van X naar Y" with no other cue: X ``previous``, Y ``chosen``.

    "Van productiefinanciering naar budgetfinanciering" (a heading), "de stap van PxQ naar
    een lumpsum": the model after "naar" is the destination, the one after "van" the start.
    """
    s, e = _near(d, m)
    if not _NAAR.search(d.text, s, e):
        return None
    sent = d.text[s:e]
    ms, me = m.start - s, m.end - s
    models = [x for x in find_terms(sent, m.kind) if x.end <= ms or x.start >= me]
    rx_from, rx_to = STANCE_CUE["change_from"], STANCE_CUE["change_to"]
    # the destination: its start may be named in words the taxonomy lacks ("van productie-
    # financiering naar ...", "van bekostiging per uur naar ...")
    if STANCE_CUE["change_destination"].search(sent[:ms]):
        return "chosen"
    for x in models:
        if x.id == m.id:
            continue
        if x.end <= ms and rx_to.fullmatch(sent[x.end:ms]) and rx_from.search(sent[:x.start]):
            return "chosen"
        if x.start >= me and rx_to.fullmatch(sent[me:x.start]) and rx_from.search(sent[:ms]):
            return "previous"
    return None


def _ending_contracts(d: _Doc, m: Match) -> bool:
    """Is the mention in a sentence about the current contracts that gives their end?

    "De huidige contracten lopen tot 1 januari 2027 en zijn gebaseerd op een uurtarief":
    the cue "huidige" qualifies only its noun phrase, but the whole sentence reports the
    practice that ends, so the models it names are ``previous``.
    """
    s, e = _near(d, m)
    if s != d.sentence(m.start)[0]:
        return False    # the subject opens the sentence, within reach of the mention
    hit = STANCE_CUE["ending_contracts_subject"].match(d.text[s:e])
    return hit is not None and s + hit.end() <= m.start


# the title block: the first few non-empty lines, read only when they are heading-like
_TITLE_LINES = 4
_TITLE_MAX_CHARS = 120


def _general_study(d: _Doc) -> bool:
    """The document weighs models in general (a review, a national report, a guide).

    Its plain statements ("bij lumpsum krijgt de aanbieder een vast budget") describe
    a model, they report no choice of the region; only a stance cue of its own makes one.
    Read once per document from its title block: a study cited in the body of a
    region's own plan does not make the plan a study.
    """
    cached = getattr(d, "_general", None)
    if cached is None:
        cached = d._general = any(CUE["general_study"].search(line) for line in _title_block(d.text))
    return cached


def _title_block(text: str) -> list[str]:
    """The heading-like lines that open a document (short, not a sentence of prose)."""
    lines = [ln.strip() for ln in text[:2000].splitlines() if ln.strip()][:_TITLE_LINES]
    return [ln for ln in lines if len(ln) <= _TITLE_MAX_CHARS and not ln.endswith(".")]


def _follow_up_status(d: _Doc, m: Match) -> str | None:
    """Stance a later clause of the same block takes towards this model by a back-reference.

    The clause after a ';' in the same sentence, or the next sentence of the block,
    when it says "die route is verlaten" / "dat model is afgewezen" / "die
    systematiek blijft" and no other model is named in between.
    """
    s, e = _colon_unit(d, m.start)
    semi = d.text.find(";", m.end, e)
    spans = [(semi + 1, e)] if semi != -1 else []
    nxt = _next_sentence(d, m.start)
    if nxt is not None:
        spans.append(nxt)
    for k, (a, b) in enumerate(spans):
        clause = d.text[a:b]
        if clause.find(";") > 0:
            clause = clause[:clause.find(";")]
        st = qualify_follow_up(clause)
        if st:
            # a model named between the mention and this clause (or an earlier one) ends the look;
            # asked only once a clause refers back, as the models between are a scan per mention
            if any(find_terms(d.text[m.end:x], "financing") or find_terms(d.text[m.end:x], "procedure")
                   for x, _ in spans[:k + 1]):
                return None
            return st
    return None


def _body_row(place: Place) -> bool:
    """Is the place in a row below the table's header row?"""
    return bool(place.table_header) and not any(c in place.row_cells for c in place.table_header)


def _row_verdict(d: _Doc, place: Place) -> str | None:
    """The stance a row's verdict cell gives the models of its other cells.

    A table that rates options has a column "Oordeel" / "Advies" / "Conclusie" whose
    cell says "afgewezen", "voorkeur", "in onderzoek": that settles the row's models.
    """
    if not _body_row(place):
        return None
    for j, h in enumerate(place.table_header):
        if j == place.cell_index or j >= len(place.row_cells):
            continue
        if STANCE_CUE["verdict_header"].search(d.st.text(h)):
            st = column_stance(d.st.text(place.row_cells[j]))
            if st:
                return st
    return None


def _weighing_table(d: _Doc, place: Place) -> bool:
    """Does the table weigh its rows ("Model | Voordelen | Nadelen", "Kansen | Risico's")?"""
    return _body_row(place) and any(STANCE_CUE["weighing_header"].search(d.st.text(h)) for h in place.table_header)


def _header_of(place: Place, ci: int) -> tuple[int, int] | None:
    """The header cell of column ``ci``: the table's first multi-cell row, when it is another row."""
    header = place.table_header
    if not header or ci >= len(header) or header[ci] in place.row_cells:
        return None
    return header[ci]


def _column_stance_at(d: _Doc, place: Place, model_id: str | None = None) -> str | None:
    """Stance of a table cell's column header, like a heading's for a section.

    Tables that compare models per segment put the stance in the header: "Nieuwe
    bekostiging | Huidige bekostiging", "Gekozen | Afgewezen", "Tot 2025 | Vanaf
    2026". A cell saying only "idem"/"ongewijzigd"/"=" repeats the model of the cell
    it refers to (the nearest model cell to its left, else to its right): that
    model is in use and stays, so when one of the two columns is the chosen one the
    model is ``chosen`` rather than ``previous``. Likewise a model the row names both
    in a previous and in a chosen column ("Dagprijs" now and "Dagprijs met een
    plafond" next) is continued: ``chosen``.
    """
    ci = place.cell_index
    if ci is None or ci == 0:
        return None
    h = _header_of(place, ci)
    st = column_stance(d.st.text(h)) if h else None
    if st is None and h:
        st = _year_column_stance(d, place, ci)
    if st is None:
        return None
    for j, cell in enumerate(place.row_cells):
        if j in (0, ci) or not is_same_as(d.st.text(cell)) or _same_as_referent(d, place, j) != ci:
            continue
        hj = _header_of(place, j)
        other = column_stance(d.st.text(hj)) if hj else None
        if "chosen" in (st, other) and {st, other} <= {"chosen", "previous"}:
            return "chosen"
    if st == "previous" and model_id:
        for j, cell in enumerate(place.row_cells):
            hj = _header_of(place, j) if j not in (0, ci) else None
            if hj and column_stance(d.st.text(hj)) == "chosen" and \
                    any(x.id == model_id for k in ("financing", "procedure") for x in find_terms(d.st.text(cell), k)):
                return "chosen"
    return st


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _year_column_stance(d: _Doc, place: Place, ci: int) -> str | None:
    """Columns headed by years ("Bekostiging 2024 | Bekostiging 2027"): the earlier year's
    column holds the model being replaced, the latest year's the new one."""
    years = {}
    for j in range(1, len(place.table_header)):
        hj = _header_of(place, j)
        found = _YEAR.findall(d.st.text(hj)) if hj else []
        if len(found) == 1:
            years[j] = int(found[0])
    if ci not in years or len(set(years.values())) < 2:
        return None
    if years[ci] == max(years.values()):
        return "chosen"
    return "previous" if years[ci] == min(years.values()) else None


def _same_as_referent(d: _Doc, place: Place, j: int) -> int | None:
    """The column an "idem" cell in column ``j`` repeats: the nearest cell to the left
    that names a model, else the nearest to the right (the row label never)."""
    cells = place.row_cells
    def has_model(k):
        t = d.st.text(cells[k])
        return bool(find_terms(t, "financing") or find_terms(t, "procedure"))
    for k in list(range(j - 1, 0, -1)) + list(range(j + 1, len(cells))):
        if has_model(k):
            return k
    return None


# confidence of a stance taken by default (see _default_status): below every stated stance
_DEFAULT_CONF = 0.45


def _scenario_stance(d: _Doc, place: Place) -> str | None:
    """The stance the document takes towards the scenario whose section holds ``place``.

    A memo that weighs options describes each under its own heading; what it says
    about the option elsewhere ("Scenario B valt af", "wij adviseren scenario A",
    "scenario C is het voorkeursscenario") settles the models in that section:
    ``rejected`` for a dropped option, ``chosen`` for the preferred one, and
    ``considered`` for an option it does not settle.
    """
    ident = None
    # the option's own heading ("Optie 2 - Lumpsum voor verblijf") names its model too
    own = [place.block] if place.block is not None and place.block.kind == "heading" else []
    b = place.block
    if b is not None and b.kind in ("paragraph", "list_item"):
        # "**Optie A — voortzetten van PxQ.** ...": a paragraph or item opened by the option's label
        pm = STANCE_CUE["scenario_paragraph"].match(d.text, b.start, b.end)
        ident = pm.group(1) if pm else None
    for h in ([] if ident else own + list(place.headings)):
        hm = CUE["scenario_heading"].match(d.text, h.start, h.end)
        if hm:
            ident = hm.group(1)
            break
    if ident is None:
        return None
    # an option the document does not settle is weighed: its models are considered
    return _scenario_stances(d).get(ident, "considered")


def _scenario_stances(d: _Doc) -> dict[str, str]:
    cached = d._scenarios
    if cached is not None:
        return cached
    found: dict[str, set[str]] = {}
    for mm in d.cue_matches("scenario_mention"):
        b = d.doc.block_at(mm.start())
        if b is not None and b.kind in ("heading", "table_row"):
            continue
        s, e = d.sentence(mm.start())
        q = qualify(d.text[s:e], mm.start() - s, mm.end() - s)
        if q.negated and not q.hypothetical:
            found.setdefault(mm.group(1), set()).add("rejected")
        elif not q.negated and not q.hypothetical and (q.chosen or q.proposed or CUE["preferred"].search(d.text, s, e)):
            found.setdefault(mm.group(1), set()).add("chosen")
    # an option both dropped and preferred is left unsettled
    d._scenarios = {i: next(iter(st)) for i, st in found.items() if len(st) == 1}
    return d._scenarios


def _current_use_only(d: _Doc, m: Match) -> bool:
    """Is the mention ``previous`` only through a cue of present use (no past tense, no 'voorheen')?

    The cue may stand in the sentence ("de huidige dagprijs") or, when the sentence says
    nothing, in the heading that passes the stance on ("Uitgangssituatie"): a section
    on the state of things now describes the model in use, which is ``previous`` only
    where the document replaces it.
    """
    q = d.qualify_at(m.start, m.end)
    place = d.st.place(m.start)
    # a table column headed by the cue ("Huidige bekostiging") passes it on like a heading
    col = _header_of(place, place.cell_index) if q.status is None and place.cell_index else None
    if col and column_stance(d.st.text(col)) == "previous":
        q = qualify_text(d.st.text(col))
    if q.status is None:
        for h in place.headings:
            hq = qualify_text(d.text[h.start:h.end])
            if _context_status(hq):
                q = hq
                break
    hist = [t.phrase for t in q.triggers if t.category == "historical"]
    if any(t.category == "negated" for t in q.triggers):
        return False    # "het huidige uurtarief vervalt": in use now, but it lapses
    return bool(hist) and q.status == "previous" and \
        all(h in CURRENT_CUES or h in PRESENT_STATE for h in hist)
