-- Funnel counts for every grouping the funnel marts need — periods (month, fiscal
-- quarter, fiscal year: events dated in the period) and cohorts (the month the lead came
-- in: entities that ever reached the step) — with every step present for every group
-- that has any event, and the conversions from the previous step and from the first.
with grouped as (
    select 'month' as grouping, month_label(event_date) as grp, * from int_funnel_segments
    union all
    select 'fiscal_quarter', fiscal_quarter_label(event_date), * from int_funnel_segments
    union all
    select 'fiscal_year', fiscal_year_label(event_date), * from int_funnel_segments
    union all
    select 'cohort_month', cohort_month, * from int_funnel_segments
),

counted as (
    -- an entity reaches a step once, so this counts events and entities alike
    select grouping, grp, segment_kind, segment, step, count(distinct entity_id) as count
    from grouped
    group by all
),

grid as (
    select distinct c.grouping, c.grp, c.segment_kind, c.segment, s.step, s.step_order
    from counted c cross join funnel_steps s
)

select
    g.grouping,
    g.grp,
    g.segment_kind,
    g.segment,
    g.step,
    g.step_order,
    coalesce(c.count, 0)::integer as count,
    -- the first step's conversion from previous is null and from first is 1, by definition
    case when g.step_order = 1 then null
         else coalesce(c.count, 0) / nullif(lag(coalesce(c.count, 0)) over w, 0) end as conversion_from_previous,
    case when g.step_order = 1 then 1.0
         else coalesce(c.count, 0) / nullif(first_value(coalesce(c.count, 0)) over w, 0) end as conversion_from_first
from grid g
left join counted c using (grouping, grp, segment_kind, segment, step)
window w as (partition by g.grouping, g.grp, g.segment_kind, g.segment order by g.step_order)
