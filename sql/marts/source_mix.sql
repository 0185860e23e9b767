-- Per IS rep and period: appointments from passive sources (inquiries, document
-- requests, ...) against active ones (outbound, re-engagement, ...), and the passive share.
with dated as (
    select a.rep_id, a.source_kind, k.period_kind, k.grain_order, period_label(k.period_kind, a.created_date) as period
    from int_appointments a
    cross join period_kinds k
)

select
    d.rep_id,
    r.rep_name,
    r.team,
    d.period_kind,
    d.period,
    count(*) filter (where d.source_kind = 'passive')::integer         as passive,
    count(*) filter (where d.source_kind = 'active')::integer          as active,
    count(*) filter (where d.source_kind = 'unclassified')::integer    as unclassified,
    count(*)::integer                                                  as appointments,
    count(*) filter (where d.source_kind = 'passive') / count(*)       as passive_share
from dated d
join int_is_reps r using (rep_id)
group by d.rep_id, r.rep_name, r.team, d.period_kind, d.grain_order, d.period
order by d.grain_order, d.period, r.rep_name, d.rep_id
