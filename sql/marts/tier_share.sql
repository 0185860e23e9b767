-- Tier 1's (and every tier's) share over time: SQLs created and won amount closed per
-- month and tier, with each tier's share of the month.
with sqls as (
    select month_label(created_date) as month, tier, count(*) as sqls
    from int_opportunities where origin = 'SQL'
    group by all
),

won as (
    select month_label(close_date) as month, tier, sum(amount) as won_amount
    from int_opportunities where is_won
    group by all
),

tiers as (
    select * from (values ('Tier 1'), ('Tier 2'), ('Tier 3'), ('unclassified')) as t(tier)
),

months as (
    select month from sqls union select month from won
),

grid as (
    select m.month, t.tier,
           coalesce(s.sqls, 0) as sqls,
           coalesce(w.won_amount, 0) as won_amount
    from months m cross join tiers t
    left join sqls s using (month, tier)
    left join won w using (month, tier)
)

select
    month,
    tier,
    sqls::integer                                                       as sqls,
    won_amount::decimal(38, 4)                                          as won_amount,
    sqls / nullif(sum(sqls) over (partition by month), 0)               as sqls_share,
    won_amount / nullif(sum(won_amount) over (partition by month), 0)   as won_amount_share
from grid
order by month, tier
