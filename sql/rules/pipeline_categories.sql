-- The bars of the pipeline waterfall, in order, and which way each moves the pipeline:
-- start and end are levels (0), the others add (+1) or take away (-1).
select * from (values
    ('start',      1,  0),
    ('created',    2,  1),
    ('pulled_in',  3,  1),
    ('increased',  4,  1),
    ('decreased',  5, -1),
    ('won',        6, -1),
    ('lost',       7, -1),
    ('pushed_out', 8, -1),
    ('end',        9,  0)
) as categories(category, category_order, direction)
