-- For the rep pages: the deals in close_date_pushes that each IS rep set (as appointment
-- setter): pushed at least once, or past their close date.
select
    appointment_setter_id       as rep_id,
    opportunity_id,
    account_name,
    owner_name,
    phase,
    amount,
    close_date,
    first_close_date,
    pushes,
    days_pushed,
    past_due
from close_date_pushes
where appointment_setter_id is not null
order by rep_id, pushes desc, coalesce(amount, 0) desc, opportunity_id
