-- Opportunities: typed, with stage mapped to phase, origin (SQL / SGL) and source kind.
with source as (
    select * from src_opportunities
),

renamed as (
    select
        -- ids
        clean_id("Id")                                  as opportunity_id,
        clean_id("AccountId")                           as account_id,
        clean_id("OwnerId")                             as owner_id,
        nullif(clean_id("AppointmentSetterId__c"), '')  as appointment_setter_id,
        -- stage
        trim("StageName")                           as stage_name,
        -- numerics
        "Amount"                                    as amount,
        "Amount__invalid"                           as amount_is_invalid,
        -- attributes
        nullif(trim("LeadSource"), '')              as lead_source_raw,
        -- Origin__c when it says SQL or SGL; otherwise derived: a deal with an
        -- appointment setter was handed over by IS
        coalesce(
            case upper(trim("Origin__c")) when 'SQL' then 'SQL' when 'SGL' then 'SGL' end,
            case when nullif(clean_id("AppointmentSetterId__c"), '') is not null then 'SQL' else 'SGL' end
        )                                           as origin,
        nullif(upper(trim("Temperature__c")), '')   as temperature,
        nullif(trim("LossReason__c"), '')           as loss_reason,
        -- timestamps and dates
        "CreatedDate"                               as created_at,
        local_date("CreatedDate")                   as created_date,
        "CloseDate"                                 as close_date,
        "NextActionDate__c"                         as next_action_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as opportunity_id from duplicate_ids('src_opportunities')
),

mapped as (
    select
        renamed.*,
        stages.stage_name is not null                           as stage_is_known,
        stages.phase                                            as phase,
        coalesce(stages.is_closed, false)                       as stage_is_closed,
        coalesce(stages.is_won, false)                          as stage_is_won,
        coalesce(kinds.lead_source, renamed.lead_source_raw)    as lead_source,
        case when renamed.lead_source_raw is null then null
             else coalesce(kinds.source_kind, 'unclassified') end as source_kind
    from renamed
    left join stage_map as stages
        on lower(stages.stage_name) = lower(renamed.stage_name)
    left join source_kinds as kinds
        on lower(kinds.lead_source) = lower(renamed.lead_source_raw)
),

checked as (
    select
        mapped.*,
        case
            when opportunity_id is null or opportunity_id = ''     then 'null_id'
            when opportunity_id in (select opportunity_id from duplicates) then 'duplicate_id'
            when created_at is null                                then 'null_created_date'
            when stage_name is null or stage_name = ''             then 'null_stage_name'
            when mapped.account_id is null or mapped.account_id = ''             then 'null_account_id'
            when owner_id is null or owner_id = ''                 then 'null_owner_id'
            when not stage_is_known                                then 'unknown_stage'
            when close_date < created_date                         then 'close_before_create'
            when amount_is_invalid                                 then 'invalid_amount'
            when amount < 0                                        then 'negative_amount'
            when amount > (select amount_ceiling from settings)    then 'amount_above_ceiling'
            when owner.user_id is null                             then 'dangling_owner_id'
            when not owner.is_used                                 then 'owner_quarantined'
            -- references into an object that is absent are not checked
            when accounts_present and account.account_id is null   then 'dangling_account_id'
            when accounts_present and not account.is_used          then 'account_quarantined'
        end as quarantine_reason
    from mapped
        left join (select user_id, bool_and(quarantine_reason is null) as is_used
                   from stg_users group by user_id) as owner
            on owner.user_id = mapped.owner_id
        left join (select account_id, bool_and(quarantine_reason is null) as is_used
                   from stg_accounts group by account_id) as account
            on account.account_id = mapped.account_id
        cross join (select present as accounts_present from relay_source_objects where object = 'accounts')
)

select * exclude (stage_is_known) from checked
