-- The survey sweep (every 10 s in the daemon) looks for the CLOSED tickets closed in the last three days. With
-- only ticket_status_ix it reads every CLOSED ticket, nearly the whole table of a store that has run a while, each
-- round; status then closed_at finds the few of the last days.
CREATE INDEX ticket_status_closed_ix ON ticket (status, closed_at);
