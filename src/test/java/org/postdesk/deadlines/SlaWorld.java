package org.postdesk.deadlines;

import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postdesk.app.AgentNotices;
import org.postdesk.mail.MimeComposer;
import org.postdesk.outbound.AgentMailer;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.OutboundQueue;
import org.postdesk.outbound.Templates;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMessage;
import org.postdesk.store.NewTicket;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/**
 * A mailbox with a Kyiv office calendar (mon-fri 09:00-18:00), a 4-hour first-response target warned at
 * 80 % that raises the priority to HIGH on breach, a first-line agent (Alice), a second-line agent (Bob)
 * and a team lead (Carol), for the SLA use-case tests.
 */
final class SlaWorld {
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    final Database db;
    final long mailboxId;
    final long alice;
    final long bob;
    final long carol;

    SlaWorld(Database db) {
        this.db = db;
        this.mailboxId = db.dsl().insertInto(MAILBOX).set(MAILBOX.NAME, "support").set(MAILBOX.ADDRESS, "support@example.test")
                .set(MAILBOX.IMAP_URL, "imap://support@localhost/INBOX").set(MAILBOX.SMTP_URL, "smtp://support@localhost")
                .set(MAILBOX.TAG_LABEL, "Support").returningResult(MAILBOX.ID).fetchOne(MAILBOX.ID);
        AgentRepository agents = new AgentRepository(db.dsl());
        alice = agents.add(new NewAgent("Alice", List.of("alice@example.test"), List.of(mailboxId))).id();
        bob = agents.add(new NewAgent("Bob", List.of("bob@example.test"), List.of(mailboxId))).id();
        carol = agents.add(new NewAgent("Carol", List.of("carol@example.test"), List.of())).id();
        TierRepository tiers = new TierRepository(db.dsl());
        tiers.setTier(bob, TierRepository.SECOND_LINE);
        tiers.setTeamLead(mailboxId, carol);
        new CalendarRepository(db.dsl()).setHours(mailboxId, KYIV, WeeklyHours.parse("mon-fri 09:00-18:00"), Instant.EPOCH);
        new SlaPolicyRepository(db.dsl()).put(mailboxId, new ScopedPolicy(null, null, new SlaPolicy(
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4)), 80, Optional.of("HIGH"))), Instant.EPOCH);
    }

    static Instant kyiv(String local) {
        return LocalDateTime.parse(local).atZone(KYIV).toInstant();
    }

    static Clock at(String local) {
        return Clock.fixed(kyiv(local), ZoneOffset.UTC);
    }

    /** A ticket opened by a customer's message at {@code local} (Kyiv time). */
    long ticket(String local) {
        Instant at = kyiv(local);
        return db.inTransaction(tx -> {
            TicketRepository tickets = new TicketRepository(tx);
            long id = tickets.insert(new NewTicket(tickets.nextNumber(), mailboxId, "printer", "ann@example.test", "Ann",
                    "en", null, at));
            new MessageRepository(tx).insert(new NewMessage(id, mailboxId, NewMessage.Direction.IN, "CUSTOMER",
                    "<m" + id + "@example.test>", "<m" + id + "@example.test>", null, "", "ann@example.test", "Ann",
                    "support@example.test", "", "printer", at, at, "it is broken", null,
                    "raw".getBytes(StandardCharsets.US_ASCII), null, 1L));
            return id;
        });
    }

    SlaSweeper sweeper(Database on, Clock clock) {
        return sweeper(on, clock, Duration.ofMinutes(1));
    }

    SlaSweeper sweeper(Database on, Clock clock, Duration every) {
        AgentNotices notices = new AgentNotices(new AgentMailer(Templates.stored(on, null),
                new OutboundQueue(new MimeComposer(clock)), new AutoHeaders("postdesk"),
                new ReplyTokenCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))));
        return new SlaSweeper(on, new Escalations(notices), clock, every);
    }

    /** Queued mails of {@code kind}, by recipient. */
    List<String> outbox(String kind) {
        return db.dsl().select(OUTBOX.RECIPIENTS).from(OUTBOX).where(OUTBOX.KIND.eq(kind)).orderBy(OUTBOX.RECIPIENTS)
                .fetch(OUTBOX.RECIPIENTS);
    }
}
