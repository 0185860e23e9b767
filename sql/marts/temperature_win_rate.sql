-- Win rate by opportunity temperature (A: all of BANT; B: budget or timing missing;
-- C: agreed to open a deal), by fiscal year of the close date.
select
    fiscal_year(close_date)                                 as fiscal_year,
    case when temperature in ('A', 'B', 'C') then temperature else 'unknown' end as temperature,
    count(*)::integer                                       as closed,
    count(*) filter (where is_won)::integer                 as won,
    count(*) filter (where is_won) / count(*)               as win_rate
from int_opportunities
where is_closed
group by all
order by fiscal_year, temperature
