-- The first page of the deals to question about their close date, for the Pipeline page:
-- deals in close_date_pushes pushed twice or more, or past their close date, most pushed
-- first, with how many such deals there are in all (`listed`). The full list is
-- close_date_pushes (a CSV on the page).
select *
from (
    select
        p.*,
        row_number() over (order by pushes desc, coalesce(amount, 0) desc, opportunity_id) as rank,
        count(*) over ()::integer           as listed
    from close_date_pushes p
    where pushes >= 2 or past_due
)
where rank <= (select list_page_rows from settings)
order by rank
