-- Every stage an opportunity entered, dated, as it is known at as_of: the history rows
-- that change the stage, plus the export's current stage where the history does not end
-- in it. A deal with no history takes its current stage, entered on CreatedDate
-- (CloseDate when won); a lost deal with no history is taken as phase 01 from
-- CreatedDate, then lost on CloseDate.
-- Closing events count only once CloseDate <= as_of; a deal with nothing visible by
-- as_of is open at phase 01 since CreatedDate.
with opportunities as (
    select * from stg_opportunities where quarantine_reason is null
),

-- only rows that change the stage: a row with the same StageName as the deal's previous
-- row records a change of amount or close date, and starts no new stay
history as (
    select
        opportunity_id,
        created_date                                as entered_date,
        created_at                                  as entered_at,
        stage_name, phase, is_closed, is_won,
        'history'                                   as event_source,
        -- a closing row counts once its own CloseDate has come (a deal lost, then
        -- reopened with a later close date, was still lost back then)
        close_date                                  as event_close_date
    from (
        select
            *,
            lag(stage_name) over (partition by opportunity_id order by created_at, history_id) as previous_stage
        from stg_opportunity_history
        where quarantine_reason is null
    )
    where previous_stage is null or lower(previous_stage) <> lower(stage_name)
),

last_history as (
    select
        opportunity_id,
        arg_max(stage_name, entered_at)             as last_stage,
        max(entered_date)                           as last_date,
        max(entered_at)                             as last_at
    from history
    group by opportunity_id
),

current_stage as (
    select
        o.opportunity_id,
        case
            when lh.opportunity_id is not null and o.stage_is_closed then coalesce(o.close_date, lh.last_date)
            when lh.opportunity_id is not null                       then lh.last_date
            when o.stage_is_won                                      then coalesce(o.close_date, o.created_date)
            when o.stage_is_closed                                   then coalesce(o.close_date, o.created_date)
            else o.created_date
        end                                         as entered_date,
        -- sorts after the history rows of the same day
        coalesce(lh.last_at, o.created_at) + interval 1 microsecond as entered_at,
        o.stage_name, o.phase, o.stage_is_closed    as is_closed, o.stage_is_won as is_won,
        case when lh.opportunity_id is null then 'current_stage' else 'current_stage_after_history' end as event_source,
        o.close_date                                as event_close_date
    from opportunities o
    left join last_history lh using (opportunity_id)
    where lh.opportunity_id is null or lower(lh.last_stage) <> lower(o.stage_name)
),

lost_without_history as (
    -- the contract counts a lost deal with no history as having reached phase 01
    select
        o.opportunity_id,
        o.created_date                              as entered_date,
        o.created_at                                as entered_at,
        s.stage_name, s.phase, false as is_closed, false as is_won,
        'assumed_phase_01'                          as event_source,
        o.close_date                                as event_close_date
    from opportunities o
    join stage_map s on s.phase = 1
    where o.stage_is_closed and not o.stage_is_won
      and o.opportunity_id not in (select opportunity_id from history)
),

events as (
    select * from history
    union all select * from current_stage
    union all select * from lost_without_history
),

visible as (
    select
        e.* exclude (event_close_date),
        coalesce(e.event_close_date, o.close_date, e.entered_date) as close_date
    from events e
    join opportunities o using (opportunity_id)
    where o.created_date <= as_of()
      and e.entered_date <= as_of()
      and (not e.is_closed or coalesce(e.event_close_date, o.close_date, e.entered_date) <= as_of())
),

nothing_visible as (
    -- e.g. no history and a CloseDate after as_of: open at phase 01 since CreatedDate
    select
        o.opportunity_id,
        o.created_date                              as entered_date,
        o.created_at                                as entered_at,
        s.stage_name, s.phase, false as is_closed, false as is_won,
        'assumed_open_phase_01'                     as event_source,
        coalesce(o.close_date, o.created_date)      as close_date
    from opportunities o
    join stage_map s on s.phase = 1
    where o.created_date <= as_of()
      and o.opportunity_id not in (select opportunity_id from visible)
)

select * from visible
union all
select * from nothing_visible
