-- Funnel by period (flows): how many step events happened in each month, fiscal quarter
-- and fiscal year, with conversion from the previous step and from the first.
-- Ratios compare counts of the same period, so they can exceed 1.
-- page files: one per segment_kind
select
    c.grouping as period_kind,
    c.grp as period,
    c.segment_kind,
    c.segment,
    c.step,
    c.step_order,
    c.count,
    c.conversion_from_previous,
    c.conversion_from_first
from int_funnel_conversions c
join period_kinds k on k.period_kind = c.grouping
order by k.grain_order, c.grp, c.segment_kind, c.segment, c.step_order
