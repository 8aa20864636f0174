"""Helpers to build and verify the holdout2 gold. Intervals computed with datetime."""
import calendar, datetime as dt, html, json, re

def _d(y, m, d): return dt.date(y, m, d).isoformat()
def _last(y, m): return calendar.monthrange(y, m)[1]

def day(y, m, d): return (_d(y, m, d), _d(y, m, d), "day")
def days(y1, m1, d1, y2, m2, d2): return (_d(y1, m1, d1), _d(y2, m2, d2), "day")
def month(y, m): return (_d(y, m, 1), _d(y, m, _last(y, m)), "month")
def months(y1, m1, y2, m2): return (_d(y1, m1, 1), _d(y2, m2, _last(y2, m2)), "month")
def year(y): return (_d(y, 1, 1), _d(y, 12, 31), "year")
def years(y1, y2): return (_d(y1, 1, 1), _d(y2, 12, 31), "years")
def quarter(y, q): return (_d(y, 3*q-2, 1), _d(y, 3*q, _last(y, 3*q)), "quarter")
def half(y, h): return (_d(y, 1, 1), _d(y, 6, 30), "half_year") if h == 1 else (_d(y, 7, 1), _d(y, 12, 31), "half_year")
def isoweek(y, w):
    a = dt.date.fromisocalendar(y, w, 1); b = dt.date.fromisocalendar(y, w, 7)
    return (a.isoformat(), b.isoformat(), "week")
SEASONS = {"voorjaar": ((3, 20), (6, 20)), "zomer": ((6, 21), (9, 22)), "najaar": ((9, 23), (12, 20))}
def season(name, y):
    (m1, d1), (m2, d2) = SEASONS[name]
    return (_d(y, m1, d1), _d(y, m2, d2), "season")
def schoolyear(y):  # schooljaar y-(y+1): 1 August y .. 31 July y+1
    return (_d(y, 8, 1), _d(y + 1, 7, 31), "year")
def third_month(kind, y, m):
    last = _last(y, m)
    a, b = {"begin": (1, 10), "medio": (11, 20), "eind": (21, last)}[kind]
    return (_d(y, m, a), _d(y, m, b), "month")
def third_year(kind, y):
    a, b = {"begin": (1, 4), "medio": (5, 8), "eind": (9, 12)}[kind]
    return (_d(y, a, 1), _d(y, b, _last(y, b)), "year")
def third_quarter(kind, y, q):
    m = 3*q - 2 + {"begin": 0, "medio": 1, "eind": 2}[kind]
    return (_d(y, m, 1), _d(y, m, _last(y, m)), "quarter")
def span(a, b):
    """connected expression: from a's start to b's end, granularity of the first part"""
    return (a[0], b[1], a[2])

def plain_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        raw = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
        raw = re.sub(r"[ \t]+", " ", raw)
        raw = re.sub(r"\s*\n\s*", "\n", raw)
    return raw

def context(text, s, e, width=45):
    a = max(0, s - width); b = min(len(text), e + width)
    while a > 0 and not text[a-1].isspace(): a -= 1
    while b < len(text) and not text[b].isspace(): b += 1
    return text[a:b].strip()

def build_dates(text, specs):
    """specs: (surface, anchor_or_None, interval, modifier, event); must be in document order."""
    out, spans, cur = [], [], 0
    for surf, anchor, iv, mod, ev in specs:
        anc = anchor or surf
        i = text.find(anc, cur)
        if i < 0:
            raise SystemExit(f"anchor not found after {cur}: {anc!r}")
        j = text.find(surf, i)
        assert 0 <= j and j + len(surf) <= i + len(anc), (surf, anc)
        s, e = j, j + len(surf)
        # validate interval
        a, b, g = iv
        assert dt.date.fromisoformat(a) <= dt.date.fromisoformat(b), (surf, iv)
        out.append({"text": surf, "start": a, "end": b, "granularity": g, "modifier": mod,
                    "event": ev, "context": context(text, s, e)})
        spans.append((s, e)); cur = s + 1
    return out, spans

DATE_RX = re.compile(r"(?i)\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
                     r"(19|20)\d\d|Q[1-4]|kwartaal|voorjaar|zomer|najaar|winter|week \d+|schooljaar|\d{1,2}[-/]\d{1,2}([-/]\d{2,4})?)\b")

def uncovered(text, spans):
    res = []
    for m in DATE_RX.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in spans):
            res.append((m.group(0), context(text, m.start(), m.end(), 25)))
    return res

def check_quotes(text, gold):
    bad = []
    for k in ("segments", "financing", "procedures", "decisions", "plan_changes"):
        for x in gold[k]:
            if x["quote"] not in text: bad.append((k, x["quote"]))
    return bad
