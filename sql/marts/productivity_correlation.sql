-- How closely each activity metric tracks appointments: Pearson r over rep-months with
-- at least one activity, for all IS reps and per team. Null (row kept) with fewer than 3
-- rep-months or when either side does not vary.
with rep_months as (
    select * from rep_productivity where period_kind = 'month' and activities > 0
),

teams as (
    select 'all' as team union select distinct team from rep_months
),

long as (
    select team, 'unique_accounts' as metric, unique_accounts as x, appointments as y from rep_months
    union all select team, 'effective_conversations', effective_conversations, appointments from rep_months
    union all select team, 'activities', activities, appointments from rep_months
),

scoped as (
    select 'all' as scope, metric, x, y from long
    union all
    select team, metric, x, y from long
),

metrics as (
    select * from (values ('unique_accounts', 1), ('effective_conversations', 2), ('activities', 3)) as m(metric, metric_order)
)

select
    t.team,
    m.metric,
    case when count(s.x) < 3 or var_pop(s.x) = 0 or var_pop(s.y) = 0 then null
         else corr(s.x, s.y) end                as pearson_r,
    count(s.x)::integer                         as rep_months
from teams t
cross join metrics m
left join scoped s on s.scope = t.team and s.metric = m.metric
group by t.team, m.metric, m.metric_order
order by case when t.team = 'all' then 0 else 1 end, t.team, m.metric_order
