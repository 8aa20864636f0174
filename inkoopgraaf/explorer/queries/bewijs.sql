-- title: Bewijs: waar het staat
-- description: Het citaat van één feit met de tekst eromheen (de vermelding zelf tussen ⟦ en ⟧), het stuk en de pagina. De link "volledige tekst" opent het hele stuk.
select
  d.title as "Document",
  f.page as "Pagina",
  coalesce((select label from vocabulary v where v.kind = 'fact_type' and v.id = f.type limit 1), f.type) as "Soort",
  f.text as "Vermelding",
  f.quote as "Citaat",
  case when f.start > 400 then '…' else '' end
    || substr(t.text, max(1, f.start - 399), f.start - max(0, f.start - 400))
    || '⟦' || substr(t.text, f.start + 1, f."end" - f.start) || '⟧'
    || substr(t.text, f."end" + 1, 400)
    || case when length(t.text) > f."end" + 400 then '…' else '' end as "Context",
  d.year as "Jaar",
  d.path as "Bestand",
  f.doc as "Stuk"
from facts f
join documents d on d.id = f.doc
left join texts t on t.doc = f.doc
where f.id = :fact
