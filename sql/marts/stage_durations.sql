-- Days spent in each phase, per fiscal year of entering it: median, 75th and 90th
-- percentile over all opportunities (SQL and SGL). A deal still in the phase counts the
-- days up to as_of; a deal that entered the same phase twice counts the days of both stays.
with per_deal as (
    select
        opportunity_id,
        phase,
        min(entered_date)       as first_entered,
        sum(days)               as days
    from int_stage_stays
    group by opportunity_id, phase
)

select
    lpad(phase::varchar, 2, '0')                            as phase,
    fiscal_year(first_entered)                              as fiscal_year,
    count(*)::integer                                       as deals,
    quantile_cont(days::double, 0.5)                        as median_days,
    quantile_cont(days::double, 0.75)                       as p75_days,
    quantile_cont(days::double, 0.9)                        as p90_days,
    count(*) filter (where opportunity_id in (select opportunity_id from int_stage_stays where is_current and phase = per_deal.phase))::integer as still_in_phase
from per_deal
group by all
order by phase, fiscal_year
