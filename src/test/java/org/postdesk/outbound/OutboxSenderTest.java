package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;

/** The sender against a store, with an SMTP gateway that is down for one mailbox. */
class OutboxSenderTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30),
            Duration.ofDays(2));

    /** Mailbox {@code down}'s server does not answer; every other mailbox's accepts. */
    private static final class HalfDownGateway implements SmtpGateway {
        final long down;
        final List<String> attempts = new ArrayList<>();

        HalfDownGateway(long down) {
            this.down = down;
        }

        @Override
        public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
            attempts.add(mailboxId + ":" + recipients.get(0));
            if (mailboxId == down) {
                throw new DeliveryException("mailbox down: SMTP smtp.down.test:25 failed: connect timed out"
                        + " (temporary; will retry)", false, -1, null);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMailboxWhoseServerIsDownDoesNotHoldUpTheOthers(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long down = mailbox(db, "down");
            long up = mailbox(db, "up");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            for (int i = 1; i <= 3; i++) {
                outbox.enqueue(item(down, "<d" + i + "@x>", "d" + i + "@customer.test"));
                outbox.enqueue(item(up, "<u" + i + "@x>", "u" + i + "@customer.test"));
            }
            HalfDownGateway gateway = new HalfDownGateway(down);
            OutboxSender sender = new OutboxSender(db, gateway, RETRY, new OutboxSignal(),
                    Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));

            while (sender.sendNext()) {
                // drain what is due now
            }

            assertThat(gateway.attempts).as("one try at the dead server, then the live one's mail")
                    .containsExactly(down + ":d1@customer.test", up + ":u1@customer.test", up + ":u2@customer.test",
                            up + ":u3@customer.test");
            assertThat(outbox.countByStatus(OutboxRepository.SENT)).isEqualTo(3);
            assertThat(outbox.countByStatus(OutboxRepository.PENDING)).isEqualTo(3);
            assertThat(outbox.claimDue(NOW.plus(RETRY.delayAfter(1)).minusSeconds(1))).isEmpty();
            assertThat(outbox.claimDue(NOW.plus(RETRY.delayAfter(1)))).isPresent();
        }
    }

    private static long mailbox(Database db, String name) {
        return new MailboxRepository(db.dsl()).add(new NewMailbox(name, name + "@example.test",
                "imap://" + name + "@localhost/INBOX", "smtp://" + name + "@localhost", "x", null, null, false, null,
                "Support", "en")).id();
    }

    private static NewOutboxItem item(long mailbox, String messageId, String to) {
        return new NewOutboxItem(mailbox, null, "ACK", messageId, "support@example.test", List.of(to),
                new byte[] {1, 2, 3}, NOW);
    }
}
