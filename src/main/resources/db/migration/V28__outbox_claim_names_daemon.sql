-- A claim token is now the claiming daemon's id, a colon and a UUID (up to 73 characters), so that the
-- claims of a daemon that died are freed as soon as the live ones see it gone, not when the lease ends.
ALTER TABLE outbox ALTER COLUMN claim_token SET DATA TYPE VARCHAR(80);
