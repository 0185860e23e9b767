-- Stage history: one row per stage change of an opportunity.
with source as (
    select * from src_opportunity_history
),

renamed as (
    select
        -- ids
        clean_id("Id")                      as history_id,
        clean_id("OpportunityId")           as opportunity_id,
        -- stage
        trim("StageName")               as stage_name,
        -- numerics
        "Amount"                        as amount,
        "Amount__invalid"               as amount_is_invalid,
        -- timestamps and dates
        "CreatedDate"                   as created_at,
        local_date("CreatedDate")       as created_date,
        "CloseDate"                     as close_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as history_id from duplicate_ids('src_opportunity_history')
),

mapped as (
    select
        renamed.*,
        stages.stage_name is not null           as stage_is_known,
        stages.phase                            as phase,
        coalesce(stages.is_closed, false)       as is_closed,
        coalesce(stages.is_won, false)          as is_won
    from renamed
    left join stage_map as stages
        on lower(stages.stage_name) = lower(renamed.stage_name)
),

checked as (
    select
        mapped.*,
        case
            when history_id is null or history_id = ''          then 'null_id'
            when history_id in (select history_id from duplicates) then 'duplicate_id'
            when mapped.created_at is null                      then 'null_created_date'
            when opportunity_id is null or opportunity_id = ''  then 'null_opportunity_id'
            when stage_name is null or stage_name = ''          then 'null_stage_name'
            when not stage_is_known                             then 'unknown_stage'
            when amount_is_invalid                              then 'invalid_amount'
            when amount < 0                                     then 'negative_amount'
            when amount > (select amount_ceiling from settings) then 'amount_above_ceiling'
            when parent.opportunity_id is null                  then 'dangling_opportunity_id'
            when parent.quarantine_reason is not null           then 'opportunity_quarantined'
            when mapped.created_date < parent.created_date      then 'before_opportunity_created'
        end as quarantine_reason
    from mapped
    -- at most one parent row: a duplicated opportunity Id is itself quarantined
    left join (select opportunity_id, any_value(created_date) as created_date,
                      max(quarantine_reason) as quarantine_reason
               from stg_opportunities group by opportunity_id) as parent
        using (opportunity_id)
)

select * exclude (stage_is_known) from checked
