-- Passive vs active appointments per team (and `all`) and period: the team totals the
-- Source mix page's headline compares, summed from the reps' rows of source_mix.
with scoped as (
    select period_kind, period, team, passive, active, unclassified, appointments from source_mix
    union all
    select period_kind, period, 'all', passive, active, unclassified, appointments from source_mix
)

select
    s.period_kind,
    s.period,
    s.team,
    sum(s.passive)::integer                          as passive,
    sum(s.active)::integer                           as active,
    sum(s.unclassified)::integer                     as unclassified,
    sum(s.appointments)::integer                     as appointments,
    sum(s.passive) / sum(s.appointments)             as passive_share
from scoped s
join period_kinds k using (period_kind)
group by s.period_kind, k.grain_order, s.period, s.team
order by k.grain_order, s.period, s.team = 'all' desc, s.team
