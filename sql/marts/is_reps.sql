-- One row per IS rep (a user in the IS department, or anyone credited as an appointment
-- setter): the rep pages and their links are made from this list.
select
    rep_id,
    rep_name,
    team,
    coalesce(department, 'unknown')     as department,
    is_active
from int_is_reps
order by team, rep_name, rep_id
