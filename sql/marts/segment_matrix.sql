-- Revenue and win rate per customer type x size band (the tiers inside a cell summed),
-- by fiscal year of the close date: the cells of the Segments page's heat maps.
select
    fiscal_year,
    customer_type,
    size_band,
    customer_type_order(customer_type)                      as customer_type_order,
    size_band_order(size_band)                              as size_band_order,
    string_agg(distinct tier, ', ' order by tier)           as tiers,
    sum(closed)::integer                                    as closed,
    sum(won)::integer                                       as won,
    sum(won) / nullif(sum(closed), 0)                       as win_rate,
    sum(won_amount)::decimal(38, 4)                         as won_amount
from segment_revenue
group by fiscal_year, customer_type, size_band
order by fiscal_year, customer_type_order, size_band_order
