-- Business calendar and thresholds, as one row. These are the defaults; the first four
-- can be overridden per build (flags --as-of, --timezone, --fy-start-month, --holidays or
-- the environment variables RELAY_AS_OF, RELAY_TIMEZONE, RELAY_FY_START_MONTH,
-- RELAY_HOLIDAYS). Everything else is changed here.
select
    -- calendar
    cast(null as date)          as as_of,                      -- null: today in the business time zone
    'Asia/Tokyo'                as timezone,                   -- day boundaries for every timestamp
    4                           as fy_start_month,             -- fiscal year starts in April
    'jp'                        as holidays,                   -- jp | none | path to a CSV with a `holiday` date column

    -- stagnation (stalled_deals)
    2                           as stalled_max_phase,          -- "phase <= 02" ...
    30                          as stalled_phase_days,         -- ... for this many days in the current stage
    14                          as stalled_no_activity_days,   -- no task on the deal or its account for this many days

    -- re-ignition of deals returned to IS
    183                         as reignition_window_days,     -- inclusive: day 183 counts, day 184 does not

    -- activity
    cast(null as integer)       as effective_call_min_seconds, -- null: off; else calls this long count as effective conversations

    -- data quality
    1000000000000               as amount_ceiling,             -- amounts above this are quarantined as absurd

    -- targets
    1620                        as annual_appointment_target,  -- appointments (SQLs) per fiscal year, all IS

    -- pages
    20                          as list_page_rows,             -- rows a long list shows before "download the rest as CSV"
    2                           as stale_after_days            -- pages warn when the data is older than this (the nightly failed)
