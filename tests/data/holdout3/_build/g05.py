from lib import *
doc = "h3_05_memo_scenarios_gooi_en_vechtstreek"
text = open(f"{ROOT}/docs/{doc}.txt", encoding="utf-8").read()
g = {
 "doc": doc,
 "title": "Memo: Scenario's voor de inkoop van specialistische jeugdhulp na 2026 (Regio Gooi en Vechtstreek)",
 "doc_year": 2025,
 "regions": ["gooi_en_vechtstreek"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Blaricum", "GM0376"), ("Gooise Meren", "GM1942"), ("Hilversum", "GM0402"), ("Huizen", "GM0406"),
   ("Laren", "GM0417"), ("Wijdemeren", "GM1696")]],
 "segments": [
   {"id": "verblijf", "label": "jeugdhulp met verblijf", "parent": None, "quote": "De grootste zorgen zitten bij jeugdhulp met verblijf en bij de hoogspecialistische jeugdhulp."},
   {"id": "hoog_complex", "label": "hoogspecialistische jeugdhulp", "parent": None, "quote": "De grootste zorgen zitten bij jeugdhulp met verblijf en bij de hoogspecialistische jeugdhulp."},
   {"id": "ambulant", "label": "ambulante jeugdhulp", "parent": None, "quote": "De ambulante jeugdhulp loopt naar tevredenheid"},
 ],
 "financing": [
   {"id": "pxq", "segment": None, "status": "previous", "quote": "En de inspanningsgerichte bekostiging met uurtarieven laten we in alle scenario's los"},
   {"id": "resultaatgericht", "segment": None, "status": "considered", "quote": "met resultaatgerichte financiering in plaats van uurtarieven"},
   {"id": "plafond", "segment": None, "status": "considered", "quote": "met een zorgplafond per aanbieder"},
   {"id": "lumpsum", "segment": None, "status": "rejected", "quote": "Ook de lumpsum per hoofdaannemer vinden we ongewenst"},
   {"id": "populatiebekostiging", "segment": "verblijf", "status": "considered", "quote": "De bekostiging wordt populatiebekostiging: de aanbieders krijgen samen een budget voor de jeugdigen in de regio."},
   {"id": "populatiebekostiging", "segment": "hoog_complex", "status": "considered", "quote": "De bekostiging wordt populatiebekostiging: de aanbieders krijgen samen een budget voor de jeugdigen in de regio."},
   {"id": "trajectfinanciering", "segment": "ambulant", "status": "considered", "quote": "De ambulante jeugdhulp blijft via Open House gecontracteerd, maar met trajectprijzen."},
 ],
 "procedures": [
   {"id": "verlenging", "segment": None, "status": "considered", "quote": "De lopende overeenkomsten worden verlengd met een jaar, tot en met 31 december 2027."},
   {"id": "open_house", "segment": None, "status": "considered", "quote": "Die tijd gebruiken we om een nieuwe Open House voor te bereiden"},
   {"id": "openbaar", "segment": None, "status": "rejected", "quote": "Scenario B valt af."},
   {"id": "niet_openbaar", "segment": "verblijf", "status": "considered", "quote": "Voor verblijf en de hoogspecialistische jeugdhulp kiezen we een niet-openbare procedure met voorselectie"},
   {"id": "niet_openbaar", "segment": "hoog_complex", "status": "considered", "quote": "Voor verblijf en de hoogspecialistische jeugdhulp kiezen we een niet-openbare procedure met voorselectie"},
   {"id": "open_house", "segment": "ambulant", "status": "considered", "quote": "De ambulante jeugdhulp blijft via Open House gecontracteerd, maar met trajectprijzen."},
 ],
 "dates": [
   D("3-3-2025", day(2025, 3, 3), None, "other", "Datum:\t\t3-3-2025"),
   D("2026", year(2026), "na", "other", "Scenario's voor de inkoop van specialistische jeugdhulp na 2026"),
   D("1 januari 2022", day(2022, 1, 1), "per", "contract_start", "zijn per 1 januari 2022 ingegaan"),
   D("31 december 2026", day(2026, 12, 31), None, "contract_end", "en lopen op 31 december 2026 af."),
   D("2023 en 2024", year(2023, 2024), None, "other", "De kosten zijn in 2023 en 2024 met gemiddeld 11% per jaar gestegen"),
   D("31 december 2027", day(2027, 12, 31), "tot", "contract_end", "verlengd met een jaar, tot en met 31 december 2027."),
   D("1 januari 2028", day(2028, 1, 1), "per", "contract_start", "De nieuwe overeenkomsten zouden dan per 1 januari 2028 ingaan."),
   D("begin 2026", year_third(2026, "begin"), "uiterlijk", "publication", "Publicatie zou uiterlijk begin 2026 moeten plaatsvinden."),
   D("september 2025 t/m februari 2026", span(month(2025, 9), month(2026, 2)), None, "dialogue", "overlegtafels met de geselecteerde aanbieders van september 2025 t/m februari 2026"),
   D("1-1-2027", day(2027, 1, 1), "per", "contract_start", "Haalbaarheid per 1-1-2027"),
   D("20 februari", day(2025, 2, 20), None, "decision", "Het Kernteam heeft op 20 februari besloten dit scenario niet verder uit te werken"),
   D("zomer van 2026", season(2026, "zomer"), None, "implementation", "de implementatie in de zomer van 2026 samenvalt met de zomervakantie"),
   D("zomervakantie", season(2026, "zomer"), None, "other", "de implementatie in de zomer van 2026 samenvalt met de zomervakantie"),
   D("week van 17 maart", isoweek(2025, 12), None, "other", "Die doorrekening is in de week van 17 maart gereed."),
   D("dinsdag 25 maart", day(2025, 3, 25), None, "other", "Bespreking in het Kernteam: dinsdag 25 maart."),
   D("10 april", day(2025, 4, 10), None, "decision", "Beide scenario's worden op 10 april voorgelegd aan het Portefeuillehoudersoverleg Sociaal Domein."),
   D("zomer", season(2025, "zomer"), "voor", "decision", "Daarna besluiten de colleges vóór de zomer over de definitieve route."),
   D("Q3 2025", quarter(2025, 3), None, "consultation", "In Q3 2025 worden aanbieders geïnformeerd via een marktconsultatie."),
 ],
 "decisions": [
   {"actor": "ambtelijk", "status": "taken", "object": "scenario B (openbare Europese aanbesteding) niet verder uitwerken", "date": dv(day(2025, 2, 20)), "quote": "Het Kernteam heeft op 20 februari besloten dit scenario niet verder uit te werken"},
   {"actor": "regionaal_bestuur", "status": "planned", "object": "scenario's A en C voorgelegd aan het Portefeuillehoudersoverleg Sociaal Domein", "date": dv(day(2025, 4, 10)), "quote": "Beide scenario's worden op 10 april voorgelegd aan het Portefeuillehoudersoverleg Sociaal Domein."},
   {"actor": "college", "status": "planned", "object": "besluit over de definitieve inkooproute jeugdhulp na 2026", "date": dv(season(2025, "zomer")), "quote": "Daarna besluiten de colleges vóór de zomer over de definitieve route."},
 ],
 "plan_changes": [],
 "notes": (
  "doc_year 2025: internal memo dated 3-3-2025 in its header. "
  "Regions: gooi_en_vechtstreek. Municipalities: all 6 named. "
  "Dates: year-less dates take 2025 from the memo date ('20 februari', 'week van 17 maart', 'dinsdag 25 maart', '10 april', 'vóór de zomer'). 'na 2026' in the subject line gets modifier 'na'. '2023 en 2024' is one interval (years). "
  "'september 2025 t/m februari 2026' is one interval (2025-09-01..2026-02-28, month). 'uiterlijk begin 2026' = 2026-01-01..04-30 (year thirds, granularity year). 'week van 17 maart' = ISO week 12 of 2025 (03-17..03-23). "
  "'per 1-1-2027' in the comparison table header row cell is contract_start with 'per'. 'zomer van 2026' is astronomical summer. 'zomervakantie' (of 2026) is borderline: it is listed with the summer 2026 season interval and event other; drop it if only strict calendar units count. 'vóór de zomer' = zomer 2025 with modifier 'voor'. "
  "Scenario dates ('31 december 2027', '1 januari 2028', 'begin 2026') are hypothetical but still calendar expressions and are listed with the event they would have. "
  "NOT dates: kenmerk '25.0041/JZ', '11% per jaar', '€ 61,5 miljoen', 'met een jaar' (duration), 'niet op woensdag' (recurring weekday), the phone number. "
  "Segments: jeugdhulp met verblijf, hoogspecialistische jeugdhulp (hoog_complex), ambulante jeugdhulp. "
  "Financing/procedures are scenario options: A (verlenging met een jaar, new Open House, resultaatgericht, zorgplafond) and C (niet-openbaar met voorselectie + populatiebekostiging for verblijf and hoog_complex; Open House with trajectprijzen for ambulant) are 'considered' (the Kernteam has no preference yet). B is explicitly dropped: openbare (Europese) aanbesteding and lumpsum are 'rejected'. 'kiezen we' inside scenario C describes the scenario, not a choice of the document. The current uurtarieven are pxq/previous ('laten we in alle scenario's los'). "
  "The 'overlegtafels' in scenario C follow a niet-openbare procedure; the text does not call this bestuurlijk aanbesteden, so bestuurlijk_aanbesteden is NOT listed (a deliberate near-miss). "
  "Decisions: Kernteam (ambtelijk) decision of 20 februari to drop scenario B (taken); submission to the PHO on 10 april (planned); colleges decide 'vóór de zomer' (planned; date given as the summer 2025 interval; the modifier 'voor' is on the date entry). "
  "Plan changes: none; the scenario A extension is hypothetical."),
}
check_and_write(g, text)
