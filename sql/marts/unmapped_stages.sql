-- Stage names found in the export that sql/rules/stage_map.sql does not know: their
-- rows are quarantined; add a row to the stage map to use them.
select 'opportunities' as object, stage_name, count(*)::bigint as rows
from stg_opportunities where quarantine_reason = 'unknown_stage'
group by all
union all
select 'opportunity_history', stage_name, count(*)::bigint
from stg_opportunity_history where quarantine_reason = 'unknown_stage'
group by all
order by object, stage_name
