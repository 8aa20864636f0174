from lib import *
doc = "h3_06_jaarverslag_duinzicht"
text = open(f"{ROOT}/docs/{doc}.txt", encoding="utf-8").read()
g = {
 "doc": doc,
 "title": "Stichting Duinzicht Kind & Gezin - Jaarverslag 2024",
 "doc_year": 2025,
 "regions": [],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Heiloo", "GM0399"), ("Alkmaar", "GM0361"), ("Castricum", "GM0383"), ("Dijk en Waard", "GM1980")]],
 "segments": [],
 "financing": [],
 "procedures": [],
 "dates": [
   D("2024", year(2024), None, None, "Jaarverslag 2024"),
   D("2024", year(2024), None, "other", "het jaarverslag van Stichting Duinzicht Kind & Gezin over 2024"),
   D("1999", year(1999), None, "other", "Duinzicht is in 1999 opgericht"),
   D("2023", year(2023), None, None, "Kerncijfer\t2023\t2024"),
   D("2024", year(2024), None, None, "Kerncijfer\t2023\t2024"),
   D("1 oktober en 31 december", span(day(2024, 10, 1), day(2024, 12, 31)), None, "other", "Gezinnen die zich tussen 1 oktober en 31 december aanmeldden"),
   D("15 maart", day(2024, 3, 15), None, "other", "openden we op 15 maart onze nieuwe locatie in Heerhugowaard"),
   D("14 juni", day(2024, 6, 14), None, "other", "Op 14 juni vierden we ons 25-jarig bestaan"),
   D("1 september 2024", day(2024, 9, 1), "vanaf", "other", "Sinds 1 september 2024 werken alle teams met één digitaal cliëntdossier (versie 3.2)."),
   D("22 en 26 april", span(day(2024, 4, 22), day(2024, 4, 26)), None, "other", "Tussen 22 en 26 april hielden we een open week"),
   D("Eind november", month_third(2024, 11, "eind"), None, "other", "Eind november bracht de certificerende instelling een bezoek aan drie locaties."),
   D("30 november 2027", day(2027, 11, 30), "tot", "other", "Het keurmerk is zonder tekortkomingen verlengd tot en met 30 november 2027."),
   D("Eind 2024", year_third(2024, "eind"), None, "other", "Eind 2024 werkten 231 mensen bij Duinzicht"),
   D("voorjaar", season(2024, "voorjaar"), None, "other", "In het voorjaar startte een eigen leerlijn voor startende gezinscoaches"),
   D("2-12-2024", day(2024, 12, 2), None, "other", "De ondernemingsraad is op 2-12-2024 opnieuw gekozen."),
   D("2024", year(2024), None, "other", "Het boekjaar 2024 sluiten we af met een positief resultaat"),
   D("2023", year(2023), None, "other", "(2023: € 148.000 negatief)"),
   D("17 april 2025", day(2025, 4, 17), None, "decision", "in zijn vergadering van 17 april 2025 goedgekeurd"),
   D("2025", year(2025), None, "other", "In 2025 ligt de nadruk op het terugdringen van de wachttijd"),
   D("zomer", season(2025, "zomer"), None, "other", "In de zomer verhuist ons hoofdkantoor van Heiloo naar het centrum van Alkmaar."),
   D("zomer", season(2025, "zomer"), "na", "decision", "De Raad van Toezicht besluit na de zomer over de nieuwe meerjarenkoers 2026-2030."),
   D("2026-2030", year(2026, 2030), None, None, "over de nieuwe meerjarenkoers 2026-2030"),
 ],
 "decisions": [
   {"actor": "other", "status": "taken", "object": "jaarrekening en jaarverslag 2024 goedgekeurd (Raad van Toezicht)", "date": dv(day(2025, 4, 17)), "quote": "De Raad van Toezicht heeft de jaarrekening en dit jaarverslag in zijn vergadering van 17 april 2025 goedgekeurd."},
   {"actor": "other", "status": "planned", "object": "besluit over de meerjarenkoers 2026-2030 (Raad van Toezicht)", "date": dv(season(2025, "zomer")), "quote": "De Raad van Toezicht besluit na de zomer over de nieuwe meerjarenkoers 2026-2030."},
 ],
 "plan_changes": [],
 "notes": (
  "NEAR-MISS document: the annual report of a (fictional) youth and family support foundation, NOT a procurement strategy. Only dates, municipalities and the supervisory board's decisions should be extracted; segments, financing, procedures, regions and plan changes are deliberately empty. "
  "doc_year 2025: the report covers 2024 and was approved by the Raad van Toezicht on 17 april 2025; the 'Vooruitblik' speaks of 2025 as current. "
  "Municipalities: Heiloo, Alkmaar, Castricum, Dijk en Waard. 'Heerhugowaard' is a town inside Dijk en Waard in 2024 (the municipality GM0398 was dissolved on 2021-12-31), so it is NOT listed. 'de hogeschool in Alkmaar' repeats Alkmaar. No region is named. "
  "Dates: year-less dates in sections 1-4 take 2024 (the year reported on and the nearest year before them); those in section 6 take 2025 ('In 2025' precedes them). Title year 'Jaarverslag 2024', the table column headers '2023'/'2024' and the name year 'meerjarenkoers 2026-2030' have event null. "
  "'tussen 1 oktober en 31 december' and 'Tussen 22 en 26 april' are one interval each. 'Sinds 1 september 2024' gets 'vanaf'. 'Eind november' = 11-21..11-30 (month); 'Eind 2024' = 09-01..12-31 by the year-thirds convention (granularity year), although the sentence means the year-end position. 'voorjaar' (2024) and 'zomer' (2025) are astronomical seasons; 'na de zomer' gets 'na'. 'tot en met 30 november 2027' gets 'tot'. "
  "NOT dates: ages '4 tot 23 jaar' (despite 'tot'), '17 jaar', '25-jarig', 'vijf maanden', 'versie 3.2', 'van 9 naar 6 weken', 'vier weken', 'de eerste weken', 'jaarlijks', 'maandelijks', amounts, percentages, fte, 'Postbus 1204', postcode '1850 AE', KvK number, phone number. "
  "Traps: the keurmerk is 'verlengd' (a certificate, not a contract: no verlenging procedure); 'De ondernemingsraad ... opnieuw gekozen' and 'De raad telt zeven leden' are about the works council (no 'raad' decision); 'gezinscoaching', 'oudertrainingen', 'wijkteams' are not procurement segments. "
  "Decisions: Raad van Toezicht (actor other): approval of jaarrekening and jaarverslag (taken, 17 april 2025) and the decision on the meerjarenkoers after the summer (planned; date = summer 2025 interval, modifier 'na' on the date entry)."),
}
check_and_write(g, text)
