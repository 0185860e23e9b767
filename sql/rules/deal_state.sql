-- When a deal counts as closed on a day: its stage is a closed one and its CloseDate has
-- come (a deal marked won with a CloseDate next month is still open today).
create or replace macro is_closed_on(stage_is_closed, close_date, d) as
    coalesce(stage_is_closed and close_date <= d, false);

-- "In quarter Q on day d": open on d with its CloseDate inside Q.
create or replace macro is_due_in(stage_is_closed, close_date, d, period_start, period_end) as
    not is_closed_on(stage_is_closed, close_date, d) and close_date between period_start and period_end;

-- "The state row that holds on day d" (int_deal_states: valid_from <= d < valid_to, an
-- open end holding on). Written as two plain inequalities so that a join on it is an
-- interval join, not a comparison of every state with every day.
create or replace macro state_holds_on(valid_from, valid_to, d) as
    d >= valid_from and d < coalesce(valid_to, 'infinity'::date);
