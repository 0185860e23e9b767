-- How fast passive leads get their first touch: the median minutes from lead creation to
-- the first task on the lead (not earlier than the lead; untouched leads are left out of
-- the median) and the share touched within an hour. Rows: per IS rep and month of the
-- lead (period_kind `month`), and over the three calendar months ending with the as-of
-- month (period_kind `recent_3_months`, period e.g. 2025-07..2025-09) per IS rep and for
-- all reps (rep_id `all`): each a median over all its leads, not a median of medians.
with leads as (
    select lead_id, owner_id as rep_id, created_at, created_date, month_label(created_date) as month
    from int_leads
    where source_kind = 'passive' and owner_id in (select rep_id from int_is_reps)
),

first_touch as (
    select l.lead_id, min(t.created_at) as touched_at
    from leads l
    join stg_tasks t
      on t.who_id = l.lead_id and t.quarantine_reason is null
     and t.created_at >= l.created_at and t.created_date <= as_of()
    group by l.lead_id
),

measured as (
    select l.*, (epoch(f.touched_at) - epoch(l.created_at)) / 60.0 as minutes
    from leads l left join first_touch f using (lead_id)
),

recent as (
    select
        month_label(cast(date_trunc('month', as_of()) as date) - to_months(2))
            || '..' || month_label(as_of())                          as period,
        cast(date_trunc('month', as_of()) as date) - to_months(2)    as first_day
),

scoped as (
    select 'month' as period_kind, month as period, month, rep_id, minutes from measured
    union all
    select 'recent_3_months', r.period, null, m.rep_id, m.minutes
    from measured m cross join recent r where m.created_date >= r.first_day
    union all
    select 'recent_3_months', r.period, null, 'all', m.minutes
    from measured m cross join recent r where m.created_date >= r.first_day
)

select
    rep_id,
    period_kind,
    period,
    month,
    count(*)::integer                                               as leads,
    quantile_cont(minutes, 0.5)                                     as median_minutes,
    count(*) filter (where minutes <= 60) / count(*)                as touched_within_1h_share,
    count(minutes)::integer                                         as touched
from scoped
group by all
order by period_kind, period, rep_id
