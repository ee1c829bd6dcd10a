-- Running in production (issue 13): the registry of live daemons that share one store, which daemon
-- watches each mailbox, and since when a mailbox has been failing (for the health check).

-- One row per running daemon, written at start, refreshed by its heartbeat and deleted at a clean stop.
-- A daemon whose heartbeat is older than the liveness window counts as gone (killed, or lost its host).
CREATE TABLE daemon (
    id              VARCHAR(64)  NOT NULL,
    host            VARCHAR(255) NOT NULL,
    pid             BIGINT       NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT daemon_pk PRIMARY KEY (id)
);

-- The daemon holding the mailbox's lease (null: nobody watches it now). Written by the holder only.
ALTER TABLE mailbox_state ADD COLUMN daemon_id VARCHAR(64);
-- When the mailbox entered ERROR (null while it is not in ERROR); repeated failures keep the first time.
ALTER TABLE mailbox_state ADD COLUMN error_since TIMESTAMP WITH TIME ZONE;
