"""Build h3_04 .docx (minimal WordprocessingML, stdlib zipfile only)."""
import zipfile
from xml.sax.saxutils import escape
from lib import ROOT

DOC = "h3_04_koers_beschermd_wonen_fryslan"

BODY = [
 ("Heading1", "Regionale koers Beschermd Wonen en Maatschappelijke Opvang Fryslân 2025-2028"),
 (None, "Conceptversie 0.9 – 10 juni 2024 – ter bespreking in het Bestuurlijk Overleg Sociaal Domein Fryslân"),
 ("Heading2", "1. Waarom een nieuwe koers"),
 (None, "Sinds 2015 voert de gemeente Leeuwarden als centrumgemeente beschermd wonen en maatschappelijke opvang uit voor alle achttien Friese gemeenten. Dat heeft veel opgeleverd: één loket, één set afspraken met aanbieders en een gezamenlijke aanpak van dakloosheid. Maar de opgave verandert."),
 (None, "Het Rijk heeft besloten dat de middelen voor beschermd wonen vanaf 1 januari 2026 via een objectief verdeelmodel rechtstreeks naar alle gemeenten gaan. Iedere gemeente wordt daarmee zelf verantwoordelijk voor haar inwoners die beschermd wonen. De Friese gemeenten willen daarna blijven samenwerken: in het najaar van 2023 hebben de achttien colleges een samenwerkingsafspraak ondertekend waarin zij vastleggen dat inkoop, contractbeheer en de opvang van dak- en thuislozen regionaal blijven."),
 (None, "Tegelijk neemt de vraag toe. In 2023 woonden 1.140 inwoners in een beschermde woonvorm en stonden ruim 400 mensen op een wachtlijst. Bovendien vinden mensen die klaar zijn om zelfstandig te wonen vaak geen betaalbare woning. Deze koers beschrijft hoe we de beweging van intramuraal naar wonen in de wijk willen versnellen, en wat dat betekent voor inkoop en bekostiging."),
 ("Heading2", "2. Uitgangspunten"),
 ("ListParagraph", "Wonen in de wijk is de norm; een intramurale plek is tijdelijk en gericht op herstel."),
 ("ListParagraph", "Iedere gemeente regelt de toegang zelf, dichtbij de inwoner. Leeuwarden, Smallingerland, Heerenveen en Súdwest-Fryslân houden regionale expertise beschikbaar voor de kleinere gemeenten."),
 ("ListParagraph", "Op de Waddeneilanden (Ameland, Schiermonnikoog, Terschelling en Vlieland) maken we maatwerkafspraken vanwege de beperkte schaal."),
 ("ListParagraph", "Tarieven voldoen aan de eisen van een reële prijs (artikel 2.6.6 Wmo) en worden jaarlijks geïndexeerd."),
 ("ListParagraph", "Cliënten houden keuzevrijheid tussen aanbieders, binnen de grenzen van het beschikbare budget."),
 ("Heading2", "3. Voorzieningen en bekostiging"),
 (None, "De tabel vat per voorziening samen hoe we nu financieren en wat we voorstellen voor de overeenkomsten en beschikkingen die per 1 januari 2026 ingaan."),
 ("TABLE", None),
 (None, "Voor beschermd wonen blijft de dagprijs dus de basis. Nieuw is het budgetplafond: iedere aanbieder krijgt een jaarbudget op basis van de gerealiseerde productie, met ruimte om tussentijds te schuiven tussen aanbieders. Voor beschermd thuis vervangen trajectprijzen het huidige uurtarief; een traject beslaat steeds een half jaar en kan worden verlengd."),
 (None, "Resultaatgerichte financiering voor beschermd thuis is in de werkgroep besproken. Dat werken we de komende jaren verder uit als mogelijke volgende stap, zodra er betrouwbare gegevens over uitstroom beschikbaar zijn."),
 (None, "Een openbare Europese aanbesteding met een beperkt aantal aanbieders hebben we overwogen, maar we kiezen er niet voor: de Friese markt is klein, veel aanbieders zijn regionaal geworteld en cliënten hechten aan keuzevrijheid."),
 ("Heading2", "4. Planning"),
 ("ListParagraph", "4 juli 2024: bespreking van deze koers in het Bestuurlijk Overleg Sociaal Domein Fryslân."),
 ("ListParagraph", "Na de zomer: uitwerking van de tarieven door een extern bureau."),
 ("ListParagraph", "In het najaar van 2024: consultatie van aanbieders, cliëntenraden en woningcorporaties."),
 ("ListParagraph", "Eind dit jaar: besluitvorming in de achttien colleges over de koers en het uitvoeringsprogramma."),
 ("ListParagraph", "Publicatie van de Open House voor beschermd wonen en beschermd thuis: uiterlijk 31-1-2025."),
 ("ListParagraph", "Aanmelden voor toelating tot de Open House kan tot uiterlijk 1 oktober 2025."),
 ("ListParagraph", "Ingang nieuwe overeenkomsten en subsidiebeschikkingen: 1 januari 2026."),
 ("ListParagraph", "Evaluatie van de koers: halverwege 2026, en daarna jaarlijks."),
 ("Heading2", "5. Besluitvorming"),
 (None, "Het Bestuurlijk Overleg Sociaal Domein Fryslân wordt gevraagd op 4 juli 2024 in te stemmen met deze koers en het ambtelijk regieteam opdracht te geven het uitvoeringsprogramma uit te werken. De definitieve vaststelling ligt bij de colleges. De gemeenteraden worden na de zomer via een raadsinformatiebrief geïnformeerd."),
]

TABLE = [
 ["Voorziening", "Huidige bekostiging", "Voorgestelde bekostiging", "Inkoop- of subsidievorm"],
 ["Beschermd wonen (24-uurs toezicht)", "Dagprijs per cliënt", "Dagprijs, met een budgetplafond per aanbieder", "Open House; lopende overeenkomsten verlengd tot 31-12-2025"],
 ["Beschermd thuis", "Uurtarief per geleverde begeleiding", "Trajectprijzen per half jaar", "Open House"],
 ["Maatschappelijke opvang (dag- en nachtopvang)", "Jaarlijkse subsidie per instelling", "Meerjarige subsidiering (vier jaar)", "Subsidieverlening"],
 ["Housing First", "Projectsubsidie", "Populatiebekostiging op basis van het aantal inwoners per gemeente", "Bestuurlijk aanbesteden met overlegtafels"],
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def para(style, text, bold=False):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    if style == "ListParagraph":
        ppr = '<w:pPr><w:pStyle w:val="ListParagraph"/><w:ind w:left="720" w:hanging="360"/></w:pPr>'
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def table(rows):
    grid = "".join('<w:gridCol w:w="2400"/>' for _ in rows[0])
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
           '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
           f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for i, r in enumerate(rows):
        out.append("<w:tr>")
        for c in r:
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{para(None, c, bold=(i == 0))}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml():
    parts = []
    for style, text in BODY:
        parts.append(table(TABLE) if style == "TABLE" else para(style, text))
    sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(parts)}{sect}</w:body></w:document>'


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>'''

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''


def plain_text():
    """Text as an extractor would see it: one line per paragraph, table cells tab-separated per row."""
    lines = []
    for style, text in BODY:
        if style == "TABLE":
            lines.extend("\t".join(r) for r in TABLE)
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


def build():
    path = f"{ROOT}/docs/{DOC}.docx"
    fixed = (2024, 6, 10, 12, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CT), ("_rels/.rels", RELS),
                           ("word/document.xml", document_xml()), ("word/_rels/document.xml.rels", DOC_RELS),
                           ("word/styles.xml", STYLES)]:
            zi = zipfile.ZipInfo(name, fixed)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return path


if __name__ == "__main__":
    p = build()
    import xml.dom.minidom
    with zipfile.ZipFile(p) as z:
        for n in z.namelist():
            xml.dom.minidom.parseString(z.read(n))
        print(p, z.namelist())
    print(len(plain_text().split()), "words")
