from lib import *
doc = "h3_03_nieuwsbrief_noordoost_brabant"
text = html_text(open(f"{ROOT}/docs/{doc}.html", encoding="utf-8").read())
g = {
 "doc": doc,
 "title": "Nieuwsbrief Inkoop Sociaal Domein Noordoost-Brabant - nr. 3",
 "doc_year": 2025,
 "regions": ["noordoost_brabant"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Oss", "GM0828"), ("'s-Hertogenbosch", "GM0796"), ("Vught", "GM0865"), ("Meierijstad", "GM1948")]],
 "segments": [
   {"id": "wmo_begeleiding", "label": "Wmo-begeleiding", "parent": None, "quote": "De nieuwe overeenkomsten voor Wmo-begeleiding en dagbesteding zouden per 1 januari 2026 ingaan."},
   {"id": "wmo_begeleiding", "label": "dagbesteding", "parent": None, "quote": "De nieuwe overeenkomsten voor Wmo-begeleiding en dagbesteding zouden per 1 januari 2026 ingaan."},
   {"id": "dyslexie", "label": "ernstige enkelvoudige dyslexie", "parent": None, "quote": "Voor de ernstige enkelvoudige dyslexie werken we vanaf het schooljaar 2025-2026 met zes aanbieders."},
   {"id": "verblijf", "label": "jeugdhulp met verblijf", "parent": None, "quote": "Samen met aanbieders willen we verkennen hoe we jeugdhulp met verblijf anders kunnen organiseren."},
   {"id": "verblijf", "label": "gezinshuiszorg", "parent": "verblijf", "quote": "Vooral in de gezinshuiszorg zien we lange wachttijden."},
 ],
 "financing": [
   {"id": "pxq", "segment": "wmo_begeleiding", "status": "previous", "quote": "We stappen af van de huidige uurtarieven"},
   {"id": "resultaatgericht", "segment": "wmo_begeleiding", "status": "chosen", "quote": "gaan over op resultaatgerichte financiering, met een maandtarief per cliënt per resultaatgebied"},
   {"id": "pxq", "segment": "dyslexie", "status": "previous", "quote": "De oude tarieven per behandeluur zijn vervangen door een vaste trajectprijs per leerling"},
   {"id": "trajectfinanciering", "segment": "dyslexie", "status": "chosen", "quote": "De oude tarieven per behandeluur zijn vervangen door een vaste trajectprijs per leerling"},
   {"id": "populatiebekostiging", "segment": "verblijf", "status": "considered", "quote": "Ook kijken we of een vorm van populatiebekostiging voor de grotere verblijfsaanbieders haalbaar is."},
 ],
 "procedures": [
   {"id": "verlenging", "segment": "wmo_begeleiding", "status": "chosen", "quote": "De lopende overeenkomsten worden verlengd tot en met 30 juni 2026; u ontvangt hiervoor een addendum."},
   {"id": "das", "segment": "wmo_begeleiding", "status": "chosen", "quote": "De aanbesteding verloopt via een dynamisch aankoopsysteem"},
   {"id": "open_house", "segment": "dyslexie", "status": "chosen", "quote": "Zij zijn toegelaten via een Open House"},
   {"id": "bestuurlijk_aanbesteden", "segment": "verblijf", "status": "considered", "quote": "We onderzoeken of bestuurlijk aanbesteden, met vaste overlegtafels waar gemeenten en aanbieders samen de opdracht uitwerken, beter past dan de huidige raamovereenkomst."},
 ],
 "dates": [
   D("26 juni 2025", day(2025, 6, 26), None, "other", "Nummer 3 · 26 juni 2025"),
   D("1 januari 2026", day(2026, 1, 1), "per", "contract_start", "Wmo-begeleiding en dagbesteding zouden per 1 januari 2026 ingaan."),
   D("april", month(2025, 4), None, "consultation", "Uit de marktconsultatie van april bleek"),
   D("1 juli 2026", day(2026, 7, 1), None, "contract_start", "de ingangsdatum schuift op naar 1 juli 2026."),
   D("12 juni", day(2025, 6, 12), None, "decision", "De wethouders Zorg van de tien gemeenten hebben op 12 juni ingestemd met het nieuwe tijdpad."),
   D("30 juni 2026", day(2026, 6, 30), "tot", "contract_end", "De lopende overeenkomsten worden verlengd tot en met 30 juni 2026"),
   D("mei", month(2025, 5), None, "publication", "De publicatie, eerder voorzien in mei, volgt nu in september 2025."),
   D("september 2025", month(2025, 9), None, "publication", "De publicatie, eerder voorzien in mei, volgt nu in september 2025."),
   D("eind september", month_third(2025, 9, "eind"), "vanaf", "submission", "Eerste toelatingsronde tot het aankoopsysteem: vanaf eind september."),
   D("oktober", month(2025, 10), None, "decision", "De colleges stellen de maandtarieven naar verwachting in oktober vast."),
   D("eind dit jaar", year_third(2025, "eind"), None, "selection", "Eerste toelatingsbesluiten: eind dit jaar."),
   D("1-7-2026", day(2026, 7, 1), None, "contract_start", "Start nieuwe overeenkomsten: 1-7-2026."),
   D("schooljaar 2025-2026", schooljaar(2025), "per", "contract_start", "2. Dyslexiezorg: zes aanbieders per schooljaar 2025-2026"),
   D("schooljaar 2025-2026", schooljaar(2025), "vanaf", "contract_start", "werken we vanaf het schooljaar 2025-2026 met zes aanbieders"),
   D("1 augustus", day(2025, 8, 1), "voor", "other", "Leerlingen die vóór 1 augustus zijn aangemeld"),
   D("mei", month(2025, 5), None, "other", "Scholen hebben hierover in mei een brief ontvangen."),
   D("dinsdag 9 september", day(2025, 9, 9), None, "consultation", "Op dinsdag 9 september organiseren we in Oss een eerste bijeenkomst."),
   D("1 september", day(2025, 9, 1), "tot", "other", "Aanmelden kan tot 1 september via het inkoopteam."),
   D("zomer", season(2025, "zomer"), None, "other", "In de zomer werken we een discussiestuk uit"),
   D("begin Q2 2026", quarter_third(2026, 2, "begin"), "streven", "decision", "Het streven is om begin Q2 2026 een voorstel aan de colleges voor te leggen."),
 ],
 "decisions": [
   {"actor": "regionaal_bestuur", "status": "taken", "object": "planning Wmo-begeleiding herzien: ingangsdatum nieuwe overeenkomsten naar 1 juli 2026 (instemming wethouders met nieuw tijdpad)", "date": dv(day(2025, 6, 12)), "quote": "De wethouders Zorg van de tien gemeenten hebben op 12 juni ingestemd met het nieuwe tijdpad."},
   {"actor": "college", "status": "planned", "object": "maandtarieven Wmo-begeleiding vaststellen", "date": dv(month(2025, 10)), "quote": "De colleges stellen de maandtarieven naar verwachting in oktober vast."},
   {"actor": "college", "status": "planned", "object": "voorstel over de toekomst van jeugdhulp met verblijf voorleggen aan de colleges", "date": dv(quarter_third(2026, 2, "begin")), "quote": "Het streven is om begin Q2 2026 een voorstel aan de colleges voor te leggen."},
 ],
 "plan_changes": [
   {"what": "ingangsdatum nieuwe overeenkomsten Wmo-begeleiding en dagbesteding", "from": {"start": "2026-01-01", "end": "2026-01-01"}, "to": {"start": "2026-07-01", "end": "2026-07-01"},
    "quote": "Daarom hebben we besloten de planning te herzien: de ingangsdatum schuift op naar 1 juli 2026."},
   {"what": "publicatie aanbesteding Wmo-begeleiding (dynamisch aankoopsysteem)", "from": {"start": "2025-05-01", "end": "2025-05-31"}, "to": {"start": "2025-09-01", "end": "2025-09-30"},
    "quote": "De publicatie, eerder voorzien in mei, volgt nu in september 2025."},
   {"what": "einddatum lopende overeenkomsten Wmo-begeleiding (verlengd)", "from": {"start": "2025-12-31", "end": "2025-12-31"}, "to": {"start": "2026-06-30", "end": "2026-06-30"},
    "quote": "De lopende overeenkomsten worden verlengd tot en met 30 juni 2026"},
 ],
 "notes": (
  "doc_year 2025: newsletter no. 3 dated 26 juni 2025. Text offsets/quotes refer to the visible HTML text (tags removed, entities decoded; '&middot;' = '·'). "
  "Regions: noordoost_brabant ('Noordoost-Brabant'). Municipalities: Oss, 's-Hertogenbosch, Vught, Meierijstad (named); 'de tien gemeenten' are not named. "
  "Dates: year-less months and days take 2025 from the newsletter date ('april', 'mei' twice, '12 juni', 'eind september', 'oktober', '1 augustus', 'dinsdag 9 september', '1 september'). "
  "'eind dit jaar' = eind 2025 = 09-01..12-31 (year thirds, granularity year). 'begin Q2 2026' = first third of the quarter = April 2026, granularity quarter, modifier 'streven'. "
  "'In de zomer' = astronomical summer 2025 (06-21..09-22); text 'zomer'. 'schooljaar 2025-2026' = 2025-08-01..2026-07-31 (schooljaar convention), granularity year; it occurs twice (heading with 'per', body with 'vanaf'); 'het' is left out of the text. "
  "'vóór 1 augustus' has modifier 'voor'. 'tot en met 30 juni 2026' gets 'tot'. Events: DAS admission round = submission; 'Eerste toelatingsbesluiten' = selection (admission to a DAS; award is arguable). "
  "NOT dates: 'tot 16.00 uur' (clock time after 'tot'), 'Nummer 3', 'tien gemeenten', phone number, 'de afgelopen jaren' (vague). "
  "Segments: Wmo-begeleiding and dagbesteding (both wmo_begeleiding, coordinate, parent null), ernstige enkelvoudige dyslexie, jeugdhulp met verblijf with gezinshuiszorg (parent verblijf). "
  "Financing: uurtarieven -> resultaatgerichte financiering with maandtarief (Wmo); tarieven per behandeluur -> trajectprijs (dyslexie); populatiebekostiging for verblijf only considered ('Er is nog niets besloten'). "
  "Procedures: verlenging tot en met 30 juni 2026 via addendum (chosen), dynamisch aankoopsysteem (Wmo, chosen), Open House (dyslexie, chosen), bestuurlijk aanbesteden met overlegtafels (verblijf, considered). 'de huidige raamovereenkomst' names no procedure type. "
  "Decisions: 'hebben we besloten de planning te herzien' and the wethouders' instemming on 12 juni are ONE decision, listed once as regionaal_bestuur/taken (an 'ambtelijk' reading of 'we' is defensible). The maandtarieven (oktober) and the verblijf proposal (begin Q2 2026) are planned college decisions. "
  "Plan changes: Wmo contract start 1-1-2026 -> 1-7-2026; publication mei 2025 -> september 2025; end of current Wmo contracts to 30 juni 2026 (the 'from' 31-12-2025 is inferred from the original start date of the new contracts; the text does not state it)."),
}
check_and_write(g, text)
