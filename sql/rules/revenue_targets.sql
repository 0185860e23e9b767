-- Revenue targets per fiscal quarter, for pipeline coverage. Empty by default: add a row
-- per quarter, e.g. ('FY2025-Q3', 150000000). When the export has forecasting_quotas
-- (Salesforce ForecastingQuota), the quotas starting in a quarter are that quarter's
-- target and this table is used only for quarters with no quota.
select fiscal_quarter, cast(target as decimal(38, 4)) as target
from (values
    (null::varchar, null::decimal(38, 4))
) as targets(fiscal_quarter, target)
where fiscal_quarter is not null
