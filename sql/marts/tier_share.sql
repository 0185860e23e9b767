-- Tier 1's (and every tier's) share over time: SQLs created and won amount closed per
-- period (month, fiscal quarter, fiscal year) and tier, with each tier's share of the
-- period. Month rows also carry `month`.
with sqls as (
    select k.period_kind, period_label(k.period_kind, created_date) as period, tier, count(*) as sqls
    from int_opportunities cross join period_kinds k
    where origin = 'SQL'
    group by all
),

won as (
    select k.period_kind, period_label(k.period_kind, close_date) as period, tier, sum(amount) as won_amount
    from int_opportunities cross join period_kinds k
    where is_won
    group by all
),

tiers as (
    select * from (values ('Tier 1'), ('Tier 2'), ('Tier 3'), ('unclassified')) as t(tier)
),

periods as (
    select period_kind, period from sqls union select period_kind, period from won
),

grid as (
    select p.period_kind, p.period, t.tier,
           coalesce(s.sqls, 0) as sqls,
           coalesce(w.won_amount, 0) as won_amount
    from periods p cross join tiers t
    left join sqls s using (period_kind, period, tier)
    left join won w using (period_kind, period, tier)
)

select
    g.period_kind,
    g.period,
    case when g.period_kind = 'month' then g.period end                  as month,
    g.tier,
    g.sqls::integer                                                       as sqls,
    g.won_amount::decimal(38, 4)                                          as won_amount,
    g.sqls / nullif(sum(g.sqls) over p, 0)                                as sqls_share,
    g.won_amount / nullif(sum(g.won_amount) over p, 0)                    as won_amount_share
from grid g
join period_kinds k using (period_kind)
window p as (partition by g.period_kind, g.period)
order by k.grain_order, g.period, g.tier
