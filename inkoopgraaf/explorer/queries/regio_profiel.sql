-- title: Regio-profiel over de jaren
-- description: Alles wat de stukken over één regio zeggen, per jaar en stuk: welke segmenten zij inkoopt, hoe zij die bekostigt, met welke procedure, de belangrijkste data, planwijzigingen en besluiten. Zo ziet u wat er tussen twee jaren veranderde. Regio als id of naam (lekstroom, Achterhoek).
with reg as (select distinct id from vocabulary where kind = 'region' and key = lower(replace(replace(replace(replace(replace(trim(:regio), ' ', ''), '-', ''), '_', ''), '/', ''), '.', ''))
             union select id from regions where id = lower(trim(:regio)) or lower(name) = lower(trim(:regio))),
aspects as (
  select year, doc, 1 as o, 'segment' as onderwerp, coalesce(segment_label, segment) as segment, null as wat,
         null as status, null as k, evidence_quote, evidence_page, evidence_fact
    from segments where region in (select id from reg)
  union all
  select year, doc, 2, 'bekostiging', case when segment = 'all' then 'hele inkoop' else coalesce(segment_label, segment) end,
         financing_label || coalesce(' (' || nullif(variant, 'none') || ')', ''),
         (select label from vocabulary v where v.kind = 'status' and v.id = financing.status limit 1), null,
         evidence_quote, evidence_page, evidence_fact
    from financing where region in (select id from reg)
  union all
  select year, doc, 3, 'procedure', case when segment = 'all' then 'hele inkoop' else coalesce(segment_label, segment) end,
         procedure_label, (select label from vocabulary v where v.kind = 'status' and v.id = procedures.status limit 1), null,
         evidence_quote, evidence_page, evidence_fact
    from procedures where region in (select id from reg)
  union all
  select year, doc, 4, 'datum', segment,
         (select label from vocabulary v where v.kind = 'event' and v.id = timeline.event limit 1) || ': '
           || datum(start, "end", granularity),
         case when superseded then 'achterhaald' end, start, evidence_quote, evidence_page, evidence_fact
    from timeline where region in (select id from reg) and event is not null and event != 'other'
  union all
  select year, doc, 5, 'planwijziging', null,
         coalesce(nullif(what, ''), event) || ': ' || coalesce(datum(from_start, from_end), '?') || ' → ' || coalesce(datum(to_start, to_end), '?'),
         case when shift_days > 0 then 'uitgesteld met ' || shift_days || ' dagen'
              when shift_days < 0 then 'vervroegd met ' || (-shift_days) || ' dagen' end,
         to_start, evidence_quote, evidence_page, evidence_fact
    from plan_changes where region in (select id from reg)
  union all
  select year, doc, 6, 'besluit', segments,
         coalesce((select label from vocabulary v where v.kind = 'actor' and v.id = decisions.actor limit 1), actor)
           || ': ' || coalesce(object, '') || coalesce(' (' || datum(date_start, date_end) || ')', ''),
         (select label from vocabulary v where v.kind = 'decision_status' and v.id = decisions.status limit 1),
         date_start, evidence_quote, evidence_page, evidence_fact
    from decisions where region in (select id from reg)
)
select a.year as "Jaar", d.title as "Document", a.onderwerp as "Onderwerp", a.segment as "Segment",
       a.wat as "Wat", a.status as "Status", a.evidence_quote as "Citaat", a.evidence_page as "Pagina",
       a.evidence_fact as "Bewijs"
from aspects a left join documents d on d.id = a.doc
order by a.year, d.title, a.o, a.segment, a.k, a.wat
