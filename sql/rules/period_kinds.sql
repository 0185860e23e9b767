-- The grains a page shows numbers by, in the order a picker lists them. Marts with a
-- grain carry `period_kind` (one of these) and `period` (e.g. 2024-04, FY2024-Q1, FY2024).
select * from (values
    ('month',          1, 1),
    ('fiscal_quarter', 2, 3),
    ('fiscal_year',    3, 12)
) as kinds(period_kind, grain_order, months)
