-- Account segmentation: size band by employee count, and the tier rule.
-- Tier 1 is where resources go first: end users of any size, SIers with 1,000+ employees
-- working on a focus theme, and consulting firms with 1,000+ employees acting as prime.
-- A null employee count fails the 1,000+ test; a null flag counts as false.

create or replace macro size_band(employees) as
    case
        when employees is null then 'unknown'
        when employees < 100   then '1-99'
        when employees < 300   then '100-299'
        when employees < 1000  then '300-999'
        when employees < 5000  then '1000-4999'
        else '5000+'
    end;

create or replace macro customer_type_of(raw_type) as
    -- canonical spelling of a customer type; null or empty is `unknown`, anything
    -- outside the vocabulary is kept as written (and is unclassified for tiers)
    case lower(trim(raw_type))
        when 'enduser'    then 'EndUser'
        when 'sier'       then 'SIer'
        when 'consulting' then 'Consulting'
        when 'other'      then 'Other'
        when ''           then 'unknown'
        else coalesce(trim(raw_type), 'unknown')
    end;

create or replace macro tier_of(customer_type, employees, focus_theme, prime_contractor) as
    case
        when customer_type = 'EndUser' then 'Tier 1'
        when customer_type = 'SIer' then
            case (coalesce(employees, 0) >= 1000)::int + coalesce(focus_theme, false)::int
                when 2 then 'Tier 1' when 1 then 'Tier 2' else 'Tier 3' end
        when customer_type = 'Consulting' then
            case (coalesce(employees, 0) >= 1000)::int + coalesce(prime_contractor, false)::int
                when 2 then 'Tier 1' when 1 then 'Tier 2' else 'Tier 3' end
        when customer_type = 'Other' then 'Tier 3'
        else 'unclassified'
    end;

create or replace macro size_band_order(band) as
    -- the order bands are listed in (smallest first, unknown last)
    case band when '1-99' then 1 when '100-299' then 2 when '300-999' then 3
              when '1000-4999' then 4 when '5000+' then 5 else 6 end;

create or replace macro customer_type_order(customer_type) as
    case customer_type when 'EndUser' then 1 when 'SIer' then 2 when 'Consulting' then 3
                       when 'Other' then 4 when 'unknown' then 6 else 5 end;
