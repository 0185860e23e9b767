-- One row per IS rep (a user in the IS department, or anyone credited as an appointment
-- setter): the rep pages and their links are made from this list, with how many of the
-- deals the rep set are open and how many of those are stalled.
with deals as (
    select rep_id, count(*) as open_deals, count(*) filter (where len(stalled_reasons) > 0) as stalled_deals
    from rep_open_deals
    group by rep_id
)

select
    r.rep_id,
    r.rep_name,
    r.team,
    coalesce(r.department, 'unknown')       as department,
    r.is_active,
    coalesce(d.open_deals, 0)::integer      as open_deals,
    coalesce(d.stalled_deals, 0)::integer   as stalled_deals
from int_is_reps r
left join deals d using (rep_id)
order by r.team, r.rep_name, r.rep_id
