-- The funnel events once per segment they fall in: the total (all / all) and the splits
-- by lead source, source kind and tier.
select e.*, 'all' as segment_kind, 'all' as segment from int_funnel_events e
union all
select e.*, 'lead_source', e.lead_source from int_funnel_events e
union all
select e.*, 'source_kind', e.source_kind from int_funnel_events e
union all
select e.*, 'tier', e.tier from int_funnel_events e
