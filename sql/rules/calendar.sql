-- Calendar functions. Timestamps are turned into business dates by the session time zone,
-- which the build sets to settings.timezone before any model runs, so `local_date` of a
-- TIMESTAMPTZ is its date in the business time zone. Periods follow settings.fy_start_month.

create or replace macro local_date(ts) as
    -- with a fixed UTC offset (Asia/Tokyo, no daylight saving; relay_time_zone is written by
    -- the build) plain arithmetic gives the same date as a time-zone lookup, far faster
    case when (select utc_offset_seconds from relay_time_zone) is null then cast(ts as date)
         else date '1970-01-01' + cast(floor((epoch(ts) + (select utc_offset_seconds from relay_time_zone)) / 86400) as integer)
    end;

create or replace macro month_label(d) as strftime(d, '%Y-%m');

create or replace macro fiscal_month(d) as
    -- 1 for the first month of the fiscal year ... 12 for the last
    ((month(d) - (select fy_start_month from settings) + 12) % 12) + 1;

create or replace macro fiscal_year(d) as
    -- named after the calendar year in which it starts: FY2023 = Apr 2023 - Mar 2024
    cast(year(d) - case when month(d) < (select fy_start_month from settings) then 1 else 0 end as integer);

create or replace macro fiscal_year_label(d) as 'FY' || fiscal_year(d);

create or replace macro fiscal_quarter_label(d) as
    'FY' || fiscal_year(d) || '-Q' || ((fiscal_month(d) - 1) // 3 + 1);

create or replace macro fiscal_half_label(d) as
    'FY' || fiscal_year(d) || '-H' || ((fiscal_month(d) - 1) // 6 + 1);

create or replace macro as_of() as (select as_of from settings);

create or replace macro fiscal_year_start(d) as
    -- the first day of the fiscal year holding d
    cast(date_trunc('month', d) - to_months(fiscal_month(d) - 1) as date);

create or replace macro fiscal_quarter_start(d) as
    cast(date_trunc('month', d) - to_months((fiscal_month(d) - 1) % 3) as date);

create or replace macro period_label(period_kind, d) as
    -- the period of a grain (period_kind month | fiscal_quarter | fiscal_year) holding d
    case period_kind
        when 'month'          then month_label(d)
        when 'fiscal_quarter' then fiscal_quarter_label(d)
        when 'fiscal_year'    then fiscal_year_label(d)
    end;

create or replace macro period_start(period_kind, d) as
    case period_kind
        when 'month'          then cast(date_trunc('month', d) as date)
        when 'fiscal_quarter' then fiscal_quarter_start(d)
        when 'fiscal_year'    then fiscal_year_start(d)
    end;
