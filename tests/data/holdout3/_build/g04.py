from lib import *
import doc04
doc = doc04.DOC
doc04.build()
text = doc04.plain_text()
g = {
 "doc": doc,
 "title": "Regionale koers Beschermd Wonen en Maatschappelijke Opvang Fryslân 2025-2028",
 "doc_year": 2024,
 "regions": ["friesland"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Leeuwarden", "GM0080"), ("Smallingerland", "GM0090"), ("Heerenveen", "GM0074"), ("Súdwest-Fryslân", "GM1900"),
   ("Ameland", "GM0060"), ("Schiermonnikoog", "GM0088"), ("Terschelling", "GM0093"), ("Vlieland", "GM0096")]],
 "segments": [
   {"id": "beschermd_wonen", "label": "Beschermd wonen (24-uurs toezicht)", "parent": None, "quote": "Beschermd wonen (24-uurs toezicht)"},
   {"id": "wmo_begeleiding", "label": "Beschermd thuis", "parent": None, "quote": "Beschermd thuis"},
   {"id": "beschermd_wonen", "label": "Maatschappelijke opvang (dag- en nachtopvang)", "parent": None, "quote": "Maatschappelijke opvang (dag- en nachtopvang)"},
   {"id": "other", "label": "Housing First", "parent": None, "quote": "Housing First"},
 ],
 "financing": [
   {"id": "pxq", "segment": "beschermd_wonen", "status": "chosen", "quote": "Dagprijs, met een budgetplafond per aanbieder"},
   {"id": "plafond", "segment": "beschermd_wonen", "status": "chosen", "quote": "Dagprijs, met een budgetplafond per aanbieder"},
   {"id": "pxq", "segment": "wmo_begeleiding", "status": "previous", "quote": "Uurtarief per geleverde begeleiding"},
   {"id": "trajectfinanciering", "segment": "wmo_begeleiding", "status": "chosen", "quote": "Trajectprijzen per half jaar"},
   {"id": "resultaatgericht", "segment": "wmo_begeleiding", "status": "considered", "quote": "Resultaatgerichte financiering voor beschermd thuis is in de werkgroep besproken."},
   {"id": "subsidie", "segment": "beschermd_wonen", "status": "chosen", "quote": "Meerjarige subsidiering (vier jaar)"},
   {"id": "subsidie", "segment": "other", "status": "previous", "quote": "Projectsubsidie"},
   {"id": "populatiebekostiging", "segment": "other", "status": "chosen", "quote": "Populatiebekostiging op basis van het aantal inwoners per gemeente"},
 ],
 "procedures": [
   {"id": "open_house", "segment": "beschermd_wonen", "status": "chosen", "quote": "Open House; lopende overeenkomsten verlengd tot 31-12-2025"},
   {"id": "verlenging", "segment": "beschermd_wonen", "status": "chosen", "quote": "lopende overeenkomsten verlengd tot 31-12-2025"},
   {"id": "open_house", "segment": "wmo_begeleiding", "status": "chosen", "quote": "Publicatie van de Open House voor beschermd wonen en beschermd thuis: uiterlijk 31-1-2025."},
   {"id": "subsidie", "segment": "beschermd_wonen", "status": "chosen", "quote": "Subsidieverlening"},
   {"id": "bestuurlijk_aanbesteden", "segment": "other", "status": "chosen", "quote": "Bestuurlijk aanbesteden met overlegtafels"},
   {"id": "openbaar", "segment": None, "status": "rejected", "quote": "Een openbare Europese aanbesteding met een beperkt aantal aanbieders hebben we overwogen, maar we kiezen er niet voor"},
 ],
 "dates": [
   D("2025-2028", year(2025, 2028), None, None, "Regionale koers Beschermd Wonen en Maatschappelijke Opvang Fryslân 2025-2028"),
   D("10 juni 2024", day(2024, 6, 10), None, "other", "Conceptversie 0.9 – 10 juni 2024 – ter bespreking"),
   D("2015", year(2015), "vanaf", "other", "Sinds 2015 voert de gemeente Leeuwarden als centrumgemeente"),
   D("1 januari 2026", day(2026, 1, 1), "vanaf", "other", "de middelen voor beschermd wonen vanaf 1 januari 2026 via een objectief verdeelmodel"),
   D("najaar van 2023", season(2023, "najaar"), None, "decision", "in het najaar van 2023 hebben de achttien colleges een samenwerkingsafspraak ondertekend"),
   D("2023", year(2023), None, "other", "In 2023 woonden 1.140 inwoners in een beschermde woonvorm"),
   D("1 januari 2026", day(2026, 1, 1), "per", "contract_start", "de overeenkomsten en beschikkingen die per 1 januari 2026 ingaan"),
   D("31-12-2025", day(2025, 12, 31), "tot", "contract_end", "lopende overeenkomsten verlengd tot 31-12-2025"),
   D("4 juli 2024", day(2024, 7, 4), None, "decision", "4 juli 2024: bespreking van deze koers in het Bestuurlijk Overleg Sociaal Domein Fryslân."),
   D("zomer", season(2024, "zomer"), "na", "other", "Na de zomer: uitwerking van de tarieven door een extern bureau."),
   D("najaar van 2024", season(2024, "najaar"), None, "consultation", "In het najaar van 2024: consultatie van aanbieders, cliëntenraden en woningcorporaties."),
   D("Eind dit jaar", year_third(2024, "eind"), None, "decision", "Eind dit jaar: besluitvorming in de achttien colleges"),
   D("31-1-2025", day(2025, 1, 31), "uiterlijk", "publication", "Publicatie van de Open House voor beschermd wonen en beschermd thuis: uiterlijk 31-1-2025."),
   D("1 oktober 2025", day(2025, 10, 1), "uiterlijk", "submission", "Aanmelden voor toelating tot de Open House kan tot uiterlijk 1 oktober 2025."),
   D("1 januari 2026", day(2026, 1, 1), None, "contract_start", "Ingang nieuwe overeenkomsten en subsidiebeschikkingen: 1 januari 2026."),
   D("halverwege 2026", year_third(2026, "medio"), None, "evaluation", "Evaluatie van de koers: halverwege 2026, en daarna jaarlijks."),
   D("4 juli 2024", day(2024, 7, 4), None, "decision", "wordt gevraagd op 4 juli 2024 in te stemmen met deze koers"),
   D("zomer", season(2024, "zomer"), "na", "other", "De gemeenteraden worden na de zomer via een raadsinformatiebrief geïnformeerd."),
 ],
 "decisions": [
   {"actor": "rijk", "status": "taken", "object": "middelen beschermd wonen vanaf 1 januari 2026 via objectief verdeelmodel naar alle gemeenten", "date": None, "quote": "Het Rijk heeft besloten dat de middelen voor beschermd wonen vanaf 1 januari 2026 via een objectief verdeelmodel rechtstreeks naar alle gemeenten gaan."},
   {"actor": "college", "status": "taken", "object": "samenwerkingsafspraak ondertekend: inkoop, contractbeheer en opvang dak- en thuislozen blijven regionaal", "date": dv(season(2023, "najaar")), "quote": "in het najaar van 2023 hebben de achttien colleges een samenwerkingsafspraak ondertekend waarin zij vastleggen dat inkoop, contractbeheer en de opvang van dak- en thuislozen regionaal blijven"},
   {"actor": "regionaal_bestuur", "status": "proposed", "object": "instemmen met de regionale koers en opdracht aan het regieteam het uitvoeringsprogramma uit te werken", "date": dv(day(2024, 7, 4)), "quote": "Het Bestuurlijk Overleg Sociaal Domein Fryslân wordt gevraagd op 4 juli 2024 in te stemmen met deze koers en het ambtelijk regieteam opdracht te geven het uitvoeringsprogramma uit te werken."},
   {"actor": "college", "status": "planned", "object": "definitieve vaststelling van de koers en het uitvoeringsprogramma in de achttien colleges", "date": dv(year_third(2024, "eind")), "quote": "Eind dit jaar: besluitvorming in de achttien colleges over de koers en het uitvoeringsprogramma."},
 ],
 "plan_changes": [],
 "notes": (
  "doc_year 2024: concept version 0.9 dated 10 juni 2024, before the BOSD meeting of 4 juli 2024. The .docx text is read as one line per paragraph; table rows are read as cells joined by a tab (every quote lies inside one cell or paragraph). "
  "Regions: friesland (province-wide cooperation = jeugdregio Friesland/Fryslân). Municipalities: the 8 named ones; 'alle achttien Friese gemeenten' are not all named. "
  "Dates: 'Sinds 2015' gets 'vanaf'. 'vanaf 1 januari 2026' for the Rijk's verdeelmodel is 'other' (not a contract date); 'per 1 januari 2026' for the new overeenkomsten and the planning bullet are contract_start. "
  "Seasons are astronomical: 'najaar van 2023' 09-23..12-20, 'Na de zomer' / 'na de zomer' = zomer 2024 (06-21..09-22) with modifier 'na', text 'zomer'. 'Eind dit jaar' = eind 2024 (09-01..12-31, granularity year). 'halverwege 2026' = medio 2026 (05-01..08-31, granularity year), event evaluation. "
  "'tot uiterlijk 1 oktober 2025' gets 'uiterlijk' (as in dev-gold 004); 'tot 31-12-2025' in the table gets 'tot'. "
  "NOT dates: '24-uurs', 'per half jaar' / 'een half jaar' (durations), '(vier jaar)', 'artikel 2.6.6 Wmo', 'Conceptversie 0.9', '1.140', '400', 'achttien', 'de komende jaren' (vague), 'daarna jaarlijks' (recurrence). "
  "Segments: four voorzieningen from the table. Beschermd wonen and Maatschappelijke opvang both map to beschermd_wonen (domain.md puts MO there); Beschermd thuis maps to wmo_begeleiding (domain.md wording); Housing First fits no id and is 'other'. "
  "Financing: the dagprijs for beschermd wonen is both current and proposed, so it is listed once as chosen (not previous, since it is not replaced); the budgetplafond is new (chosen). Beschermd thuis: uurtarief previous -> trajectprijzen chosen; resultaatgerichte financiering only considered. MO: subsidy continues in multi-year form (subsidie chosen, listed once). Housing First: projectsubsidie previous -> populatiebekostiging chosen. Financing segment 'other' = Housing First. "
  "Procedures: Open House for beschermd wonen and beschermd thuis (chosen), verlenging of the current BW agreements to 31-12-2025 (chosen), subsidieverlening for MO (procedure id subsidie, chosen), bestuurlijk aanbesteden met overlegtafels for Housing First (chosen), openbare Europese aanbesteding weighed and explicitly not chosen (rejected). "
  "Decisions: Rijk verdeelmodel (taken, undated in the sentence), the colleges' samenwerkingsafspraak (taken, najaar 2023), the BOSD 'wordt gevraagd ... in te stemmen' (proposed, 4 juli 2024) and the colleges' definitive vaststelling (planned, eind 2024; 'De definitieve vaststelling ligt bij de colleges' is the same decision). The extension of the current agreements has no actor and is not listed as a decision. "
  "Plan changes: none (the verlenging to 31-12-2025 gives no original end date)."),
}
check_and_write(g, text)
