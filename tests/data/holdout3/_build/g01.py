from lib import *
doc = "h3_01_raadsvoorstel_zaanstreek_waterland"
text = open(f"{ROOT}/docs/{doc}.txt", encoding="utf-8").read()
MEET = dv(day(2024, 11, 7))
g = {
 "doc": doc,
 "title": "Raadsvoorstel Regionale inkoopstrategie jeugdhulp Zaanstreek-Waterland 2026-2029",
 "doc_year": 2024,
 "regions": ["zaanstreek_waterland"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [
   ("Wormerland", "GM0880"), ("Edam-Volendam", "GM0385"), ("Landsmeer", "GM0415"), ("Oostzaan", "GM0431"),
   ("Purmerend", "GM0439"), ("Waterland", "GM0852"), ("Zaanstad", "GM0479")]],
 "segments": [
   {"id": "ambulant", "label": "Ambulante hulp", "parent": None, "quote": "Perceel 1: Ambulante hulp, dat wil zeggen begeleiding en behandeling in de eigen leefomgeving"},
   {"id": "jeugd_ggz", "label": "jeugd-GGZ", "parent": "ambulant", "quote": "inclusief de jeugd-GGZ"},
   {"id": "verblijf", "label": "Verblijf en pleegzorg", "parent": None, "quote": "Perceel 2: Verblijf en pleegzorg"},
   {"id": "dyslexie", "label": "Dyslexiezorg", "parent": None, "quote": "Perceel 3: Dyslexiezorg"},
   {"id": "crisis", "label": "Spoedhulp en crisisopvang", "parent": None, "quote": "Perceel 4: Spoedhulp en crisisopvang, dag en nacht bereikbaar"},
 ],
 "financing": [
   {"id": "pxq", "segment": None, "status": "previous", "quote": "Tot nu toe rekenen aanbieders af op basis van een uurprijs per geleverde eenheid zorg."},
   {"id": "trajectfinanciering", "segment": "ambulant", "status": "chosen", "quote": "Voor perceel 1 stappen we daarom over op trajectprijzen"},
   {"id": "pxq", "segment": "verblijf", "status": "chosen", "quote": "Voor verblijf blijft een dagprijs gelden"},
   {"id": "populatiebekostiging", "segment": "dyslexie", "status": "chosen", "quote": "Voor dyslexiezorg kiezen we voor populatiebekostiging"},
   {"id": "lumpsum", "segment": "crisis", "status": "chosen", "quote": "Perceel 4 wordt bekostigd via een lumpsum per aanbieder"},
   {"id": "plafond", "segment": None, "status": "rejected", "quote": "Een zorgplafond per aanbieder, zoals enkele buurregio's hanteren, nemen we uitdrukkelijk niet op."},
 ],
 "procedures": [
   {"id": "openbaar", "segment": None, "status": "previous", "quote": "De huidige overeenkomsten zijn per 1 januari 2020 ingegaan, na een openbare Europese aanbesteding in 2019"},
   {"id": "sas", "segment": None, "status": "chosen", "quote": "Jeugdhulp is een 2B-dienst; de Aanbestedingswet laat gemeenten daardoor veel ruimte om de procedure zelf in te richten (verlicht regime)."},
   {"id": "open_house", "segment": "ambulant", "status": "chosen", "quote": "Voor de percelen 1 en 3 hanteren we een Open House-toelatingsprocedure"},
   {"id": "open_house", "segment": "dyslexie", "status": "chosen", "quote": "Voor de percelen 1 en 3 hanteren we een Open House-toelatingsprocedure"},
   {"id": "niet_openbaar", "segment": "verblijf", "status": "chosen", "quote": "Voor de percelen 2 en 4 kiezen we voor een niet-openbare procedure met voorselectie."},
   {"id": "niet_openbaar", "segment": "crisis", "status": "chosen", "quote": "Voor de percelen 2 en 4 kiezen we voor een niet-openbare procedure met voorselectie."},
   {"id": "verlenging", "segment": None, "status": "chosen", "quote": "in te stemmen met het eenmalig verlengen van de lopende overeenkomsten specialistische jeugdhulp met een jaar, tot en met 31-12-2025"},
 ],
 "dates": [
   D("2026-2029", year(2026, 2029), None, None, "Onderwerp: Regionale inkoopstrategie jeugdhulp Zaanstreek-Waterland 2026-2029"),
   D("24 september 2024", day(2024, 9, 24), None, "decision", "Datum collegebesluit: 24 september 2024"),
   D("15 oktober 2024", day(2024, 10, 15), None, "other", "Commissie Samenleving: 15 oktober 2024"),
   D("7 november 2024", day(2024, 11, 7), None, "decision", "Raadsvergadering: 7 november 2024"),
   D("31-12-2025", day(2025, 12, 31), "tot", "contract_end", "met een jaar, tot en met 31-12-2025;"),
   D("1 januari 2020", day(2020, 1, 1), "per", "contract_start", "De huidige overeenkomsten zijn per 1 januari 2020 ingegaan"),
   D("2019", year(2019), None, "other", "na een openbare Europese aanbesteding in 2019"),
   D("31 december 2024", day(2024, 12, 31), None, "contract_end", "en lopen formeel af op 31 december 2024"),
   D("2015", year(2015), "vanaf", "other", "Sinds 2015 zijn gemeenten verantwoordelijk"),
   D("2023", year(2023), None, "other", "in 2023 gaf de regio € 84,3 miljoen uit"),
   D("19 juni 2024", day(2024, 6, 19), None, "decision", "heeft op 19 juni 2024 ingestemd met het concept van de inkoopstrategie"),
   D("24 september 2024", day(2024, 9, 24), None, "decision", "Ons college heeft de strategie op 24 september 2024 vrijgegeven"),
   D("2 oktober 2024", day(2024, 10, 2), None, "other", "Aanbieders zijn hierover op 2 oktober 2024 geïnformeerd."),
   D("voorjaar van 2025", season(2025, "voorjaar"), None, "other", "De prijzen worden daarom in het voorjaar van 2025 vastgesteld"),
   D("2026", year(2026), None, "other", "Het regionale budget voor 2026 komt naar verwachting uit op € 86 miljoen"),
   D("half december 2024", month_third(2024, 12, "medio"), "uiterlijk", "decision", "Na vaststelling door de zeven raden, uiterlijk half december 2024"),
   D("het eerste kwartaal van 2025", quarter(2025, 1), None, "publication", "De aankondiging volgt in het eerste kwartaal van 2025."),
   D("1 april en 15 mei 2025", span(day(2025, 4, 1), day(2025, 5, 15)), None, "submission", "Inschrijven kan tussen 1 april en 15 mei 2025."),
   D("juni 2025", month(2025, 6), None, "decision", "Het college van Zaanstad neemt in juni 2025 het gunningsbesluit namens de regio."),
   D("1-7-2025", day(2025, 7, 1), None, "award_provisional", "Voorlopige gunning: 1-7-2025"),
   D("1-1-2026", day(2026, 1, 1), "per", "contract_start", "De nieuwe contracten gaan in per 1-1-2026"),
 ],
 "decisions": [
   {"actor": "regionaal_bestuur", "status": "taken", "object": "instemming met het concept van de regionale inkoopstrategie (portefeuillehoudersoverleg Sociaal Domein)", "date": dv(day(2024, 6, 19)), "quote": "Het regionaal portefeuillehoudersoverleg Sociaal Domein heeft op 19 juni 2024 ingestemd met het concept van de inkoopstrategie."},
   {"actor": "college", "status": "taken", "object": "inkoopstrategie vrijgegeven en ter vaststelling aan de raad voorgelegd", "date": dv(day(2024, 9, 24)), "quote": "Ons college heeft de strategie op 24 september 2024 vrijgegeven en legt haar ter vaststelling aan uw raad voor."},
   {"actor": "raad", "status": "proposed", "object": "Regionale inkoopstrategie jeugdhulp Zaanstreek-Waterland vaststellen", "date": MEET, "quote": "de Regionale inkoopstrategie jeugdhulp Zaanstreek-Waterland vast te stellen"},
   {"actor": "raad", "status": "proposed", "object": "instemmen met eenmalige verlenging van de lopende overeenkomsten met een jaar, tot en met 31-12-2025", "date": MEET, "quote": "in te stemmen met het eenmalig verlengen van de lopende overeenkomsten specialistische jeugdhulp met een jaar, tot en met 31-12-2025"},
   {"actor": "raad", "status": "proposed", "object": "kennisnemen van de globale planning van de aanbesteding", "date": MEET, "quote": "kennis te nemen van de globale planning van de aanbesteding (bijlage 2)"},
   {"actor": "college", "status": "planned", "object": "gunningsbesluit namens de regio (college van Zaanstad)", "date": dv(month(2025, 6)), "quote": "Het college van Zaanstad neemt in juni 2025 het gunningsbesluit namens de regio."},
 ],
 "plan_changes": [
   {"what": "einddatum lopende overeenkomsten specialistische jeugdhulp (voorgestelde verlenging met een jaar)",
    "from": {"start": "2024-12-31", "end": "2024-12-31"}, "to": {"start": "2025-12-31", "end": "2025-12-31"},
    "quote": "en lopen formeel af op 31 december 2024"},
 ],
 "notes": (
  "doc_year 2024: a raadsvoorstel of Wormerland dated by its own header (collegebesluit 24 september 2024, raadsvergadering 7 november 2024); written between those dates. "
  "Regions: zaanstreek_waterland. Municipalities: all 7 named. "
  "Dates: every calendar expression is listed, including repeats. The title year range '2026-2029' has event null. 'tot en met 31-12-2025' gets modifier 'tot'. 'Sinds 2015' gets modifier 'vanaf' (sinds = vanaf, looking back). "
  "'tussen 1 april en 15 mei 2025' is one connected interval (X en Y), granularity day. 'half december 2024' = medio december (days 11-20), modifier 'uiterlijk', event decision (the raadsbesluiten). "
  "'juni 2025' gunningsbesluit is tagged decision (award is arguable; the notification 'Voorlopige gunning: 1-7-2025' is award_provisional). "
  "'voorjaar van 2025' is astronomical spring (03-20..06-20). 'in 2019' (the earlier tender) is 'other' (publication arguable). "
  "NOT dates: 'jeugdigen van 0 tot 18 jaar' (ages, despite 'tot'), '24/7', 'termijn van 20 dagen', 'maximaal 6 maanden', 'vier jaar', 'anderhalf jaar', 'over vijf jaar', 'artikel 2.12 Jeugdwet', 'versie 2.3', '3,9%', '30%', registration number 'Z/24/118734', the phone number. "
  "Segments: four percelen; 'jeugd-GGZ' is a sub-segment of Perceel 1 (parent ambulant). 'Verblijf en pleegzorg' is one perceel, listed once as verblijf (pleegzorg is not split off). 'Jeugdbescherming en jeugdreclassering' are explicitly outside this procurement and are NOT listed. "
  "Financing: the current 'uurprijs' is pxq/previous (segment null). The strategy's proposals count as chosen: trajectprijzen (ambulant), dagprijs (pxq, verblijf), populatiebekostiging (dyslexie), lumpsum per aanbieder (crisis). The zorgplafond is explicitly rejected. "
  "Procedures: the earlier openbare Europese aanbesteding (2019) is previous. '2B-dienst ... verlicht regime' is sas/chosen (frame for both routes). Open House for percelen 1 and 3 and niet-openbaar met voorselectie for percelen 2 and 4, one entry per segment. The one-year verlenging is chosen (the proposal of this raadsvoorstel). "
  "Decisions: the three besluitpunten are separate 'proposed' raad decisions, dated with the raadsvergadering (7 november 2024). 'stellen wij voor de huidige overeenkomsten nog een jaar door te laten lopen' duplicates besluitpunt 2 and is not listed again. 'Na vaststelling door de zeven raden' refers to the same vaststelling (not listed separately). "
  "Plan changes: the end of the current contracts moves from 31 december 2024 to 31-12-2025 (proposed verlenging)."),
}
check_and_write(g, text)
