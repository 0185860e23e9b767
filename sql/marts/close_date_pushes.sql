-- Deals whose close date keeps moving: every deal open on as_of that was pushed at least
-- once, or whose CloseDate has already passed. A push is a history row (dated <= as_of)
-- whose CloseDate is later than the previous CloseDate in the deal's history (CreatedDate
-- then Id order; a row without CloseDate neither counts nor becomes the previous).
-- Phase, amount and close date are the deal's state on as_of (int_deal_states).
-- download: csv
with history as (
    select opportunity_id, created_at, history_id, close_date
    from stg_opportunity_history
    where quarantine_reason is null and created_date <= as_of() and close_date is not null
),

pushes as (
    select
        opportunity_id,
        count(*) filter (where close_date > previous_close_date)    as pushes,
        arg_min(close_date, (created_at, history_id))               as first_close_date
    from (
        select *, lag(close_date) over (partition by opportunity_id order by created_at, history_id) as previous_close_date
        from history
    )
    group by opportunity_id
),

open_on_as_of as (
    select s.*
    from int_deal_states s
    where state_holds_on(s.valid_from, s.valid_to, as_of())
      and not is_closed_on(s.stage_is_closed, s.close_date, as_of())
)

select
    s.opportunity_id,
    coalesce(o.account_name, o.account_id)                          as account_name,
    coalesce(u.user_name, o.owner_id)                               as owner_name,
    lpad(s.open_phase::varchar, 2, '0')                             as phase,
    s.amount::decimal(38, 4)                                        as amount,
    s.close_date,
    coalesce(p.first_close_date, o.close_date)                      as first_close_date,
    coalesce(p.pushes, 0)::integer                                  as pushes,
    (s.close_date - coalesce(p.first_close_date, o.close_date))::integer as days_pushed,
    coalesce(s.close_date < as_of(), false)                         as past_due,
    o.owner_id,
    o.appointment_setter_id,
    o.origin,
    s.stage_name
from open_on_as_of s
join int_opportunities o using (opportunity_id)
left join pushes p using (opportunity_id)
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = o.owner_id
where coalesce(p.pushes, 0) >= 1 or s.close_date < as_of()
order by pushes desc, coalesce(s.amount, 0) desc, s.opportunity_id
