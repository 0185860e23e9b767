-- Leads: typed, with their source kind, MQL date and conversion links. PII (names,
-- email, phone) is never read.
with source as (
    select * from src_leads
),

renamed as (
    select
        -- ids
        clean_id("Id")                              as lead_id,
        clean_id("OwnerId")                         as owner_id,
        nullif(clean_id("ConvertedAccountId"), '')  as converted_account_id,
        nullif(clean_id("ConvertedOpportunityId"), '') as converted_opportunity_id,
        -- attributes
        nullif(trim("LeadSource"), '')          as lead_source_raw,
        nullif(trim("Status"), '')              as status,
        coalesce("IsConverted", false)          as is_converted,
        -- timestamps and dates
        "CreatedDate"                           as created_at,
        local_date("CreatedDate")               as created_date,
        -- without an MQLDate__c column every lead is an MQL on the day it was created
        case when exists (select 1 from relay_source_columns
                          where object = 'leads' and column_name = 'MQLDate__c')
             then "MQLDate__c" else local_date("CreatedDate") end as mql_date,
        "SQLDate__c"                            as sql_date,
        "ConvertedDate"                         as converted_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as lead_id from duplicate_ids('src_leads')
),

classified as (
    select
        renamed.*,
        -- a mapped source is written as the rule spells it; others as exported
        coalesce(kinds.lead_source, renamed.lead_source_raw, 'unclassified') as lead_source,
        coalesce(kinds.source_kind, 'unclassified')                          as source_kind
    from renamed
    left join source_kinds as kinds
        on lower(kinds.lead_source) = lower(renamed.lead_source_raw)
)

select
    classified.*,
    case
        when lead_id is null or lead_id = ''                then 'null_id'
        when lead_id in (select lead_id from duplicates)  then 'duplicate_id'
        when created_at is null                             then 'null_created_date'
        when owner_id is null or owner_id = ''              then 'null_owner_id'
        when owner.user_id is null                          then 'dangling_owner_id'
        when not owner.is_used                              then 'owner_quarantined'
    end as quarantine_reason
from classified
    left join (select user_id, bool_and(quarantine_reason is null) as is_used
               from stg_users group by user_id) as owner
        on owner.user_id = classified.owner_id
