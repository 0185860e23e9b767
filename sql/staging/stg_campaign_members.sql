-- Campaign members: which lead was in which campaign, and whether they responded.
with source as (
    select * from src_campaign_members
),

renamed as (
    select
        -- ids
        clean_id("Id")                      as campaign_member_id,
        clean_id("CampaignId")              as campaign_id,
        clean_id("LeadId")                  as lead_id,
        -- attributes
        nullif(trim("Status"), '')      as status,
        coalesce("HasResponded", false) as has_responded,
        -- timestamps and dates
        "CreatedDate"                   as created_at,
        local_date("CreatedDate")       as created_date
    from source
),

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as campaign_member_id from duplicate_ids('src_campaign_members')
)

select
    renamed.*,
    case
        when campaign_member_id is null or campaign_member_id = ''  then 'null_id'
        when campaign_member_id in (select campaign_member_id from duplicates) then 'duplicate_id'
        when created_at is null                                     then 'null_created_date'
        when renamed.campaign_id is null or renamed.campaign_id = ''                then 'null_campaign_id'
        when renamed.lead_id is null or renamed.lead_id = ''                        then 'null_lead_id'
        when campaign.campaign_id is null                           then 'dangling_campaign_id'
        when not campaign.is_used                                   then 'campaign_quarantined'
        when lead.lead_id is null                                   then 'dangling_lead_id'
        when not lead.is_used                                       then 'lead_quarantined'
    end as quarantine_reason
from renamed
    left join (select campaign_id, bool_and(quarantine_reason is null) as is_used
               from stg_campaigns group by campaign_id) as campaign
        on campaign.campaign_id = renamed.campaign_id
    left join (select lead_id, bool_and(quarantine_reason is null) as is_used
               from stg_leads group by lead_id) as lead
        on lead.lead_id = renamed.lead_id
