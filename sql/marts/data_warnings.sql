-- Rows that are used but deserve a look: text dates, unmapped lead sources, records
-- dated after as_of, stage regressions, lost deals without history. `warning` says it in
-- English (relay check); `warning_code` and `detail` let a page say it in its language.
with warnings as (
    select object, column_name as "column", warning,
           case when warning like '%date' then 'iso_text_date' else 'iso_text_timestamp' end as warning_code,
           null as detail, rows
    from relay_source_warnings

    union all
    select 'leads', 'LeadSource', 'unmapped lead source: ' || coalesce(lead_source_raw, '(empty)'), 'unmapped_lead_source', lead_source_raw, count(*)
    from stg_leads where quarantine_reason is null and source_kind = 'unclassified'
    group by all

    union all
    select 'opportunities', 'LeadSource', 'unmapped lead source: ' || lead_source_raw, 'unmapped_lead_source', lead_source_raw, count(*)
    from stg_opportunities where quarantine_reason is null and source_kind = 'unclassified'
    group by all

    union all
    select 'leads', 'CreatedDate', 'created after as_of (not yet counted)', 'created_after_as_of', null, count(*)
    from stg_leads where quarantine_reason is null and created_date > as_of()
    having count(*) > 0

    union all
    select 'opportunities', 'CreatedDate', 'created after as_of (not yet counted)', 'created_after_as_of', null, count(*)
    from stg_opportunities where quarantine_reason is null and created_date > as_of()
    having count(*) > 0

    union all
    select 'opportunities', 'CloseDate', 'closes after as_of (open at as_of)', 'closes_after_as_of', null, count(*)
    from stg_opportunities where quarantine_reason is null and stage_is_closed
      and created_date <= as_of() and close_date > as_of()
    having count(*) > 0

    union all
    select 'tasks', 'CreatedDate', 'created after as_of (not yet counted)', 'created_after_as_of', null, count(*)
    from stg_tasks where quarantine_reason is null and created_date > as_of()
    having count(*) > 0

    union all
    select 'opportunity_history', 'StageName', 'stage regression (moved back to a lower phase)', 'stage_regression', null, count(*)
    from int_opportunities where has_regression
    having count(*) > 0

    union all
    select 'opportunities', 'StageName', 'lost without stage history (counted as phase 01)', 'lost_without_history', null, count(distinct opportunity_id)
    from int_stage_events where event_source = 'assumed_phase_01'
    having count(*) > 0
)

select object, "column", warning, rows::bigint as rows, warning_code, detail
from warnings
order by object, "column", warning
