-- Leads that exist at as_of, with the tier of the account they converted into
-- (unclassified when they have not converted).
select
    l.lead_id,
    l.owner_id,
    l.lead_source,
    l.source_kind,
    l.status,
    l.created_at,
    l.created_date,
    case when l.mql_date <= as_of() then l.mql_date end     as mql_date,
    l.converted_account_id,
    l.converted_opportunity_id,
    coalesce(a.tier, 'unclassified')                         as tier
from stg_leads l
left join (select * from stg_accounts where quarantine_reason is null) a
    on a.account_id = l.converted_account_id
where l.quarantine_reason is null
  and l.created_date <= as_of()
