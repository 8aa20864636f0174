from lib import *
doc = "h3_02_leeswijzer_planning_eemland"
text = open(f"{ROOT}/docs/{doc}.md", encoding="utf-8").read()
g = {
 "doc": doc,
 "title": "Leeswijzer en planning - Aanbesteding Specialistische Jeugdhulp Regio Amersfoort",
 "doc_year": 2025,
 "regions": ["eemland"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Amersfoort", "GM0307"), ("Baarn", "GM0308"), ("Bunschoten", "GM0313"), ("Eemnes", "GM0317"),
   ("Leusden", "GM0327"), ("Soest", "GM0342"), ("Woudenberg", "GM0351")]],
 "segments": [
   {"id": "jeugd_en_opvoedhulp", "label": "Jeugd- en opvoedhulp", "parent": None, "quote": "Perceel 1 – Jeugd- en opvoedhulp"},
   {"id": "kinderen_met_beperking", "label": "Jeugdhulp voor kinderen met een beperking", "parent": None, "quote": "Perceel 2 – Jeugdhulp voor kinderen met een beperking"},
   {"id": "jeugd_ggz", "label": "Jeugd-GGZ", "parent": None, "quote": "Perceel 3 – Jeugd-GGZ"},
 ],
 "financing": [
   {"id": "pxq", "segment": None, "status": "chosen", "quote": "Voor alle percelen rekent u af met een uurprijs per cliënt"},
   {"id": "plafond", "segment": None, "status": "chosen", "quote": "met daarnaast een omzetplafond per aanbieder"},
 ],
 "procedures": [
   {"id": "sas", "segment": None, "status": "chosen", "quote": "Jeugdhulp is een zogenoemde 2B-dienst (sociale en andere specifieke diensten)."},
   {"id": "openbaar", "segment": None, "status": "chosen", "quote": "De Regio Amersfoort kiest binnen dat verlichte regime voor een openbare procedure"},
 ],
 "dates": [
   D("24 februari 2025", day(2025, 2, 24), None, "other", "Kenmerk: RA-JH-2025-004 · Versie 1.1 · 24 februari 2025"),
   D("1 april", day(2025, 4, 1), None, "submission", "is verschoven van 1 april naar 8 april 2025"),
   D("8 april 2025", day(2025, 4, 8), None, "submission", "is verschoven van 1 april naar 8 april 2025"),
   D("12 december 2024", day(2024, 12, 12), None, "decision", "heeft de inkoopstrategie op 12 december 2024 vastgesteld"),
   D("2024", year(2024), None, "other", "Aanbieders die in 2024 minder dan € 50.000 omzet in de regio hadden"),
   D("maandag 3 februari 2025", day(2025, 2, 3), None, "publication", "Publicatie aanbestedingsdocumenten op TenderNed | maandag 3 februari 2025"),
   D("11 februari 2025", day(2025, 2, 11), None, "consultation", "Digitale informatiebijeenkomst voor aanbieders | 11 februari 2025, 14.00–15.30 uur"),
   D("21 februari 2025", day(2025, 2, 21), "tot", "questions_deadline", "Eerste ronde: vragen stellen | t/m 21 februari 2025, 12.00 uur"),
   D("week 10", isoweek(2025, 10), None, "questions_deadline", "Publicatie eerste Nota van inlichtingen | week 10"),
   D("vrijdag 14 maart 2025", day(2025, 3, 14), "uiterlijk", "questions_deadline", "Tweede ronde: vragen stellen | uiterlijk vrijdag 14 maart 2025"),
   D("20-3-2025", day(2025, 3, 20), None, "questions_deadline", "Publicatie tweede (laatste) Nota van inlichtingen | 20-3-2025"),
   D("dinsdag 8 april 2025", day(2025, 4, 8), None, "submission", "Uiterste termijn indienen inschrijving | dinsdag 8 april 2025, 10.00 uur"),
   D("9 t/m 30 april 2025", span(day(2025, 4, 9), day(2025, 4, 30)), None, "other", "Beoordeling van de inschrijvingen | 9 t/m 30 april 2025"),
   D("medio mei 2025", month_third(2025, 5, "medio"), None, "award_provisional", "Verzending voornemen tot gunning | medio mei 2025"),
   D("juni 2025", month(2025, 6), None, "award", "Definitieve gunning en ondertekening | juni 2025"),
   D("1 juli en 31 december 2025", span(day(2025, 7, 1), day(2025, 12, 31)), None, "implementation", "Implementatie en overdracht cliënten | tussen 1 juli en 31 december 2025"),
   D("1 januari 2026", day(2026, 1, 1), None, "contract_start", "Ingangsdatum overeenkomsten | 1 januari 2026"),
   D("21 februari", day(2025, 2, 21), "na", "questions_deadline", "Vragen die na 21 februari binnenkomen, nemen wij mee in de tweede ronde."),
   D("31 december 2028", day(2028, 12, 31), "tot", "contract_end", "De overeenkomsten lopen tot en met 31 december 2028."),
   D("de eerste helft van 2026", (iso(2026, 1, 1), iso(2026, 6, 30), "half_year"), None, "other", "In de eerste helft van 2026 organiseren we per perceel een kennismakingsbijeenkomst"),
 ],
 "decisions": [
   {"actor": "regionaal_bestuur", "status": "taken", "object": "inkoopstrategie jeugdhulp Regio Amersfoort vastgesteld (Regionaal Bestuurlijk Overleg Jeugd)", "date": dv(day(2024, 12, 12)), "quote": "Het Regionaal Bestuurlijk Overleg Jeugd heeft de inkoopstrategie op 12 december 2024 vastgesteld"},
   {"actor": "college", "status": "planned", "object": "gunningsbesluit namens de zeven gemeenten (college van Amersfoort)", "date": None, "quote": "Het college van burgemeester en wethouders van Amersfoort neemt namens de zeven gemeenten het gunningsbesluit."},
 ],
 "plan_changes": [
   {"what": "uiterste datum indienen inschrijving", "from": {"start": "2025-04-01", "end": "2025-04-01"}, "to": {"start": "2025-04-08", "end": "2025-04-08"},
    "quote": "de uiterste datum voor het indienen van de inschrijving is verschoven van 1 april naar 8 april 2025"},
 ],
 "notes": (
  "doc_year 2025: version 1.1 of a tender 'Leeswijzer en planning', dated 24 februari 2025 in its header (after the first question round closed on 21 februari). "
  "Regions: eemland ('Regio Amersfoort' is an alias). Municipalities: all 7 named. "
  "Dates: the Markdown table is read row by row; contexts use ' | ' for the cell boundary. Weekday names are part of the date text ('maandag 3 februari 2025', 'vrijdag 14 maart 2025', 'dinsdag 8 april 2025'); a prediction without the weekday should count as the same span. "
  "'van 1 april naar 8 april 2025' is NOT a connected range ('naar' marks a change, not an interval): two dates, both submission; '1 april' takes 2025 from the following date. "
  "'t/m 21 februari 2025' gets modifier 'tot'. 'week 10' is ISO week 10 of 2025 (2025-03-03..03-09). '9 t/m 30 april 2025' and 'tussen 1 juli en 31 december 2025' are one interval each. "
  "'medio mei 2025' = days 11-20. 'de eerste helft van 2026' = half_year 01-01..06-30. 'Vragen die na 21 februari binnenkomen' is 2025-02-21 with modifier 'na'. "
  "Events: Nota van inlichtingen publications and question rounds = questions_deadline; 'Beoordeling van de inschrijvingen' = other (no closer event); 'Verzending voornemen tot gunning' = award_provisional; 'Definitieve gunning en ondertekening' = award; header date = other. "
  "NOT dates: kenmerk 'RA-JH-2025-004' (contains a year-like number), 'Versie 1.1', 'versie 1.0', clock times ('14.00–15.30 uur', '12.00 uur', '10.00 uur'), 'bijlage 3 tot en met 7', 'Bijlagen 1 tot en met 9', '90 dagen', 'drie jaar', '6 pagina's', 'paragraaf 4.3', '€ 50.000', the phone number. "
  "Segments: the three percelen. 'dagbehandeling' is part of perceel 2 and not listed. 'Crisishulp en jeugdzorgplus' are explicitly outside this tender and are NOT listed. "
  "Financing: uurprijs (pxq) and omzetplafond (plafond), both chosen for all percelen (segment null). "
  "Procedures: 2B-dienst = sas (chosen) and 'openbare procedure' (chosen). 'er is geen voorselectie' describes the open procedure; niet_openbaar is not listed (rejected would be an over-reading). "
  "Decisions: RBO Jeugd vaststelling inkoopstrategie (taken, 12 december 2024) and the future gunningsbesluit by the college of Amersfoort (planned; its date is not given in that sentence, although the table puts 'Definitieve gunning' in juni 2025). "
  "Plan changes: the submission deadline moves from 1 april 2025 to 8 april 2025."),
}
check_and_write(g, text)
