-- Staged rows per object and quarantine reason (null = used), for the reconciliation
-- marts: counted per staging model rather than listed, so that ten million tasks are one
-- row each reason.
select 'users' as object, quarantine_reason, count(*) as rows from stg_users group by all
union all select 'accounts', quarantine_reason, count(*) from stg_accounts group by all
union all select 'leads', quarantine_reason, count(*) from stg_leads group by all
union all select 'opportunities', quarantine_reason, count(*) from stg_opportunities group by all
union all select 'opportunity_history', quarantine_reason, count(*) from stg_opportunity_history group by all
union all select 'tasks', quarantine_reason, count(*) from stg_tasks group by all
union all select 'campaigns', quarantine_reason, count(*) from stg_campaigns group by all
union all select 'campaign_members', quarantine_reason, count(*) from stg_campaign_members group by all
union all select 'forecasting_quotas', quarantine_reason, count(*) from stg_forecasting_quotas group by all
