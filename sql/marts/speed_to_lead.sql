-- How fast passive leads get their first touch: per IS rep and month of the lead, the
-- median minutes from lead creation to the first task on the lead (not earlier than the
-- lead; untouched leads are left out of the median) and the share touched within an hour.
with leads as (
    select lead_id, owner_id as rep_id, created_at, month_label(created_date) as month
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
)

select
    rep_id,
    month,
    count(*)::integer                                               as leads,
    quantile_cont(minutes, 0.5)                                     as median_minutes,
    count(*) filter (where minutes <= 60) / count(*)                as touched_within_1h_share,
    count(minutes)::integer                                         as touched
from measured
group by all
order by month, rep_id
