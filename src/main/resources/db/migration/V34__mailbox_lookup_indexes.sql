-- Foreign keys that PostgreSQL answered by reading the whole table at 1,000,000 tickets: unlike H2, PostgreSQL
-- does not index a foreign key by itself.
-- - ticket.mailbox_id, outbox.mailbox_id: removing a mailbox checks for its tickets and outbox rows, then each
--   foreign key checks again; each read every ticket and every outbox row (the two tables that grow with the mail).
-- - ticket_link.other_id: the problems report looks links up from either side; the key serves only ticket_id.
-- Each foreign key is made again after its index: H2 then takes the new index for it (one on exactly the key's
-- columns) and drops the one it had made of its own, so H2 keeps as many indexes to write at every insert as before.
-- Left without one on purpose: ticket.merged_into_id and ticket.linked_ticket_id (no path looks a ticket up by them
-- and tickets are never deleted), agent_notification.agent_id (agents are deactivated, never deleted), and the
-- foreign keys of tables with a row per mailbox, agent or held reply.
ALTER TABLE ticket DROP CONSTRAINT ticket_mailbox_fk;
CREATE INDEX ticket_mailbox_ix ON ticket (mailbox_id);
ALTER TABLE ticket ADD CONSTRAINT ticket_mailbox_fk FOREIGN KEY (mailbox_id) REFERENCES mailbox (id);
ALTER TABLE outbox DROP CONSTRAINT outbox_mailbox_fk;
CREATE INDEX outbox_mailbox_ix ON outbox (mailbox_id);
ALTER TABLE outbox ADD CONSTRAINT outbox_mailbox_fk FOREIGN KEY (mailbox_id) REFERENCES mailbox (id);
ALTER TABLE ticket_link DROP CONSTRAINT ticket_link_other_fk;
CREATE INDEX ticket_link_other_ix ON ticket_link (other_id);
ALTER TABLE ticket_link ADD CONSTRAINT ticket_link_other_fk FOREIGN KEY (other_id) REFERENCES ticket (id) ON DELETE CASCADE;
