-- One row per IS rep and period (month, fiscal quarter, fiscal year) with an appointment
-- or a task: appointments set, activity, effective conversations, unique accounts touched
-- (distinct over the whole period: an account touched in April and May is one account in
-- FY Q1) and working days. Month rows also carry `month`.
with tasks as (
    select
        owner_id                                        as rep_id,
        cast(date_trunc('month', created_date) as date) as month_start,
        coalesce(account_id, who_id)                    as account_key,
        is_call,
        is_effective_conversation
    from stg_tasks
    where quarantine_reason is null and created_date <= as_of()
      and owner_id in (select rep_id from int_is_reps)
),

-- one group per rep, month and account touched (one for tasks that touch none): its
-- counts add up to the month's, and the set of its accounts gives every grain's distinct
-- count exactly, because fiscal periods are whole months. One pass over the tasks does
-- both. Grouping by a period's first day and labelling the groups afterwards keeps the
-- string work to one label per group.
rep_month_account_counts as (
    select rep_id, month_start, account_key,
           count(*) as activities,
           count(*) filter (where is_call) as calls,
           count(*) filter (where is_effective_conversation) as effective_conversations
    from tasks
    group by all
),

rep_month_counts as (
    select rep_id, month_start,
           sum(activities) as activities, sum(calls) as calls,
           sum(effective_conversations) as effective_conversations
    from rep_month_account_counts
    group by all
),

rep_month_accounts as (
    select rep_id, month_start, account_key
    from rep_month_account_counts
    where account_key is not null
),

task_periods as (
    select rep_id, period_kind, period_label(period_kind, first_day) as period,
           activities, calls, effective_conversations
    from (
        select c.rep_id, k.period_kind, period_start(k.period_kind, c.month_start) as first_day,
               sum(c.activities) as activities, sum(c.calls) as calls,
               sum(c.effective_conversations) as effective_conversations
        from rep_month_counts c cross join period_kinds k
        group by all
    )
),

account_periods as (
    select rep_id, 'month' as period_kind, month_label(month_start) as period, count(*) as unique_accounts
    from rep_month_accounts
    group by rep_id, month_start
    union all
    select rep_id, period_kind, period_label(period_kind, first_day), unique_accounts
    from (
        select a.rep_id, k.period_kind, period_start(k.period_kind, a.month_start) as first_day,
               count(distinct a.account_key) as unique_accounts
        from rep_month_accounts a
        cross join (select * from period_kinds where period_kind <> 'month') k
        group by all
    )
),

appointment_periods as (
    select a.rep_id, k.period_kind, period_label(k.period_kind, a.created_date) as period,
           count(*) as appointments
    from int_appointments a cross join period_kinds k
    group by all
),

rep_periods as (
    select rep_id, period_kind, period from task_periods
    union
    select rep_id, period_kind, period from appointment_periods
)

select
    r.rep_id,
    r.rep_name,
    r.team,
    m.period_kind,
    m.period,
    case when m.period_kind = 'month' then m.period end    as month,
    coalesce(a.appointments, 0)::integer                    as appointments,
    coalesce(t.activities, 0)::integer                      as activities,
    coalesce(t.calls, 0)::integer                           as calls,
    coalesce(t.effective_conversations, 0)::integer         as effective_conversations,
    coalesce(u.unique_accounts, 0)::integer                 as unique_accounts,
    cal.working_days_to_as_of::integer                      as working_days,
    coalesce(a.appointments, 0) / nullif(cal.working_days_to_as_of, 0) as appointments_per_working_day
from rep_periods m
join int_is_reps r using (rep_id)
join period_kinds k using (period_kind)
left join task_periods t using (rep_id, period_kind, period)
left join account_periods u using (rep_id, period_kind, period)
left join appointment_periods a using (rep_id, period_kind, period)
left join int_calendar_periods cal using (period_kind, period)
order by k.grain_order, m.period, r.team, r.rep_name, r.rep_id
