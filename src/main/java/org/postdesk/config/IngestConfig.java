package org.postdesk.config;

import java.time.Duration;

/**
 * How mailboxes are read: the poll interval when the server has no IDLE, how often IDLE is
 * re-issued (servers drop it after about 30 minutes, RFC 2177 §3), the longest reconnect backoff,
 * and the largest attachment kept.
 */
public record IngestConfig(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration reconnectMaxBackoff,
                           long maxAttachmentBytes) {
}
