-- Campaigns (seminars, webinars, trade shows, email blasts).
with source as (
    select * from src_campaigns
),

renamed as (
    select
        -- ids
        clean_id("Id")                      as campaign_id,
        -- attributes
        coalesce("Name", clean_id("Id"))    as campaign_name,
        coalesce(nullif(trim("Type"), ''), 'unknown') as campaign_type,
        -- dates
        "StartDate"                     as start_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as campaign_id from duplicate_ids('src_campaigns')
)

select
    *,
    case
        when campaign_id is null or campaign_id = ''        then 'null_id'
        when campaign_id in (select campaign_id from duplicates) then 'duplicate_id'
    end as quarantine_reason
from renamed
