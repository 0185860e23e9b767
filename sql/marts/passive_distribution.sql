-- Were inbound (passive) leads shared out fairly? Per month and IS rep: passive leads
-- owned, the rep's share of the month, and per month the population Gini coefficient
-- (sum |xi - xj| / (2 n^2 mean); 0 = perfectly equal), the max / min ratio, how many
-- reps shared them and how many there were.
-- Only reps with at least one passive lead in the month are rows.
with counts as (
    select month_label(l.created_date) as month, l.owner_id as rep_id, count(*) as passive_leads
    from int_leads l
    where l.source_kind = 'passive' and l.owner_id in (select rep_id from int_is_reps)
    group by all
),

pairs as (
    select a.month, sum(abs(a.passive_leads - b.passive_leads)) as abs_diff_sum
    from counts a join counts b using (month)
    group by a.month
),

months as (
    select month, count(*) as n, avg(passive_leads) as mean, sum(passive_leads) as total,
           max(passive_leads) as max_leads, min(passive_leads) as min_leads
    from counts group by month
)

select
    c.month,
    c.rep_id,
    c.passive_leads::integer                                        as passive_leads,
    c.passive_leads / m.total                                       as share,
    p.abs_diff_sum / (2 * m.n * m.n * m.mean)                       as gini,
    m.max_leads / m.min_leads                                       as max_min_ratio,
    m.n::integer                                                    as reps,
    m.total::integer                                                as month_passive_leads
from counts c
join months m using (month)
join pairs p using (month)
order by c.month, c.rep_id
