-- The stage map: each StageName the CRM uses, its field-sales phase (1-5), and whether it
-- closes the deal / wins it. Stage names match case-insensitively, ignoring surrounding
-- spaces. A StageName not listed here is quarantined and listed on the data-quality page:
-- add a row here to map it.
select * from (values
    ('01 Pre-Opportunity',    1,    false, false),
    ('02 Issue Recognition',  2,    false, false),
    ('03 Evaluation',         3,    false, false),
    ('04 Final Negotiation',  4,    false, false),
    ('05 Approval',           5,    false, false),
    ('Closed Won',            null, true,  true),
    ('Closed Lost',           null, true,  false)
) as stages(stage_name, phase, is_closed, is_won)
