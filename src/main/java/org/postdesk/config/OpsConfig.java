package org.postdesk.config;

import java.time.Duration;

/**
 * Running in production: the metrics and health endpoint, and when the health check turns red.
 *
 * @param httpEnabled whether the daemon serves /metrics, /health and /ready ({@code http.enabled})
 * @param httpHost the address to listen on; loopback by default, so nothing is exposed by accident
 * @param httpPort the port ({@code http.listen} is {@code host:port}); 0 picks a free one (tests)
 * @param mailboxErrorGrace a mailbox failing for longer than this makes /health answer 503
 * @param outboxMaxAge pending outbox mail older than this makes /health answer 503
 */
public record OpsConfig(boolean httpEnabled, String httpHost, int httpPort, Duration mailboxErrorGrace,
                        Duration outboxMaxAge) {
}
