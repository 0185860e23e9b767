-- Lead sources and their kind: passive (inbound: the prospect came to us) or active
-- (outbound: we went to them). Matched case-insensitively, ignoring surrounding spaces.
-- Any other value, empty or null, is `unclassified` and is listed on the data-quality
-- page with its count so that it can be added here.
select * from (values
    ('Inquiry',          'passive'),
    ('Document Request', 'passive'),
    ('Seminar',          'passive'),
    ('Webinar',          'passive'),
    ('Free Trial',       'passive'),
    ('Web',              'passive'),
    ('Outbound Call',    'active'),
    ('Outbound Email',   'active'),
    ('Re-engagement',    'active'),
    ('Event',            'active'),
    ('Referral',         'active'),
    ('List',             'active')
) as kinds(lead_source, source_kind)
