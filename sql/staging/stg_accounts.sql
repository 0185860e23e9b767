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

-- every copy of an Id that occurs more than once is quarantined (sql/rules/cleaning.sql)
duplicates as (
    select id as account_id from duplicate_ids('src_accounts')
)

select
    *,
    size_band(employees)                                              as size_band,
    tier_of(customer_type, employees, focus_theme, prime_contractor)  as tier,
    case
        when account_id is null or account_id = ''          then 'null_id'
        when account_id in (select account_id from duplicates) then 'duplicate_id'
    end as quarantine_reason
from renamed
