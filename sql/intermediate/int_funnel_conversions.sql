-- Funnel counts for every grouping the funnel marts need — periods (month, fiscal
-- quarter, fiscal year: events dated in the period) and cohorts (the month, fiscal
-- quarter or fiscal year the lead came in: entities that ever reached the step) — with
-- every step present for every group that has any event, and the conversions from the
-- previous step and from the first. `grouping` is the period kind, prefixed `cohort_`
-- for cohorts.
-- An entity reaches a step at most once, so counts add up across months and segments:
-- events are counted once per month/cohort/segment combination, then rolled up (every
-- period kind is made of whole months).
with monthly as (
    select step, cast(date_trunc('month', event_date) as date) as event_month, cohort_month_start,
           lead_source, source_kind, tier, count(*) as n
    from int_funnel_events
    group by all
),

segmented as (
    select *, 'all' as segment_kind, 'all' as segment from monthly
    union all select *, 'lead_source', lead_source from monthly
    union all select *, 'source_kind', source_kind from monthly
    union all select *, 'tier', tier from monthly
),

grouped as (
    select k.period_kind as grouping, period_label(k.period_kind, event_month) as grp, segment_kind, segment, step, n
    from segmented cross join period_kinds k
    union all
    select 'cohort_' || k.period_kind, period_label(k.period_kind, cohort_month_start), segment_kind, segment, step, n
    from segmented cross join period_kinds k
),

counted as (
    select grouping, grp, segment_kind, segment, step, sum(n) as count
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
