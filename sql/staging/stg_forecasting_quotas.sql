-- Revenue quotas (Salesforce ForecastingQuota): one row per owner and period, the
-- period named by its first day. Optional: without the object, targets come from
-- sql/rules/revenue_targets.sql.
with source as (
    select * from src_forecasting_quotas
),

renamed as (
    select
        -- ids
        clean_id("QuotaOwnerId")            as quota_owner_id,
        -- numerics
        "QuotaAmount"                   as quota_amount,
        "QuotaAmount__invalid"          as quota_amount_is_invalid,
        -- dates
        "StartDate"                     as start_date
    from source
)

select
    renamed.*,
    case
        when quota_owner_id is null or quota_owner_id = ''      then 'null_quota_owner_id'
        when start_date is null                                 then 'null_start_date'
        when quota_amount_is_invalid                            then 'invalid_amount'
        when quota_amount is null                               then 'null_quota_amount'
        when quota_amount < 0                                   then 'negative_amount'
        when quota_amount > (select amount_ceiling from settings) then 'amount_above_ceiling'
        when owner.user_id is null                              then 'dangling_owner_id'
        when not owner.is_used                                  then 'owner_quarantined'
    end as quarantine_reason
from renamed
    left join (select user_id, bool_and(quarantine_reason is null) as is_used
               from stg_users group by user_id) as owner
        on owner.user_id = renamed.quota_owner_id
