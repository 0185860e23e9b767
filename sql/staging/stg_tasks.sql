-- Tasks (activities): calls, emails, meetings. One row per exported task with what the
-- marts use: its owner, what it touches (WhoId, WhatId, AccountId), when, whether it is a
-- call and an effective conversation (rule in sql/rules/activity.sql), and why it is
-- quarantined. Tasks are the largest object (ten million rows in a big org), so only
-- those columns are kept: the raw Id, Type, disposition and ActivityDate stay in the
-- export.
with source as (
    select * from src_tasks
),

renamed as (
    select
        -- ids
        clean_id("Id")                          as task_id,
        clean_id("OwnerId")                     as owner_id,
        nullif(clean_id("WhoId"), '')           as who_id,
        nullif(clean_id("WhatId"), '')          as what_id,
        nullif(clean_id("AccountId"), '')       as account_id,
        -- attributes
        coalesce(lower(trim("Type")) = 'call', false) as is_call,
        is_effective_conversation("Type", "CallDisposition", "CallDurationInSeconds")
                                                as is_effective_conversation,
        -- timestamps and dates
        "CreatedDate"                           as created_at,
        local_date("CreatedDate")               as created_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as task_id from duplicate_ids('src_tasks')
)

select
    renamed.* exclude (task_id),
    case
        when task_id is null or task_id = ''                then 'null_id'
        when task_id in (select task_id from duplicates)      then 'duplicate_id'
        when created_at is null                             then 'null_created_date'
        when owner_id is null or owner_id = ''              then 'null_owner_id'
        when owner.user_id is null                          then 'dangling_owner_id'
        when not owner.is_used                              then 'owner_quarantined'
        when renamed.what_id is not null and what.opportunity_id is null
                                                            then 'dangling_what_id'
        when renamed.what_id is not null and not what.is_used
                                                            then 'opportunity_quarantined'
        -- references into an object that is absent are not checked
        when renamed.account_id is not null and accounts_present and account.account_id is null
                                                            then 'dangling_account_id'
        when renamed.account_id is not null and accounts_present and not account.is_used
                                                            then 'account_quarantined'
    end as quarantine_reason
from renamed
    left join (select user_id, bool_and(quarantine_reason is null) as is_used
               from stg_users group by user_id) as owner
        on owner.user_id = renamed.owner_id
    left join (select opportunity_id, bool_and(quarantine_reason is null) as is_used
               from stg_opportunities group by opportunity_id) as what
        on what.opportunity_id = renamed.what_id
    left join (select account_id, bool_and(quarantine_reason is null) as is_used
               from stg_accounts group by account_id) as account
        on account.account_id = renamed.account_id
    cross join (select present as accounts_present from relay_source_objects where object = 'accounts')
