-- Each campaign's results and how it compares with the average campaign of its type in
-- its fiscal year (of StartDate). Attribution: a lead counts for every campaign it was a
-- member of (full credit each); its MQL, the SQL it converted into and that SQL's won
-- amount count for the campaign. Counts are as of as_of.
-- download: csv
with members as (
    select m.campaign_id, m.lead_id, m.has_responded
    from stg_campaign_members m
    where m.quarantine_reason is null and m.created_date <= as_of()
),

outcomes as (
    select
        m.campaign_id,
        count(distinct m.lead_id)                                           as members,
        count(distinct m.lead_id) filter (where m.has_responded)            as responders,
        count(distinct m.lead_id) filter (where l.mql_date is not null)     as mqls,
        count(distinct o.opportunity_id) filter (where o.origin = 'SQL')    as sqls,
        coalesce(sum(o.amount) filter (where o.is_won and o.origin = 'SQL'), 0) as won_amount
    from members m
    left join int_leads l using (lead_id)
    left join int_opportunities o on o.opportunity_id = l.converted_opportunity_id
    group by m.campaign_id
),

campaigns as (
    select
        c.campaign_id, c.campaign_name, c.campaign_type, c.start_date,
        fiscal_year(c.start_date)                   as fiscal_year,
        coalesce(o.members, 0)                      as members,
        coalesce(o.responders, 0)                   as responders,
        coalesce(o.mqls, 0)                         as mqls,
        coalesce(o.sqls, 0)                         as sqls,
        coalesce(o.won_amount, 0)                   as won_amount
    from stg_campaigns c
    left join outcomes o using (campaign_id)
    where c.quarantine_reason is null and (c.start_date is null or c.start_date <= as_of())
)

select
    campaign_id,
    campaign_name,
    campaign_type,
    start_date,
    fiscal_year,
    members::integer                                        as members,
    responders::integer                                     as responders,
    mqls::integer                                           as mqls,
    sqls::integer                                           as sqls,
    won_amount::decimal(38, 4)                              as won_amount,
    responders / nullif(members, 0)                         as response_rate,
    sqls / nullif(members, 0)                               as sql_rate,
    count(*) over peers                                     as type_campaigns,
    avg(members) over peers                                 as type_avg_members,
    avg(sqls) over peers                                    as type_avg_sqls,
    avg(won_amount::double) over peers                      as type_avg_won_amount,
    members / nullif(avg(members) over peers, 0)            as members_vs_type_avg,
    sqls / nullif(avg(sqls) over peers, 0)                  as sqls_vs_type_avg,
    won_amount::double / nullif(avg(won_amount::double) over peers, 0) as won_amount_vs_type_avg
from campaigns
window peers as (partition by campaign_type, fiscal_year)
order by start_date, campaign_id
