"""Sample inputs for the report tests: small Dutch procurement memos written for the tests,
with facts whose offsets are computed from the text (so they always point at the passage),
plus a hostile document and a synthetic corpus generator for the scale test."""
from __future__ import annotations

import random
from datetime import date, timedelta

from inkoopgraaf.models.facts import Fact

MEMOS = {
    "010_rivierenland_memo": (
        "Inkoopstrategie Jeugdhulp 2024 regio Rivierenland",
        "Inkoopstrategie Jeugdhulp 2024 regio Rivierenland\n\n"
        "De gemeenten Tiel, Culemborg en West Betuwe kopen de jeugdhulp samen in.\n"
        "Voor het segment Ambulant stappen we over van PxQ naar lumpsum per aanbieder.\n"
        "Dyslexiezorg blijft trajectfinanciering via een Open House procedure.\n"
        "Publicatie van de inkoopdocumenten staat gepland in maart 2023.\n"
        "De gunning volgt uiterlijk 1 juli 2023. De nieuwe contracten gaan in per 1 januari 2024.\n"
        "Eerder was de ingangsdatum 1 januari 2023; die is een jaar opgeschoven.\n"
        "Het college van B&W heeft op 12 december 2022 ingestemd met deze strategie.\n",
        "rivierenland", "Rivierenland", 2022,
    ),
    "011_holland_rijnland_kader": (
        "Inkoopkader Wmo en Jeugd Holland Rijnland",
        "Inkoopkader Wmo en Jeugd Holland Rijnland\n\n"
        "Leiden en Katwijk werken samen in de regio Holland Rijnland.\n"
        "Voor Verblijf kiezen we populatiebekostiging met een beperkt aantal aanbieders.\n"
        "Hulp bij het huishouden wordt ingekocht met een resultaatgerichte bekostiging.\n"
        "De aanbesteding is een niet-openbare procedure met voorselectie.\n"
        "Wij stellen de gemeenteraad voor het inkoopkader vast te stellen in het tweede kwartaal van 2023.\n"
        "De contracten lopen tot 31 december 2027.\n",
        "holland_rijnland", "Holland Rijnland", 2023,
    ),
}


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.index(needle, after)
    return i, i + len(needle)


def sample_inputs():
    """(facts, documents, texts) for a small, realistic report."""
    facts: list[Fact] = []
    documents: list[dict] = []
    texts: dict[str, str] = {}

    def add(doc, text, ftype, needle, value, after=0):
        s, e = _find(text, needle, after)
        facts.append(Fact(doc, ftype, text[s:e], s, e, None, value, 0.9))

    for doc, (title, text, region, region_name, year) in MEMOS.items():
        texts[doc] = text
        documents.append({"id": doc, "path": f"corpus/{doc}.txt", "format": "txt", "sha256": "0" * 64,
                          "pages": None, "characters": len(text), "status": "ok", "error": None,
                          "regions": [region], "year": year, "title": title})
        add(doc, text, "region", region_name, {"id": region, "name": region_name})
    r = "010_rivierenland_memo"
    t = texts[r]
    for name, cbs in (("Tiel", "GM0281"), ("Culemborg", "GM0216"), ("West Betuwe", "GM1960")):
        add(r, t, "municipality", name, {"cbs": cbs, "name": name})
    add(r, t, "segment", "Ambulant", {"id": "ambulant", "label": "Ambulant", "domain": "jeugd", "parent": None})
    add(r, t, "financing", "PxQ", {"id": "pxq", "variant": "inspanningsgericht", "segment": "ambulant", "status": "previous"})
    add(r, t, "financing", "lumpsum", {"id": "lumpsum", "variant": "taakgericht", "segment": "ambulant", "status": "chosen"})
    add(r, t, "segment", "Dyslexiezorg", {"id": "dyslexie", "label": "Dyslexiezorg", "domain": "jeugd", "parent": None})
    add(r, t, "financing", "trajectfinanciering", {"id": "trajectfinanciering", "variant": "outputgericht", "segment": "dyslexie", "status": "chosen"})
    add(r, t, "procedure", "Open House", {"id": "open_house", "segment": "dyslexie", "status": "chosen"})
    add(r, t, "date", "maart 2023", {"start": "2023-03-01", "end": "2023-03-31", "granularity": "month", "modifier": None, "event": "publication"})
    add(r, t, "date", "1 juli 2023", {"start": "2023-07-01", "end": "2023-07-01", "granularity": "day", "modifier": "uiterlijk", "event": "award"})
    add(r, t, "date", "1 januari 2024", {"start": "2024-01-01", "end": "2024-01-01", "granularity": "day", "modifier": "per", "event": "contract_start"})
    add(r, t, "date", "1 januari 2023", {"start": "2023-01-01", "end": "2023-01-01", "granularity": "day", "modifier": None, "event": "contract_start"})
    add(r, t, "plan_change", "Eerder was de ingangsdatum 1 januari 2023; die is een jaar opgeschoven.",
        {"what": "ingangsdatum nieuwe contracten", "from": {"start": "2023-01-01", "end": "2023-01-01"},
         "to": {"start": "2024-01-01", "end": "2024-01-01"}, "shift_days": 365})
    add(r, t, "decision", "Het college van B&W heeft op 12 december 2022 ingestemd met deze strategie.",
        {"actor": "college", "status": "taken", "object": "inkoopstrategie jeugdhulp 2024",
         "date": {"start": "2022-12-12", "end": "2022-12-12", "granularity": "day", "modifier": None, "event": "decision"}})
    add(r, t, "date", "12 december 2022", {"start": "2022-12-12", "end": "2022-12-12", "granularity": "day", "modifier": None, "event": "decision"})

    h = "011_holland_rijnland_kader"
    t = texts[h]
    for name, cbs in (("Leiden", "GM0546"), ("Katwijk", "GM0537")):
        add(h, t, "municipality", name, {"cbs": cbs, "name": name})
    add(h, t, "segment", "Verblijf", {"id": "verblijf", "label": "Verblijf", "domain": "jeugd", "parent": None})
    add(h, t, "financing", "populatiebekostiging", {"id": "populatiebekostiging", "variant": "taakgericht", "segment": "verblijf", "status": "chosen"})
    add(h, t, "segment", "Hulp bij het huishouden", {"id": "hulp_bij_huishouden", "label": "Hulp bij het huishouden", "domain": "wmo", "parent": None})
    add(h, t, "financing", "resultaatgerichte bekostiging", {"id": "resultaatgericht", "variant": "outputgericht", "segment": "hulp_bij_huishouden", "status": "chosen"})
    add(h, t, "procedure", "niet-openbare procedure", {"id": "niet_openbaar", "segment": None, "status": "chosen"})
    add(h, t, "decision", "Wij stellen de gemeenteraad voor het inkoopkader vast te stellen",
        {"actor": "raad", "status": "proposed", "object": "inkoopkader vaststellen", "date": None})
    add(h, t, "date", "tweede kwartaal van 2023", {"start": "2023-04-01", "end": "2023-06-30", "granularity": "quarter", "modifier": None, "event": "decision"})
    add(h, t, "date", "31 december 2027", {"start": "2027-12-31", "end": "2027-12-31", "granularity": "day", "modifier": "tot", "event": "contract_end"})

    documents.append({"id": "012_kapotte_scan", "path": "corpus/012_kapotte_scan.pdf", "format": "pdf",
                      "sha256": "1" * 64, "pages": None, "characters": 0, "status": "failed",
                      "error": "PDF is versleuteld en kon niet worden geopend", "regions": [], "year": None,
                      "title": ""})
    return facts, documents, texts


#: Text a hostile or broken web page could put into a document: it must show as text, never run.
HOSTILE_TEXT = (
    "Inkoop 2025 </script><script>document.title='GEHACKT';window.__pwned=1;</script>\n"
    "Plaatje: <img src=x onerror=\"window.__pwned=2;document.title='GEHACKT'\">\n"
    "Formulier </textarea><svg onload=\"window.__pwned=3\"></svg> <!-- commentaar --> &amp; \u2028 regel\u2029 einde\n"
    "De gemeenteraad heeft besloten tot lumpsum voor Ambulant. <b onmouseover=\"window.__pwned=4\">vet</b>\n"
)


def hostile_inputs():
    doc = "<script>window.__pwned=5</script>"
    text = HOSTILE_TEXT
    facts = []

    def add(ftype, needle, value):
        s, e = _find(text, needle)
        facts.append(Fact(doc, ftype, text[s:e], s, e, None, value, 0.8))

    add("region", "<script>document.title", {"id": "x</script><script>window.__pwned=6</script>",
                                              "name": "<img src=x onerror=\"window.__pwned=7\">"})
    add("financing", "lumpsum", {"id": "lumpsum", "variant": "taakgericht", "segment": "ambulant", "status": "chosen"})
    add("financing", "<img src=x onerror", {"id": "<img src=x onerror=\"window.__pwned=8\">", "variant": "none",
                                            "segment": "</textarea><script>window.__pwned=9</script>", "status": "chosen"})
    add("decision", "<b onmouseover", {"actor": "raad", "status": "taken",
                                        "object": "<script>window.__pwned=10</script>", "date": None})
    add("date", "</textarea>", {"start": "2025-01-01", "end": "2025-01-01", "granularity": "day",
                                "modifier": None, "event": "contract_start"})
    documents = [{"id": doc, "path": "x.html", "format": "html", "sha256": "2" * 64, "pages": None,
                  "characters": len(text), "status": "ok", "error": None, "regions": [], "year": 2025,
                  "title": "<img src=x onerror=\"window.__pwned=11\"></title><script>window.__pwned=12</script>"},
                 {"id": "bad", "path": "bad.pdf", "format": "pdf", "sha256": "3" * 64, "pages": None,
                  "characters": 0, "status": "failed", "regions": [], "year": None, "title": "",
                  "error": "<script>window.__pwned=13</script> kapot"}]
    return facts, documents, {doc: text}


SEGMENTS = ["ambulant", "verblijf", "crisis", "dyslexie", "jeugd_ggz", "hoog_complex", "wmo_begeleiding",
            "hulp_bij_huishouden", "beschermd_wonen"]
FINANCING = [("pxq", "inspanningsgericht"), ("lumpsum", "taakgericht"), ("trajectfinanciering", "outputgericht"),
             ("resultaatgericht", "outputgericht"), ("populatiebekostiging", "taakgericht"), ("subsidie", "none")]
PROCEDURES = ["open_house", "sas", "bestuurlijk_aanbesteden", "niet_openbaar", "dialooggericht"]
EVENTS = ["publication", "award", "contract_start", "contract_end", "decision", "consultation"]
STATUSES = ["chosen", "previous", "considered", "rejected", None]
REGIONS = [f"regio_{i:02d}" for i in range(40)]


def synthetic_inputs(n_docs: int = 1000, facts_per_doc: int = 100, seed: int = 7):
    """A corpus-sized input: n_docs documents of short generated Dutch text, ~facts_per_doc facts each."""
    rng = random.Random(seed)
    facts, documents, texts = [], [], {}
    for d in range(n_docs):
        doc = f"{d:04d}_synthetisch"
        region = REGIONS[d % len(REGIONS)]
        parts, spans = [], []
        pos = 0
        for k in range(facts_per_doc):
            kind = k % 6
            if kind == 0:
                seg = rng.choice(SEGMENTS)
                fid, variant = rng.choice(FINANCING)
                needle = f"bekostiging {fid}"
                value = {"id": fid, "variant": variant, "segment": seg, "status": rng.choice(STATUSES)}
                ftype = "financing"
            elif kind == 1:
                day = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500))
                needle = f"{day.day} {['januari','februari','maart','april','mei','juni','juli','augustus','september','oktober','november','december'][day.month-1]} {day.year}"
                value = {"start": day.isoformat(), "end": day.isoformat(), "granularity": "day",
                         "modifier": None, "event": rng.choice(EVENTS)}
                ftype = "date"
            elif kind == 2:
                seg = rng.choice(SEGMENTS)
                needle = f"segment {seg}"
                value = {"id": seg, "label": seg, "domain": "jeugd", "parent": None}
                ftype = "segment"
            elif kind == 3:
                pid = rng.choice(PROCEDURES)
                needle = f"procedure {pid}"
                value = {"id": pid, "segment": rng.choice(SEGMENTS + [None]), "status": rng.choice(STATUSES)}
                ftype = "procedure"
            elif kind == 4:
                needle = "het college heeft besloten"
                value = {"actor": rng.choice(["college", "raad", "regionaal_bestuur", "ambtelijk"]),
                         "status": rng.choice(["taken", "planned", "proposed"]), "object": f"besluit {k}", "date": None}
                ftype = "decision"
            else:
                needle = f"gemeente {d % 300}"
                value = {"cbs": f"GM{d % 300:04d}", "name": f"Gemeente {d % 300}"}
                ftype = "municipality"
            sentence = f"In zin {k} van dit stuk staat {needle} als voorbeeld. "
            s = pos + sentence.index(needle)
            parts.append(sentence)
            spans.append((ftype, needle, s, s + len(needle), value))
            pos += len(sentence)
        text = "".join(parts)
        texts[doc] = text
        facts.append(Fact(doc, "region", text[0:2], 0, 2, 1, {"id": region, "name": region.replace("_", " ").title()}, 0.9))
        for ftype, needle, s, e, value in spans:
            facts.append(Fact(doc, ftype, needle, s, e, 1 + s // 3000, value, 0.8))
        documents.append({"id": doc, "path": f"{doc}.pdf", "format": "pdf", "sha256": "f" * 64, "pages": 3,
                          "characters": len(text), "status": "ok", "error": None, "regions": [region],
                          "year": 2022, "title": f"Synthetisch document {d}"})
    return facts, documents, texts
