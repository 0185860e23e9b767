-- One row per calendar day from 2000 to 2040, with whether it is a working day:
-- Monday-Friday less the holidays (settings.holidays, loaded by the build into
-- relay_holidays).
select
    d::date as day,
    isodow(d) <= 5 and d::date not in (select holiday from relay_holidays) as is_working_day
from range(date '2000-01-01', date '2041-01-01', interval 1 day) as r(d)
