-- title: Besluiten van regio R: wie, wat, wanneer, status
-- description: Elk besluit dat een stuk noemt: wie besluit (college, raad, regionaal bestuur ...), wat, wanneer en of het genomen, gepland of voorgesteld is, met het citaat. Regio als id of naam (lekstroom, IJmond); laat leeg voor alle regio's. Wie en status mogen in het Nederlands (college, raad; genomen, gepland, voorgesteld).
with reg as (select distinct id from vocabulary where kind = 'region' and key = lower(replace(replace(replace(replace(replace(trim(:regio), ' ', ''), '-', ''), '_', ''), '/', ''), '.', ''))),
     act as (select distinct id from vocabulary where kind = 'actor' and key = lower(replace(replace(replace(replace(replace(trim(:wie), ' ', ''), '-', ''), '_', ''), '/', ''), '.', ''))),
     sta as (select distinct id from vocabulary where kind = 'decision_status' and key = lower(replace(replace(replace(replace(replace(trim(:status), ' ', ''), '-', ''), '_', ''), '/', ''), '.', '')))
select
  r.name as "Regio",
  coalesce((select label from vocabulary v where v.kind = 'actor' and v.id = b.actor limit 1), b.actor) as "Wie",
  b.object as "Wat",
  datum(b.date_start, b.date_end) as "Wanneer",
  coalesce((select label from vocabulary v where v.kind = 'decision_status' and v.id = b.status limit 1), b.status) as "Status",
  b.segments as "Segmenten",
  b.year as "Jaar document",
  b.evidence_quote as "Citaat",
  d.title as "Document",
  b.evidence_page as "Pagina",
  b.evidence_fact as "Bewijs"
from decisions b
join regions r on r.id = b.region
left join documents d on d.id = b.evidence_doc
where (:regio = '' or b.region = lower(trim(:regio)) or b.region in (select id from reg) or lower(r.name) = lower(trim(:regio)))
  and (:wie = '' or b.actor in (select id from act))
  and (:status = '' or b.status in (select id from sta))
order by r.name, b.date_start is null, b.date_start, b.year, b.evidence_start
