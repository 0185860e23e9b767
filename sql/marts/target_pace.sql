-- Appointments against the annual target (settings.annual_appointment_target): per
-- fiscal month, the cumulative actual and the linear pace (target x month / 12).
with monthly as (
    select fiscal_year(created_date) as fiscal_year, fiscal_month(created_date) as fiscal_month,
           month_label(created_date) as month, count(*) as appointments
    from int_appointments
    group by all
),

calendar as (
    -- every month of each fiscal year with an appointment, up to the as-of month
    select distinct fiscal_year(day) as fiscal_year, fiscal_month(day) as fiscal_month, month_label(day) as month
    from working_days
    where day <= as_of() and fiscal_year(day) in (select fiscal_year from monthly)
)

select
    c.fiscal_year,
    c.fiscal_month::integer                                             as fiscal_month,
    c.month,
    coalesce(m.appointments, 0)::integer                                as appointments,
    sum(coalesce(m.appointments, 0)) over w                             as cumulative_appointments,
    s.annual_appointment_target * c.fiscal_month / 12                   as target_cumulative,
    sum(coalesce(m.appointments, 0)) over w / (s.annual_appointment_target * c.fiscal_month / 12) as pace_ratio,
    s.annual_appointment_target                                         as annual_target
from calendar c
left join monthly m using (fiscal_year, fiscal_month, month)
cross join settings s
window w as (partition by c.fiscal_year order by c.fiscal_month)
order by c.fiscal_year, c.fiscal_month
