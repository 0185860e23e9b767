-- Revenue, win rate and deal size per segment (customer type x size band, with its
-- tier), by fiscal year of the close date, over all deals closed by as_of (SQL and SGL).
-- Every segment appears in every fiscal year with a closed deal, so a segment with no
-- closed deal shows a null win rate rather than disappearing.
with closed as (
    select
        fiscal_year(close_date)                 as fiscal_year,
        customer_type, size_band, tier,
        is_won,
        amount
    from int_opportunities
    where is_closed
),

segments as (
    select distinct customer_type, size_band, tier from int_opportunities
),

years as (
    select fiscal_year, sum(amount) filter (where is_won) as fy_won_amount
    from closed
    group by fiscal_year
),

counted as (
    select
        fiscal_year, customer_type, size_band, tier,
        count(*)                                        as closed,
        count(*) filter (where is_won)                  as won,
        coalesce(sum(amount) filter (where is_won), 0)  as won_amount,
        avg(amount) filter (where is_won)               as avg_won_amount
    from closed
    group by all
)

select
    y.fiscal_year,
    s.customer_type,
    s.size_band,
    s.tier,
    coalesce(c.closed, 0)::integer                      as closed,
    coalesce(c.won, 0)::integer                         as won,
    c.won / nullif(c.closed, 0)                         as win_rate,
    coalesce(c.won_amount, 0)::decimal(38, 4)           as won_amount,
    c.avg_won_amount::decimal(38, 4)                    as avg_won_amount,
    -- null when nothing was won in the fiscal year
    coalesce(c.won_amount, 0) / nullif(y.fy_won_amount, 0) as share_of_won_amount
from years y
cross join segments s
left join counted c using (fiscal_year, customer_type, size_band, tier)
order by y.fiscal_year, s.tier, s.customer_type, s.size_band
