-- A reply may also be held because Postdesk cannot tell whether the text below the quote is an
-- inline answer or a signature or footer (reason UNSURE): the agent confirms it with #send.
ALTER TABLE held_reply DROP CONSTRAINT held_reply_reason_ck;
ALTER TABLE held_reply ADD CONSTRAINT held_reply_reason_ck CHECK (reason IN ('OWNER', 'STALE', 'UNSURE'));
