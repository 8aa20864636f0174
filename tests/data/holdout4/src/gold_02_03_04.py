from gold_01_05_06 import *

# ---------------------------------------------------------------- 02 Waalwijk (HTML)
GOLD["h4_02_waalwijk_besluitenlijst"] = {
 "title": "Openbare besluitenlijst college van B&W Waalwijk, vergadering 11 maart 2025",
 "doc_year": 2025, "regions": ["hart_van_brabant", "langstraat"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [("Waalwijk","GM0867"),("Tilburg","GM0855"),("Heusden","GM0797"),("Loon op Zand","GM0809")]],
 "segments": [
  S("ambulant","ambulante jeugdhulp",None,"voor de ambulante jeugdhulp overgestapt op trajectprijzen"),
  S("verblijf","jeugdhulp met verblijf",None,"Voor jeugdhulp met verblijf blijven dagprijzen gelden"),
  S("hulp_bij_huishouden","hulp bij het huishouden",None,"hebben de hulp bij het huishouden gezamenlijk gecontracteerd"),
 ],
 "financing": [
  F("trajectfinanciering","ambulant","chosen","wordt voor de ambulante jeugdhulp overgestapt op trajectprijzen per zorgvraagtype"),
  F("pxq","verblijf","chosen","Voor jeugdhulp met verblijf blijven dagprijzen gelden"),
  F("plafond","verblijf","chosen","aangevuld met een budgetplafond per aanbieder"),
  F("pxq","hulp_bij_huishouden","chosen","Aanbieders worden betaald met een uurprijs."),
 ],
 "procedures": [
  F("openbaar",None,"chosen","De inkoop gebeurt via een openbare aanbestedingsprocedure"),
  F("verlenging",None,"chosen","de lopende overeenkomsten jeugdhulp daartoe met zes maanden te verlengen, tot en met 31 december 2025"),
 ],
 "dates": [
  D("dinsdag 11 maart 2025",day(2025,3,11),None,"decision","Datum vergadering: dinsdag 11 maart 2025"),
  D("18 maart 2025",day(2025,3,18),None,"decision","Vastgesteld in de vergadering van 18 maart 2025"),
  D("4 maart 2025",day(2025,3,4),None,"other","De besluitenlijst van de vergadering van 4 maart 2025"),
  D("2026",year(2026),"vanaf",None,"Regionale inkoop jeugdhulp Hart van Brabant vanaf 2026"),
  D("2026–2030",years(2026,2030),None,None,"Inkoopstrategie Jeugdhulp 2026–2030 wordt"),
  D("1 juli 2025",day(2025,7,1),"per","contract_start","niet per 1 juli 2025 ingaan"),
  D("27 februari 2025",day(2025,2,27),None,"decision","heeft op 27 februari 2025 geadviseerd"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","de ingangsdatum te verschuiven naar 1 januari 2026"),
  D("2026–2030",years(2026,2030),None,None,"Inkoopstrategie Jeugdhulp Hart van Brabant 2026–2030;"),
  D("1 juli 2025",day(2025,7,1),None,"contract_start","nieuwe overeenkomsten jeugdhulp van 1 juli 2025"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","van 1 juli 2025 naar 1 januari 2026;"),
  D("31 december 2025",day(2025,12,31),"tot","contract_end","met zes maanden te verlengen, tot en met 31 december 2025"),
  D("september 2025",month(2025,9),None,"award","die voor september 2025 is voorzien"),
  D("2025",year(2025),None,None,"Hulp bij het huishouden: tarief 2025"),
  D("1 april 2025",day(2025,4,1),"per","other","met ingang van 1 april 2025 vastgesteld"),
  D("21 maart",day(2025,3,21),"uiterlijk","other","worden uiterlijk 21 maart schriftelijk"),
  D("17 februari 2025",day(2025,2,17),None,"other","de vragen van de fractie van 17 februari 2025"),
  D("25 maart 2025",day(2025,3,25),None,"decision","de collegevergadering van 25 maart 2025"),
  D("2025–2028",years(2025,2028),None,None,"6. Uitvoeringsagenda Jeugd 2025–2028"),
  D("het tweede kwartaal van 2025",quarter(2025,2),"vanaf","other","(0,8 fte) vanaf het tweede kwartaal van 2025"),
  D("2025–2028",years(2025,2028),None,None,"stemt in met de Uitvoeringsagenda Jeugd 2025–2028"),
  D("10 april 2025",day(2025,4,10),None,"decision","in de vergadering van 10 april 2025"),
 ],
 "decisions": [
  DEC("college","taken","besluitenlijst van 4 maart 2025 ongewijzigd vastgesteld",day(2025,3,11),"De besluitenlijst van de vergadering van 4 maart 2025 wordt ongewijzigd vastgesteld."),
  DEC("regionaal_bestuur","proposed","advies: ingangsdatum nieuwe overeenkomsten jeugdhulp verschuiven naar 1 januari 2026",day(2025,2,27),"Het Regionaal Bestuurlijk Overleg Jeugd heeft op 27 februari 2025 geadviseerd de ingangsdatum te verschuiven naar 1 januari 2026."),
  DEC("college","taken","instemming met de regionale Inkoopstrategie Jeugdhulp Hart van Brabant 2026–2030",day(2025,3,11),"in te stemmen met de regionale Inkoopstrategie Jeugdhulp Hart van Brabant 2026–2030;"),
  DEC("college","taken","ingangsdatum nieuwe overeenkomsten jeugdhulp verschoven van 1 juli 2025 naar 1 januari 2026",day(2025,3,11),"in te stemmen met het verschuiven van de ingangsdatum van de nieuwe overeenkomsten jeugdhulp van 1 juli 2025 naar 1 januari 2026;"),
  DEC("college","taken","lopende overeenkomsten jeugdhulp met zes maanden verlengen tot en met 31 december 2025",day(2025,3,11),"de lopende overeenkomsten jeugdhulp daartoe met zes maanden te verlengen, tot en met 31 december 2025;"),
  DEC("college","taken","wethouder Jeugd gemandateerd om in het RBO in te stemmen met de gunning",day(2025,3,11),"de wethouder Jeugd te mandateren om in het Regionaal Bestuurlijk Overleg namens Waalwijk in te stemmen met de gunning"),
  DEC("college","taken","gemeenteraad informeren via raadsinformatiebrief",day(2025,3,11),"de gemeenteraad via een raadsinformatiebrief te informeren."),
  DEC("regionaal_bestuur","planned","instemming met de gunning in het Regionaal Bestuurlijk Overleg",month(2025,9),"in te stemmen met de gunning, die voor september 2025 is voorzien;"),
  DEC("college","taken","uurtarief hulp bij het huishouden per 1 april 2025 vastgesteld op € 38,47",day(2025,3,11),"Het uurtarief voor hulp bij het huishouden wordt met ingang van 1 april 2025 vastgesteld op € 38,47."),
  DEC("college","taken","beantwoording schriftelijke vragen wachttijden jeugd-GGZ vastgesteld",day(2025,3,11),"Het college stelt de beantwoording van de vragen van de fractie van 17 februari 2025 vast."),
  DEC("college","planned","voorstel subsidieplafond preventief jeugdbeleid (aangehouden, opnieuw geagendeerd)",day(2025,3,25),"Het voorstel wordt opnieuw geagendeerd voor de collegevergadering van 25 maart 2025"),
  DEC("college","taken","instemming met de Uitvoeringsagenda Jeugd 2025–2028",day(2025,3,11),"Het college stemt in met de Uitvoeringsagenda Jeugd 2025–2028"),
  DEC("raad","planned","vaststelling Uitvoeringsagenda Jeugd 2025–2028",day(2025,4,10),"legt deze ter vaststelling voor aan de gemeenteraad in de vergadering van 10 april 2025"),
 ],
 "plan_changes": [
  PC("ingangsdatum nieuwe overeenkomsten jeugdhulp Hart van Brabant",("2025-07-01","2025-07-01"),("2026-01-01","2026-01-01"),"in te stemmen met het verschuiven van de ingangsdatum van de nieuwe overeenkomsten jeugdhulp van 1 juli 2025 naar 1 januari 2026"),
  PC("einddatum lopende overeenkomsten jeugdhulp (zes maanden verlengd)",("2025-06-30","2025-06-30"),("2025-12-31","2025-12-31"),"de lopende overeenkomsten jeugdhulp daartoe met zes maanden te verlengen, tot en met 31 december 2025"),
 ],
 "notes": ("HTML besluitenlijst. Gold text = the visible body text (tags stripped, <head> ignored; the <title> carries no date). doc_year 2025; the list was adopted ('Vastgesteld') on 18 maart 2025, so decisions of 11 maart are taken, those for 25 maart and 10 april are planned. "
  "Regions: hart_van_brabant (the negen gemeenten, Tilburg centrumgemeente) and langstraat, the HbH cooperation of Waalwijk, Heusden and Loon op Zand (not a jeugdregio; slug of its usual name per domain.md). Municipalities: Waalwijk, Tilburg, Heusden, Loon op Zand ('Besoijen' is a district). "
  "Dates: the meeting date keeps its weekday ('dinsdag 11 maart 2025') and is tagged decision, as is the adoption date 18 maart 2025; the date of the previous meeting (4 maart) is 'other'. 'van 1 juli 2025 naar 1 januari 2026' is a change, not a range (two expressions, modifier null). 'die voor september 2025 is voorzien' = planned for September, so modifier null (not 'before'; cf. dev gold 'voor 2023'). 'met ingang van' = per. Year-less '21 maart' = 2025. Heading 'vanaf 2026' keeps modifier vanaf with event null (heading, as dev gold 001). Names/titles '2026–2030', '2025–2028', 'tarief 2025' have event null. Non-dates: '09.00 uur', '11.45 uur', 'Z.118204', '4,1%', '€ 38,47', 'artikel 5.4', 'artikel 41', '30 dagen', '0,8 fte', '€ 265.000', '14 0416', agenda numbers. "
  "Segments: ambulante jeugdhulp, jeugdhulp met verblijf, hulp bij het huishouden. 'jeugd-GGZ' only occurs in the title of council questions about waiting times and is NOT listed (passing mention, not a procurement segment). "
  "Financing: trajectprijzen (ambulant), dagprijzen + budgetplafond (verblijf), uurprijs HbH (pxq, current and continued -> chosen). The 'Subsidieplafond preventief jeugdbeleid' item is preventive policy, not care procurement, and is NOT listed as subsidie/plafond. "
  "Procedures: openbare aanbestedingsprocedure (segment null, whole jeugdhulp inkoop) and the six-month verlenging. "
  "Decisions: one per numbered besluit; the RBO 'geadviseerd' = regionaal_bestuur/proposed; the RBO gunning in September = planned; the 'Aangehouden' item is listed as a planned college decision on 25 maart. "
  "Plan changes: contract start 1-7-2025 -> 1-1-2026; end of current contracts extended by six months to 31-12-2025 (the 'from' 30-6-2025 is inferred from 'met zes maanden')."),
}

# ---------------------------------------------------------------- 03 Vlissingen (DOCX)
GOLD["h4_03_vlissingen_raadsinformatiebrief"] = {
 "title": "Raadsinformatiebrief: stand van zaken inkoop specialistische jeugdhulp en Wmo-begeleiding Zeeland",
 "doc_year": 2024, "regions": ["zeeland"],
 "municipalities": [{"name": "Vlissingen", "cbs": "GM0718"}, {"name": "Middelburg", "cbs": "GM0687"}],
 "segments": [
  S("ambulant","ambulante jeugdhulp, inclusief jeugd-GGZ",None,"Perceel 1: ambulante jeugdhulp, inclusief jeugd-GGZ;"),
  S("jeugd_ggz","jeugd-GGZ","ambulant","Perceel 1: ambulante jeugdhulp, inclusief jeugd-GGZ;"),
  S("verblijf","jeugdhulp met verblijf",None,"Perceel 2: jeugdhulp met verblijf, waaronder pleegzorg en gezinshuizen;"),
  S("verblijf","pleegzorg","verblijf","waaronder pleegzorg en gezinshuizen"),
  S("verblijf","gezinshuizen","verblijf","waaronder pleegzorg en gezinshuizen"),
  S("wmo_begeleiding","Wmo-begeleiding individueel en in groepsverband (dagbesteding)",None,"Perceel 3: Wmo-begeleiding individueel en in groepsverband (dagbesteding);"),
  S("wmo_logeren","logeren (kortdurend verblijf) voor jeugd en Wmo",None,"Perceel 4: logeren (kortdurend verblijf) voor jeugd en Wmo."),
 ],
 "financing": [
  F("pxq","ambulant","previous","Voor de percelen 1 en 3 stappen de gemeenten over van een uurtarief naar een vast budget per aanbieder per jaar."),
  F("pxq","wmo_begeleiding","previous","Voor de percelen 1 en 3 stappen de gemeenten over van een uurtarief naar een vast budget per aanbieder per jaar."),
  F("lumpsum","ambulant","chosen","Voor de percelen 1 en 3 stappen de gemeenten over van een uurtarief naar een vast budget per aanbieder per jaar."),
  F("lumpsum","wmo_begeleiding","chosen","Voor de percelen 1 en 3 stappen de gemeenten over van een uurtarief naar een vast budget per aanbieder per jaar."),
  F("pxq","verblijf","chosen","Voor de percelen 2 en 4 blijft een tarief per etmaal gelden."),
  F("pxq","wmo_logeren","chosen","Voor de percelen 2 en 4 blijft een tarief per etmaal gelden."),
 ],
 "procedures": [
  F("open_house",None,"previous","het Open House-model, waarmee nu ruim 190 aanbieders zijn gecontracteerd, te verlaten"),
  F("niet_openbaar",None,"chosen","De nieuwe inkoop verloopt via een niet-openbare procedure"),
  F("verlenging",None,"chosen","maar met een half jaar verlengd tot en met 30 juni 2025"),
 ],
 "dates": [
  D("9 juli 2024",day(2024,7,9),None,None,"Datum: 9 juli 2024"),
  D("14 november 2023",day(2023,11,14),None,"other","In onze brief van 14 november 2023"),
  D("1 januari 2025",day(2025,1,1),None,"contract_start","de nieuwe contracten op 1 januari 2025 zouden ingaan"),
  D("1 juli 2023",day(2023,7,1),None,"other","de cao-verhoging van 1 juli 2023"),
  D("januari en februari 2024",months(2024,1,2024,2),None,"consultation","marktconsultatie in januari en februari 2024"),
  D("20 juni 2024",day(2024,6,20),None,"decision","is op 20 juni 2024 akkoord gegaan"),
  D("2 juli 2024",day(2024,7,2),None,"decision","Ons college heeft die op 2 juli 2024 overgenomen"),
  D("december 2023",month(2023,12),None,"decision","Vaststelling inkoopdocumenten door de colleges\tdecember 2023"),
  D("17 september 2024",day(2024,9,17),None,"decision","december 2023\t17 september 2024"),
  D("eind januari 2024",bme_month("eind",2024,1),None,"publication","Publicatie selectieleidraad op TenderNed\teind januari 2024"),
  D("8 oktober 2024",day(2024,10,8),None,"publication","eind januari 2024\t8 oktober 2024"),
  D("maart 2024",month(2024,3),None,"submission","Indienen inschrijvingen\tmaart 2024"),
  D("week 47",isoweek(2024,47),None,"submission","maart 2024\tweek 47"),
  D("1 mei 2024",day(2024,5,1),None,"award","Gunning\t1 mei 2024"),
  D("februari 2025",month(2025,2),None,"award","1 mei 2024\tfebruari 2025"),
  D("1 januari 2025",day(2025,1,1),None,"contract_start","Ingangsdatum nieuwe contracten\t1 januari 2025"),
  D("1 juli 2025",day(2025,7,1),None,"contract_start","1 januari 2025\t1 juli 2025"),
  D("1 juli 2025",day(2025,7,1),None,"contract_start","pas op 1 juli 2025 ingaan"),
  D("31 december 2024",day(2024,12,31),None,"contract_end","niet op 31 december 2024 beëindigd"),
  D("30 juni 2025",day(2025,6,30),"tot","contract_end","verlengd tot en met 30 juni 2025"),
  D("eind juni",bme_month("eind",2024,6),None,"other","de addenda zijn eind juni ondertekend"),
  D("1 januari 2025",day(2025,1,1),"per","other","de tarieven per 1 januari 2025 worden geïndexeerd"),
  D("31 oktober 2024",day(2024,10,31),None,"decision","in de vergadering van 31 oktober 2024"),
  D("donderdag 26 september 2024",day(2024,9,26),None,"consultation","Op donderdag 26 september 2024 van 15.00"),
  D("het eerste kwartaal van 2025",quarter(2025,1),None,"other","In het eerste kwartaal van 2025 informeren"),
 ],
 "decisions": [
  DEC("college","taken","Open House-model verlaten; inkoop via niet-openbare procedure met maximaal 12 aanbieders per perceel",None,"De Zeeuwse gemeenten hebben besloten het Open House-model, waarmee nu ruim 190 aanbieders zijn gecontracteerd, te verlaten."),
  DEC("regionaal_bestuur","taken","akkoord met geactualiseerde planning inkoop",day(2024,6,20),"De Regionale Stuurgroep Sociaal Domein Zeeland is op 20 juni 2024 akkoord gegaan met een geactualiseerde planning."),
  DEC("college","taken","geactualiseerde planning overgenomen",day(2024,7,2),"Ons college heeft die op 2 juli 2024 overgenomen."),
  DEC("college","planned","vaststelling inkoopdocumenten door de colleges",day(2024,9,17),"Vaststelling inkoopdocumenten door de colleges\tdecember 2023\t17 september 2024"),
  DEC("aanbieders","taken","ingestemd met verlenging huidige overeenkomsten tot en met 30 juni 2025",None,"Alle aanbieders hebben daarmee ingestemd"),
  DEC("college","proposed","extra kosten verlenging (ca. € 160.000 voor Vlissingen) opnemen in de najaarsnota",None,"Wij stellen u voor dit bedrag op te nemen in de najaarsnota"),
  DEC("raad","planned","besluit over opname extra kosten in de najaarsnota",day(2024,10,31),"uw raad beslist daarover in de vergadering van 31 oktober 2024"),
 ],
 "plan_changes": [
  PC("vaststelling inkoopdocumenten door de colleges",("2023-12-01","2023-12-31"),("2024-09-17","2024-09-17"),"Vaststelling inkoopdocumenten door de colleges\tdecember 2023\t17 september 2024"),
  PC("publicatie selectieleidraad op TenderNed",("2024-01-21","2024-01-31"),("2024-10-08","2024-10-08"),"Publicatie selectieleidraad op TenderNed\teind januari 2024\t8 oktober 2024"),
  PC("indienen inschrijvingen",("2024-03-01","2024-03-31"),("2024-11-18","2024-11-24"),"Indienen inschrijvingen\tmaart 2024\tweek 47"),
  PC("gunning",("2024-05-01","2024-05-01"),("2025-02-01","2025-02-28"),"Gunning\t1 mei 2024\tfebruari 2025"),
  PC("ingangsdatum nieuwe contracten jeugdhulp en Wmo-begeleiding Zeeland",("2025-01-01","2025-01-01"),("2025-07-01","2025-07-01"),"Ingangsdatum nieuwe contracten\t1 januari 2025\t1 juli 2025"),
  PC("einddatum huidige overeenkomsten (half jaar verlengd)",("2024-12-31","2024-12-31"),("2025-06-30","2025-06-30"),"worden de huidige overeenkomsten niet op 31 december 2024 beëindigd, maar met een half jaar verlengd tot en met 30 juni 2025"),
 ],
 "notes": ("DOCX raadsinformatiebrief. Gold text = paragraphs one per line, table rows with cells joined by tabs (src/h4_03.plain.txt). doc_year 2024 (dated 9 juli 2024). "
  "Regions: zeeland (de dertien Zeeuwse gemeenten, not named individually). Municipalities: Vlissingen (author) and Middelburg (venue). "
  "Dates: table 'Oorspronkelijke planning' and 'Nieuwe planning' cells carry the events of their row. 'week 47' has no year: it is a new-planning date after 8 oktober 2024 and before februari 2025, so ISO week 47 of 2024 (2024-11-18..24). Year-less 'eind juni' (addenda signed) is 2024: the nearest earlier year in the text is 2025 ('30 juni 2025'), but the past tense and the document date (9 juli 2024) fix it to 2024 (cf. dev gold 000 'Eind januari'). 'januari en februari 2024' is one connected interval. '1 januari 2025' in the indexation sentence is 'other' (tariff indexation), not contract_start. The aanbieders meeting (26 september) is consultation. Weekday words are kept in the surface text. Non-dates: '15.00 tot 17.00 uur', '3,8%', '€ 1,3 miljoen', '€ 160.000', '12 aanbieders', '190', 'een half jaar', '14 0118', perceel numbers. "
  "Segments: four percelen; jeugd-GGZ is a sub-segment of perceel 1 (parent ambulant), pleegzorg and gezinshuizen of perceel 2. Perceel 4 'logeren (kortdurend verblijf) voor jeugd en Wmo' maps to wmo_logeren (it covers jeugd too; verblijf would be the jeugd reading). "
  "Financing: percelen 1 and 3 move from uurtarief (pxq, previous) to a fixed budget per aanbieder per year (lumpsum, chosen); percelen 2 and 4 keep a tarief per etmaal (pxq, chosen). "
  "Procedures: Open House (previous), niet-openbare procedure (chosen; selection then inschrijving), verlenging by half a year (chosen). "
  "Decisions: 'De Zeeuwse gemeenten hebben besloten' -> college/taken. The 17 september 2024 vaststelling from the table is planned. 'Alle aanbieders hebben daarmee ingestemd' -> aanbieders/taken. The college's proposal to the raad (najaarsnota) = college/proposed; the raad decision on 31 oktober 2024 = planned. "
  "Plan changes: five in the table (each row with an old and a new date) and one in prose (end of the current contracts 31-12-2024 -> 30-06-2025). The contract start change is also stated in prose ('Wij schreven toen dat de nieuwe contracten op 1 januari 2025 zouden ingaan' ... 'pas op 1 juli 2025 ingaan'); listed once."),
}

# ---------------------------------------------------------------- 04 Noord-Limburg (MD)
GOLD["h4_04_noord_limburg_wmo_leidraad"] = {
 "title": "Samenvatting Aanbestedingsleidraad Wmo 2026: hulp bij het huishouden, begeleiding en kortdurend verblijf",
 "doc_year": 2025, "regions": ["noord_limburg"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [("Beesel","GM0889"),("Bergen (L)","GM0893"),("Gennep","GM0907"),("Horst aan de Maas","GM1507"),("Peel en Maas","GM1894"),("Venlo","GM0983"),("Venray","GM0984")]],
 "segments": [
  S("hulp_bij_huishouden","Hulp bij het huishouden (HbH 1 en HbH 2)",None,"| 1 | Hulp bij het huishouden (HbH 1 en HbH 2) |"),
  S("wmo_begeleiding","Begeleiding individueel en begeleiding groep (dagbesteding)",None,"| 2 | Begeleiding individueel en begeleiding groep (dagbesteding) |"),
  S("wmo_logeren","Kortdurend verblijf (logeren)",None,"| 3 | Kortdurend verblijf (logeren) |"),
 ],
 "financing": [
  F("resultaatgericht","hulp_bij_huishouden","chosen","Resultaatgerichte bekostiging: vast tarief per cliënt per vier weken"),
  F("pxq","hulp_bij_huishouden","previous","Tot en met 2025 werd hulp bij het huishouden per geleverd uur betaald"),
  F("pxq","wmo_begeleiding","chosen","Uurtarief resp. dagdeeltarief"),
  F("pxq","wmo_logeren","chosen","Tarief per etmaal"),
 ],
 "procedures": [
  F("openbaar","hulp_bij_huishouden","chosen","Openbare aanbesteding, maximaal 6 opdrachtnemers"),
  F("open_house","wmo_begeleiding","chosen","Open House-toelating, doorlopend open"),
  F("das","wmo_logeren","chosen","Dynamisch aankoopsysteem (DAS)"),
  F("niet_openbaar","hulp_bij_huishouden","rejected","Een niet-openbare procedure met voorselectie is wel overwogen, maar levert bij een markt met ongeveer 20 regionale aanbieders geen tijdwinst op en is daarom niet gekozen."),
 ],
 "dates": [
  D("2026",year(2026),None,None,"Samenvatting Aanbestedingsleidraad Wmo 2026"),
  D("14 januari 2025",day(2025,1,14),None,None,"Versie 1.0, 14 januari 2025"),
  D("2015",year(2015),None,None,"op grond van de Wmo 2015"),
  D("2025",year(2025),"tot","other","Tot en met 2025 werd hulp"),
  D("2024",year(2024),None,"other","€ 36,12 per uur in 2024"),
  D("1 oktober 2024",day(2024,10,1),None,"publication","aangekondigd voor 1 oktober 2024"),
  D("14 januari 2025",day(2025,1,14),None,"publication","is de publicatie verschoven naar 14 januari 2025"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","De ingangsdatum van 1 januari 2026 blijft"),
  D("14-01-2025",day(2025,1,14),None,"publication","| Publicatie op TenderNed | 14-01-2025 |"),
  D("23 januari 2025",day(2025,1,23),None,"consultation","(10.00–11.30 uur) | 23 januari 2025 |"),
  D("31 jan. 2025",day(2025,1,31),"uiterlijk","questions_deadline","| 31 jan. 2025, 12:00 uur |"),
  D("wk 7",isoweek(2025,7),None,"questions_deadline","| Nota van inlichtingen 1 | wk 7 |"),
  D("21 februari 2025",day(2025,2,21),"uiterlijk","questions_deadline","ronde 2 | 21 februari 2025 |"),
  D("begin maart 2025",bme_month("begin",2025,3),None,"questions_deadline","| Nota van inlichtingen 2 | begin maart 2025 |"),
  D("27 maart 2025",day(2025,3,27),"uiterlijk","submission","| uiterlijk 27 maart 2025, 14.00 uur |"),
  D("april–mei 2025",months(2025,4,2025,5),None,"other","| Beoordeling inschrijvingen | april–mei 2025 |"),
  D("10 juni 2025",day(2025,6,10),None,"award_provisional","| Voornemen tot gunning | 10 juni 2025 |"),
  D("eind juni 2025",bme_month("eind",2025,6),None,"award","| Definitieve gunning | eind juni 2025 |"),
  D("Q3 en Q4 2025",quarter(2025,3,4),None,"implementation","| Implementatie | Q3 en Q4 2025 |"),
  D("1-1-2026",day(2026,1,1),None,"contract_start","| Ingangsdatum overeenkomsten | 1-1-2026 |"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","De overeenkomsten gaan in op 1 januari 2026"),
  D("31 december 2031",day(2031,12,31),"uiterlijk","contract_end","eindigen uiterlijk op 31 december 2031"),
  D("31-12-2029",day(2029,12,31),"tot","contract_end","blijft open tot 31-12-2029"),
  D("10 december 2024",day(2024,12,10),None,"decision","hebben op 10 december 2024 ingestemd"),
  D("december",month(2024,12),None,"decision","het mandaat dat in december is verleend"),
 ],
 "decisions": [
  DEC("college","taken","ingestemd met de aanbestedingsstukken en de tarieven",day(2024,12,10),"De colleges van burgemeester en wethouders van de zeven gemeenten hebben op 10 december 2024 ingestemd met de aanbestedingsstukken en de tarieven."),
  DEC("college","planned","voornemen tot gunning door het college van Venlo namens de zeven gemeenten",None,"Het voornemen tot gunning wordt door het college van Venlo genomen, namens de zeven gemeenten"),
  DEC("college","taken","mandaat aan het college van Venlo voor het voornemen tot gunning",month(2024,12),"op basis van het mandaat dat in december is verleend"),
 ],
 "plan_changes": [
  PC("publicatie aanbesteding Wmo (TenderNed)",("2024-10-01","2024-10-01"),("2025-01-14","2025-01-14"),"De publicatie stond in de eerder gedeelde marktbrief aangekondigd voor 1 oktober 2024. Omdat de colleges meer tijd nodig hadden voor het vaststellen van de tarieven, is de publicatie verschoven naar 14 januari 2025."),
 ],
 "notes": ("Markdown summary of a Wmo aanbestedingsleidraad. doc_year 2025 (version 1.0 of 14 januari 2025, publication day). Regions: noord_limburg (the seven Noord-Limburg municipalities, all named; 'Bergen (L)' = GM0893). "
  "Dates: the title year 'Wmo 2026' and the law name 'Wmo 2015' are years inside names (event null, per domain.md). 'aangekondigd voor 1 oktober 2024' = announced for (modifier null, not 'before'). 'Tot en met 2025' -> modifier tot. Table rows 'Uiterste termijn vragen' have no surface modifier word but are deadlines -> modifier uiterlijk (as dev gold 002 'maximale einddatum'). 'wk 7' = ISO week 7 of 2025 (2025-02-10..16). 'Q3 en Q4 2025' is one connected interval (granularity quarter). 'april–mei 2025' (en dash) one interval; Beoordeling = other. Year-less 'december' (mandaat) = 2024 (nearest year before it, 10 december 2024). '1 januari 2026' is listed each time it occurs. Non-dates: 'ISO 9001', 'paragraaf 5.3', '20 kalenderdagen', '4 jaar', '1 jaar', '30%', '70%', '€ 36,12', '€ 118 – € 142', clock times ('10.00–11.30 uur', '12:00 uur', '14.00 uur'), 'HbH 1 en HbH 2', perceel numbers, the phone number, 'Versie 1.0'. "
  "Segments: the three percelen. Financing: HbH moves from per-hour payment (pxq, previous) to resultaatgerichte bekostiging with a fixed rate per client per four weeks (resultaatgericht, chosen; trajectfinanciering would be the alternative reading of 'per cliënt per vier weken'); begeleiding uurtarief/dagdeeltarief and logeren tarief per etmaal are pxq (chosen). "
  "Procedures: openbaar (HbH), Open House (begeleiding, continued = chosen), DAS (logeren); niet-openbaar considered and explicitly not chosen = rejected. "
  "Decisions: colleges' consent of 10 december 2024 (taken); the voornemen tot gunning by Venlo's college is planned (date left null in the decision; the planning table puts it on 10 juni 2025); the mandate granted in December (taken). The postponement of the publication names no decider and is not a separate decision. "
  "Plan changes: publication 1-10-2024 -> 14-1-2025; the contract start stays 1-1-2026 (explicitly unchanged, no plan change)."),
}
