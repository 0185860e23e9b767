-- How many deals the stalled list holds for every filter the page offers: by owner, by
-- phase and by reason, alone and combined. A null owner, phase or reason means "any".
-- A deal with two reasons counts once under each reason and once where the reason is any.
-- `reason_order` is the reason's place in the pages' lists (sql/rules/stalled_reasons.sql).
with deals as (
    select opportunity_id, owner_id, owner_name, phase, reasons, amount from stalled_deals
),

by_reason as (
    select opportunity_id, owner_id, owner_name, phase, unnest(reasons) as reason, amount from deals
),

counted as (
    select owner_id, owner_name, phase, null::varchar as reason, count(*) as deals, sum(amount) as amount
    from deals
    group by grouping sets ((owner_id, owner_name, phase), (owner_id, owner_name), (phase), ())
    union all
    select owner_id, owner_name, phase, reason, count(*), sum(amount)
    from by_reason
    group by grouping sets ((owner_id, owner_name, phase, reason), (owner_id, owner_name, reason), (phase, reason), (reason))
)

select
    c.owner_id,
    c.owner_name,
    c.phase,
    c.reason,
    r.reason_order,
    c.deals::integer                      as deals,
    coalesce(c.amount, 0)::decimal(38, 4) as amount
from counted c
left join stalled_reasons r using (reason)
order by owner_name nulls first, owner_id nulls first, phase nulls first, reason nulls first
