-- Each IS rep's own funnel by fiscal year: leads owned, MQLs among them, appointments
-- set, and how far those appointments got (phase 03+, won) by as_of.
with leads as (
    select owner_id as rep_id, fiscal_year(created_date) as fiscal_year,
           count(*) as leads, count(mql_date) as mqls
    from int_leads where owner_id in (select rep_id from int_is_reps)
    group by all
),

appts as (
    select o.appointment_setter_id as rep_id, fiscal_year(o.created_date) as fiscal_year,
           count(*) as sqls,
           count(*) filter (where o.highest_phase not in ('01', '02')) as phase_03_plus,
           count(*) filter (where o.is_won) as won
    from int_opportunities o
    where o.origin = 'SQL' and o.appointment_setter_id is not null
    group by all
)

select
    rep_id,
    fiscal_year,
    coalesce(l.leads, 0)::integer           as leads,
    coalesce(l.mqls, 0)::integer            as mqls,
    coalesce(a.sqls, 0)::integer            as sqls,
    coalesce(a.phase_03_plus, 0)::integer   as phase_03_plus,
    coalesce(a.won, 0)::integer             as won
from leads l full join appts a using (rep_id, fiscal_year)
order by rep_id, fiscal_year
