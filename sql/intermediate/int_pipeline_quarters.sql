-- The fiscal quarters pipeline movement is measured over: from the quarter of the first
-- opportunity's CreatedDate to the quarter holding as_of, each with its window: t0 the
-- day before it starts, t1 = min(as_of, its last day).
select
    period                                  as fiscal_quarter,
    period_start,
    period_end,
    period_start - 1                        as t0,
    least(period_end, as_of())              as t1
from int_calendar_periods
where period_kind = 'fiscal_quarter'
  and period_end >= (select min(created_date) from int_opportunities)
  and period_start <= as_of()
