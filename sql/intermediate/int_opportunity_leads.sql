-- The lead an opportunity came from (through the lead's ConvertedOpportunityId); when
-- several leads converted into one opportunity, the earliest counts.
select
    converted_opportunity_id                        as opportunity_id,
    arg_min(lead_id, created_at)                    as lead_id,
    min(created_date)                               as lead_created_date,
    arg_min(lead_source, created_at)                as lead_source,
    arg_min(source_kind, created_at)                as source_kind
from int_leads
where converted_opportunity_id is not null
group by converted_opportunity_id
