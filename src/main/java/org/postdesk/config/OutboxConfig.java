package org.postdesk.config;

import java.time.Duration;

/**
 * The outbox: {@code senders} threads hand mail to the SMTP servers in parallel; retries back off
 * exponentially from {@code initialBackoff} up to {@code maxBackoff} and give up after {@code giveUpAfter}.
 * Each sender claims up to {@code batchSize} due mails at once and records the delivered ones together.
 */
public record OutboxConfig(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter, int senders,
                           int batchSize) {
}
