"""Check and write the hold-out-4 gold. Run: cd holdout4/src && python3 build_docx.py && python3 build_gold.py"""
import json, os, re, html, csv, datetime as dt
from gold_02_03_04 import GOLD
HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.dirname(HERE)
GAZ = "/work/main/models/data/gazetteer"

def plain(stem):
    docs = os.listdir(os.path.join(ROOT, "docs"))
    fn = [f for f in docs if f.startswith(stem + ".")][0]
    p = os.path.join(ROOT, "docs", fn)
    if fn.endswith(".docx"): return open(os.path.join(HERE, "h4_03.plain.txt")).read()
    t = open(p).read()
    if fn.endswith(".html"):
        t = re.sub(r"(?s)<head>.*?</head>", "", t)
        t = re.sub(r"<br\s*/?>", "\n", t)
        t = re.sub(r"</(p|h1|h2|li|ol|tr)>", "\n", t)
        t = re.sub(r"<[^>]+>", "", t)
        t = html.unescape(t)
        t = "\n".join(l.strip() for l in t.splitlines())
        t = re.sub(r"\n{3,}", "\n\n", t)
    return t

cbs = {r["cbs_code"] for r in csv.DictReader(open(f"{GAZ}/municipalities.csv"))}
regions = {r["region_id"] for r in csv.DictReader(open(f"{GAZ}/jeugdregios.csv"))}
SEG = "ambulant verblijf hoog_complex crisis dyslexie jeugd_ggz kinderen_met_beperking jeugd_en_opvoedhulp onderwijs forensisch ziekenhuiszorg jongvolwassenen enkelvoudig complex wmo_begeleiding wmo_logeren wmo_persoonlijke_verzorging hulp_bij_huishouden beschermd_wonen other".split()
FIN = "pxq trajectfinanciering resultaatgericht dbc lumpsum populatiebekostiging subsidie plafond".split()
PROC = "open_house sas bestuurlijk_aanbesteden niet_openbaar dialooggericht openbaar das verlenging subsidie".split()
EV = [None] + "decision publication questions_deadline submission selection dialogue award_provisional award contract_start contract_end implementation evaluation consultation other".split()
MOD = [None, "per", "vanaf", "uiterlijk", "tot", "voor", "na", "streven", "voornemen"]
ST = [None, "chosen", "previous", "considered", "rejected"]
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december jan. feb. okt.".split()
ok = True
def err(*a):
    global ok; ok = False; print("ERROR", *a)
for stem, g in GOLD.items():
    t = plain(stem)
    for r in g["regions"]:
        if r not in regions and r != "langstraat": err(stem, "region", r)
    for m in g["municipalities"]:
        if m["cbs"] not in cbs: err(stem, "cbs", m)
    for k, ids in [("segments", SEG), ("financing", FIN), ("procedures", PROC)]:
        for x in g[k]:
            if x["id"] not in ids: err(stem, k, x["id"])
            if k != "segments":
                if x["status"] not in ST: err(stem, "status", x)
                if x["segment"] is not None and x["segment"] not in SEG: err(stem, "segref", x)
                if x["segment"] not in (None, "other") and x["segment"] not in {s["id"] for s in g["segments"]}: err(stem, "segment not listed", x)
            if x["quote"] not in t: err(stem, k, "quote missing:", x["quote"])
    for x in g["decisions"] + g["plan_changes"]:
        if x["quote"] not in t: err(stem, "quote missing:", x["quote"])
    for x in g["decisions"]:
        if x["status"] not in ("taken", "planned", "proposed"): err(stem, x)
    covered = []
    for d in g["dates"]:
        if d["event"] not in EV or d["modifier"] not in MOD: err(stem, "ev/mod", d)
        a, b = dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"])
        if a > b: err(stem, "interval", d)
        n = t.count(d["context"])
        if n != 1: err(stem, f"context occurs {n}x:", repr(d["context"])); continue
        i = t.index(d["context"]); j = d["context"].find(d["text"])
        if j < 0: err(stem, "text not in context", d); continue
        covered.append((i + j, i + j + len(d["text"])))
    # coverage scan: every year-like number and month name must fall inside a listed date text
    pat = re.compile(r"\b(19\d\d|20\d\d)\b|\b(" + "|".join(re.escape(m) for m in MONTHS) + r")|\b(voorjaar|zomer|najaar|winter|kwartaal|Q[1-4]|wk|week|schooljaar|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?)\b", re.I)
    for mt in pat.finditer(t):
        s = mt.start()
        if not any(a <= s < b for a, b in covered):
            print(f"  uncovered {stem}: {t[max(0,s-40):s+40]!r}")
    for pc in g["plan_changes"]:
        for side in ("from", "to"):
            if dt.date.fromisoformat(pc[side]["start"]) > dt.date.fromisoformat(pc[side]["end"]): err(stem, "pc", pc)
    out = {"doc": stem, "title": g["title"], "doc_year": g["doc_year"], "regions": g["regions"],
           "municipalities": g["municipalities"], "segments": g["segments"], "financing": g["financing"],
           "procedures": g["procedures"], "dates": g["dates"], "decisions": g["decisions"],
           "plan_changes": g["plan_changes"], "notes": g["notes"]}
    json.dump(out, open(os.path.join(ROOT, "gold", stem + ".json"), "w"), ensure_ascii=False, indent=1)
    print(stem, {k: len(out[k]) for k in ("segments","financing","procedures","dates","decisions","plan_changes")}, "words:", len(t.split()))
print("ALL OK" if ok else "ERRORS")
