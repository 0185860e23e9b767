-- Funnel by period (flows): how many step events happened in each month, fiscal quarter
-- and fiscal year, with conversion from the previous step and from the first.
-- Ratios compare counts of the same period, so they can exceed 1.
with dated as (
    select *, 'month' as period_kind, month_label(event_date) as period from int_funnel_segments
    union all
    select *, 'fiscal_quarter', fiscal_quarter_label(event_date) from int_funnel_segments
    union all
    select *, 'fiscal_year', fiscal_year_label(event_date) from int_funnel_segments
),

counted as (
    select period_kind, period, segment_kind, segment, step, count(*) as count
    from dated
    group by all
),

-- every step for every period (and segment) that has any event
grid as (
    select distinct c.period_kind, c.period, c.segment_kind, c.segment, s.step, s.step_order
    from counted c cross join funnel_steps s
)

select
    g.period_kind,
    g.period,
    g.segment_kind,
    g.segment,
    g.step,
    coalesce(c.count, 0)::integer as count,
    case when g.step_order = 1 then null
         else coalesce(c.count, 0) / nullif(lag(coalesce(c.count, 0)) over w, 0) end as conversion_from_previous,
    case when g.step_order = 1 then 1.0
         else coalesce(c.count, 0) / nullif(first_value(coalesce(c.count, 0)) over w, 0) end as conversion_from_first
from grid g
left join counted c using (period_kind, period, segment_kind, segment, step)
window w as (partition by g.period_kind, g.period, g.segment_kind, g.segment order by g.step_order)
order by
    case g.period_kind when 'month' then 1 when 'fiscal_quarter' then 2 else 3 end,
    g.period, g.segment_kind, g.segment, g.step_order
