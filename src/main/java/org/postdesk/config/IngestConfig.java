package org.postdesk.config;

import java.time.Duration;
import java.util.List;

/**
 * How mailboxes are read: the poll interval when the server has no IDLE, how often IDLE is
 * re-issued (servers drop it after about 30 minutes, RFC 2177 §3), the longest reconnect backoff,
 * the largest attachment kept, and the largest message downloaded ({@code RFC822.SIZE}; a larger one is
 * stored as its headers plus a note); and the group commit: at most {@code batchSize} messages, collected for at
 * most {@code batchTime}, stored in one transaction; and the longest text body part kept as body text (a longer one is
 * cut there and attached whole); and the senders the admin named as robots ({@code ingest.robot-senders}: address
 * patterns, never acknowledged).
 */
public record IngestConfig(Duration pollInterval, boolean useIdle, Duration idleRenew, Duration reconnectMaxBackoff,
                           long maxAttachmentBytes, long maxMessageBytes, int batchSize, Duration batchTime,
                           int maxBodyBytes, List<String> robotSenders) {
}
