package org.postdesk.ingest;

import java.time.Duration;

/**
 * How a mailbox worker waits: poll interval without IDLE (or with IDLE turned off), IDLE renewal, reconnect
 * backoff cap; the largest message it downloads (RFC822.SIZE, read before fetching); and its group commit: at most
 * {@code batchSize} messages that are already waiting, collected for at most {@code batchTime}, are stored in one
 * transaction and flagged with one command.
 */
public record WorkerSettings(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration maxBackoff,
                             long maxMessageBytes, int batchSize, Duration batchTime) {

    /** The default {@code ingest.max-message-bytes}: 50 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 50L << 20;
    /** The default {@code ingest.batch-size}. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** The default {@code ingest.batch-time}. */
    public static final Duration DEFAULT_BATCH_TIME = Duration.ofMillis(250);

    public WorkerSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ": must be at least 1");
        }
    }

    public WorkerSettings(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration maxBackoff) {
        this(pollInterval, useIdle, idleRenew, maxBackoff, DEFAULT_MAX_MESSAGE_BYTES);
    }

    public WorkerSettings(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration maxBackoff,
                          long maxMessageBytes) {
        this(pollInterval, useIdle, idleRenew, maxBackoff, maxMessageBytes, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_TIME);
    }

    /** 1 s, 2 s, 4 s … capped at {@code maxBackoff}. */
    public Duration backoff(int failures) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
