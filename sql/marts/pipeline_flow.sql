-- Pipeline movement per fiscal quarter, from the quarter of the first opportunity to the
-- quarter holding as_of: what was due at the start (t0, the day before the quarter), what
-- came in (created, pulled in, increased), what went out (decreased, won, lost, pushed
-- out) and what is due at the end (t1 = min(as_of, the quarter's last day)). Amounts and
-- deal counts; end = start + created + pulled_in + increased - decreased - won - lost -
-- pushed_out holds for both (without the two change columns for deals). The deals
-- behind each figure: pipeline_flow_deals.
with sums as (
    select
        fiscal_quarter,
        sum(amount) filter (where category = 'start')       as start_amount,
        count(*) filter (where category = 'start')          as start_deals,
        sum(amount) filter (where category = 'created')     as created_amount,
        count(*) filter (where category = 'created')        as created_deals,
        sum(amount) filter (where category = 'pulled_in')   as pulled_in_amount,
        count(*) filter (where category = 'pulled_in')      as pulled_in_deals,
        sum(amount) filter (where category = 'increased')   as increased_amount,
        sum(amount) filter (where category = 'decreased')   as decreased_amount,
        sum(amount) filter (where category = 'won')         as won_amount,
        count(*) filter (where category = 'won')            as won_deals,
        sum(amount) filter (where category = 'lost')        as lost_amount,
        count(*) filter (where category = 'lost')           as lost_deals,
        sum(amount) filter (where category = 'pushed_out')  as pushed_out_amount,
        count(*) filter (where category = 'pushed_out')     as pushed_out_deals,
        sum(amount) filter (where category = 'end')         as end_amount,
        count(*) filter (where category = 'end')            as end_deals
    from int_pipeline_movements
    group by fiscal_quarter
)

select
    c.fiscal_quarter,
    c.period_start                                      as window_start,
    c.t1                                                as window_end,
    coalesce(s.start_amount, 0)::decimal(38, 4)         as start_amount,
    coalesce(s.start_deals, 0)::integer                 as start_deals,
    coalesce(s.created_amount, 0)::decimal(38, 4)       as created_amount,
    coalesce(s.created_deals, 0)::integer               as created_deals,
    coalesce(s.pulled_in_amount, 0)::decimal(38, 4)     as pulled_in_amount,
    coalesce(s.pulled_in_deals, 0)::integer             as pulled_in_deals,
    coalesce(s.increased_amount, 0)::decimal(38, 4)     as increased_amount,
    coalesce(s.decreased_amount, 0)::decimal(38, 4)     as decreased_amount,
    coalesce(s.won_amount, 0)::decimal(38, 4)           as won_amount,
    coalesce(s.won_deals, 0)::integer                   as won_deals,
    coalesce(s.lost_amount, 0)::decimal(38, 4)          as lost_amount,
    coalesce(s.lost_deals, 0)::integer                  as lost_deals,
    coalesce(s.pushed_out_amount, 0)::decimal(38, 4)    as pushed_out_amount,
    coalesce(s.pushed_out_deals, 0)::integer            as pushed_out_deals,
    coalesce(s.end_amount, 0)::decimal(38, 4)           as end_amount,
    coalesce(s.end_deals, 0)::integer                   as end_deals
from int_pipeline_quarters c
left join sums s using (fiscal_quarter)
order by c.period_start
