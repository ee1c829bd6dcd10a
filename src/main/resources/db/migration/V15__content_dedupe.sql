-- Dedupe by content, not by Message-ID alone (issue 15). Real senders reuse Message-IDs; a message with a
-- stored Message-ID but different content is kept as a message of its own (dedupe_key '<id>#<fingerprint>').
-- content_fingerprint is the hex SHA-256 of from, date, subject, text and attachments, without transport
-- headers, so one mail delivered to two watched mailboxes is still one. NULL for outbound mail and for rows
-- stored before this migration: a Message-ID matching such a row counts as a duplicate, as it did before.
ALTER TABLE message ADD COLUMN content_fingerprint VARCHAR(64);
