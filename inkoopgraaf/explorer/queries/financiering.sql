-- title: Welke regio's financieren segment X met model Y?
-- description: Per regio en jaar: bekostiging, iSD-variant, status, procedure en ingangsdatum van de nieuwe contracten, met het citaat waar het staat. Laat een veld leeg voor alles. Segment, bekostiging en status mogen als id, Nederlandse naam of de eigen formulering van een stuk (dyslexie, Ambulante jeugdhulp, lumpsum-financiering, gekozen). Een regio die haar hele inkoop zo financiert en het segment inkoopt, staat er ook bij (segment: hele inkoop).
with seg as (select distinct id from vocabulary where kind = 'segment' and key = lower(replace(replace(replace(replace(replace(trim(:segment), ' ', ''), '-', ''), '_', ''), '/', ''), '.', ''))),
     fin as (select distinct id from vocabulary where kind = 'financing' and key = lower(replace(replace(replace(replace(replace(trim(:bekostiging), ' ', ''), '-', ''), '_', ''), '/', ''), '.', ''))),
     sta as (select distinct id from vocabulary where kind = 'status' and key = lower(replace(replace(replace(replace(replace(trim(:status), ' ', ''), '-', ''), '_', ''), '/', ''), '.', '')))
select
  r.name as "Regio",
  f.year as "Jaar",
  case when f.segment = 'all' then 'hele inkoop' else coalesce(f.segment_label, f.segment) end as "Segment",
  f.financing_label as "Bekostiging",
  case when f.variant = 'none' then 'geen iSD-variant' else f.variant end as "Variant (iSD)",
  coalesce((select label from vocabulary v where v.kind = 'status' and v.id = f.status limit 1), 'onbekend') as "Status",
  datum(f.start_of_segment,
        (select t."end" from timeline t where t.doc = f.doc and t.event = 'contract_start' and t.start = f.start_of_segment
          order by t."end" = t.start desc limit 1),
        (select t.granularity from timeline t where t.doc = f.doc and t.event = 'contract_start' and t.start = f.start_of_segment
          order by t."end" = t.start desc limit 1)) as "Ingangsdatum",
  coalesce((select label from vocabulary v where v.kind = 'procedure' and v.id = f.procedure limit 1), replace(f.procedure, '_', ' ')) as "Procedure",
  f.evidence_quote as "Citaat",
  d.title as "Document",
  f.evidence_page as "Pagina",
  f.evidence_fact as "Bewijs"
from (
  -- the one rule for "from when does this region contract the segment asked for" (as kg.query,
  -- compare and matrix: inkoopgraaf/api.py _with_segment_dates): a whole-procurement row shown
  -- for a segment carries that segment's own contract start from the segments table (empty =
  -- onbekend), never the document-wide date of the whole procurement
  select fin.*, case when fin.segment = 'all' and :segment != ''
                     then (select s.contract_start from segments s where s.doc = fin.doc and s.region = fin.region
                             and s.segment in (select id from seg) limit 1)
                     else fin.contract_start end as start_of_segment
  from financing fin) f
join regions r on r.id = f.region
left join documents d on d.id = f.evidence_doc
where (:segment = '' or f.segment in (select id from seg)
       or (f.segment = 'all' and exists (select 1 from segments s where s.doc = f.doc and s.region = f.region
                                         and s.segment in (select id from seg))))
  and (:bekostiging = '' or f.financing in (select id from fin))
  and (:status = '' or f.status in (select id from sta))
order by r.name, f.year, f.segment = 'all', "Segment", f.financing
