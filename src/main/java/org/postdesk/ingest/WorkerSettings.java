package org.postdesk.ingest;

import java.time.Duration;

/**
 * How a mailbox worker waits: poll interval without IDLE (or with IDLE turned off), IDLE renewal, reconnect
 * backoff cap; and the largest message it downloads (RFC822.SIZE, read before fetching).
 */
public record WorkerSettings(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration maxBackoff,
                             long maxMessageBytes) {

    /** The default {@code ingest.max-message-bytes}: 50 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 50L << 20;

    public WorkerSettings(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration maxBackoff) {
        this(pollInterval, useIdle, idleRenew, maxBackoff, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** 1 s, 2 s, 4 s … capped at {@code maxBackoff}. */
    public Duration backoff(int failures) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
