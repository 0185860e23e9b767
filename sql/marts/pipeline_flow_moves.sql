-- The deals that moved the pipeline, for the Pipeline page's download: the rows of
-- pipeline_flow_deals but the levels (start, end), which list every deal due in a
-- quarter and so are most of its size. `relay query pipeline_flow_deals` has those too.
-- download: csv
select * exclude (appointment_setter_id)
from pipeline_flow_deals
where category not in ('start', 'end')
order by fiscal_quarter, category_order, amount desc, opportunity_id
