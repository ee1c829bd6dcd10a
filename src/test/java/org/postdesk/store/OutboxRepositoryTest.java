package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.store.db.Tables.OUTBOX;

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

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void postponingAMailboxMovesOnlyItsOtherDuePendingRows(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            long sales = StoreFixtures.mailbox(db.dsl(), "sales");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long failing = outbox.enqueue(item(support, "<1@x>"));
            long waiting = outbox.enqueue(item(support, "<2@x>"));
            long sent = outbox.enqueue(item(support, "<3@x>"));
            long later = outbox.enqueue(item(support, "<4@x>"));
            long other = outbox.enqueue(item(sales, "<5@x>"));
            outbox.markSent(sent, 1, NOW);
            outbox.reschedule(later, 2, NOW.plusSeconds(3600), "421");
            Instant until = NOW.plusSeconds(60);

            int moved = db.inTransaction(tx -> new OutboxRepository(tx).postponeMailbox(support, until, failing));

            assertThat(moved).isEqualTo(1);
            assertThat(row(db, waiting).nextAttemptAt()).isEqualTo(until);
            assertThat(row(db, waiting).attempts()).as("postponing is not an attempt").isZero();
            assertThat(row(db, failing).nextAttemptAt()).as("the failed row is rescheduled by its own attempt")
                    .isEqualTo(NOW);
            assertThat(row(db, later).nextAttemptAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(row(db, other).nextAttemptAt()).isEqualTo(NOW);
            assertThat(row(db, sent).status()).isEqualTo(OutboxRepository.SENT);
        }
    }

    private static OutboxItem row(Database db, long id) {
        return db.dsl().selectFrom(OUTBOX).where(OUTBOX.ID.eq(id)).fetchOne(OutboxRepository::toItem);
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
