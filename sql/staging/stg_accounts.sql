-- Accounts with their segment: customer type, size band and tier (rules in
-- sql/rules/tiers.sql).
with source as (
    select * from src_accounts
),

renamed as (
    select
        -- ids
        clean_id("Id")                              as account_id,
        -- attributes
        coalesce("Name", clean_id("Id"))            as account_name,
        nullif(trim("Industry"), '')            as industry,
        "NumberOfEmployees"                     as employees,
        customer_type_of("CustomerType__c")     as customer_type,
        "FocusTheme__c"                         as focus_theme,
        "PrimeContractor__c"                    as prime_contractor
    from source
),

-- every copy of an Id that occurs more than once is quarantined
duplicate_ids as (
    select account_id from renamed group by account_id having count(*) > 1
)

select
    *,
    size_band(employees)                                              as size_band,
    tier_of(customer_type, employees, focus_theme, prime_contractor)  as tier,
    case
        when account_id is null or account_id = ''          then 'null_id'
        when account_id in (select account_id from duplicate_ids) then 'duplicate_id'
    end as quarantine_reason
from renamed
