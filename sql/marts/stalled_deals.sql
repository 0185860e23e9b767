-- The deals to chase today: every open opportunity (SQL or SGL) that is stalled at
-- as_of, with why. Thresholds are in sql/rules/settings.sql.
-- download: csv
with open_deals as (
    select * from int_opportunities where not is_closed
),

-- read twice below, each time for two of its columns: not worth a copy of every task
tasks as not materialized (
    select * from stg_tasks where quarantine_reason is null and created_date <= as_of()
),

-- a task touches a deal through WhatId or through the deal's account; the two are
-- aggregated apart (an OR join would compare every deal with every task)
by_deal as (
    select what_id as opportunity_id, max(created_date) as last_date from tasks where what_id is not null group by all
),

by_account as (
    select account_id, max(created_date) as last_date from tasks where account_id is not null group by all
),

touches as (
    select
        o.opportunity_id,
        nullif(greatest(coalesce(d.last_date, date '0001-01-01'), coalesce(a.last_date, date '0001-01-01')), date '0001-01-01') as last_task_date
    from open_deals o
    left join by_deal d using (opportunity_id)
    left join by_account a using (account_id)
),

measured as (
    select
        o.*,
        as_of() - o.stage_entered_date                                      as days_in_stage,
        as_of() - coalesce(t.last_task_date, o.created_date)                as days_since_activity,
        t.last_task_date
    from open_deals o
    left join touches t using (opportunity_id)
),

flagged as (
    select
        m.*,
        list_filter([
            case when m.phase <= s.stalled_max_phase and m.days_in_stage >= s.stalled_phase_days then 'phase_le_02_30d' end,
            case when m.days_since_activity >= s.stalled_no_activity_days then 'no_activity_14d' end,
            case when m.next_action_date < as_of() then 'next_action_overdue' end,
            case when m.next_action_date is null then 'no_next_action' end
        ], r -> r is not null)                                              as reasons
    from measured m
    cross join settings s
)

select
    f.opportunity_id,
    coalesce(f.account_name, f.account_id)                  as account_name,
    coalesce(u.user_name, f.owner_id)                       as owner_name,
    lpad(f.phase::varchar, 2, '0')                          as phase,
    f.days_in_stage::integer                                as days_in_stage,
    f.days_since_activity::integer                          as days_since_activity,
    f.next_action_date,
    f.reasons,
    f.owner_id,
    f.appointment_setter_id,
    f.origin,
    f.stage_name,
    f.amount,
    f.tier,
    f.created_date,
    f.last_task_date
from flagged f
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = f.owner_id
where len(f.reasons) > 0
order by f.days_in_stage desc, f.opportunity_id
