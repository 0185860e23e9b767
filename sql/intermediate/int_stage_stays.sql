-- Each time an opportunity stayed in an open phase: from the day it entered the phase
-- to the day of its next stage change, or to as_of if it is still there. Consecutive
-- events of the same stage are one stay.
with runs as (
    select
        *,
        row_number() over events as seq,
        coalesce(lower(stage_name) <> lower(lag(stage_name) over events), true) as starts_run
    from int_stage_events
    -- one sort of each deal's events serves both
    window events as (partition by opportunity_id order by entered_date, entered_at, event_source)
),

starts as (
    select
        opportunity_id, stage_name, phase, is_closed, entered_date, seq,
        lead(entered_date) over (partition by opportunity_id order by seq) as left_date
    from runs
    where starts_run
)

select
    opportunity_id,
    phase,
    entered_date,
    coalesce(left_date, as_of())                as left_date,
    left_date is null                           as is_current,
    coalesce(left_date, as_of()) - entered_date as days
from starts
where not is_closed and phase is not null
