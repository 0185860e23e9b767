-- What happened to the pipeline due in each fiscal quarter Q, deal by deal: one row per
-- quarter, deal and category. t0 is the day before Q starts, t1 = min(as_of, Q's last
-- day); "in Q on d" = open on d with a CloseDate inside Q (states from int_deal_states).
--   start       in Q on t0 (amount on t0)           end        in Q on t1 (amount on t1)
--   of the start deals: won / lost (closed on t1, amount on t1), pushed_out (open on t1,
--   CloseDate no longer in Q; amount on t0), and for those won, lost or still in Q the
--   amount change t0 -> t1 as increased / decreased;
--   of the others, those in Q on t1 or closed on t1 with a CloseDate in Q enter: created
--   (did not exist on t0) or pulled_in (amount on t1); one closed on t1 is won / lost too.
-- `amount` is what the category counts (a null amount is 0); deals count in every
-- category but increased / decreased.
with points as (
    select fiscal_quarter, period_start, period_end, 'then' as moment, t0 as d from int_pipeline_quarters
    union all
    select fiscal_quarter, period_start, period_end, 'now', t1 from int_pipeline_quarters
),

states as (
    select
        p.fiscal_quarter, p.moment, p.period_start, p.period_end,
        s.opportunity_id, s.stage_name, s.stage_is_won, s.amount, s.close_date,
        is_closed_on(s.stage_is_closed, s.close_date, p.d)                          as is_closed,
        is_due_in(s.stage_is_closed, s.close_date, p.d, p.period_start, p.period_end) as in_quarter
    from points p
    join int_deal_states s
      on state_holds_on(s.valid_from, s.valid_to, p.d)
),

then_in as (
    select * from states where moment = 'then' and in_quarter
),

now_states as (
    select * from states where moment = 'now'
),

-- every deal that was in Q on t0 or enters it, with its state then (null: not in Q) and now
moved as (
    select
        n.fiscal_quarter,
        n.opportunity_id,
        t.opportunity_id is not null                                    as was_in,
        n.in_quarter                                                    as is_in,
        n.is_closed,
        n.stage_is_won,
        o.created_date < n.period_start                                 as existed,
        t.amount                                                        as amount_then,
        n.amount                                                        as amount_now,
        t.close_date                                                    as close_date_then,
        n.close_date                                                    as close_date_now,
        t.stage_name                                                    as stage_then,
        n.stage_name                                                    as stage_now
    from now_states n
    left join then_in t using (fiscal_quarter, opportunity_id)
    join int_opportunities o using (opportunity_id)
    where t.opportunity_id is not null
       or n.in_quarter
       or (n.is_closed and n.close_date between n.period_start and n.period_end)
),

categorised as (
    select *, 'start' as category, coalesce(amount_then, 0) as amount from moved where was_in
    union all
    select *, 'created', coalesce(amount_now, 0) from moved where not was_in and not existed
    union all
    select *, 'pulled_in', coalesce(amount_now, 0) from moved where not was_in and existed
    union all
    select *, 'increased', coalesce(amount_now, 0) - coalesce(amount_then, 0) from moved
    where was_in and (is_closed or is_in) and coalesce(amount_now, 0) > coalesce(amount_then, 0)
    union all
    select *, 'decreased', coalesce(amount_then, 0) - coalesce(amount_now, 0) from moved
    where was_in and (is_closed or is_in) and coalesce(amount_now, 0) < coalesce(amount_then, 0)
    union all
    select *, 'won', coalesce(amount_now, 0) from moved where is_closed and stage_is_won
    union all
    select *, 'lost', coalesce(amount_now, 0) from moved where is_closed and not stage_is_won
    union all
    select *, 'pushed_out', coalesce(amount_then, 0) from moved where was_in and not is_closed and not is_in
    union all
    select *, 'end', coalesce(amount_now, 0) from moved where is_in
)

select
    c.fiscal_quarter,
    q.period_start                                  as window_start,
    q.t1                                            as window_end,
    c.category,
    k.category_order,
    k.direction,
    c.opportunity_id,
    c.amount,
    c.amount_then,
    c.amount_now,
    c.close_date_then,
    c.close_date_now,
    c.stage_then,
    c.stage_now
from categorised c
join int_pipeline_quarters q using (fiscal_quarter)
join pipeline_categories k using (category)
