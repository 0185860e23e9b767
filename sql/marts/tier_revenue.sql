-- Per tier and fiscal year of the close date: deals closed and won, win rate, won amount,
-- the tier's share of the year's won amount, and the win rate of every other tier
-- together (what Tier 1 is compared with).
with tiers as (
    select fiscal_year, tier,
           sum(closed) as closed, sum(won) as won, sum(won_amount) as won_amount
    from segment_revenue
    group by fiscal_year, tier
)

select
    fiscal_year,
    tier,
    closed::integer                                                         as closed,
    won::integer                                                            as won,
    won / nullif(closed, 0)                                                 as win_rate,
    won_amount::decimal(38, 4)                                              as won_amount,
    won_amount / nullif(sum(won_amount) over y, 0)                          as share_of_won_amount,
    (sum(won) over y - won) / nullif(sum(closed) over y - closed, 0)        as other_tiers_win_rate
from tiers
window y as (partition by fiscal_year)
order by fiscal_year, tier
