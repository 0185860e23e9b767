-- Is what is due enough? For the fiscal quarter holding as_of and the next three: the
-- open pipeline due in the quarter on as_of (deals and amount), the same weighted by the
-- chance of its phase (sql/rules/phase_probabilities.sql), what is already won, the
-- target, and coverage = open / (target - won). The target is the sum of the
-- forecasting_quotas starting in the quarter when the export has that object and a quota
-- for the quarter, else the quarter's row in sql/rules/revenue_targets.sql, else null.
with quarters as (
    select period as fiscal_quarter, period_start, period_end
    from int_calendar_periods
    where period_kind = 'fiscal_quarter' and period_end >= as_of()
    order by period_start
    limit 4
),

states as (
    select s.*, is_closed_on(s.stage_is_closed, s.close_date, as_of()) as is_closed
    from int_deal_states s
    where state_holds_on(s.valid_from, s.valid_to, as_of())
),

pipeline as (
    select
        q.fiscal_quarter,
        count(*) filter (where not s.is_closed)                                     as open_deals,
        coalesce(sum(s.amount) filter (where not s.is_closed), 0)                   as open_amount,
        coalesce(sum(s.amount * p.probability) filter (where not s.is_closed), 0)   as weighted_amount,
        coalesce(sum(s.amount) filter (where s.is_closed and s.stage_is_won), 0)    as won_amount
    from quarters q
    join states s on s.close_date between q.period_start and q.period_end
    left join phase_probabilities p on p.phase = s.open_phase
    group by q.fiscal_quarter
),

quotas as (
    select fiscal_quarter_label(start_date) as fiscal_quarter, sum(quota_amount) as target
    from stg_forecasting_quotas
    where quarantine_reason is null
    group by all
),

targets as (
    select
        q.fiscal_quarter,
        -- an export without forecasting_quotas has no quota rows: the rule's target then
        coalesce(qu.target, r.target) as target,
        case when qu.target is not null then 'forecasting_quotas'
             when r.target is not null then 'revenue_targets' end as target_source
    from quarters q
    left join quotas qu using (fiscal_quarter)
    left join revenue_targets r using (fiscal_quarter)
)

select
    q.fiscal_quarter,
    q.period_start,
    q.period_end,
    coalesce(p.open_deals, 0)::integer                                  as open_deals,
    coalesce(p.open_amount, 0)::decimal(38, 4)                          as open_amount,
    coalesce(p.weighted_amount, 0)::decimal(38, 4)                      as weighted_amount,
    coalesce(p.won_amount, 0)::decimal(38, 4)                           as won_amount,
    t.target::decimal(38, 4)                                            as target,
    t.target_source,
    (t.target - coalesce(p.won_amount, 0))::decimal(38, 4)              as remaining,
    case when t.target - coalesce(p.won_amount, 0) > 0
         then coalesce(p.open_amount, 0) / (t.target - coalesce(p.won_amount, 0)) end          as coverage,
    case when t.target - coalesce(p.won_amount, 0) > 0
         then coalesce(p.weighted_amount, 0) / (t.target - coalesce(p.won_amount, 0)) end      as weighted_coverage
from quarters q
left join pipeline p using (fiscal_quarter)
left join targets t using (fiscal_quarter)
order by q.period_start
