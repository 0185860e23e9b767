-- How exported text is cleaned before use. Ids are compared without surrounding spaces;
-- trimming allocates a new string for every value, which costs seconds over ten million
-- tasks, so only values that start or end with a space are trimmed (the same result).
create or replace macro clean_id(x) as
    case when x like ' %' or x like '% ' then trim(x) else x end;
