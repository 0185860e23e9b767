-- Per IS rep and period: appointments from passive sources (inquiries, document
-- requests, ...) against active ones (outbound, re-engagement, ...), and the passive share.
with dated as (
    select rep_id, source_kind, 'month' as period_kind, month_label(created_date) as period from int_appointments
    union all
    select rep_id, source_kind, 'fiscal_quarter', fiscal_quarter_label(created_date) from int_appointments
    union all
    select rep_id, source_kind, 'fiscal_year', fiscal_year_label(created_date) from int_appointments
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
group by d.rep_id, r.rep_name, r.team, d.period_kind, d.period
order by case d.period_kind when 'month' then 1 when 'fiscal_quarter' then 2 else 3 end, d.period, r.rep_name, d.rep_id
