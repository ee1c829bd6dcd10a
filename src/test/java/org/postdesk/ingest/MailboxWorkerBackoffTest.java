package org.postdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Found against a real Dovecot: after one outage every later disconnect waited the capped backoff. */
class MailboxWorkerBackoffTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final WorkerSettings settings = new WorkerSettings(Duration.ofSeconds(30), true, Duration.ofMinutes(9),
            Duration.ofMinutes(5));

    @Test
    void failuresWithoutAWorkingSessionBackOffFurther() {
        int failures = 0;
        for (int i = 0; i < 7; i++) {
            failures = MailboxWorker.failuresAfter(failures, null, NOW);
        }
        assertThat(failures).isEqualTo(7);
        assertThat(settings.backoff(failures)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void aSessionThatWorkedStartsTheBackoffAgain() {
        int afterOutage = 7;
        int failures = MailboxWorker.failuresAfter(afterOutage, NOW.minusSeconds(60), NOW);
        assertThat(failures).isEqualTo(1);
        assertThat(settings.backoff(failures)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSessionDroppedRightAfterConnectingKeepsBackingOff() {
        assertThat(MailboxWorker.failuresAfter(4, NOW.minusMillis(200), NOW)).isEqualTo(5);
    }
}
