-- One row per period of every grain (month, fiscal quarter, fiscal year) from 2000 to
-- 2040: its first and last day and its working days up to as_of (a period that has not
-- started counts none; the as-of period counts up to as_of, even before the data starts).
select
    k.period_kind,
    period_label(k.period_kind, w.day)                          as period,
    min(w.day)                                                  as period_start,
    max(w.day)                                                  as period_end,
    count(*) filter (where w.is_working_day and w.day <= as_of()) as working_days_to_as_of
from working_days w
cross join period_kinds k
group by all
