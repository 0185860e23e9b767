-- The first page of stalled_deals for the Phase stagnation page: the deals stalled
-- longest in their stage overall, for each owner, for each phase and for each reason
-- (settings.list_page_rows each), so that a filter on any one of them shows its true
-- first page. How many deals each filter holds: stalled_deal_counts; every deal: the
-- stalled_deals CSV.
with ranked as (
    select
        *,
        row_number() over (order by days_in_stage desc, opportunity_id)                          as rank_all,
        row_number() over (partition by owner_id order by days_in_stage desc, opportunity_id)    as rank_owner,
        row_number() over (partition by phase order by days_in_stage desc, opportunity_id)       as rank_phase
    from stalled_deals
),

by_reason as (
    select opportunity_id,
           row_number() over (partition by reason order by days_in_stage desc, opportunity_id) as rank_reason
    from (select opportunity_id, days_in_stage, unnest(reasons) as reason from stalled_deals)
),

page as (
    select (select list_page_rows from settings) as n
)

select
    opportunity_id,
    account_name,
    owner_id,
    owner_name,
    phase,
    days_in_stage,
    days_since_activity,
    next_action_date,
    reasons,
    amount,
    origin
from ranked
where rank_all <= (select n from page)
   or rank_owner <= (select n from page)
   or rank_phase <= (select n from page)
   or opportunity_id in (select opportunity_id from by_reason where rank_reason <= (select n from page))
order by days_in_stage desc, opportunity_id
