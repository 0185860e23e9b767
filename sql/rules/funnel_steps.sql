-- The funnel's steps in order (The Model: marketing -> inside sales -> field sales).
select * from (values
    (1, 'lead'),
    (2, 'mql'),
    (3, 'sql'),
    (4, 'phase_02'),
    (5, 'phase_03'),
    (6, 'phase_04'),
    (7, 'phase_05'),
    (8, 'won')
) as steps(step_order, step)
