-- The small charts of the home page's tiles: per tile, one or two series of points
-- (x in order, with its label) drawn as they are. See home_summary for the tiles.
with info as (
    select as_of() as as_of, fiscal_year(as_of()) as fy
),

won_months as (
    -- won amount per fiscal month of this fiscal year and the one before
    select fiscal_year(close_date) as fiscal_year, fiscal_month(close_date) as fiscal_month, sum(amount) as won
    from int_opportunities
    where is_won and fiscal_year(close_date) between (select fy from info) - 1 and (select fy from info)
    group by all
),

won_grid as (
    select y.fiscal_year, m.fiscal_month, coalesce(w.won, 0) as won
    from (select (select fy from info) - 1 as fiscal_year union all select (select fy from info)) y
    cross join range(1, 13) m(fiscal_month)
    left join won_months w using (fiscal_year, fiscal_month)
    -- this year only up to the as-of month
    where y.fiscal_year < (select fy from info) or m.fiscal_month <= fiscal_month((select as_of from info))
),

recent_quarters as (
    select period from int_calendar_periods
    where period_kind = 'fiscal_quarter' and period_start <= as_of()
    order by period_start desc
    limit 8
),

points as (
    select 'appointments' as tile, 'actual' as series, fiscal_month as x_order, month as x_label, cumulative_appointments::double as y
    from target_pace where fiscal_year = (select fy from info)
    union all
    select 'appointments', 'pace', fiscal_month, month, target_cumulative::double
    from target_pace where fiscal_year = (select fy from info)
    union all
    select distinct 'stalled_le_02', 'share', fiscal_year, fiscal_year_label(make_date(fiscal_year, (select fy_start_month from settings), 1)), share_le_02
    from stagnation_by_cohort
    union all
    select 'won_revenue', case when fiscal_year = (select fy from info) then 'this_year' else 'last_year' end, fiscal_month,
           -- labelled with this fiscal year's months
           month_label(cast(fiscal_year_start((select as_of from info)) + to_months(fiscal_month - 1) as date)),
           (sum(won) over (partition by fiscal_year order by fiscal_month))::double
    from won_grid
    union all
    select 'tier1_share', 'share', row_number() over (order by period), period, won_amount_share
    from tier_share where period_kind = 'fiscal_quarter' and tier = 'Tier 1' and period in (select period from recent_quarters)
    union all
    select 'passive_share', 'share', row_number() over (order by period), period, passive_share
    from source_mix_by_team where period_kind = 'fiscal_quarter' and team = 'all' and period in (select period from recent_quarters)
    union all
    select 'stalled_deals', 'deals', reason_order, reason, deals::double
    from stalled_deal_counts where owner_id is null and phase is null and reason is not null
    union all
    select 'coverage', 'open', row_number() over (order by period_start), fiscal_quarter, open_amount::double
    from pipeline_coverage
    union all
    select 'coverage', 'remaining', row_number() over (order by period_start), fiscal_quarter, greatest(remaining, 0)::double
    from pipeline_coverage where remaining is not null
)

select tile, series, x_order::integer as x_order, x_label, y
from points
order by tile, series, x_order
