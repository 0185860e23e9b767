-- Funnel by cohort: of the leads that came in each month, fiscal quarter and fiscal year
-- (an SQL with no lead joins the cohort of the day it was created), how many had reached
-- each step by as_of. Month cohorts also carry `cohort_month`.
-- page files: one per segment_kind
select
    replace(c.grouping, 'cohort_', '')                          as cohort_kind,
    c.grp                                                       as cohort,
    case when c.grouping = 'cohort_month' then c.grp end        as cohort_month,
    c.segment_kind,
    c.segment,
    c.step,
    c.step_order,
    c.count,
    c.conversion_from_previous,
    c.conversion_from_first
from int_funnel_conversions c
join period_kinds k on 'cohort_' || k.period_kind = c.grouping
order by k.grain_order, c.grp, c.segment_kind, c.segment, c.step_order
