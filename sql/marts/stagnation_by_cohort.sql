-- How far each fiscal year's SQLs got: the share whose highest phase reached is 01 ...
-- 05 or won, and the headline split "stuck at <= 02" vs "reached 03 or beyond".
with sqls as (
    select
        fiscal_year(created_date)                   as fiscal_year,
        highest_phase,
        not is_closed and highest_phase in ('01', '02') as is_open_le_02
    from int_opportunities
    where origin = 'SQL'
),

years as (
    select
        fiscal_year,
        count(*)                                                    as sqls,
        count(*) filter (where highest_phase in ('01', '02'))       as le_02,
        count(*) filter (where is_open_le_02)                       as open_le_02
    from sqls
    group by fiscal_year
),

phases as (
    select * from (values ('01', 1), ('02', 2), ('03', 3), ('04', 4), ('05', 5), ('won', 6)) as p(highest_phase, phase_order)
),

counted as (
    select fiscal_year, highest_phase, count(*) as deals
    from sqls
    group by all
)

select
    y.fiscal_year,
    p.highest_phase,
    p.phase_order,
    coalesce(c.deals, 0)::integer                       as deals,
    coalesce(c.deals, 0) / y.sqls                       as share,
    y.le_02 / y.sqls                                    as share_le_02,
    (y.sqls - y.le_02) / y.sqls                         as share_ge_03,
    y.open_le_02 / y.sqls                               as open_le_02_share,
    y.sqls::integer                                     as sqls
from years y
cross join phases p
left join counted c using (fiscal_year, highest_phase)
order by y.fiscal_year, p.phase_order
