-- Every staged row with its object and quarantine reason (null = used), for the
-- reconciliation marts.
select 'users' as object, quarantine_reason from stg_users
union all select 'accounts', quarantine_reason from stg_accounts
union all select 'leads', quarantine_reason from stg_leads
union all select 'opportunities', quarantine_reason from stg_opportunities
union all select 'opportunity_history', quarantine_reason from stg_opportunity_history
union all select 'tasks', quarantine_reason from stg_tasks
union all select 'campaigns', quarantine_reason from stg_campaigns
union all select 'campaign_members', quarantine_reason from stg_campaign_members
union all select 'forecasting_quotas', quarantine_reason from stg_forecasting_quotas
