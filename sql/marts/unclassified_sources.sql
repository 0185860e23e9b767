-- Lead sources that sql/rules/source_kinds.sql does not map, with how many leads and
-- opportunities carry them: add them there as passive or active.
select lead_source, sum(leads)::integer as leads, sum(opportunities)::integer as opportunities
from (
    select coalesce(lead_source_raw, '(empty)') as lead_source, 1 as leads, 0 as opportunities
    from stg_leads where quarantine_reason is null and source_kind = 'unclassified'
    union all
    select lead_source_raw, 0, 1
    from stg_opportunities where quarantine_reason is null and source_kind = 'unclassified'
)
group by lead_source
order by sum(leads) + sum(opportunities) desc, lead_source
