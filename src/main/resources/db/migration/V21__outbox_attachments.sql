-- An outbox row references the stored attachments it carries instead of holding a copy of them (issue 15):
-- a 20 MB attachment notified to five agents wrote 100 MB+ of outbox rows. outbox.raw is then the composed
-- mail with each attachment's base64 body cut out; the sender writes raw up to at_offset, then the
-- attachment's base64 (76-character lines, CRLF, read from attachment / attachment_chunk), in seq order.
-- The attachment rows never change, so every attempt sends the very same bytes with the same Message-ID.
CREATE TABLE outbox_attachment (
    outbox_id       BIGINT  NOT NULL,
    seq             INTEGER NOT NULL,
    attachment_id   BIGINT  NOT NULL,
    at_offset       BIGINT  NOT NULL,
    CONSTRAINT outbox_attachment_pk PRIMARY KEY (outbox_id, seq),
    CONSTRAINT outbox_attachment_outbox_fk FOREIGN KEY (outbox_id) REFERENCES outbox (id) ON DELETE CASCADE,
    CONSTRAINT outbox_attachment_attachment_fk FOREIGN KEY (attachment_id) REFERENCES attachment (id)
);
CREATE INDEX outbox_attachment_attachment_ix ON outbox_attachment (attachment_id);
