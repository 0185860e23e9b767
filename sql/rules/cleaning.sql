-- How exported text is cleaned before use. Ids are compared without surrounding spaces;
-- trimming allocates a new string for every value, which costs seconds over ten million
-- tasks, so only values that start or end with a space are trimmed (the same result).
create or replace macro clean_id(x) as
    case when x like ' %' or x like '% ' then trim(x) else x end;

-- The Ids that occur more than once in an object's export (src, the name of its src_
-- view), compared after clean_id: every copy of such an Id is quarantined. Only the Id
-- column is read, apart from the rest of the row. Grouping 64-bit hashes is much cheaper
-- than grouping millions of strings; the Ids of a repeated hash are then compared
-- themselves, so a hash collision quarantines nothing.
create or replace macro duplicate_ids(src) as table
    with repeated_hashes as (
        select hash(clean_id("Id")) as id_hash from query_table(src) group by id_hash having count(*) > 1
    )
    select clean_id("Id") as id from query_table(src)
    where hash(clean_id("Id")) in (select id_hash from repeated_hashes)
    group by id having count(*) > 1;
