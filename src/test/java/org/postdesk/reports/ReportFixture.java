package org.postdesk.reports;

import static org.postdesk.store.db.Tables.SURVEY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.store.HistoryWriter;
import org.postdesk.tickets.TicketStatus;

/**
 * Nine tickets in the week of Mon 2026-11-23 (UTC, Mon–Fri 09–18, Thu 26 a holiday) whose every figure is
 * computed by hand in {@link ReportNumbersTest}: a pending pause before the first reply (T2), a reopened
 * one-reply ticket (T3), a ticket spanning the holiday (T4), a merged (T5) and a spam (T7) ticket that
 * count nowhere, one from the week before (T8) and a night arrival on Saturday (T9).
 */
public final class ReportFixture {
    static final Instant MON = Instant.parse("2026-11-23T00:00:00Z");
    static final Instant NEXT_MON = Instant.parse("2026-11-30T00:00:00Z");
    static final WorkingTime HOURS = ReportSetup.workingTime("Mon-Fri 09:00-18:00", ZoneOffset.UTC,
            Set.of(LocalDate.parse("2026-11-26")));
    static final Targets TARGETS = new Targets(HOURS, Duration.ofMinutes(90), Duration.ofHours(10), 10, null, 0.3, 0.8);

    long mailbox;
    long alice;
    long bob;
    long t1;
    long t2;
    long t3;
    long t4;
    long t8;

    public static ReportFixture write(DSLContext dsl) {
        ReportFixture f = new ReportFixture();
        HistoryWriter w = new HistoryWriter(dsl);
        f.mailbox = w.mailbox("support", "support@example.test");
        f.alice = w.agent("Alice", "alice@example.test", f.mailbox);
        f.bob = w.agent("Bob", "bob@example.test", f.mailbox);
        String a = "alice@example.test";
        String b = "bob@example.test";

        f.t1 = w.open(f.mailbox, "ann@example.test", "printer jammed", at("23T10:00"));
        w.reply(f.t1, f.alice, a, at("23T11:30"));
        w.status(f.t1, TicketStatus.NEW, TicketStatus.PENDING, a, at("23T11:30"));
        w.status(f.t1, TicketStatus.PENDING, TicketStatus.CLOSED, a, at("23T12:00"));
        w.categorise(f.t1, "printing", "NORMAL");

        f.t2 = w.open(f.mailbox, "ben@example.test", "invoice wrong", at("23T09:00"));
        w.status(f.t2, TicketStatus.NEW, TicketStatus.PENDING, a, at("23T10:00"));
        w.customerMail(f.t2, "ben@example.test", "Re: invoice wrong", at("23T13:00"));
        w.status(f.t2, TicketStatus.PENDING, TicketStatus.OPEN, "ben@example.test", at("23T13:00"));
        w.reply(f.t2, f.alice, a, at("23T14:00"));
        w.status(f.t2, TicketStatus.OPEN, TicketStatus.PENDING, a, at("23T14:00"));
        w.customerMail(f.t2, "ben@example.test", "Re: invoice wrong", at("24T10:00"));
        w.status(f.t2, TicketStatus.PENDING, TicketStatus.OPEN, "ben@example.test", at("24T10:00"));
        w.reply(f.t2, f.bob, b, at("24T11:00"));
        w.status(f.t2, TicketStatus.OPEN, TicketStatus.PENDING, b, at("24T11:00"));
        w.status(f.t2, TicketStatus.PENDING, TicketStatus.CLOSED, b, at("24T12:00"));
        w.categorise(f.t2, "billing", "HIGH");

        f.t3 = w.open(f.mailbox, "cid@example.test", "printer offline", at("24T09:00"));
        w.reply(f.t3, f.alice, a, at("24T10:00"));
        w.status(f.t3, TicketStatus.NEW, TicketStatus.PENDING, a, at("24T10:00"));
        w.status(f.t3, TicketStatus.PENDING, TicketStatus.CLOSED, a, at("24T10:30"));
        w.status(f.t3, TicketStatus.CLOSED, TicketStatus.OPEN, "admin:lead", at("25T09:00"));
        w.status(f.t3, TicketStatus.OPEN, TicketStatus.CLOSED, a, at("25T10:00"));
        w.categorise(f.t3, "printing", "NORMAL");

        f.t4 = w.open(f.mailbox, "dan@example.test", "password reset", at("25T17:00"));
        w.reply(f.t4, f.alice, a, at("27T10:00"));
        w.status(f.t4, TicketStatus.NEW, TicketStatus.PENDING, a, at("27T10:00"));
        w.status(f.t4, TicketStatus.PENDING, TicketStatus.CLOSED, a, at("27T11:00"));

        long t6 = w.open(f.mailbox, "eve@example.test", "printer jammed again", at("24T14:00"));
        long t5 = w.open(f.mailbox, "eve@example.test", "printer jammed again!", at("24T15:00"));
        w.markMerged(t5, t6, at("24T16:00"));
        long t7 = w.open(f.mailbox, "spam@example.test", "cheap pills", at("26T03:00"));
        w.status(t7, TicketStatus.NEW, TicketStatus.SPAM, b, at("26T08:00"));

        f.t8 = w.open(f.mailbox, "fay@example.test", "vpn broken", Instant.parse("2026-11-20T10:00:00Z"));
        w.reply(f.t8, f.bob, b, at("23T14:30"));
        w.status(f.t8, TicketStatus.NEW, TicketStatus.PENDING, b, at("23T14:30"));
        w.status(f.t8, TicketStatus.PENDING, TicketStatus.CLOSED, b, at("23T15:00"));

        w.open(f.mailbox, "gus@example.test", "site down at night", at("28T23:00"));

        survey(dsl, f.t1, f.mailbox, at("23T12:00"), 5);
        survey(dsl, f.t4, f.mailbox, at("27T11:00"), 2);
        survey(dsl, f.t3, f.mailbox, at("25T10:00"), null);
        return f;
    }

    private static void survey(DSLContext dsl, long ticket, long mailbox, Instant sent, Integer rating) {
        dsl.insertInto(SURVEY).set(SURVEY.TICKET_ID, ticket).set(SURVEY.MAILBOX_ID, mailbox)
                .set(SURVEY.CUSTOMER, "c" + ticket + "@example.test").set(SURVEY.SCALE, "5")
                .set(SURVEY.SENT_AT, sent.atOffset(ZoneOffset.UTC)).set(SURVEY.RATING, rating)
                .set(SURVEY.GOOD, rating == null ? null : rating >= 4)
                .set(SURVEY.RATED_AT, rating == null ? null : OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC))
                .execute();
    }

    /** {@code "23T10:00"} → 2026-11-23T10:00Z. */
    static Instant at(String dayAndTime) {
        return Instant.parse("2026-11-" + dayAndTime + ":00Z");
    }

    ReportFilter week() {
        return new ReportFilter(MON, NEXT_MON, null, null, null, null);
    }
}
