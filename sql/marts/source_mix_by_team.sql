-- Passive vs active appointments per team (and `all`) and period: the team totals the
-- Source mix page's headline compares.
with dated as (
    select a.source_kind, r.team, k.period_kind, period_label(k.period_kind, a.created_date) as period
    from int_appointments a
    join int_is_reps r using (rep_id)
    cross join period_kinds k
),

scoped as (
    select period_kind, period, team, source_kind from dated
    union all
    select period_kind, period, 'all', source_kind from dated
)

select
    s.period_kind,
    s.period,
    s.team,
    count(*) filter (where s.source_kind = 'passive')::integer         as passive,
    count(*) filter (where s.source_kind = 'active')::integer          as active,
    count(*) filter (where s.source_kind = 'unclassified')::integer    as unclassified,
    count(*)::integer                                                  as appointments,
    count(*) filter (where s.source_kind = 'passive') / count(*)       as passive_share
from scoped s
join period_kinds k using (period_kind)
group by s.period_kind, k.grain_order, s.period, s.team
order by k.grain_order, s.period, s.team = 'all' desc, s.team
