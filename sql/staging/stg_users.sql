-- Users (IS reps, field sales, ...): one row per exported row, typed and flagged.
-- Rows with a non-null quarantine_reason are kept here for the data-quality page and
-- left out of everything downstream. Email (PII) is never read.
with source as (
    select * from src_users
),

renamed as (
    select
        -- ids
        trim("Id")                          as user_id,
        -- attributes
        coalesce(nullif(trim("Name"), ''), trim("Id")) as user_name,
        nullif(trim("Department"), '')      as department,
        nullif(trim("Team__c"), '')         as team,
        coalesce("IsActive", true)          as is_active
    from source
)

select
    *,
    case
        when user_id is null or user_id = ''               then 'null_id'
        when count(*) over (partition by user_id) > 1      then 'duplicate_id'
    end as quarantine_reason
from renamed
