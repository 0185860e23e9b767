-- Why an open deal counts as stalled (mart stalled_deals; thresholds in
-- sql/rules/settings.sql), in the order the pages list the reasons: the most telling
-- first. A reason's words are the page's (src/components/i18n.js, `reason.<code>`).
select * from (values
    ('phase_le_02_30d',     1),
    ('no_activity_14d',     2),
    ('next_action_overdue', 3),
    ('no_next_action',      4)
) as reasons(reason, reason_order)
