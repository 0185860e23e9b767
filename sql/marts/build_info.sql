-- What the dashboard describes: the as-of date, the business calendar, the data set and
-- the date range of its records, after how many days the pages call the data stale, and
-- how many rows a long list shows (the *_preview marts hold that many per filter).
select
    s.as_of,
    s.timezone,
    s.fy_start_month,
    s.holidays,
    d.label                                                         as data_label,
    d.is_sample,
    (select min(created_date) from int_leads)                       as first_lead_date,
    (select max(created_date) from int_leads)                       as last_lead_date,
    (select min(created_date) from int_opportunities)               as first_opportunity_date,
    (select max(created_date) from int_opportunities)               as last_opportunity_date,
    fiscal_year_label(s.as_of)                                      as as_of_fiscal_year,
    fiscal_year(s.as_of)                                            as as_of_fy,
    fiscal_quarter_label(s.as_of)                                   as as_of_fiscal_quarter,
    month_label(s.as_of)                                            as as_of_month,
    s.stale_after_days,
    s.list_page_rows
from settings s
cross join relay_data d
