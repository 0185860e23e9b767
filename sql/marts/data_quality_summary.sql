-- The whole export in one row: rows read, used and quarantined, whether every object
-- reconciles, and the object with the largest quarantined share (null when none).
with objects as (
    select * from data_reconciliation
),

worst as (
    select object, rows_quarantined, rows_quarantined / rows_read as quarantined_share
    from objects
    where rows_quarantined > 0
    order by quarantined_share desc, object
    limit 1
)

select
    sum(o.rows_read)::bigint                                        as rows_read,
    sum(o.rows_used)::bigint                                        as rows_used,
    sum(o.rows_quarantined)::bigint                                 as rows_quarantined,
    sum(o.rows_quarantined) / nullif(sum(o.rows_read), 0)           as quarantined_share,
    bool_and(o.balanced)                                            as balanced,
    any_value(w.object)                                             as worst_object,
    any_value(w.rows_quarantined)::bigint                           as worst_object_quarantined,
    any_value(w.quarantined_share)                                  as worst_object_share
from objects o
left join worst w on true
