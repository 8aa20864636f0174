-- title: Zoek in de stukken
-- description: Zoek een woord of woordgroep (bijvoorbeeld: populatiebekostiging, open house, "1 januari 2023") in de citaten van alle gevonden feiten en in de volledige teksten. Hoofdletters en accenten tellen niet. Elke rij verwijst naar het stuk en de plaats.
select * from (
select
  d.title as "Document",
  f.page as "Pagina",
  coalesce((select label from vocabulary v where v.kind = 'fact_type' and v.id = f.type limit 1), f.type) as "Soort",
  f.text as "Vermelding",
  f.quote as "Citaat",
  f.id as "Bewijs",
  f.doc as "Stuk"
from facts_fts
join facts f on f.id = facts_fts.rowid
join documents d on d.id = f.doc
where trim(:zoekterm) != '' and facts_fts match '"' || replace(trim(:zoekterm), '"', '') || '"'
union all
select
  d.title, null, 'tekst', null,
  snippet(texts_fts, 1, '«', '»', '…', 24),
  null, t.doc
from texts_fts
join texts t on t.rowid = texts_fts.rowid
join documents d on d.id = t.doc
where trim(:zoekterm) != '' and texts_fts match '"' || replace(trim(:zoekterm), '"', '') || '"'
)
order by "Document", "Soort" = 'tekst', "Pagina", "Bewijs"
