-- Per field-sales owner and fiscal year of closing: deals closed, won, win rate, won
-- amount and the loss reason heard most (ties go to the alphabetically first).
with closed as (
    select owner_id, fiscal_year(close_date) as fiscal_year, is_won, amount, loss_reason
    from int_opportunities
    where is_closed
),

reasons as (
    select owner_id, fiscal_year, loss_reason, count(*) as n
    from closed
    where not is_won and loss_reason is not null
    group by all
),

top_reason as (
    select owner_id, fiscal_year,
           arg_min(loss_reason, (-n, loss_reason)) as top_loss_reason
    from reasons
    group by all
)

select
    c.owner_id,
    coalesce(u.user_name, c.owner_id)                       as owner_name,
    c.fiscal_year,
    count(*)::integer                                       as closed,
    count(*) filter (where c.is_won)::integer               as won,
    count(*) filter (where c.is_won) / count(*)             as win_rate,
    coalesce(sum(c.amount) filter (where c.is_won), 0)::decimal(38, 4) as won_amount,
    any_value(t.top_loss_reason)                            as top_loss_reason
from closed c
left join top_reason t using (owner_id, fiscal_year)
left join (select * from stg_users where quarantine_reason is null) u on u.user_id = c.owner_id
group by c.owner_id, u.user_name, c.fiscal_year
order by c.fiscal_year, owner_name, c.owner_id
