package org.postdesk.config;

import java.time.Duration;

/** Retry policy of the outbox sender: exponential backoff from {@code initialBackoff} up to {@code maxBackoff}. */
public record OutboxConfig(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {
}
