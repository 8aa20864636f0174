from lib import *
DOC = "h2_03_groningen_rigg_nieuws"
PATH = f"../docs/{DOC}.html"
D = [
 ("19 september 2024", None, day(2024,9,19), None, None),
 ("12 september", None, day(2024,9,12), None, "decision"),
 ("2026", "vanaf 2026", year(2026), "vanaf", "contract_start"),
 ("1 januari 2020", None, day(2020,1,1), None, "contract_start"),
 ("31 december 2025", None, day(2025,12,31), None, "contract_end"),
 ("2023", "in 2023", year(2023), None, "decision"),
 ("zomer van 2026", None, season("zomer",2026), "tot", "contract_end"),
 ("schooljaar 2026-2027", None, schoolyear(2026), None, "other"),
 ("eind oktober 2024", None, third_month("eind",2024,10), None, "publication"),
 ("4 november tot en met 13 december 2024", None, days(2024,11,4,2024,12,13), None, "submission"),
 ("het eerste kwartaal van 2025", None, quarter(2025,1), None, "award"),
 ("1 januari 2026", None, day(2026,1,1), "per", "contract_start"),
 ("juni 2024", None, month(2024,6), None, "publication"),
 ("voorjaar", "afspraken van het voorjaar", season("voorjaar",2024), None, "other"),
 ("17 september", None, day(2024,9,17), None, "other"),
 ("2 oktober", None, day(2024,10,2), None, "other"),
 ("dinsdag 8 oktober 2024", None, day(2024,10,8), None, "consultation"),
 ("1 oktober", "tot en met 1 oktober", day(2024,10,1), "tot", "consultation"),
]
GOLD = {
 "doc": DOC,
 "title": "AB RIGG kiest voor resultaatfinanciering in nieuwe inkoop jeugdhulp",
 "doc_year": 2024,
 "regions": ["groningen"],
 "municipalities": [{"name": n, "cbs": c} for n, c in [("Eemsdelta","GM1979"),("Groningen","GM0014"),("Het Hogeland","GM1966"),("Midden-Groningen","GM1952"),("Oldambt","GM1895"),("Pekela","GM0765"),("Stadskanaal","GM0037"),("Veendam","GM0047"),("Westerkwartier","GM1969"),("Westerwolde","GM1950")]],
 "segments": [
  {"id":"ambulant","label":"Jeugdhulp thuis en in de buurt","parent":None,"quote":"Perceel A – Jeugdhulp thuis en in de buurt"},
  {"id":"jeugd_ggz","label":"jeugd-GGZ","parent":"ambulant","quote":"(ambulante begeleiding en behandeling, inclusief jeugd-GGZ)"},
  {"id":"verblijf","label":"Jeugdhulp met verblijf","parent":None,"quote":"Perceel B – Jeugdhulp met verblijf"},
  {"id":"verblijf","label":"pleegzorg","parent":"verblijf","quote":"(pleegzorg, gezinshuizen en residentiële zorg)"},
  {"id":"verblijf","label":"gezinshuizen","parent":"verblijf","quote":"(pleegzorg, gezinshuizen en residentiële zorg)"},
  {"id":"verblijf","label":"residentiële zorg","parent":"verblijf","quote":"(pleegzorg, gezinshuizen en residentiële zorg)"},
  {"id":"hoog_complex","label":"Specialistische en crisisfuncties","parent":None,"quote":"Perceel C – Specialistische en crisisfuncties"},
  {"id":"hoog_complex","label":"jeugdzorgplus","parent":"hoog_complex","quote":"(onder meer jeugdzorgplus en de crisisdienst, 24 uur per dag en 7 dagen per week bereikbaar)"},
  {"id":"crisis","label":"crisisdienst","parent":"hoog_complex","quote":"(onder meer jeugdzorgplus en de crisisdienst, 24 uur per dag en 7 dagen per week bereikbaar)"},
 ],
 "financing": [
  {"id":"pxq","segment":None,"status":"previous","quote":"In de afgelopen periode betaalden de gemeenten aanbieders per geleverd product: een vast tarief per uur, dagdeel of etmaal."},
  {"id":"resultaatgericht","segment":"ambulant","status":"chosen","quote":"Voor de percelen A en B gaat resultaatfinanciering gelden"},
  {"id":"resultaatgericht","segment":"verblijf","status":"chosen","quote":"Voor de percelen A en B gaat resultaatfinanciering gelden"},
  {"id":"lumpsum","segment":"hoog_complex","status":"chosen","quote":"Voor perceel C blijft de huidige beschikbaarheidsfinanciering met een vast jaarbudget bestaan"},
 ],
 "procedures": [
  {"id":"verlenging","segment":None,"status":"previous","quote":"De huidige contracten voor specialistische jeugdhulp gingen in op 1 januari 2020 en lopen na verlenging af op 31 december 2025."},
  {"id":"sas","segment":None,"status":"chosen","quote":"De inkoop verloopt via de SAS-procedure (het verlicht regime voor sociale en andere specifieke diensten)."},
  {"id":"das","segment":None,"status":"rejected","quote":"Eerder is een dynamisch aankoopsysteem overwogen, maar daar heeft het AB na overleg met de aanbieders van afgezien"},
  {"id":"open_house","segment":None,"status":"rejected","quote":"Ook een nieuwe Open House-ronde is afgewezen, omdat het aantal aanbieders onder die systematiek opliep tot ruim 300."},
 ],
 "decisions": [
  {"actor":"regionaal_bestuur","status":"taken","object":"instemming AB RIGG met het inkoopdocument specialistische jeugdhulp vanaf 2026","date":{"start":"2024-09-12","end":"2024-09-12","granularity":"day"},"quote":"Het Algemeen Bestuur (AB) van het Regionaal Inkoopbureau Groninger Gemeenten (RIGG) heeft op 12 september ingestemd met het inkoopdocument voor de specialistische jeugdhulp vanaf 2026."},
  {"actor":"regionaal_bestuur","status":"taken","object":"jeugdhulp inkopen in drie percelen (A, B, C)","date":None,"quote":"Het AB heeft besloten de jeugdhulp in te kopen in drie percelen"},
  {"actor":"regionaal_bestuur","status":"taken","object":"afzien van een dynamisch aankoopsysteem (DAS)","date":None,"quote":"Eerder is een dynamisch aankoopsysteem overwogen, maar daar heeft het AB na overleg met de aanbieders van afgezien"},
  {"actor":"regionaal_bestuur","status":"taken","object":"geen nieuwe Open House-ronde","date":None,"quote":"Ook een nieuwe Open House-ronde is afgewezen"},
  {"actor":"college","status":"taken","object":"dyslexiezorg tot de zomer van 2026 via de bestaande overeenkomsten laten lopen","date":{"start":"2023-01-01","end":"2023-12-31","granularity":"year"},"quote":"De gemeenten hebben in 2023 afgesproken de dyslexiezorg tot de zomer van 2026 via de bestaande overeenkomsten te laten lopen."},
 ],
 "plan_changes": [
  {"what":"publicatie aanbesteding specialistische jeugdhulp","from":{"start":"2024-06-01","end":"2024-06-30"},"to":{"start":"2024-10-21","end":"2024-10-31"},"quote":"Oorspronkelijk stond de publicatie gepland voor juni 2024. Omdat de tarieven opnieuw moesten worden doorgerekend na de cao-afspraken van het voorjaar, is de publicatie met vier maanden uitgesteld."},
 ],
 "notes": "",
}
