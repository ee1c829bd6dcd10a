package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdlePolicyTest {
    private static final Instant TAKEN = Instant.parse("2026-11-03T10:00:00Z");
    private final IdlePolicy policy = new IdlePolicy(Duration.ofHours(4));
    private final Owner owner = new Owner(7, TAKEN);

    @ParameterizedTest(name = "active at {0}, now {1} -> {2}")
    @CsvSource({
        "2026-11-03T10:00:00Z, 2026-11-03T13:59:59Z, false",
        "2026-11-03T10:00:00Z, 2026-11-03T14:00:00Z, true",
        "2026-11-03T12:00:00Z, 2026-11-03T15:00:00Z, false",
        "2026-11-03T12:00:00Z, 2026-11-03T16:00:00Z, true",
        // Activity from before taking the ticket does not count against the owner.
        "2026-11-02T10:00:00Z, 2026-11-03T13:00:00Z, false",
        "2026-11-02T10:00:00Z, 2026-11-03T14:00:01Z, true",
    })
    void expiresAfterTheIdleTime(Instant lastActivity, Instant now, boolean expired) {
        assertEquals(expired, policy.expired(owner, lastActivity, now));
    }

    @Test
    void refusesANonPositiveIdleTime() {
        assertThrows(IllegalArgumentException.class, () -> new IdlePolicy(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new IdlePolicy(Duration.ofMinutes(-1)));
        assertThrows(NullPointerException.class, () -> new IdlePolicy(null));
    }
}
