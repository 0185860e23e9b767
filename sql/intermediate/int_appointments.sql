-- Appointments: SQL opportunities credited to the IS rep who set them, on the day they
-- were created, with the source kind of the appointment (the opportunity's LeadSource,
-- or its lead's when the opportunity has none).
select
    o.opportunity_id,
    o.appointment_setter_id                                 as rep_id,
    o.created_date,
    coalesce(o.source_kind, ol.source_kind, 'unclassified') as source_kind
from int_opportunities o
left join int_opportunity_leads ol using (opportunity_id)
where o.origin = 'SQL' and o.appointment_setter_id is not null
