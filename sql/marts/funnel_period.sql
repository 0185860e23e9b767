-- Funnel by period (flows): how many step events happened in each month, fiscal quarter
-- and fiscal year, with conversion from the previous step and from the first.
-- Ratios compare counts of the same period, so they can exceed 1.
select
    grouping as period_kind,
    grp as period,
    segment_kind,
    segment,
    step,
    count,
    conversion_from_previous,
    conversion_from_first
from int_funnel_conversions
where grouping in ('month', 'fiscal_quarter', 'fiscal_year')
order by
    case grouping when 'month' then 1 when 'fiscal_quarter' then 2 else 3 end,
    grp, segment_kind, segment, step_order
