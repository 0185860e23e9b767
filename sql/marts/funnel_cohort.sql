-- Funnel by cohort: of the leads that came in each month (an SQL with no lead joins the
-- cohort of the month it was created), how many had reached each step by as_of.
with counted as (
    select cohort_month, segment_kind, segment, step, count(distinct entity_id) as count
    from int_funnel_segments
    group by all
),

grid as (
    select distinct c.cohort_month, c.segment_kind, c.segment, s.step, s.step_order
    from counted c cross join funnel_steps s
)

select
    g.cohort_month,
    g.segment_kind,
    g.segment,
    g.step,
    coalesce(c.count, 0)::integer as count,
    case when g.step_order = 1 then null
         else coalesce(c.count, 0) / nullif(lag(coalesce(c.count, 0)) over w, 0) end as conversion_from_previous,
    case when g.step_order = 1 then 1.0
         else coalesce(c.count, 0) / nullif(first_value(coalesce(c.count, 0)) over w, 0) end as conversion_from_first
from grid g
left join counted c using (cohort_month, segment_kind, segment, step)
window w as (partition by g.cohort_month, g.segment_kind, g.segment order by g.step_order)
order by g.cohort_month, g.segment_kind, g.segment, g.step_order
