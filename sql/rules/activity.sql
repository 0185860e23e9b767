-- What counts as an effective conversation: a Call whose CallDisposition is
-- `Conversation`; optionally (settings.effective_call_min_seconds) also any call at least
-- that long.
create or replace macro is_effective_conversation(task_type, disposition, duration_seconds) as
    coalesce(lower(trim(task_type)) = 'call', false)
    and (
        coalesce(lower(trim(disposition)) = 'conversation', false)
        or coalesce(duration_seconds >= (select effective_call_min_seconds from settings), false)
    );
