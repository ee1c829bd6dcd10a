package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketRefTest {

    private static final TicketNumber N = TicketNumber.fromSequence(1);

    @Test
    void lowerCasesParticipants() {
        var ref = new TicketRef(1, N, TicketStatus.OPEN, Instant.EPOCH, Set.of(" Alice@Example.COM"));

        assertEquals(Set.of("alice@example.com"), ref.participants());
        assertTrue(ref.hasParticipant("ALICE@example.com "));
        assertFalse(ref.hasParticipant("bob@example.com"));
        assertFalse(ref.hasParticipant(null));
    }

    @Test
    void missingParticipantsMeanNobody() {
        assertEquals(Set.of(), new TicketRef(1, N, TicketStatus.NEW, null, null).participants());
    }

    @Test
    void requiresNumberAndStatus() {
        assertThrows(NullPointerException.class,
                () -> new TicketRef(1, null, TicketStatus.NEW, null, Set.of()));
        assertThrows(NullPointerException.class, () -> new TicketRef(1, N, null, null, Set.of()));
    }
}
