-- The metrics' gauge of open tickets breaching (postdesk_sla_breaching_tickets) counts ticket_sla rows in
-- state BREACHED at every scrape: an index keeps that to the breached rows instead of every ticket's.
CREATE INDEX ticket_sla_state_ix ON ticket_sla (state);
