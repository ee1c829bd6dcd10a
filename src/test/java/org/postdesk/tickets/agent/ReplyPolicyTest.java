package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {
    private static final long ME = 7;
    private static final Owner MINE = new Owner(ME, Instant.parse("2026-11-03T10:00:00Z"));
    private static final Owner OLGAS = new Owner(8, Instant.parse("2026-11-03T09:00:00Z"));
    private final ReplyPolicy policy = new ReplyPolicy();

    @Test
    void relaysOnAFreeTicket() {
        assertEquals(new ReplyDecision.Relay(), policy.decide(ME, Optional.empty(), false));
    }

    @Test
    void relaysForTheOwner() {
        assertEquals(new ReplyDecision.Relay(), policy.decide(ME, Optional.of(MINE), false));
    }

    @Test
    void holdsForAnotherOwner() {
        assertEquals(new ReplyDecision.HeldForOwner(OLGAS), policy.decide(ME, Optional.of(OLGAS), false));
    }

    @Test
    void anotherOwnerWinsOverStaleness() {
        assertEquals(new ReplyDecision.HeldForOwner(OLGAS), policy.decide(ME, Optional.of(OLGAS), true));
        assertEquals(new ReplyDecision.HeldForOwner(OLGAS), policy.decide(ME, Optional.of(OLGAS), 3));
    }

    @Test
    void holdsAStaleReplyWithTheCount() {
        assertEquals(new ReplyDecision.HeldAsStale(2), policy.decide(ME, Optional.of(MINE), 2));
        assertEquals(new ReplyDecision.HeldAsStale(1), policy.decide(ME, Optional.empty(), 1));
    }

    @Test
    void holdsAStaleReplyWithoutCountAsZero() {
        assertEquals(new ReplyDecision.HeldAsStale(0), policy.decide(ME, Optional.of(MINE), true));
        assertEquals(new ReplyDecision.HeldAsStale(0), policy.decide(ME, Optional.empty(), true));
    }

    @Test
    void relaysWhenNothingIsUnseen() {
        assertEquals(new ReplyDecision.Relay(), policy.decide(ME, Optional.of(MINE), 0));
    }

    @Test
    void rejectsANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> policy.decide(ME, Optional.empty(), -1));
        assertThrows(IllegalArgumentException.class, () -> new ReplyDecision.HeldAsStale(-1));
    }
}
