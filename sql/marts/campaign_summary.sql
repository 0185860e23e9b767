-- Per fiscal year (of StartDate): how many campaigns ran, how many produced an SQL, and
-- how many produced fewer SQLs than the average campaign of their type.
select
    fiscal_year,
    count(*)::integer                                               as campaigns,
    count(*) filter (where sqls > 0)::integer                       as with_sqls,
    count(*) filter (where sqls_vs_type_avg < 1)::integer           as below_type_avg
from campaign_results
where fiscal_year is not null
group by fiscal_year
order by fiscal_year
