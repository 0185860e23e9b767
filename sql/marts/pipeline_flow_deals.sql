-- The deals behind each bar of the pipeline waterfall: one row per fiscal quarter, deal
-- and category (start, created, pulled_in, increased, decreased, won, lost, pushed_out,
-- end), with the deal's amount, close date and stage at the start of the quarter (then,
-- t0) and at its end or as_of (now, t1). `amount` is what the category counts.
select
    m.fiscal_quarter,
    m.category,
    m.category_order,
    m.opportunity_id,
    coalesce(o.account_name, o.account_id)          as account_name,
    coalesce(u.user_name, o.owner_id)               as owner_name,
    o.owner_id,
    o.appointment_setter_id,
    m.amount::decimal(38, 4)                        as amount,
    m.amount_then::decimal(38, 4)                   as amount_then,
    m.amount_now::decimal(38, 4)                    as amount_now,
    m.close_date_then,
    m.close_date_now,
    m.stage_then,
    m.stage_now
from int_pipeline_movements m
join int_opportunities o using (opportunity_id)
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = o.owner_id
order by m.fiscal_quarter, m.category_order, m.amount desc, m.opportunity_id
