-- The morning summary on the home page: one row per tile, each a headline figure of one
-- view for the fiscal year (or quarter) holding as_of, with the figure that gives it
-- meaning beside it. `value` and `compare_value` are counts, amounts or shares as `unit`
-- says; `ratio` compares them where that means something (of pace, of target).
--   appointments   SQLs this fiscal year so far against the linear pace to the annual target
--   stalled_le_02  share of this fiscal year's SQLs whose highest phase is <= 02, against last year's
--   won_revenue    won amount this fiscal year to date against last year to the same day
--   tier1_share    Tier 1's share of this fiscal year's won amount, against last year's
--   passive_share  share of this fiscal year's appointments from passive sources, against last year's
--   stalled_deals  open deals stalled today (to chase), out of all open deals
--   coverage       open pipeline due this quarter against what remains to the target
with info as (
    select as_of() as as_of, fiscal_year(as_of()) as fy, fiscal_year_start(as_of()) as fy_start
),

pace as (
    select * from target_pace where fiscal_year = (select fy from info) order by fiscal_month desc limit 1
),

stagnation as (
    select distinct fiscal_year, share_le_02 from stagnation_by_cohort
),

won as (
    select
        coalesce(sum(amount) filter (where close_date between i.fy_start and i.as_of), 0) as this_year,
        coalesce(sum(amount) filter (where close_date between cast(i.fy_start - interval 1 year as date)
                                                       and cast(i.as_of - interval 1 year as date)), 0) as last_year
    from int_opportunities, info i
    where is_won
),

tiers as (
    select fiscal_year, share_of_won_amount from tier_revenue where tier = 'Tier 1'
),

mix as (
    select period, passive_share from source_mix_by_team where period_kind = 'fiscal_year' and team = 'all'
),

stalled as (
    select
        (select deals from stalled_deal_counts where owner_id is null and phase is null and reason is null) as stalled,
        (select count(*) from int_opportunities where not is_closed) as open_deals
),

coverage as (
    select * from pipeline_coverage order by period_start limit 1
),

tiles as (
    select 1 as tile_order, 'appointments' as tile, 'count' as unit,
           p.cumulative_appointments::double as value, p.target_cumulative::double as compare_value,
           p.pace_ratio as ratio, fiscal_year_label((select as_of from info)) as period, '/productivity' as link
    from pace p
    union all
    select 2, 'stalled_le_02', 'share',
           (select share_le_02 from stagnation where fiscal_year = (select fy from info)),
           (select share_le_02 from stagnation where fiscal_year = (select fy from info) - 1),
           null, fiscal_year_label((select as_of from info)), '/stagnation'
    union all
    select 3, 'won_revenue', 'amount', w.this_year::double, w.last_year::double,
           w.this_year / nullif(w.last_year, 0), fiscal_year_label((select as_of from info)), '/segments'
    from won w
    union all
    select 4, 'tier1_share', 'share',
           (select share_of_won_amount from tiers where fiscal_year = (select fy from info)),
           (select share_of_won_amount from tiers where fiscal_year = (select fy from info) - 1),
           null, fiscal_year_label((select as_of from info)), '/segments'
    union all
    select 5, 'passive_share', 'share',
           (select passive_share from mix where period = fiscal_year_label((select as_of from info))),
           (select passive_share from mix where period = 'FY' || ((select fy from info) - 1)),
           null, fiscal_year_label((select as_of from info)), '/source-mix'
    union all
    select 6, 'stalled_deals', 'count', s.stalled::double, s.open_deals::double,
           s.stalled / nullif(s.open_deals, 0), null, '/stagnation'
    from stalled s
    union all
    select 7, 'coverage', 'ratio', c.coverage, c.target::double, c.weighted_coverage, c.fiscal_quarter, '/pipeline'
    from coverage c
)

select tile, tile_order, unit, value, compare_value, ratio, period, link
from tiles
order by tile_order
