-- Quarantined rows per object and reason (reason codes are explained on the
-- data-quality page and in docs/metrics.md).
select object, quarantine_reason as reason, sum(rows)::bigint as rows
from int_quarantine
where quarantine_reason is not null
group by all
order by object, reason
