-- One row per opportunity that exists at as_of, with its state on that date: current
-- stage and phase, whether it is closed / won, the highest phase it reached, when it
-- entered its current stage and when it first reached each phase (won = past every phase).
with opportunities as (
    select * from stg_opportunities
    where quarantine_reason is null and created_date <= as_of()
),

ordered as (
    select
        *,
        row_number() over events as seq,
        -- a new run starts whenever the stage differs from the previous event's
        coalesce(lower(stage_name) <> lower(lag(stage_name) over events), true) as starts_run,
        -- the highest phase entered before this event
        max(phase) over (events rows between unbounded preceding and 1 preceding) as prior_max_phase
    from int_stage_events
    -- one sort of each deal's events serves all three
    window events as (partition by opportunity_id order by entered_date, entered_at, event_source)
),

summary as (
    select
        opportunity_id,
        arg_max(stage_name, seq)                                        as stage_name_at_as_of,
        arg_max(is_closed, seq)                                         as is_closed,
        arg_max(is_won, seq)                                            as is_won,
        arg_max(phase, seq)                                             as phase,
        max(entered_date) filter (where starts_run)                     as stage_entered_date,
        max(phase)                                                      as highest_open_phase,
        min(entered_date) filter (where phase >= 2 or is_won)           as phase_02_date,
        min(entered_date) filter (where phase >= 3 or is_won)           as phase_03_date,
        min(entered_date) filter (where phase >= 4 or is_won)           as phase_04_date,
        min(entered_date) filter (where phase >= 5 or is_won)           as phase_05_date,
        -- a stage regression: an open phase lower than one entered before it
        bool_or(phase < prior_max_phase)                                as has_regression
    from ordered
    group by opportunity_id
),

accounts as (
    select * from stg_accounts where quarantine_reason is null
)

select
    o.opportunity_id,
    o.account_id,
    o.owner_id,
    o.appointment_setter_id,
    o.origin,
    o.temperature,
    o.loss_reason,
    o.amount,
    o.lead_source,
    o.source_kind,
    o.next_action_date,
    o.created_at,
    o.created_date,
    o.close_date,
    -- no visible event (e.g. closed after as_of, no history): open at phase 01 on CreatedDate
    coalesce(s.stage_name_at_as_of, (select stage_name from stage_map where phase = 1)) as stage_name,
    coalesce(s.is_closed, false)                        as is_closed,
    coalesce(s.is_won, false)                           as is_won,
    coalesce(s.is_closed, false) and not coalesce(s.is_won, false) as is_lost,
    case when coalesce(s.is_closed, false) then null else coalesce(s.phase, 1) end as phase,
    coalesce(s.stage_entered_date, o.created_date)      as stage_entered_date,
    case when s.is_won then 'won'
         else lpad(cast(coalesce(s.highest_open_phase, 1) as varchar), 2, '0') end as highest_phase,
    s.phase_02_date, s.phase_03_date, s.phase_04_date, s.phase_05_date,
    case when s.is_won then o.close_date end             as won_date,
    coalesce(s.has_regression, false)                   as has_regression,
    -- segment of the account
    a.account_name,
    coalesce(a.customer_type, 'unknown')                as customer_type,
    coalesce(a.size_band, 'unknown')                    as size_band,
    coalesce(a.tier, 'unclassified')                    as tier
from opportunities o
left join summary s using (opportunity_id)
left join accounts a using (account_id)
