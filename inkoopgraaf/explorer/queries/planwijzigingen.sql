-- title: Planwijzigingen per regio: wat, van, naar, hoeveel dagen
-- description: Elke datum die een stuk verschuift (uitstel, vervroeging, verlenging): wat er schuift, de oude en de nieuwe datum, het aantal dagen en het citaat. Regio als id of naam; laat leeg voor alle regio's.
with reg as (select distinct id from vocabulary where kind = 'region' and key = lower(replace(replace(replace(replace(replace(trim(:regio), ' ', ''), '-', ''), '_', ''), '/', ''), '.', '')))
select
  r.name as "Regio",
  coalesce(nullif(p.what, ''), (select label from vocabulary v where v.kind = 'event' and v.id = p.event limit 1)) as "Wat",
  (select label from vocabulary v where v.kind = 'event' and v.id = p.event limit 1) as "Soort datum",
  datum(p.from_start, p.from_end) as "Van",
  datum(p.to_start, p.to_end) as "Naar",
  p.shift_days as "Dagen",
  case
    when p.shift_days is null then 'verschuiving onbekend'
    when p.shift_days = 0 then 'niet verschoven'
    when p.shift_days > 0 and p.event = 'contract_end' then 'verlengd met ' || p.shift_days || ' dagen'
    when p.shift_days > 0 then 'uitgesteld met ' || p.shift_days || ' dagen'
    else 'vervroegd met ' || (-p.shift_days) || ' dagen'
  end as "Verschuiving",
  (select group_concat(distinct coalesce(v.label, sf.value_id)) from facts sf
     left join vocabulary v on v.kind = 'segment' and v.id = sf.value_id and v.term = v.id
     where sf.doc = p.doc and sf.type = 'segment'
       and sf.start >= p.evidence_start - length(p.evidence_quote) and sf."end" <= p.evidence_end + length(p.evidence_quote)
       and instr(lower(p.evidence_quote), lower(sf.text)) > 0) as "Segmenten",
  p.year as "Jaar document",
  p.evidence_quote as "Citaat",
  d.title as "Document",
  p.evidence_page as "Pagina",
  p.evidence_fact as "Bewijs"
from plan_changes p
join regions r on r.id = p.region
left join documents d on d.id = p.evidence_doc
where (:regio = '' or p.region = lower(trim(:regio)) or p.region in (select id from reg) or lower(r.name) = lower(trim(:regio)))
order by r.name, p.from_start, p.to_start
