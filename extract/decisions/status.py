"""Status: taken, planned or proposed, from the trigger family, tense, aspect and modality; the document's 'now'."""
from __future__ import annotations

import datetime as dt
import re

from ..clauses import as_date, fronted_subclause_end, has_any
from ..context import ExtractionContext
from .actors import NOBODY, ActorResolver

from .record import Decision, _date_value
from .triggers import TriggerHit
from .words import (_actor_words, AKKOORD_PARTICIPLES, FUTURE_AUX, HAVE_AUX, NOMINAL_TAKEN_VERBS, PARTICIPLES, PERFECT_AUX, PLANNED_MODALS,
                    PRESENT_PASSIVE_AUX, STRONG_PARTICIPLES, triggers)


def clause_status(words: list[str], hit: TriggerHit, hits: list[TriggerHit]) -> tuple[str, str]:
    """(status, basis) from trigger family, tense, aspect and modality.

    basis: 'explicit' (tense/modality decides it), 'present' (present tense:
    the clause's date against the document's own date decides), 'nominal'
    (no finite verb: a step in a planning). In order: the family, the future,
    the past and perfect, then the present."""
    if hit.family == "request" and has_any(words, triggers()["motion_words"]) \
            and (has_any(words[max(0, hit.i - 12):hit.i], HAVE_AUX)
                 or has_any(words[:hit.i], triggers()["motion_adoption_words"])):
        # 'De raad heeft het college in een motie verzocht ...', 'De Kamer nam een motie aan waarin de regering
        # wordt verzocht ...': the motion is adopted
        return "taken", "explicit"
    if any(h.family in ("proposal", "request", "advise") for h in hits):
        return "proposed", "explicit"
    if any(h.family == "submit" for h in hits) or hit.family == "intend":
        return "planned", "explicit"     # a submission, or a body's intention ('is voornemens', 'het voornemen om')
    lo, hi = max(0, hit.i - 10), min(len(words), hit.j + 8)
    front = fronted_subclause_end(words)
    if front is not None and front <= hit.i:
        lo = max(lo, front)   # 'Waar het aanbod ... kan worden gemaakt, kiezen de gemeenten voor X': its verbs are not the choice's
    return _future(words, hit, lo, hi) or _past(words, hit, lo, hi) or _present(words, hit, lo, hi)


def _future(words: list[str], hit: TriggerHit, lo: int, hi: int) -> tuple[str, str] | None:
    cues = triggers()["status_cues"]
    window = words[lo:hi]
    if has_any(window, FUTURE_AUX) or ("nog" in window and "niet" in window):
        return "planned", "explicit"
    if has_any(words[max(0, hit.i - 1):hit.j + 2], ["worden"]) and has_any(window, cues["obligation_modals"]):
        return "planned", "explicit"   # '... moeten de kaders door de raad worden vastgesteld': an obligation ahead
    if has_any(window, cues.get("future_explicit", [])) and not has_any(words[lo:hit.i], HAVE_AUX):
        return "planned", "explicit"   # 'naar verwachting stemmen de portefeuillehouders ... in'
    return None


def _past(words: list[str], hit: TriggerHit, lo: int, hi: int) -> tuple[str, str] | None:
    cues = triggers()["status_cues"]
    window = words[lo:hi]
    if has_any(words, cues["taken_words"]):
        return "taken", "explicit"
    perfect = has_any(words[max(0, hit.i - 20):hit.i], PERFECT_AUX) and hit.form in PARTICIPLES | {"akkoord"}
    perfect = perfect or (hit.kind == "verb" and hit.form in PARTICIPLES and has_any(words[hit.i + 1:hi], PERFECT_AUX))
    if hit.form == "akkoord" and has_any(window, AKKOORD_PARTICIPLES):
        perfect = True
    if perfect or has_any(window, cues["past_forms"]) or has_any(window, STRONG_PARTICIPLES) and has_any(window, PERFECT_AUX):
        return "taken", "explicit"
    if _perfect_light_verb(words, hit):
        return "taken", "explicit"
    return None


def _perfect_light_verb(words: list[str], hit: TriggerHit) -> bool:
    """'het besluit dat het algemeen bestuur op 10 december 2020 heeft genomen': a decision noun whose light verb
    ('genomen', 'gemaakt') stands in the perfect further on, past a long relative clause."""
    if hit.kind != "nominal":
        return False
    light = set(triggers()["decision_verbs_with_nominal"]) & STRONG_PARTICIPLES
    for k in range(hit.j + 1, min(len(words), hit.j + 16)):
        if words[k] in light and (words[k - 1] in PERFECT_AUX or (k + 1 < len(words) and words[k + 1] in PERFECT_AUX)):
            return True
    return False


def _present(words: list[str], hit: TriggerHit, lo: int, hi: int) -> tuple[str, str]:
    cues = triggers()["status_cues"]
    window = words[lo:hi]
    if hit.family == "decide" and hit.kind == "verb" and has_any(words[hit.j + 1:hit.j + 6], cues["open_outcome"]) \
            and "om" not in words[hit.j + 1:hit.j + 6]:
        return "planned", "explicit"   # 'besluiten de gemeenten of ...': the outcome is still open
    if has_any(words[lo:hit.i], PRESENT_PASSIVE_AUX) or has_any(words[hit.i:hi], PRESENT_PASSIVE_AUX):
        if has_any(window, PLANNED_MODALS):
            return "planned", "explicit"
        return "planned", "present"
    if has_any(window, cues["planned_words"]) or has_any(words[:hit.i], ["na"]):
        return "planned", "present"
    if hit.kind in ("nominal", "phrase"):
        if _owned_decision(words, hit) or _dated_stamp(words, hit):
            return "taken", "explicit"
        if has_any(words, NOMINAL_TAKEN_VERBS):
            # 'neemt het college ... het gunningsbesluit': a present-tense light verb says who takes the decision;
            # its date against the document's 'now' decides, and undated it is a step still ahead
            return "planned", "present"
        return "planned", "nominal"
    if has_any(window, cues["future_go"]) and not has_any(window, ["akkoord"]):
        return "planned", "explicit"
    return "taken", "present"


def _dated_stamp(words: list[str], hit: TriggerHit) -> bool:
    """'Besluit college d.d. 16 februari 2021': a decision noun with its body and 'de dato' + a date is the
    record of a decision made on that date."""
    markers = triggers()["decision_stamp"]["date_markers"]
    for k in range(hit.j + 1, min(len(words) - 1, hit.j + 5)):
        if words[k] in markers:
            return words[k + 1][:1].isdigit()
    return False


def _owned_decision(words: list[str], hit: TriggerHit) -> bool:
    """'het besluit van het kabinet om ...', 'ter uitvoering van het besluit van burgemeester en wethouders',
    'de uitspraak van de voorzieningenrechter': a decision noun owned by a named body ('van' + body) is a
    decision that exists, so taken (a plan or expectation word has already made it planned above)."""
    cues = triggers()["owned_decision"]
    if hit.form not in cues["nouns"] or hit.j + 2 >= len(words) or words[hit.j + 1] != "van":
        return False
    if has_any(words, triggers()["status_cues"]["planned_words"]) or has_any(words, PRESENT_PASSIVE_AUX):
        return False   # 'het besluit van de raad wordt in het najaar verwacht'
    k = hit.j + 2
    while k < len(words) and words[k] in ("de", "het", "haar", "zijn"):
        k += 1
    return k < len(words) and words[k] in _actor_words() and words[k] not in cues["not_owner_words"]


def reference_date(ctx: ExtractionContext, dates: list[tuple[int, int, dict]]) -> dt.date | None:
    """The document's 'now'.

    Its own date if the manifest gives one; else 1 January of its year, moved
    up to the latest date of a document it cites as already published
    ('Notitie ... (februari 2021)' at the end of a line), as long as that is in
    the same year. Present-tense and planning statements dated before 'now'
    are decisions already taken: these documents narrate their process in the
    historical present."""
    meta = ctx.doc.meta or {}
    meta_date = as_date(str(meta.get("date") or "")[:10])
    if meta_date:
        return meta_date
    if not ctx.year:
        return None
    year = int(ctx.year)
    now = dt.date(year, 1, 1)
    text = ctx.doc.text
    for s, e, v in dates:
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        before = text[max(0, s - 2):s]
        after = text[e:line_end].strip()
        if "(" in before and after in (")", ").", ");"):
            end = as_date(v.get("end"))
            if end and end.year == year and end > now:
                now = end
    return now


def meeting_frame(ctx: ExtractionContext, dates: list[tuple[int, int, dict]], resolver: ActorResolver
                  ) -> tuple[int, str, dict] | None:
    """(end of the header, body, meeting date) when the document is the decision list of one meeting
    ('Besluitenlijst van de vergadering van het college ...' + 'Datum vergadering: 11 maart 2025'), else None.

    Its items ('Besluit: ...', 'Het college stemt in met ...', 'De notulen worden vastgesteld') report what that
    body decided in that meeting: present tense there is the minute's tense, not a plan."""
    cfg = triggers().get("meeting_frame")
    if not cfg:
        return None
    text = ctx.doc.text
    head = text[:cfg["head_chars"]]
    low = head.lower()
    title = _title_line(low, cfg["title_words"])
    if title is None:
        return None
    body = resolver.actor_of_name(head[title[0]:title[1]]) or _attending_body(low, cfg)
    if body is None or body == NOBODY:
        return None
    # the meeting date: the first date in the title or on a line that names the meeting
    meeting = None
    for s, e, v in dates:
        if s >= len(head):
            break
        ls = head.rfind("\n", 0, s) + 1
        le = head.find("\n", e)
        line = low[ls:le if le >= 0 else len(head)]
        if ls == title[0] or any(w in line for w in cfg["date_line_words"]):
            meeting = (e, _date_value(v))
            break
    if meeting is None or not meeting[1] or meeting[1].get("granularity") != "day":
        return None
    # the header ends where the first agenda item starts (the next heading), else after the date line
    end = text.find("\n", meeting[0])
    for b in ctx.doc.blocks:
        if b.kind == "heading" and b.start > meeting[0]:
            end = b.start
            break
    return (end if end >= 0 else meeting[0]), body, meeting[1]


def _title_line(low: str, title_words: list[str]) -> tuple[int, int] | None:
    """(start, end) of the first line of ``low`` naming a title word ('besluitenlijst'), or None. The word is
    searched, then its line taken: one pattern for the whole line backtracked from every start of a long line."""
    m = re.search(r"\b(?:" + "|".join(title_words) + r")\b", low)
    if m is None:
        return None
    end = low.find("\n", m.end())
    return low.rfind("\n", 0, m.start()) + 1, len(low) if end < 0 else end


def _attending_body(head: str, cfg: dict) -> str | None:
    """The body whose members the head of a decision list names ('Aanwezig: ..., burgemeester; ..., wethouder'),
    when its title names none: a meeting of burgemeester and wethouders is the college's."""
    words = set(re.findall(r"\w+", head))
    return next((body for body, members in cfg.get("attendance", {}).items() if all(m in words for m in members)), None)


def _in_meeting(d: "Decision", frame: tuple[int, str, dict]) -> "Decision":
    """A decision of the meeting's body in its decision list is taken at the meeting, unless its own date lies
    after the meeting ('opnieuw geagendeerd voor de vergadering van 25 maart'): then it is still planned."""
    end, body, meeting = frame
    if d.start < end or d.actor != body or d.status == "proposed":
        return d
    own = as_date(d.date.get("start")) if d.date else None
    when = as_date(meeting.get("start"))
    if own is not None and when is not None and own > when:
        d.status = "planned"
        return d
    d.status, d.date = "taken", meeting
    return d


def decision_stamp(text: str, dates: list[tuple[int, int, dict]], resolver: ActorResolver
                   ) -> tuple[int, int, str | None, dict] | None:
    """(start, end, actor, date) of a decision stamp line ('Besluit college d.d. 3 maart 2026: conform
    advies'), or None. The line must be short, name a decision, carry a date and adopt the advice."""
    cfg = triggers().get("decision_stamp")
    if not cfg:
        return None
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if ":" not in line or len(line.strip()) > cfg["max_chars"]:
            continue      # (every stamp has its colon: the line pattern needs one)
        low = line.lower()
        # the whole line is the stamp: decision word first, the outcome right after the colon, nothing more
        if not re.search(cfg["line_pattern"], low):
            continue
        colon = low.find(":")
        line_dates = [v for s, e, v in dates if start <= s and e <= start + colon]
        if not line_dates:
            continue
        return start, end, resolver.actor_of_name(line[:colon]), _date_value(line_dates[0])
    return None
