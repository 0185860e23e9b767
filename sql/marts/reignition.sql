-- Deals handed back to IS (lost with LossReason__c "Returned to IS"), by fiscal half of
-- their close date, and how many re-ignited: another opportunity on the same account
-- created 0 to 183 days (inclusive) after the close date. Only hand-backs whose window
-- has fully passed by as_of ("matured") count towards the rate.
with returned as (
    select o.*, fiscal_half_label(o.close_date) as fiscal_half
    from int_opportunities o
    where o.is_lost and o.loss_reason = 'Returned to IS'
),

flagged as (
    select
        r.fiscal_half,
        r.opportunity_id,
        r.close_date + (select reignition_window_days from settings) <= as_of() as is_matured,
        exists (
            select 1 from int_opportunities n
            where n.account_id = r.account_id
              and n.opportunity_id <> r.opportunity_id
              and n.created_date - r.close_date between 0 and (select reignition_window_days from settings)
        ) as is_reignited
    from returned r
)

select
    fiscal_half,
    count(*)::integer                                               as returned,
    count(*) filter (where is_matured)::integer                     as matured,
    count(*) filter (where is_matured and is_reignited)::integer    as reignited,
    count(*) filter (where is_matured and is_reignited) / nullif(count(*) filter (where is_matured), 0) as rate,
    count(*) filter (where not is_matured and is_reignited)::integer as reignited_so_far_immature
from flagged
group by fiscal_half
order by fiscal_half
