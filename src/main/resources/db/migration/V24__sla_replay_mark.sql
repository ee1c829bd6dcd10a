-- How far each ticket's stored SLA state (ticket_sla) reflects the ticket (issue 11, sweeper cost).
-- replayed_through is the ticket's updated_at as the replay that wrote ticket_sla read it: the sweeper
-- replays a ticket again only when its updated_at differs (a change committed since, in any order), so
-- its own writes and the tickets it has already replayed cost an index lookup, not a replay.
-- stale_since is set when something outside the ticket changed its due times (business hours, a holiday,
-- a policy): the sweeper, or the command itself in bounded batches, replays those rows oldest first.
-- A ticket without a row has never been replayed since this migration.
CREATE TABLE ticket_sla_mark (
    ticket_id        BIGINT NOT NULL,
    replayed_through TIMESTAMP WITH TIME ZONE,
    stale_since      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ticket_sla_mark_pk PRIMARY KEY (ticket_id),
    CONSTRAINT ticket_sla_mark_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id) ON DELETE CASCADE
);
CREATE INDEX ticket_sla_mark_stale_ix ON ticket_sla_mark (stale_since);
