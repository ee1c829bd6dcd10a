-- The outbox sender claims a row in a short transaction of its own, sends it over SMTP with no
-- transaction open, and records the result in another short transaction (docs/ARCHITECTURE.md,
-- "Transactions"). The claim is a lease: while claimed_until lies ahead no other sender (of this daemon
-- or another) takes the row; a sender that dies mid-send leaves the lease to run out, and the row is sent
-- again with the same Message-ID. claim_token tells the claiming sender's record apart from a late one.
ALTER TABLE outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN claim_token VARCHAR(36);
-- Mail of one ticket leaves in the order it was queued: the claim looks for an earlier pending row of
-- the same ticket.
CREATE INDEX outbox_ticket_pending_ix ON outbox (ticket_id, status, id);
