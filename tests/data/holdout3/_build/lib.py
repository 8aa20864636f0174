"""Helpers to write and check the holdout3 gold files (build-time only)."""
import calendar
import datetime as dt
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def iso(y, m, d):
    return dt.date(y, m, d).isoformat()


def last(y, m):
    return calendar.monthrange(y, m)[1]


def day(y, m, d):
    return iso(y, m, d), iso(y, m, d), "day"


def month(y, m, m2=None, y2=None):
    m2 = m2 or m
    y2 = y2 or y
    return iso(y, m, 1), iso(y2, m2, last(y2, m2)), "month"


def month_third(y, m, part):
    a, b = {"begin": (1, 10), "medio": (11, 20), "eind": (21, last(y, m))}[part]
    return iso(y, m, a), iso(y, m, b), "month"


def year(y, y2=None):
    return iso(y, 1, 1), iso(y2 or y, 12, 31), "year" if not y2 else "years"


def year_third(y, part):
    return {"begin": (iso(y, 1, 1), iso(y, 4, 30)),
            "medio": (iso(y, 5, 1), iso(y, 8, 31)),
            "eind": (iso(y, 9, 1), iso(y, 12, 31))}[part] + ("year",)


def quarter(y, q):
    m1 = 3 * (q - 1) + 1
    return iso(y, m1, 1), iso(y, m1 + 2, last(y, m1 + 2)), "quarter"


def quarter_third(y, q, part):
    m1 = 3 * (q - 1) + 1 + {"begin": 0, "medio": 1, "eind": 2}[part]
    return iso(y, m1, 1), iso(y, m1, last(y, m1)), "quarter"


def season(y, name):
    # astronomical seasons, as in domain.md / dev-gold
    s = {"voorjaar": ((3, 20), (6, 20)), "zomer": ((6, 21), (9, 22)),
         "najaar": ((9, 23), (12, 20))}[name]
    return iso(y, *s[0]), iso(y, *s[1]), "season"


def isoweek(y, w):
    a = dt.date.fromisocalendar(y, w, 1)
    b = dt.date.fromisocalendar(y, w, 7)
    return a.isoformat(), b.isoformat(), "week"


def schooljaar(y):
    return iso(y, 8, 1), iso(y + 1, 7, 31), "year"


def span(a, b, gran=None):
    """connected expression: from a's start to b's end; granularity of the first part."""
    return a[0], b[1], gran or a[2]


def D(text, iv, modifier, event, context):
    return {"text": text, "start": iv[0], "end": iv[1], "granularity": iv[2],
            "modifier": modifier, "event": event, "context": context}


def dv(iv):
    return None if iv is None else {"start": iv[0], "end": iv[1], "granularity": iv[2]}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def check_and_write(gold, doc_text):
    """Verify quotes/contexts against the document text, verify intervals, write JSON."""
    t = norm(doc_text)
    errs = []

    def has(q, what):
        if norm(q) not in t:
            errs.append(f"{what}: quote not in text: {q!r}")

    for s in gold["segments"]:
        has(s["quote"], "segment " + s["id"])
        if norm(s["label"]) not in t:
            errs.append(f"segment label not in text: {s['label']!r}")
    for k in ("financing", "procedures", "decisions", "plan_changes"):
        for f in gold[k]:
            has(f["quote"], k)
    for d in gold["dates"]:
        has(d["context"], "date context")
        if norm(d["text"]) not in norm(d["context"]):
            errs.append(f"date text not in its context: {d['text']!r} / {d['context']!r}")
        a = dt.date.fromisoformat(d["start"])
        b = dt.date.fromisoformat(d["end"])
        if a > b:
            errs.append(f"bad interval {d}")
        assert d["granularity"] in ("day", "week", "month", "quarter", "season", "half_year", "year", "years", "unknown")
        assert d["modifier"] in (None, "per", "vanaf", "uiterlijk", "tot", "voor", "na", "streven", "voornemen")
        assert d["event"] in (None, "decision", "publication", "questions_deadline", "submission", "selection",
                              "dialogue", "award_provisional", "award", "contract_start", "contract_end",
                              "implementation", "evaluation", "consultation", "other")
    for dc in gold["decisions"]:
        assert dc["actor"] in ("college", "raad", "regionaal_bestuur", "ambtelijk", "aanbieders", "rijk", "other")
        assert dc["status"] in ("taken", "planned", "proposed")
        if dc["date"]:
            assert dt.date.fromisoformat(dc["date"]["start"]) <= dt.date.fromisoformat(dc["date"]["end"])
    for pc in gold["plan_changes"]:
        for k in ("from", "to"):
            dt.date.fromisoformat(pc[k]["start"]); dt.date.fromisoformat(pc[k]["end"])
    for f in gold["financing"]:
        assert f["status"] in ("chosen", "previous", "considered", "rejected", None)
    for f in gold["procedures"]:
        assert f["status"] in ("chosen", "previous", "considered", "rejected", None)
    segids = {s["id"] for s in gold["segments"]}
    for k in ("financing", "procedures"):
        for f in gold[k]:
            if f["segment"] not in (None,) and f["segment"] not in segids:
                errs.append(f"{k} segment {f['segment']} not among segments")
    # municipalities against gazetteer
    import csv
    gaz = {r["cbs_code"]: r["name"] for r in csv.DictReader(open(
        "/work/main/models/data/gazetteer/municipalities.csv"))}
    for m in gold["municipalities"]:
        if gaz.get(m["cbs"]) != m["name"]:
            errs.append(f"municipality mismatch {m} vs {gaz.get(m['cbs'])}")
    if errs:
        raise SystemExit("\n".join(errs))
    out = os.path.join(ROOT, "gold", gold["doc"] + ".json")
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print("ok", out, "dates", len(gold["dates"]), "words", len(doc_text.split()))


def html_text(raw):
    import html as _h
    raw = re.sub(r"(?is)<(script|style|head).*?</\1>", " ", raw)
    raw = re.sub(r"<[^>]+>", "\n", raw)
    return _h.unescape(raw)
