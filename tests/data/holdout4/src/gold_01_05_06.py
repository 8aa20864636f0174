from dates import *
def D(text, iv, mod, ev, ctx):
    return {"text": text, "start": iv[0], "end": iv[1], "granularity": iv[2], "modifier": mod, "event": ev, "context": ctx}
def dv(iv): return {"start": iv[0], "end": iv[1], "granularity": iv[2]}
def S(i, label, parent, quote): return {"id": i, "label": label, "parent": parent, "quote": quote}
def F(i, seg, st, quote): return {"id": i, "segment": seg, "status": st, "quote": quote}
def DEC(actor, st, obj, date, quote): return {"actor": actor, "status": st, "object": obj, "date": dv(date) if date else None, "quote": quote}
def PC(what, f, t, quote): return {"what": what, "from": {"start": f[0], "end": f[1]}, "to": {"start": t[0], "end": t[1]}, "quote": quote}
GOLD = {}

# ---------------------------------------------------------------- 01 Flevoland
GOLD["h4_01_flevoland_bekostiging"] = {
 "title": "Regionale Inkoopstrategie Jeugdhulp Flevoland 2026-2031, Hoofdstuk 4 Bekostiging en contractering",
 "doc_year": 2024, "regions": ["flevoland"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [("Almere","GM0034"),("Dronten","GM0303"),("Lelystad","GM0995"),("Noordoostpolder","GM0171"),("Urk","GM0184"),("Zeewolde","GM0050")]],
 "segments": [
  S("ambulant","Lichte ambulante jeugdhulp (begeleiding en behandeling)",None,"1. Lichte ambulante jeugdhulp (begeleiding en behandeling)"),
  S("jeugd_ggz","Jeugd-GGZ (inclusief vrijgevestigden)",None,"2. Jeugd-GGZ (inclusief vrijgevestigden)"),
  S("dyslexie","Ernstige dyslexie",None,"3. Ernstige dyslexie"),
  S("verblijf","Verblijf (pleegzorg, gezinshuizen, residentieel)",None,"4. Verblijf (pleegzorg, gezinshuizen, residentieel)"),
  S("verblijf","pleegzorg","verblijf","Verblijf (pleegzorg, gezinshuizen, residentieel)"),
  S("verblijf","gezinshuizen","verblijf","Verblijf (pleegzorg, gezinshuizen, residentieel)"),
  S("verblijf","residentieel","verblijf","Verblijf (pleegzorg, gezinshuizen, residentieel)"),
  S("crisis","Crisis en spoed (24/7)",None,"5. Crisis en spoed (24/7)"),
 ],
 "financing": [
  F("pxq",None,"previous","In de lopende contracten betalen we per geleverde eenheid: een uur-, dagdeel- of etmaaltarief maal het aantal geleverde eenheden."),
  F("lumpsum",None,"chosen","kiezen de gemeenten voor taakgerichte bekostiging: een vast jaarbudget per aanbieder of per combinatie van aanbieders"),
  F("trajectfinanciering",None,"chosen","Voor zorg met een goed afgebakend verloop werken we met een vaste prijs per traject."),
  F("resultaatgericht",None,"rejected","Wij kiezen nadrukkelijk niet voor resultaatgerichte bekostiging"),
  F("lumpsum","ambulant","chosen","Taakgericht: vast jaarbudget per gebiedsaanbieder"),
  F("pxq","ambulant","previous","Taakgericht: vast jaarbudget per gebiedsaanbieder\tUurtarief"),
  F("trajectfinanciering","jeugd_ggz","chosen","Vaste prijs per traject, per zorgprofiel"),
  F("pxq","jeugd_ggz","previous","Vaste prijs per traject, per zorgprofiel\tUurtarief"),
  F("populatiebekostiging","dyslexie","chosen","Populatiegebonden budget voor de hele regio"),
  F("trajectfinanciering","dyslexie","previous","Populatiegebonden budget voor de hele regio\tTrajectprijs"),
  F("pxq","verblijf","chosen","Dagtarief met omzetplafond per aanbieder"),
  F("plafond","verblijf","chosen","Dagtarief met omzetplafond per aanbieder"),
  F("lumpsum","crisis","chosen","Vaste jaarlijkse bijdrage (lumpsum)"),
  F("pxq","crisis","previous","Dagtarief plus beschikbaarheidsvergoeding"),
 ],
 "procedures": [
  F("verlenging",None,"rejected","Een nieuwe verlenging van deze overeenkomsten is uitgesloten"),
  F("open_house",None,"previous","Tot nu toe werd alle specialistische jeugdhulp gecontracteerd via Open House"),
  F("niet_openbaar","ambulant","chosen","Uurtarief\tNiet-openbare procedure met voorselectie\t1 januari 2026"),
  F("open_house","jeugd_ggz","chosen","Uurtarief\tOpen House\t1 januari 2026"),
  F("open_house","dyslexie","chosen","Trajectprijs\tOpen House"),
  F("niet_openbaar","verblijf","chosen","idem\tNiet-openbare procedure met voorselectie"),
  F("bestuurlijk_aanbesteden","crisis","chosen","Bestuurlijk aanbesteden met de huidige crisisaanbieders"),
  F("sas",None,"chosen","Alle procedures worden uitgevoerd onder het verlichte regime voor sociale en andere specifieke diensten"),
 ],
 "dates": [
  D("2026-2031",years(2026,2031),None,None,"Regionale Inkoopstrategie Jeugdhulp Flevoland 2026-2031"),
  D("3 oktober 2024",day(2024,10,3),None,None,"Versie 0.8 – 3 oktober 2024"),
  D("1 januari 2020",day(2020,1,1),"per","contract_start","De huidige raamovereenkomsten zijn per 1 januari 2020 ingegaan"),
  D("31 december 2025",day(2025,12,31),None,"contract_end","ingegaan en eindigen op 31 december 2025"),
  D("2026",year(2026),"vanaf","other","hoe wij de zorg vanaf 2026 willen bekostigen"),
  D("zomer van 2024",season("zomer",2024),None,"consultation","die in de zomer van 2024 is gehouden"),
  D("2015",year(2015),None,"other","bekostigen was in 2015 logisch"),
  D("2019 en 2023",years(2019,2023),None,"other","stegen tussen 2019 en 2023 met 38%"),
  D("2023",year(2023),None,"other","De administratieve last is hoog: in 2023 verwerkten"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","Uurtarief\tNiet-openbare procedure met voorselectie\t1 januari 2026"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","Uurtarief\tOpen House\t1 januari 2026"),
  D("1 augustus 2026",day(2026,8,1),None,"contract_start","Open House\t1 augustus 2026"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","idem\tNiet-openbare procedure met voorselectie\t1 januari 2026"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","huidige crisisaanbieders\t1 januari 2026"),
  D("schooljaar 2026-2027",schooljaar(2026),None,"contract_start","samenvallen met de start van het schooljaar 2026-2027"),
  D("31 december 2025",day(2025,12,31),"per","contract_end","niet per 31 december 2025 beëindigd"),
  D("31 juli 2026",day(2026,7,31),"tot","contract_end","lopen door tot en met 31 juli 2026"),
  D("2012",year(2012),None,None,"uit de Aanbestedingswet 2012"),
  D("week 6 van 2025",isoweek(2025,6),"streven","publication","in week 6 van 2025 op TenderNed"),
  D("30-06-2025",day(2025,6,30),"uiterlijk","award","De gunning moet uiterlijk 30-06-2025 rond zijn"),
  D("juli t/m december 2025",months(2025,7,2025,12),None,"implementation","in juli t/m december 2025 de overgang"),
  D("medio 2028",bme_year("medio",2028),None,"evaluation","volgt medio 2028"),
  D("19 september 2024",day(2024,9,19),None,"decision","Het RBO heeft op 19 september 2024 ingestemd"),
  D("november 2024",month(2024,11),None,"decision","wordt in november 2024 ter vaststelling"),
  D("het vierde kwartaal van 2026",quarter(2026,4),None,"decision","voor het eerst in het vierde kwartaal van 2026"),
 ],
 "decisions": [
  DEC("regionaal_bestuur","taken","ingestemd met de richting van het hoofdstuk bekostiging en contractering (onder voorwaarde van financiële doorrekening per gemeente)",day(2024,9,19),"Het RBO heeft op 19 september 2024 ingestemd met de richting van dit hoofdstuk"),
  DEC("college","planned","vaststelling van de volledige inkoopstrategie door de zes colleges",month(2024,11),"De volledige strategie wordt in november 2024 ter vaststelling aan de zes colleges voorgelegd."),
  DEC("ambtelijk","proposed","omzetplafonds verblijf jaarlijks in het RBO herijken (eerst in Q4 2026)",None,"Voorgesteld wordt om de omzetplafonds voor verblijf jaarlijks in het RBO te herijken"),
  DEC("college","taken","taakgerichte bekostiging (vast jaarbudget per aanbieder) waar het aanbod voorspelbaar is",None,"kiezen de gemeenten voor taakgerichte bekostiging"),
  DEC("college","taken","geen resultaatgerichte bekostiging",None,"Wij kiezen nadrukkelijk niet voor resultaatgerichte bekostiging"),
 ],
 "plan_changes": [
  PC("einddatum lopende dyslexiecontracten (doorlopen tot start schooljaar 2026-2027)",("2025-12-31","2025-12-31"),("2026-07-31","2026-07-31"),"De lopende dyslexiecontracten worden daarom niet per 31 december 2025 beëindigd, maar lopen door tot en met 31 juli 2026"),
 ],
 "notes": ("doc_year 2024: concept version 0.8 dated 3 oktober 2024; the RBO decision of 19 september 2024 is past, the college decision of november 2024 is still planned. "
  "Regions: flevoland; all six municipalities named. "
  "Dates: the version date and the title range '2026-2031' have event null; 'Aanbestedingswet 2012' is a year inside a name (event null). 'tussen 2019 en 2023' is one connected interval (years). 'vanaf 2026' (the new financing) is 'other', not contract_start. Table dates are contract_start (Ingangsdatum column). 'schooljaar 2026-2027' = 2026-08-01..2027-07-31 (granularity year), tagged contract_start because the text equates the dyslexie start with it; 'de start van' is not part of the surface text. 'week 6 van 2025' = ISO week 2025-02-03..09 with modifier streven ('Wij streven ernaar'). 'het vierde kwartaal van 2026' (first yearly recalibration of the plafonds in the RBO) is tagged decision. Non-dates: '6 jaar', '5 jaar', '2 jaar', 'artikel 14.2', '38%', '€ 118,6 miljoen', '24/7', 'Versie 0.8', segment numbers, the phone number. "
  "Segments: five table rows; the parenthesised verblijf forms (pleegzorg, gezinshuizen, residentieel) are sub-segments with parent verblijf. 'Jeugdzorgplus en gesloten plaatsingen' are explicitly excluded (bovenregionaal) and NOT listed. "
  "Financing: 'huidige bekostiging' column = previous; 'Uurtarief'/'Dagtarief plus beschikbaarheidsvergoeding' = pxq. For verblijf the current model is 'idem' (continued), so pxq verblijf is listed once as chosen, plus plafond (omzetplafond). The general prose choices (taakgericht -> lumpsum, vaste prijs per traject -> trajectfinanciering) are listed with segment null; resultaatgericht is explicitly rejected. The per-unit prose 'uur-, dagdeel- of etmaaltarief' and 'af van de uurtarieven' are one previous pxq fact (segment null). "
  "Procedures: verlenging is rejected ('uitgesloten'); Open House for all jeugdhulp so far = previous; per-segment procedures from the table are chosen; the SAS regime applies to all procedures (segment null). "
  "Decisions: the 'kiezen de gemeenten voor' / 'Wij kiezen nadrukkelijk niet voor' statements are the document's own choices -> college/taken (dev-gold 003 convention; 'proposed' defensible since the strategy is still a concept). 'Voorgesteld wordt' without a proposer -> ambtelijk/proposed; its date is left null (Q4 2026 is when the recalibration happens, not when it is decided). "
  "Plan changes: dyslexie contracts no longer end per 31-12-2025 but run to 31-07-2026."),
}

# ---------------------------------------------------------------- 05 Drenthe
GOLD["h4_05_drenthe_werkgroep_memo"] = {
 "title": "Memo werkgroep Inkoop Jeugd: opties voor de contractering van jeugdhulp met verblijf en crisishulp na 2025",
 "doc_year": 2024, "regions": ["drenthe"], "municipalities": [{"name": "Assen", "cbs": "GM0106"}],
 "segments": [
  S("verblijf","jeugdhulp met verblijf",None,"Opties voor de contractering van jeugdhulp met verblijf en crisishulp na 2025"),
  S("crisis","crisishulp",None,"Opties voor de contractering van jeugdhulp met verblijf en crisishulp na 2025"),
  S("verblijf","pleegzorg","verblijf","(pleegzorg, gezinshuizen en residentiële groepen)"),
  S("verblijf","gezinshuizen","verblijf","(pleegzorg, gezinshuizen en residentiële groepen)"),
  S("verblijf","residentiële groepen","verblijf","(pleegzorg, gezinshuizen en residentiële groepen)"),
  S("ambulant","ambulante jeugdhulp",None,"niet langer samen met de ambulante jeugdhulp worden ingekocht"),
 ],
 "financing": [
  F("pxq","verblijf","previous","Beide segmenten worden bekostigd met een prijs per verblijfsdag maal het aantal dagen."),
  F("pxq","crisis","previous","Beide segmenten worden bekostigd met een prijs per verblijfsdag maal het aantal dagen."),
  F("lumpsum","verblijf","chosen","De bekostiging verschuift naar een lumpsum per aanbieder, gebaseerd op een afgesproken capaciteit."),
  F("lumpsum","crisis","chosen","maken we afspraken over een vast budget per aanbieder per jaar, in plaats van de huidige dagprijzen"),
  F("populatiebekostiging",None,"rejected","Ook populatiebekostiging voor de hele regio is verkend. De werkgroep vindt die variant op dit moment niet haalbaar"),
 ],
 "procedures": [
  F("verlenging",None,"rejected","De bestaande overeenkomsten eenmalig met twaalf maanden verlengen"),
  F("dialooggericht","verblijf","chosen","Voor verblijf starten we een dialooggerichte procedure"),
  F("bestuurlijk_aanbesteden","crisis","chosen","De werkgroep stelt voor de crisishulp bestuurlijk aan te besteden"),
  F("verlenging","verblijf","chosen","de verlenging van de lopende verblijfscontracten tot en met 31 december 2026 voor te bereiden"),
 ],
 "dates": [
  D("6 februari 2024",day(2024,2,6),None,None,"Datum:\t6 februari 2024"),
  D("2025",year(2025),"na","other","jeugdhulp met verblijf en crisishulp na 2025"),
  D("31 december 2025",day(2025,12,31),"tot","contract_end","lopen tot en met 31 december 2025"),
  D("14 december 2023",day(2023,12,14),None,"decision","In uw vergadering van 14 december 2023 gingen"),
  D("voorjaar",season("voorjaar",2024),None,"decision","zodat de colleges die in het voorjaar kunnen bekrachtigen"),
  D("2023",year(2023),None,"other","In 2023 bedroegen de uitgaven"),
  D("31 december 2026",day(2026,12,31),"tot","contract_end","met twaalf maanden verlengen, tot en met 31 december 2026"),
  D("Q2 2024",quarter(2024,2),None,"consultation","Een marktconsultatie kan in Q2 2024 plaatsvinden"),
  D("tweede helft van 2024",half(2024,2),None,"dialogue","de dialoog in de tweede helft van 2024"),
  D("begin 2025",bme_year("begin",2025),None,"publication","de definitieve stukken begin 2025"),
  D("1 januari 2026",day(2026,1,1),"per","contract_start","kunnen dan niet per 1 januari 2026 ingaan"),
  D("2023-2026",years(2023,2026),None,None,"Regionaal Inkoopplan 2023-2026"),
  D("1 januari 2027",day(2027,1,1),"per","contract_start","staat, maar per 1 januari 2027"),
  D("1-1-2026",day(2026,1,1),"per","contract_start","Deze route kan wel per 1-1-2026 ingaan"),
  D("1 januari 2026",day(2026,1,1),None,"contract_start","verblijfscontracten te verschuiven van 1 januari 2026"),
  D("1 januari 2027",day(2027,1,1),None,"contract_start","van 1 januari 2026 naar 1 januari 2027;"),
  D("1 januari 2026",day(2026,1,1),"per","contract_start","voor crisishulp, met ingang van 1 januari 2026"),
  D("31 december 2026",day(2026,12,31),"tot","contract_end","verblijfscontracten tot en met 31 december 2026 voor te bereiden"),
  D("12 maart 2024",day(2024,3,12),None,"decision","wordt het voorstel op 12 maart 2024 aan de twaalf colleges"),
  D("woensdag 10 april 2024",day(2024,4,10),None,"other","staat gepland op woensdag 10 april 2024 van 19.30"),
  D("2025",year(2025),None,None,"verwerkt in de kadernota's 2025"),
  D("april-mei 2024",months(2024,4,2024,5),None,"consultation","marktconsultatie verblijf: april-mei 2024"),
  D("september t/m november 2024",months(2024,9,2024,11),None,"dialogue","dialoogfase: september t/m november 2024"),
  D("week 3 2025",isoweek(2025,3),None,"publication","publicatie definitieve inkoopdocumenten: week 3 2025"),
  D("1 juli 2025",day(2025,7,1),"uiterlijk","award","gunning: uiterlijk 1 juli 2025"),
  D("2026",year(2026),None,"implementation","implementatie en overgang cliënten: 2026"),
  D("01-01-2027",day(2027,1,1),None,"contract_start","start nieuwe verblijfscontracten: 01-01-2027"),
 ],
 "decisions": [
  DEC("regionaal_bestuur","taken","uitgangspunt: verblijf en crisis niet langer samen met ambulante jeugdhulp inkopen, maar een eigen traject",day(2023,12,14),"In uw vergadering van 14 december 2023 gingen de portefeuillehouders akkoord met het uitgangspunt dat verblijf en crisis niet langer samen met de ambulante jeugdhulp worden ingekocht, maar een eigen traject krijgen."),
  DEC("ambtelijk","proposed","optie B (dialooggerichte aanbesteding, lumpsum) voor verblijf en verschuiving ingangsdatum verblijfscontracten naar 1 januari 2027",None,"in te stemmen met optie B voor jeugdhulp met verblijf en daarmee de ingangsdatum van de nieuwe verblijfscontracten te verschuiven van 1 januari 2026 naar 1 januari 2027"),
  DEC("ambtelijk","proposed","optie C (bestuurlijk aanbesteden) voor crisishulp met ingang van 1 januari 2026",None,"in te stemmen met optie C voor crisishulp, met ingang van 1 januari 2026"),
  DEC("ambtelijk","proposed","opdracht aan werkgroep: verlenging lopende verblijfscontracten tot en met 31 december 2026 voorbereiden",None,"de werkgroep opdracht te geven de verlenging van de lopende verblijfscontracten tot en met 31 december 2026 voor te bereiden"),
  DEC("college","planned","voorstel (na akkoord portefeuillehouders) voorgelegd aan de twaalf colleges ter bekrachtiging",day(2024,3,12),"Als u akkoord gaat, wordt het voorstel op 12 maart 2024 aan de twaalf colleges voorgelegd."),
 ],
 "plan_changes": [
  PC("ingangsdatum nieuwe contracten jeugdhulp met verblijf (voorstel werkgroep, optie B)",("2026-01-01","2026-01-01"),("2027-01-01","2027-01-01"),"de ingangsdatum van de nieuwe verblijfscontracten te verschuiven van 1 januari 2026 naar 1 januari 2027"),
  PC("einddatum lopende verblijfscontracten (verlenging, voorstel)",("2025-12-31","2025-12-31"),("2026-12-31","2026-12-31"),"de verlenging van de lopende verblijfscontracten tot en met 31 december 2026 voor te bereiden"),
 ],
 "notes": ("doc_year 2024: memo dated 6 februari 2024. Regions: drenthe ('de 12 Drentse gemeenten'); only Assen is named (provinciehuis in Assen). 'Noord-Nederland' (bovenregionale samenwerking) is not a jeugdregio or procurement cooperation of this document and is not listed. "
  "Dates: year-less 'voorjaar' = 2024 (memo year; astronomical 03-20..06-20), tagged decision (colleges bekrachtigen). 'van 1 januari 2026 naar 1 januari 2027' is a change ('naar'), not a connected range: two expressions, modifiers null. 'met ingang van' = modifier per. 'na 2025' -> modifier na. 'begin 2025' = first third of the year. 'tweede helft van 2024' = half_year. 'week 3 2025' = ISO week 2025-01-13..19. 'kadernota's 2025' and 'Regionaal Inkoopplan 2023-2026' are names (event null). The raadsleden information session on 10 april 2024 is tagged other ('consultation' is arguable). Weekday words are kept in the surface text. Non-dates: '19.30 tot 21.30 uur', '16.00 uur', 'tussen 40% en 115%', '6 tot 9', '37', 'twaalf maanden', 'v1.3', the phone number. "
  "Segments: jeugdhulp met verblijf (with pleegzorg, gezinshuizen, residentiële groepen as sub-segments) and crisishulp. Ambulante jeugdhulp is listed because it is named as the segment from which verblijf/crisis are split off (separate track). Jeugdzorgplus (explicitly outside the memo) is NOT listed. "
  "Financing: current pxq (prijs per verblijfsdag) for both segments = previous; proposed lumpsum for verblijf and a fixed budget per aanbieder (lumpsum) for crisis = chosen (document's own proposal). Populatiebekostiging explored and judged not feasible = rejected (segment null). "
  "Procedures: option A (verlengen, both segments) is advised against = rejected; the proposed one-year extension of the verblijf contracts (advice c) = verlenging/verblijf/chosen; dialooggericht (verblijf) and bestuurlijk aanbesteden (crisis) = chosen. "
  "Decisions: the werkgroep's advice items a-c are ambtelijk/proposed (the restatement 'De werkgroep stelt voor de crisishulp bestuurlijk aan te besteden' is the same as b, listed once; 'De werkgroep raadt optie A af' is not listed separately). The 12 maart college step = planned (the 'in het voorjaar kunnen bekrachtigen' mention is the same decision). Informing the raden is not a decision. "
  "Plan changes: both are proposals (like the dev-gold 000 onderwijstijd proposal): verblijf contract start 2026-01-01 -> 2027-01-01 and end of current verblijf contracts 2025-12-31 -> 2026-12-31."),
}

# ---------------------------------------------------------------- 06 Heiloo (near miss)
GOLD["h4_06_heiloo_jongerencentrum"] = {
 "title": "Persbericht: Jongerencentrum De Kaap opent de deuren",
 "doc_year": 2024, "regions": ["alkmaar"],
 "municipalities": [{"name": "Heiloo", "cbs": "GM0399"}, {"name": "Castricum", "cbs": "GM0383"}, {"name": "Alkmaar", "cbs": "GM0361"}],
 "segments": [], "financing": [], "procedures": [],
 "dates": [
  D("2 september 2024",day(2024,9,2),None,None,"Heiloo, 2 september 2024"),
  D("zaterdag 14 september 2024",day(2024,9,14),None,"other","op zaterdag 14 september 2024 officieel"),
  D("2023",year(2023),None,None,"Jeugdmonitor 2023 van de GGD"),
  D("2021",year(2021),None,"other","bij de meting in 2021 was dat"),
  D("schooljaar 2024-2025",schooljaar(2024),None,"other","plaats in het schooljaar 2024-2025"),
  D("7 november 2022",day(2022,11,7),None,"decision","De gemeenteraad stemde op 7 november 2022 in"),
  D("maart 2023",month(2023,3),None,"other","De bouw startte in maart 2023"),
  D("eerste week van oktober",first_week_of_month(2024,10),None,"other","in de eerste week van oktober een programma"),
  D("vrijdag 4 oktober",day(2024,10,4),None,"other","open podium op vrijdag 4 oktober"),
  D("5 en 6 oktober",days(2024,10,5,6),None,"other","gamingtoernooi op 5 en 6 oktober"),
  D("najaar",season("najaar",2024),None,"other","programma voor het najaar staat"),
  D("eind 2025",bme_year("eind",2025),None,"evaluation","Daarom volgt eind 2025 een evaluatie"),
  D("2025",year(2025),None,None,"uitkomsten van de Jeugdmonitor 2025"),
  D("zomer van 2026",season("zomer",2026),"voor","other","voor de zomer van 2026 met de raad gedeeld"),
 ],
 "decisions": [
  DEC("raad","taken","instemming ombouw voormalige bibliotheek tot jongerencentrum; krediet € 2,4 miljoen",day(2022,11,7),"De gemeenteraad stemde op 7 november 2022 in met het voorstel om de voormalige bibliotheek om te bouwen tot jongerencentrum en stelde daarvoor een krediet van € 2,4 miljoen beschikbaar."),
 ],
 "plan_changes": [],
 "notes": ("Near-miss document: a municipal press release about a new youth centre with Jeugdmonitor statistics. No segments, financing or procedures ('jeugdhulp' and 'jongerenwerk' are not procurement segments). doc_year 2024 (dated 2 september 2024). "
  "Regions: alkmaar ('de regio Alkmaar', compared in the statistics). Municipalities: Heiloo, Castricum, Alkmaar. 'Heilooër' is an adjective, not a separate mention. "
  "Dates: year-less 'eerste week van oktober', 'vrijdag 4 oktober', '5 en 6 oktober' and 'najaar' are 2024 (press release year; 4 oktober 2024 is indeed a Friday). 'eerste week van oktober' = days 1-7 (granularity week, as 'eerste week mei' in dev gold 001). '5 en 6 oktober' is one connected interval. 'Jeugdmonitor 2023/2025' are names (event null). 'schooljaar 2024-2025' = 2024-08-01..2025-07-31. 'voor de zomer van 2026': modifier voor (before). The vague 'De monitor wordt elke twee jaar afgenomen' and 'ruim anderhalf jaar' are durations. Non-dates: ages '12 tot 23 jaar', '16 tot 18 jaar', 'tot 18 jaar'; clock times '14.00 uur', '13.00 en 17.00 uur', '15.00 tot 21.30 uur', '12.00 tot 18.00 uur', '8.30 tot 17.00 uur'; percentages; '1 op de 6'; 'klas 2 en 4'; '3.400'; '€ 2,4 miljoen'; 'versie 2, 12 MB'; the phone number. "
  "Decisions: only the raad decision of 7 november 2022 (taken). The evaluation 'eind 2025' has no decision verb."),
}
