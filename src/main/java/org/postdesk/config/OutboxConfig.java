package org.postdesk.config;

import java.time.Duration;

/**
 * The outbox: {@code senders} threads hand mail to the SMTP servers in parallel; retries back off
 * exponentially from {@code initialBackoff} up to {@code maxBackoff} and give up after {@code giveUpAfter}.
 * Each sender claims up to {@code batchSize} due mails at once; a delivered one is recorded together with the
 * batch's others once the oldest has waited {@code recordWithin} (zero: each at once).
 */
public record OutboxConfig(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter, int senders,
                           int batchSize, Duration recordWithin) {
}
