-- One row per fiscal month (1-12) of each fiscal year with an appointment, and of the
-- as-of fiscal year, up to the as-of month: appointments (every SQL created that month,
-- as the funnel's `sql` step counts them), the cumulative actual, and the linear pace to
-- the annual target (settings.annual_appointment_target x fiscal month / 12), and the
-- year-end projection at that month's pace (cumulative x 12 / fiscal month).
with appointments as (
    select created_date from int_opportunities where origin = 'SQL'
),

monthly as (
    select fiscal_year(created_date) as fiscal_year, fiscal_month(created_date) as fiscal_month,
           month_label(created_date) as month, count(*) as appointments
    from appointments
    group by all
),

calendar as (
    -- every month of those fiscal years, up to the as-of month
    select distinct fiscal_year(day) as fiscal_year, fiscal_month(day) as fiscal_month, month_label(day) as month
    from working_days
    where day <= as_of()
      and (fiscal_year(day) in (select fiscal_year from monthly) or fiscal_year(day) = fiscal_year(as_of()))
)

select
    c.fiscal_year,
    c.fiscal_month::integer                                             as fiscal_month,
    c.month,
    coalesce(m.appointments, 0)::integer                                as appointments,
    (sum(coalesce(m.appointments, 0)) over w)::integer                  as cumulative_appointments,
    s.annual_appointment_target * c.fiscal_month / 12                   as target_cumulative,
    sum(coalesce(m.appointments, 0)) over w
        / nullif(s.annual_appointment_target * c.fiscal_month / 12, 0)  as pace_ratio,
    s.annual_appointment_target                                         as annual_target,
    sum(coalesce(m.appointments, 0)) over w * 12 / c.fiscal_month      as projected_year_end,
    sum(coalesce(m.appointments, 0)) over w * 12 / c.fiscal_month
        / nullif(s.annual_appointment_target, 0)                        as projected_vs_target
from calendar c
left join monthly m using (fiscal_year, fiscal_month, month)
cross join settings s
window w as (partition by c.fiscal_year order by c.fiscal_month)
order by c.fiscal_year, c.fiscal_month
