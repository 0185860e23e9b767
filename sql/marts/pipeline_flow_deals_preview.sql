-- The first page of pipeline_flow_deals for the Pipeline page: per fiscal quarter and
-- category, the largest deals (by the amount the category counts), with their rank and
-- how many deals the category holds in all. The full list is pipeline_flow_deals (a CSV
-- on the page).
select *
from (
    select
        d.*,
        row_number() over w                 as rank,
        count(*) over (partition by d.fiscal_quarter, d.category)::integer as category_deals
    from pipeline_flow_deals d
    window w as (partition by d.fiscal_quarter, d.category order by d.amount desc, d.opportunity_id)
)
where rank <= (select list_page_rows from settings)
order by fiscal_quarter, category_order, rank
