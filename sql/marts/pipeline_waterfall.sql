-- pipeline_flow as the bars of a waterfall, one row per fiscal quarter and bar in order:
-- each bar's amount (signed: + comes in, - goes out; start and end are levels), deals,
-- and where it starts and ends on the amount axis, so that the bars visibly add up.
with bars as (
    select f.fiscal_quarter, f.window_start, f.window_end, c.category, c.category_order, c.direction,
        case c.category
            when 'start' then f.start_amount       when 'created' then f.created_amount
            when 'pulled_in' then f.pulled_in_amount when 'increased' then f.increased_amount
            when 'decreased' then f.decreased_amount when 'won' then f.won_amount
            when 'lost' then f.lost_amount         when 'pushed_out' then f.pushed_out_amount
            when 'end' then f.end_amount
        end as amount,
        case c.category
            when 'start' then f.start_deals        when 'created' then f.created_deals
            when 'pulled_in' then f.pulled_in_deals when 'won' then f.won_deals
            when 'lost' then f.lost_deals          when 'pushed_out' then f.pushed_out_deals
            when 'end' then f.end_deals
        end as deals
    from pipeline_flow f
    cross join pipeline_categories c
),

signed as (
    select *, case when direction = 0 then amount else direction * amount end as change
    from bars
),

placed as (
    select
        *,
        -- the running level after this bar; start sets it, end shows it
        sum(case when category = 'end' then 0 else change end)
            over (partition by fiscal_quarter order by category_order rows between unbounded preceding and current row) as level_after
    from signed
)

select
    fiscal_quarter,
    window_start,
    window_end,
    category,
    category_order,
    change::decimal(38, 4)                                                  as amount,
    deals::integer                                                          as deals,
    (case when direction = 0 then 0 else level_after - change end)::decimal(38, 4) as bar_start,
    (case when category = 'end' then amount else level_after end)::decimal(38, 4)  as bar_end
from placed
order by window_start, category_order
