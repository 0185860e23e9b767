-- One row per lead source that sql/rules/source_kinds.sql does not map, with how many
-- leads and opportunities (created by as_of) carry it: add it there as passive or active.
-- `(empty)` counts leads with no source; an opportunity with no source of its own takes
-- its lead's kind, so it is not listed.
select lead_source, sum(leads)::integer as leads, sum(opportunities)::integer as opportunities
from (
    select coalesce(lead_source_raw, '(empty)') as lead_source, 1 as leads, 0 as opportunities
    from stg_leads
    where quarantine_reason is null and source_kind = 'unclassified' and created_date <= as_of()
    union all
    select lead_source_raw, 0, 1
    from stg_opportunities
    where quarantine_reason is null and source_kind = 'unclassified' and created_date <= as_of()
)
group by lead_source
order by sum(leads) + sum(opportunities) desc, lead_source
