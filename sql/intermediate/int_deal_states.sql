-- The state of every deal on any day, as intervals: on day d a deal is in the row whose
-- valid_from <= d < valid_to (valid_to null: still). Use it as
--     join int_deal_states s on s.opportunity_id = ...
--                           and state_holds_on(s.valid_from, s.valid_to, d)
-- and is_closed_on(s.stage_is_closed, s.close_date, d) for "closed on d".
-- Rules (docs/metrics.md, "Pipeline movement"): a deal exists from its CreatedDate; its
-- stage, Amount and CloseDate are those of its latest history row dated <= d (the day's
-- last row: later CreatedDate, then larger Id); before its first history row, those of
-- the first row; with no history, its current stage (a closed stage from CloseDate on,
-- open at phase 01 before). A row without Amount or CloseDate takes the deal's current
-- value. History after as_of does not exist yet. Every history row counts here (amount
-- and close-date changes too); stage stays come from int_stage_events.
with opportunities as (
    select
        opportunity_id, created_date, amount as current_amount, close_date as current_close_date,
        stage_name as current_stage, phase as current_phase, stage_is_closed, stage_is_won
    from stg_opportunities
    where quarantine_reason is null and created_date <= as_of()
),

rows as (
    select
        h.opportunity_id, h.created_date, h.created_at, h.history_id,
        h.stage_name, h.phase, h.is_closed, h.is_won,
        coalesce(h.amount, o.current_amount)                    as amount,
        coalesce(h.close_date, o.current_close_date)            as close_date,
        -- the phase the deal is in while open: this row's, or the latest open one before it
        coalesce(last_value(h.phase ignore nulls) over (
            deal_rows rows between unbounded preceding and current row), 1) as open_phase,
        row_number() over deal_rows                             as row_seq,
        -- a day's rows are consecutive (created_date follows created_at), so a row whose
        -- next row is on a later day (or that has none) is its day's last, and that next
        -- row's day is when the day's state ends
        lead(h.created_date) over deal_rows                     as next_row_date
    from stg_opportunity_history h
    join opportunities o using (opportunity_id)
    where h.quarantine_reason is null and h.created_date <= as_of()
    -- one sort of each deal's history serves all three
    window deal_rows as (partition by h.opportunity_id order by h.created_at, h.history_id)
),

-- one state per day with history: the day's last row
days as (
    select * from rows where next_row_date is null or next_row_date > created_date
),

from_history as (
    -- before the first row: the first row's values, from the day the deal was created
    select
        r.opportunity_id, o.created_date as valid_from, r.created_date as valid_to,
        r.stage_name, r.is_closed as stage_is_closed, r.is_won as stage_is_won, r.open_phase,
        r.amount, r.close_date
    from rows r
    join opportunities o using (opportunity_id)
    where r.row_seq = 1 and o.created_date < r.created_date

    union all
    select
        opportunity_id, created_date, next_row_date,
        stage_name, is_closed, is_won, open_phase, amount, close_date
    from days
),

without_history as (
    -- an open current stage holds from CreatedDate on
    select
        o.opportunity_id, o.created_date as valid_from, null::date as valid_to,
        o.current_stage as stage_name, false as stage_is_closed, false as stage_is_won,
        coalesce(o.current_phase, 1) as open_phase, o.current_amount as amount, o.current_close_date as close_date
    from opportunities o
    where not o.stage_is_closed and o.opportunity_id not in (select opportunity_id from rows)

    -- a closed one only from CloseDate on: open at phase 01 before
    union all
    select
        o.opportunity_id, o.created_date, o.current_close_date,
        s.stage_name, false, false, 1, o.current_amount, o.current_close_date
    from opportunities o
    join stage_map s on s.phase = 1
    where o.stage_is_closed and o.opportunity_id not in (select opportunity_id from rows)
      and (o.current_close_date is null or o.current_close_date > o.created_date)

    union all
    select
        o.opportunity_id, greatest(o.created_date, o.current_close_date), null,
        o.current_stage, true, o.stage_is_won, 1, o.current_amount, o.current_close_date
    from opportunities o
    where o.stage_is_closed and o.opportunity_id not in (select opportunity_id from rows)
      and o.current_close_date is not null
)

select
    opportunity_id,
    valid_from,
    valid_to,
    stage_name,
    stage_is_closed,
    stage_is_won,
    open_phase,
    amount,
    close_date
from (select * from from_history union all select * from without_history)
order by opportunity_id, valid_from
