package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ThreadingTest {

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);
    private static final String CUSTOMER = "alice@example.com";

    private final Threading threading =
            new Threading(new ThreadingPolicy(WINDOW), Clock.fixed(NOW, ZoneOffset.UTC));

    private static TicketRef ticket(long seq, TicketStatus status, Instant closedAt) {
        return new TicketRef(seq, TicketNumber.fromSequence(seq), status, closedAt,
                Set.of(CUSTOMER, "cc@example.com", "agent@support.example"));
    }

    private static TicketRef open(long seq) {
        return ticket(seq, TicketStatus.OPEN, null);
    }

    private static MessageFacts reply(String inReplyTo, List<String> references, String subject,
                                      String from) {
        return new MessageFacts("<new@example.com>", inReplyTo, references, subject, from, "ab12");
    }

    private static String tagged(TicketRef t) {
        return "Re: [Support #" + t.number() + "] printer broken";
    }

    @Test
    void storedMessageIdIsADuplicate() {
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t, "<old@example.com>").storing("<new@example.com>");

        assertEquals(new ThreadingDecision.Duplicate(),
                threading.decide(reply("<old@example.com>", List.of(), tagged(t), CUSTOMER), lookup));
    }

    @Test
    void messageWithoutIdIsADuplicateByContentHash() {
        var lookup = new FakeTicketLookup().storing("sha256:ab12");
        var facts = new MessageFacts(null, null, List.of(), "hello", CUSTOMER, "ab12");

        assertEquals(new ThreadingDecision.Duplicate(), threading.decide(facts, lookup));
    }

    @Test
    void unknownMessageWithoutHintsOpensANewTicket() {
        var lookup = new FakeTicketLookup().with(open(1001), "<old@example.com>");

        assertEquals(new ThreadingDecision.NewTicket(),
                threading.decide(reply(null, List.of("<other@x>"), "printer broken", CUSTOMER), lookup));
    }

    @Test
    void inReplyToAKnownMessageJoinsItsTicket() {
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t, "<ack@support.example>");

        assertEquals(new ThreadingDecision.AppendTo(t, false),
                threading.decide(reply("<ack@support.example>", List.of(), "Re: hi", CUSTOMER), lookup));
    }

    @Test
    void inReplyToWinsOverReferences() {
        TicketRef a = open(1001);
        TicketRef b = open(1002);
        var lookup = new FakeTicketLookup().with(a, "<a@x>").with(b, "<b@x>");

        assertEquals(new ThreadingDecision.AppendTo(a, false),
                threading.decide(reply("<a@x>", List.of("<b@x>"), "Re: hi", CUSTOMER), lookup));
    }

    @Test
    void referencesAreSearchedFromTheLastToTheFirst() {
        TicketRef older = open(1001);
        TicketRef newer = open(1002);
        var lookup = new FakeTicketLookup().with(older, "<1@x>").with(newer, "<3@x>");
        var facts = reply("<unknown@x>", List.of("<1@x>", "<2@x>", "<3@x>", "<4@x>"), "Re: hi", CUSTOMER);

        assertEquals(new ThreadingDecision.AppendTo(newer, false), threading.decide(facts, lookup));
        assertEquals(List.of("<unknown@x>", "<4@x>", "<3@x>"), lookup.messageIdsAsked);
    }

    @Test
    void replyHeadersWinOverASubjectTag() {
        TicketRef replied = open(1001);
        TicketRef tagged = open(1002);
        var lookup = new FakeTicketLookup().with(replied, "<a@x>").with(tagged);

        assertEquals(new ThreadingDecision.AppendTo(replied, false),
                threading.decide(reply("<a@x>", List.of(), tagged(tagged), CUSTOMER), lookup));
    }

    @Test
    void replyHeadersJoinEvenWhenTheSenderIsNotAParticipant() {
        // Knowing a Message-ID we sent means the sender got our mail, e.g. it was forwarded to them.
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t, "<a@x>");

        assertEquals(new ThreadingDecision.AppendTo(t, false),
                threading.decide(reply("<a@x>", List.of(), "Re: hi", "colleague@example.com"), lookup));
    }

    @ParameterizedTest
    @CsvSource({"alice@example.com", "ALICE@Example.com", "cc@example.com", "agent@support.example"})
    void validTagFromAParticipantJoinsTheTicket(String from) {
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t);

        assertEquals(new ThreadingDecision.AppendTo(t, false),
                threading.decide(reply(null, List.of(), tagged(t), from), lookup));
    }

    @Test
    void forgedTagFromStrangerOpensLinkedTicket() {
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t);

        assertEquals(new ThreadingDecision.NewLinkedTicket(t, LinkReason.NOT_A_PARTICIPANT),
                threading.decide(reply(null, List.of(), tagged(t), "mallory@evil.example"), lookup));
    }

    @Test
    void forgedTagToAClosedTicketIsStillNotAParticipant() {
        TicketRef t = ticket(1001, TicketStatus.CLOSED, NOW.minus(Duration.ofDays(100)));
        var lookup = new FakeTicketLookup().with(t);

        assertEquals(new ThreadingDecision.NewLinkedTicket(t, LinkReason.NOT_A_PARTICIPANT),
                threading.decide(reply(null, List.of(), tagged(t), "mallory@evil.example"), lookup));
    }

    @Test
    void tagWithAWrongCheckDigitIsIgnored() {
        TicketRef t = open(1001);
        var lookup = new FakeTicketLookup().with(t);

        assertEquals(new ThreadingDecision.NewTicket(),
                threading.decide(reply(null, List.of(), "Re: [Support #10018] printer", CUSTOMER), lookup));
    }

    @Test
    void tagNamingNoExistingTicketOpensANewTicket() {
        var lookup = new FakeTicketLookup().with(open(1001));
        String subject = "Re: [Support #" + TicketNumber.fromSequence(777) + "] printer";

        assertEquals(new ThreadingDecision.NewTicket(),
                threading.decide(reply(null, List.of(), subject, CUSTOMER), lookup));
    }

    @ParameterizedTest(name = "{0} closed {1} ago -> reopens={2}")
    @CsvSource({
        "CLOSED, PT1H, true",
        "CLOSED, P14D, true",            // exactly at the window's edge still reopens
        "CLOSED, -PT5M, true",           // closed by a daemon whose clock runs ahead
        "SPAM, P1D, true",
    })
    void followUpWithinTheWindowReopens(TicketStatus status, Duration ago, boolean reopens) {
        TicketRef t = ticket(1001, status, NOW.minus(ago));
        var lookup = new FakeTicketLookup().with(t, "<a@x>");

        assertEquals(new ThreadingDecision.AppendTo(t, reopens),
                threading.decide(reply("<a@x>", List.of(), "Re: hi", CUSTOMER), lookup));
        assertEquals(new ThreadingDecision.AppendTo(t, reopens),
                threading.decide(reply(null, List.of(), tagged(t), CUSTOMER), lookup));
    }

    @ParameterizedTest(name = "{0} closed {1} ago -> linked")
    @CsvSource({"CLOSED, P14DT1S", "CLOSED, P400D", "SPAM, P15D"})
    void followUpAfterTheWindowOpensALinkedTicket(TicketStatus status, Duration ago) {
        TicketRef t = ticket(1001, status, NOW.minus(ago));
        var lookup = new FakeTicketLookup().with(t, "<a@x>");
        var expected = new ThreadingDecision.NewLinkedTicket(t, LinkReason.CLOSED_TOO_LONG);

        assertEquals(expected, threading.decide(reply("<a@x>", List.of(), "Re: hi", CUSTOMER), lookup));
        assertEquals(expected, threading.decide(reply(null, List.of(), tagged(t), CUSTOMER), lookup));
    }

    @Test
    void closedTicketWithoutAClosingTimeOpensALinkedTicket() {
        TicketRef t = ticket(1001, TicketStatus.CLOSED, null);
        var lookup = new FakeTicketLookup().with(t, "<a@x>");

        assertEquals(new ThreadingDecision.NewLinkedTicket(t, LinkReason.CLOSED_TOO_LONG),
                threading.decide(reply("<a@x>", List.of(), "Re: hi", CUSTOMER), lookup));
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "OPEN", "PENDING"})
    void workingTicketsAreJoinedWithoutReopening(TicketStatus status) {
        // closedAt from an earlier close must not matter once the ticket was reopened
        TicketRef t = ticket(1001, status, NOW.minus(Duration.ofDays(400)));
        var lookup = new FakeTicketLookup().with(t, "<a@x>");

        assertEquals(new ThreadingDecision.AppendTo(t, false),
                threading.decide(reply("<a@x>", List.of(), "Re: hi", CUSTOMER), lookup));
    }

    @Test
    void zeroWindowNeverReopens() {
        var strict = new Threading(new ThreadingPolicy(Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC));
        TicketRef t = ticket(1001, TicketStatus.CLOSED, NOW.minusSeconds(1));
        var lookup = new FakeTicketLookup().with(t, "<a@x>");

        assertTrue(strict.decide(reply("<a@x>", List.of(), "Re: hi", CUSTOMER), lookup)
                instanceof ThreadingDecision.NewLinkedTicket);
    }
}
