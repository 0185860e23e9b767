-- Per object: rows read from the export = rows used + rows quarantined (`balanced`
-- says whether they do).
with counted as (
    select
        s.object,
        s.present,
        s.label                                                         as source,
        s.parts,
        s.rows_read::bigint                                             as rows_read,
        coalesce(sum(q.rows) filter (where q.quarantine_reason is null), 0)::bigint     as rows_used,
        coalesce(sum(q.rows) filter (where q.quarantine_reason is not null), 0)::bigint as rows_quarantined
    from relay_source_objects s
    left join int_quarantine q using (object)
    group by all
)

select *, rows_read = rows_used + rows_quarantined as balanced
from counted
order by object
