-- Funnel by cohort: of the leads that came in each month (an SQL with no lead joins the
-- cohort of the month it was created), how many had reached each step by as_of.
select
    grp as cohort_month,
    segment_kind,
    segment,
    step,
    count,
    conversion_from_previous,
    conversion_from_first
from int_funnel_conversions
where grouping = 'cohort_month'
order by grp, segment_kind, segment, step_order
