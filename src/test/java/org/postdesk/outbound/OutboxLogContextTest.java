package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.NewTicket;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.TicketNumber;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The outbox's log lines carry the mailbox and the ticket (README, "Logs"), during SMTP and after it. */
class OutboxLogContextTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aSentMailIsLoggedWithItsMailboxAndTicket() {
        Logger logger = (Logger) LoggerFactory.getLogger(OutboxSender.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Database db = TestDatabases.open(TestDatabases.Kind.H2)) {
            long mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@localhost/INBOX", "smtp://support@localhost", "x", null, null, false, null,
                    "Support", "en")).id();
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketNumber number = tickets.nextNumber();
            long ticket = tickets.insert(new NewTicket(number, mailbox, "Printer", "ann@customer.test", "Ann", "en",
                    null, NOW));
            new OutboxRepository(db.dsl()).enqueue(new NewOutboxItem(mailbox, ticket, "ACK", "<ack@x>",
                    "support@example.test", List.of("ann@customer.test"), new byte[] {1, 2, 3}, NOW));
            List<Map<String, String>> duringSmtp = new ArrayList<>();
            SmtpGateway gateway = (mailboxId, from, to, raw) -> duringSmtp.add(MDC.getCopyOfContextMap());

            assertThat(new OutboxSender(db, gateway, new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30),
                    Duration.ofDays(2)), new OutboxSignal(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1))
                    .sendNext()).isTrue();

            assertThat(duringSmtp).singleElement().satisfies(mdc -> assertThat(mdc)
                    .containsEntry("mailbox", "support").containsEntry("ticket", number.toString()));
            assertThat(events.list).filteredOn(e -> e.getFormattedMessage().contains("delivered"))
                    .singleElement().satisfies(e -> assertThat(e.getMDCPropertyMap())
                            .containsEntry("mailbox", "support").containsEntry("ticket", number.toString()));
            assertThat(MDC.get("mailbox")).as("cleared after the mail").isNull();
        } finally {
            logger.detachAppender(events);
        }
    }
}
