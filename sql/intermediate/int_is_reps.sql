-- IS reps: users in the IS department (any spelling of `IS`), and anyone credited as an
-- appointment setter (a setter who is not in the users export keeps their Id as name).
select
    s.rep_id                                as rep_id,
    coalesce(u.user_name, s.rep_id)         as rep_name,
    coalesce(u.team, 'unassigned')          as team,
    u.department                            as department,
    coalesce(u.is_active, true)             as is_active
from (
    select user_id as rep_id from stg_users where quarantine_reason is null and upper(department) = 'IS'
    union
    select appointment_setter_id from int_opportunities where appointment_setter_id is not null
) s
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = s.rep_id
