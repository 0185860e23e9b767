-- Every funnel step event up to as_of: which entity reached which step on which date,
-- with the cohort it belongs to (the month its lead came in, as that month's first day)
-- and its segments.
-- The segment of a lead is its own LeadSource; an SQL takes its lead's, or, with no
-- lead, the opportunity's own. Tier is the tier of the account involved.
-- Only int_funnel_conversions reads these three million rows (at ten million tasks), by
-- month: a view, so that they are not written to a table first.
-- materialized: view
with lead_steps as (
    select lead_id as entity_id, created_date, mql_date,
           cast(date_trunc('month', created_date) as date) as cohort_month_start,
           lead_source, source_kind, tier
    from int_leads
),

sqls as (
    select
        o.opportunity_id                                            as entity_id,
        o.*,
        cast(date_trunc('month', coalesce(ol.lead_created_date, o.created_date)) as date) as cohort_month_start,
        case when ol.opportunity_id is not null then ol.lead_source
             else coalesce(o.lead_source, 'unclassified') end       as funnel_lead_source,
        case when ol.opportunity_id is not null then ol.source_kind
             else coalesce(o.source_kind, 'unclassified') end       as funnel_source_kind
    from int_opportunities o
    left join int_opportunity_leads ol using (opportunity_id)
    where o.origin = 'SQL'
),

events as (
    select entity_id, 'lead' as step, created_date as event_date, cohort_month_start, lead_source, source_kind, tier from lead_steps
    union all
    select entity_id, 'mql', mql_date, cohort_month_start, lead_source, source_kind, tier from lead_steps where mql_date is not null
    union all
    select entity_id, 'sql', created_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls
    union all
    select entity_id, 'phase_02', phase_02_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls where phase_02_date is not null
    union all
    select entity_id, 'phase_03', phase_03_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls where phase_03_date is not null
    union all
    select entity_id, 'phase_04', phase_04_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls where phase_04_date is not null
    union all
    select entity_id, 'phase_05', phase_05_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls where phase_05_date is not null
    union all
    select entity_id, 'won', won_date, cohort_month_start, funnel_lead_source, funnel_source_kind, tier from sqls where won_date is not null
)

select
    events.*,
    steps.step_order
from events
join funnel_steps steps using (step)
