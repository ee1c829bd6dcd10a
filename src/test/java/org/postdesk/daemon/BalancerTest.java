package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;

class BalancerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    /**
     * The chaos test on PostgreSQL: after a kill, the mail the dead daemon had claimed was freed by the next beat
     * and then waited for the senders' next poll; the scenario ended in between and counted the answers lost.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void mailFreedFromADeadDaemonWakesTheSendersAndNothingElseDoes(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Mailbox mb = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://support@127.0.0.1", "x", null, null, false, null,
                    "Support", "en"));
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            outbox.enqueue(new NewOutboxItem(mb.id(), null, "ACK", "<dead@x>", "support@example.test",
                    List.of("ann@example.test"), new byte[] {1, 2, 3}, NOW));
            assertThat(outbox.claim(NOW, NOW.plusSeconds(600), "d-gone:1")).isPresent();
            AtomicInteger wakes = new AtomicInteger();
            Balancer balancer = new Balancer(db, Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC),
                    wakes::incrementAndGet);

            balancer.register();
            assertThat(wakes).as("the freed mail").hasValue(1);
            String mine = balancer.self().id() + ":1";
            assertThat(outbox.claim(NOW.plusSeconds(30), NOW.plusSeconds(630), mine)).as("due again").isPresent();
            balancer.beat();
            assertThat(wakes).as("a beat that frees nothing").hasValue(1);
        }
    }
}
