package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutboxRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void twoSendersNeverClaimTheSameRow(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            outbox.enqueue(item(mailbox, "<1@x>"));
            outbox.enqueue(item(mailbox, "<2@x>"));
            CountDownLatch firstClaimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Optional<OutboxItem>> first = CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
                Optional<OutboxItem> claimed = new OutboxRepository(tx).claimDue(NOW);
                firstClaimed.countDown();
                await(release);
                return claimed;
            }));
            firstClaimed.await(10, TimeUnit.SECONDS);
            Optional<OutboxItem> second = db.inTransaction(tx -> new OutboxRepository(tx).claimDue(NOW));
            release.countDown();
            String firstId = first.get(10, TimeUnit.SECONDS).orElseThrow().messageId();
            // PostgreSQL skips just the locked row; H2 locks every row its scan touched, so there the
            // second sender may find nothing. Either way it never gets the row being sent.
            if (kind == TestDatabases.Kind.POSTGRES) {
                assertThat(second).isPresent();
            }
            assertThat(second.map(OutboxItem::messageId)).isNotEqualTo(Optional.of(firstId));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rescheduledRowIsNotDueUntilItsTimeAndSentRowNeverAgain(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long id = outbox.enqueue(item(mailbox, "<1@x>"));
            outbox.reschedule(id, 1, NOW.plusSeconds(60), "421 try later");
            assertThat(outbox.claimDue(NOW)).isEmpty();
            OutboxItem due = outbox.claimDue(NOW.plusSeconds(61)).orElseThrow();
            assertThat(due.attempts()).isEqualTo(1);
            assertThat(due.lastError()).isEqualTo("421 try later");
            assertThat(due.raw()).containsExactly(1, 2, 3);
            outbox.markSent(id, 2, NOW.plusSeconds(61));
            assertThat(outbox.claimDue(NOW.plusSeconds(3600))).isEmpty();
            assertThat(outbox.countSentTo("ACK", "ann@example.test", NOW.minusSeconds(1))).isEqualTo(1);
        }
    }

    private static NewOutboxItem item(long mailbox, String messageId) {
        return new NewOutboxItem(mailbox, null, "ACK", messageId, "support@example.test",
                List.of("ann@example.test"), new byte[] {1, 2, 3}, NOW);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
