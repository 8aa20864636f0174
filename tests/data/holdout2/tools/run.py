import importlib, json, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from lib import *
os.chdir(os.path.dirname(os.path.abspath(__file__)))
for name in sys.argv[1:]:
    m = importlib.import_module(name)
    text = plain_text(m.PATH)
    dates, spans = build_dates(text, m.D)
    g = dict(m.GOLD); g["dates"] = dates
    from notes import NOTES, COMMON
    g["notes"] = NOTES[m.DOC] + COMMON
    order = ["doc","title","doc_year","regions","municipalities","segments","financing","procedures","dates","decisions","plan_changes","notes"]
    g = {k: g[k] for k in order}
    bad = check_quotes(text, g)
    unc = uncovered(text, spans)
    print(f"== {m.DOC}: {len(dates)} dates, {len(g['decisions'])} decisions; words={len(text.split())}")
    for b in bad: print("  BAD QUOTE", b)
    for u in unc: print("  UNCOVERED", u)
    assert g["title"] in text, "title not in text"
    for d in g["decisions"]:
        if d["date"]: assert d["date"]["start"] <= d["date"]["end"]
    json.dump(g, open(f"../gold/{m.DOC}.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
