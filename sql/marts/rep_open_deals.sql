-- The open deals each IS rep set (as appointment setter), with where they stand and
-- whether they are stalled, for the rep pages.
select
    o.appointment_setter_id                         as rep_id,
    o.opportunity_id,
    coalesce(o.account_name, o.account_id)          as account_name,
    coalesce(u.user_name, o.owner_id)               as owner_name,
    o.stage_name,
    lpad(o.phase::varchar, 2, '0')                  as phase,
    o.created_date,
    (as_of() - o.stage_entered_date)::integer       as days_in_stage,
    o.next_action_date,
    coalesce(s.reasons, [])                         as stalled_reasons,
    o.amount
from int_opportunities o
left join stalled_deals s using (opportunity_id)
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = o.owner_id
where not o.is_closed and o.origin = 'SQL' and o.appointment_setter_id is not null
order by o.appointment_setter_id, days_in_stage desc, o.opportunity_id
