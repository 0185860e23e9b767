-- Users (IS reps, field sales, ...): one row per exported row, typed and flagged.
-- Rows with a non-null quarantine_reason are kept here for the data-quality page and
-- left out of everything downstream. Email (PII) is never read.
with source as (
    select * from src_users
),

renamed as (
    select
        -- ids
        clean_id("Id")                          as user_id,
        -- attributes
        coalesce(nullif(trim("Name"), ''), clean_id("Id")) as user_name,
        nullif(trim("Department"), '')      as department,
        nullif(trim("Team__c"), '')         as team,
        coalesce("IsActive", true)          as is_active
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as user_id from duplicate_ids('src_users')
)

select
    *,
    case
        when user_id is null or user_id = ''               then 'null_id'
        when user_id in (select user_id from duplicates) then 'duplicate_id'
    end as quarantine_reason
from renamed
