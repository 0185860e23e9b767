-- One row per IS rep and month with an appointment or a task: appointments set,
-- activity, effective conversations, unique accounts touched, working days.
with tasks as (
    select
        owner_id                                            as rep_id,
        month_label(created_date)                           as month,
        count(*)                                            as activities,
        count(*) filter (where is_call)                     as calls,
        count(*) filter (where is_effective_conversation)   as effective_conversations,
        count(distinct coalesce(account_id, who_id))        as unique_accounts
    from stg_tasks
    where quarantine_reason is null and created_date <= as_of()
      and owner_id in (select rep_id from int_is_reps)
    group by all
),

appointments as (
    select rep_id, month_label(created_date) as month, count(*) as appointments
    from int_appointments
    group by all
),

working_days as (
    -- the as-of month counts its working days up to as_of
    select month_label(day) as month, count(*) filter (where is_working_day) as working_days
    from working_days
    where day <= as_of()
    group by all
)

select
    r.rep_id,
    r.rep_name,
    r.team,
    m.month,
    coalesce(a.appointments, 0)::integer                    as appointments,
    coalesce(t.activities, 0)::integer                      as activities,
    coalesce(t.calls, 0)::integer                           as calls,
    coalesce(t.effective_conversations, 0)::integer         as effective_conversations,
    coalesce(t.unique_accounts, 0)::integer                 as unique_accounts,
    w.working_days::integer                                 as working_days,
    coalesce(a.appointments, 0) / nullif(w.working_days, 0) as appointments_per_working_day
from (select rep_id, month from tasks union select rep_id, month from appointments) m
join int_is_reps r using (rep_id)
left join tasks t using (rep_id, month)
left join appointments a using (rep_id, month)
left join working_days w using (month)
order by m.month, r.team, r.rep_name, r.rep_id
