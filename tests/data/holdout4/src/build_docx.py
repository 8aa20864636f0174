"""Builds docs/h4_03_vlissingen_raadsinformatiebrief.docx (stdlib only) and a plain-text
rendering (src/h4_03.plain.txt: one paragraph per line, table cells tab-separated) used to
check gold quotes/contexts."""
import zipfile
from xml.sax.saxutils import escape

P = []  # (style, text)  style None = Normal
def h1(t): P.append(("Heading1", t))
def h2(t): P.append(("Heading2", t))
def p(t): P.append((None, t))
def li(t): P.append(("ListParagraph", t))
TABLE_AT = None

h1("Raadsinformatiebrief")
p("Gemeente Vlissingen – college van burgemeester en wethouders")
p("Datum: 9 juli 2024")
p("Onderwerp: stand van zaken inkoop specialistische jeugdhulp en Wmo-begeleiding Zeeland")
p("Portefeuillehouder: wethouder Zorg, Jeugd en Welzijn")
h2("Aanleiding")
p("Geachte leden van de raad,")
p("In onze brief van 14 november 2023 hebben wij u geïnformeerd over de gezamenlijke inkoop van specialistische jeugdhulp en Wmo-begeleiding door de dertien Zeeuwse gemeenten. Wij schreven toen dat de nieuwe contracten op 1 januari 2025 zouden ingaan. Met deze brief laten wij u weten dat die datum niet haalbaar is gebleken en hoe de planning er nu uitziet.")
h2("Wat is er aan de hand?")
p("De Zeeuwse gemeenten hebben besloten het Open House-model, waarmee nu ruim 190 aanbieders zijn gecontracteerd, te verlaten. De nieuwe inkoop verloopt via een niet-openbare procedure: eerst worden aanbieders geselecteerd, daarna schrijven de geselecteerde partijen in. Per perceel worden ten hoogste 12 aanbieders gecontracteerd. De opdracht is verdeeld in vier percelen:")
li("Perceel 1: ambulante jeugdhulp, inclusief jeugd-GGZ;")
li("Perceel 2: jeugdhulp met verblijf, waaronder pleegzorg en gezinshuizen;")
li("Perceel 3: Wmo-begeleiding individueel en in groepsverband (dagbesteding);")
li("Perceel 4: logeren (kortdurend verblijf) voor jeugd en Wmo.")
p("Voor de percelen 1 en 3 stappen de gemeenten over van een uurtarief naar een vast budget per aanbieder per jaar. Voor de percelen 2 en 4 blijft een tarief per etmaal gelden.")
p("Tijdens de voorbereiding liepen wij tegen drie zaken aan die meer tijd vroegen dan voorzien:")
li("het kostprijsonderzoek moest worden overgedaan, omdat de cao-verhoging van 1 juli 2023 niet was meegenomen;")
li("uit de marktconsultatie in januari en februari 2024 bleek dat aanbieders een langere implementatieperiode nodig hebben voor de overgang van cliënten;")
li("de afstemming met de Zeeuwse huisartsen en de gecertificeerde instellingen over de toegang kostte meer tijd.")
h2("De nieuwe planning")
p("De Regionale Stuurgroep Sociaal Domein Zeeland is op 20 juni 2024 akkoord gegaan met een geactualiseerde planning. Ons college heeft die op 2 juli 2024 overgenomen. De belangrijkste wijzigingen staan in de tabel hieronder.")
TABLE_AT = len(P)
ROWS = [
    ("Mijlpaal", "Oorspronkelijke planning", "Nieuwe planning"),
    ("Vaststelling inkoopdocumenten door de colleges", "december 2023", "17 september 2024"),
    ("Publicatie selectieleidraad op TenderNed", "eind januari 2024", "8 oktober 2024"),
    ("Indienen inschrijvingen", "maart 2024", "week 47"),
    ("Gunning", "1 mei 2024", "februari 2025"),
    ("Ingangsdatum nieuwe contracten", "1 januari 2025", "1 juli 2025"),
]
p("Omdat de nieuwe contracten pas op 1 juli 2025 ingaan, worden de huidige overeenkomsten niet op 31 december 2024 beëindigd, maar met een half jaar verlengd tot en met 30 juni 2025. Alle aanbieders hebben daarmee ingestemd; de addenda zijn eind juni ondertekend. Cliënten merken van deze verschuiving niets: hun zorg loopt gewoon door.")
h2("Financiële gevolgen")
p("Het verlengen van de huidige contracten kost de Zeeuwse gemeenten samen naar verwachting € 1,3 miljoen extra, omdat de tarieven per 1 januari 2025 worden geïndexeerd (3,8%). Voor Vlissingen gaat het om ongeveer € 160.000. Wij stellen u voor dit bedrag op te nemen in de najaarsnota; uw raad beslist daarover in de vergadering van 31 oktober 2024.")
h2("Vervolg")
p("Op donderdag 26 september 2024 van 15.00 tot 17.00 uur houdt het Zeeuws inkoopbureau een informatiebijeenkomst voor aanbieders in het stadhuis van Middelburg. In het eerste kwartaal van 2025 informeren wij u opnieuw over de uitkomst van de aanbesteding.")
p("Voor vragen kunt u contact opnemen met de beleidsadviseur jeugd via 14 0118.")
p("Met vriendelijke groet,")
p("Burgemeester en wethouders van Vlissingen")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
def para(style, text):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
    if style == "ListParagraph":
        ppr = '<w:pPr><w:pStyle w:val="ListParagraph"/><w:ind w:left="720" w:hanging="360"/></w:pPr>'
        text = "\u2022\t" + text if False else text
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + '<w:gridCol w:w="3600"/><w:gridCol w:w="2800"/><w:gridCol w:w="2800"/></w:tblGrid>']
    for i, r in enumerate(rows):
        out.append('<w:tr>')
        for c in r:
            rpr = '<w:rPr><w:b/></w:rPr>' if i == 0 else ''
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:r>{rpr}<w:t xml:space="preserve">{escape(c)}</w:t></w:r></w:p></w:tc>')
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)
body = []
plain = []
for i, (s, t) in enumerate(P):
    if i == TABLE_AT:
        body.append(table(ROWS)); plain += ["\t".join(r) for r in ROWS]
    body.append(para(s, t)); plain.append(t)
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>'
styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>'''
ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
drels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'''
import os
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "docs", "h4_03_vlissingen_raadsinformatiebrief.docx")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                       ("word/styles.xml", styles), ("word/_rels/document.xml.rels", drels)]:
        zi = zipfile.ZipInfo(name, date_time=(2024, 7, 9, 12, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)
open(os.path.join(here, "h4_03.plain.txt"), "w").write("\n".join(plain) + "\n")
print(len(" ".join(plain).split()), "words")
