-- Campaigns (seminars, webinars, trade shows, email blasts).
with source as (
    select * from src_campaigns
),

renamed as (
    select
        -- ids
        trim("Id")                      as campaign_id,
        -- attributes
        coalesce("Name", trim("Id"))    as campaign_name,
        coalesce(nullif(trim("Type"), ''), 'unknown') as campaign_type,
        -- dates
        "StartDate"                     as start_date
    from source
)

select
    *,
    case
        when campaign_id is null or campaign_id = ''        then 'null_id'
        when count(*) over (partition by campaign_id) > 1   then 'duplicate_id'
    end as quarantine_reason
from renamed
