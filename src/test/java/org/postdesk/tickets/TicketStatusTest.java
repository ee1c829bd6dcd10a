package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TicketStatusTest {

    @ParameterizedTest(name = "{0}: closed={1}")
    @CsvSource({"NEW, false", "OPEN, false", "PENDING, false", "CLOSED, true", "SPAM, true"})
    void knowsWhichStatesAreClosed(TicketStatus status, boolean closed) {
        assertEquals(closed, status.isClosed());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NEW, NEW", "OPEN, OPEN", "PENDING, OPEN", "CLOSED, OPEN", "SPAM, OPEN"})
    void customerMessageReopensOrKeepsWorking(TicketStatus from, TicketStatus to) {
        assertEquals(to, from.onCustomerMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NEW, PENDING", "OPEN, PENDING", "PENDING, PENDING", "CLOSED, CLOSED", "SPAM, SPAM"})
    void agentReplyWaitsForTheCustomerButNeverReopens(TicketStatus from, TicketStatus to) {
        assertEquals(to, from.onAgentReply());
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void closeAndMarkSpamWorkFromEveryState(TicketStatus from) {
        assertEquals(TicketStatus.CLOSED, from.close());
        assertEquals(TicketStatus.SPAM, from.markSpam());
    }
}
