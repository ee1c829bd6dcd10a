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
    private static final Instant LEASE_END = NOW.plusSeconds(600);

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
            CompletableFuture<Optional<ClaimedMail>> first = CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
                Optional<ClaimedMail> claimed = new OutboxRepository(tx).claim(NOW, LEASE_END, "a");
                firstClaimed.countDown();
                await(release);
                return claimed;
            }));
            firstClaimed.await(10, TimeUnit.SECONDS);
            Optional<ClaimedMail> second = db.inTransaction(tx -> new OutboxRepository(tx).claim(NOW, LEASE_END, "b"));
            release.countDown();
            String firstId = first.get(10, TimeUnit.SECONDS).orElseThrow().item().messageId();
            // PostgreSQL skips just the locked row; H2 locks every row its scan touched, so there the
            // second sender may find nothing. Either way it never gets the row being sent.
            if (kind == TestDatabases.Kind.POSTGRES) {
                assertThat(second).isPresent();
            }
            assertThat(second.map(c -> c.item().messageId())).isNotEqualTo(Optional.of(firstId));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aClaimedRowIsLeftToItsSenderUntilTheLeaseRunsOutAndALateRecordWritesNothing(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long id = outbox.enqueue(item(mailbox, "<1@x>"));

            ClaimedMail first = outbox.claim(NOW, LEASE_END, "first").orElseThrow();
            assertThat(first.mailboxName()).isEqualTo("support");
            assertThat(outbox.claim(NOW.plusSeconds(1), LEASE_END.plusSeconds(1), "second"))
                    .as("committed claim, lease still running").isEmpty();

            ClaimedMail second = outbox.claim(LEASE_END, LEASE_END.plusSeconds(600), "second").orElseThrow();
            assertThat(second.item().id()).isEqualTo(id);
            assertThat(outbox.markSent(first, 1, LEASE_END)).as("the first sender lost its claim").isFalse();
            assertThat(row(db, id).status()).isEqualTo(OutboxRepository.PENDING);
            assertThat(outbox.markSent(second, 1, LEASE_END)).isTrue();
            assertThat(row(db, id).status()).isEqualTo(OutboxRepository.SENT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theClaimsOfADeadDaemonAreFreedAtOnceAndTheLiveOnesAndUnnamedOnesAreKept(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            outbox.enqueue(item(mailbox, "<dead@x>"));
            outbox.enqueue(item(mailbox, "<live@x>"));
            outbox.enqueue(item(mailbox, "<old@x>"));
            outbox.enqueue(item(mailbox, "<sent@x>"));
            ClaimedMail dead = outbox.claim(NOW, LEASE_END, "d-dead:1").orElseThrow();
            ClaimedMail live = outbox.claim(NOW, LEASE_END, "d-live:2").orElseThrow();
            ClaimedMail old = outbox.claim(NOW, LEASE_END, "3f2a-no-daemon").orElseThrow();
            ClaimedMail sent = outbox.claim(NOW, LEASE_END, "d-dead:4").orElseThrow();
            outbox.markSent(sent, 1, NOW);
            assertThat(outbox.claim(NOW.plusSeconds(30), LEASE_END, "x")).as("all leased").isEmpty();

            assertThat(outbox.releaseClaimsOfDeadDaemons(java.util.Set.of("d-live"), NOW.plusSeconds(30))).isEqualTo(1);

            ClaimedMail again = outbox.claim(NOW.plusSeconds(30), LEASE_END, "d-live:5").orElseThrow();
            assertThat(again.item().messageId()).isEqualTo(dead.item().messageId());
            assertThat(outbox.claim(NOW.plusSeconds(30), LEASE_END, "y")).as("live and unnamed claims kept").isEmpty();
            assertThat(outbox.markSent(dead, 1, NOW.plusSeconds(31))).as("the dead daemon's claim is lost").isFalse();
            assertThat(outbox.markSent(live, 1, NOW.plusSeconds(31))).isTrue();
            assertThat(old.item().messageId()).isEqualTo("<old@x>");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTicketsMailIsClaimedInTheOrderItWasQueued(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long otherTicket = StoreFixtures.ticket(db.dsl(), mailbox, "bob@example.test");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long ack = outbox.enqueue(ticketItem(mailbox, ticket, "ACK", "<ack@x>"));
            long answer = outbox.enqueue(ticketItem(mailbox, ticket, "REPLY", "<answer@x>"));
            long other = outbox.enqueue(ticketItem(mailbox, otherTicket, "ACK", "<other@x>"));

            ClaimedMail first = outbox.claim(NOW, LEASE_END, "a").orElseThrow();
            assertThat(first.item().id()).isEqualTo(ack);
            assertThat(first.ticketNumber()).isNotBlank();
            assertThat(outbox.claim(NOW, LEASE_END, "b").orElseThrow().item().id())
                    .as("the answer waits for the ack in flight; the other ticket's mail does not").isEqualTo(other);
            outbox.reschedule(first, 1, NOW.plusSeconds(60), "451 try later");
            assertThat(outbox.claim(NOW, LEASE_END, "c")).as("nor for the ack waiting for its retry").isEmpty();

            ClaimedMail retried = outbox.claim(NOW.plusSeconds(60), LEASE_END, "d").orElseThrow();
            assertThat(retried.item().id()).isEqualTo(ack);
            outbox.markFailed(retried, 2, "550 no such user");
            assertThat(outbox.claim(NOW.plusSeconds(60), LEASE_END, "e").orElseThrow().item().id())
                    .as("a mail given up on no longer holds the ticket's later mail").isEqualTo(answer);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rescheduledRowIsNotDueUntilItsTimeAndSentRowNeverAgain(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            outbox.enqueue(item(mailbox, "<1@x>"));
            outbox.reschedule(outbox.claim(NOW, LEASE_END, "a").orElseThrow(), 1, NOW.plusSeconds(60), "421 try later");
            assertThat(outbox.claim(NOW, LEASE_END, "b")).isEmpty();
            ClaimedMail claim = outbox.claim(NOW.plusSeconds(61), LEASE_END, "c").orElseThrow();
            OutboxItem due = claim.item();
            assertThat(due.attempts()).isEqualTo(1);
            assertThat(due.lastError()).isEqualTo("421 try later");
            assertThat(due.raw()).containsExactly(1, 2, 3);
            outbox.markSent(claim, 2, NOW.plusSeconds(61));
            assertThat(outbox.claim(NOW.plusSeconds(3600), NOW.plusSeconds(4200), "d")).isEmpty();
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
            long sent = outbox.enqueue(item(support, "<3@x>"));
            outbox.markSent(outbox.claim(NOW, LEASE_END, "s").orElseThrow(), 1, NOW);
            long later = outbox.enqueue(item(support, "<4@x>"));
            outbox.reschedule(outbox.claim(NOW, LEASE_END, "l").orElseThrow(), 2, NOW.plusSeconds(3600), "421");
            long inFlight = outbox.enqueue(item(support, "<6@x>"));
            outbox.claim(NOW, LEASE_END, "f").orElseThrow();
            long failing = outbox.enqueue(item(support, "<1@x>"));
            long waiting = outbox.enqueue(item(support, "<2@x>"));
            long other = outbox.enqueue(item(sales, "<5@x>"));
            Instant until = NOW.plusSeconds(60);

            int moved = db.inTransaction(tx -> new OutboxRepository(tx).postponeMailbox(support, NOW, until, failing));

            assertThat(moved).isEqualTo(1);
            assertThat(row(db, waiting).nextAttemptAt()).isEqualTo(until);
            assertThat(row(db, waiting).attempts()).as("postponing is not an attempt").isZero();
            assertThat(row(db, failing).nextAttemptAt()).as("the failed row is rescheduled by its own attempt")
                    .isEqualTo(NOW);
            assertThat(row(db, later).nextAttemptAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(row(db, other).nextAttemptAt()).isEqualTo(NOW);
            assertThat(row(db, sent).status()).isEqualTo(OutboxRepository.SENT);
            assertThat(row(db, inFlight).nextAttemptAt()).as("another sender's claimed row").isEqualTo(NOW);
        }
    }

    /**
     * While the server stays down every new mail fails once and postpones the others: the mail already waiting
     * must not be rewritten each time, or the queue is rewritten once per new mail (the write volume grows with
     * the square of the queue).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void mailAlreadyPostponedIsNotMovedAgainByTheNextFailure(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long first = outbox.enqueue(item(support, "<1@x>"));
            long waiting = outbox.enqueue(item(support, "<2@x>"));
            outbox.reschedule(outbox.claim(NOW, LEASE_END, "a").orElseThrow(), 1, NOW.plusSeconds(30), "421");
            int postponed = db.inTransaction(tx -> new OutboxRepository(tx)
                    .postponeMailbox(support, NOW, NOW.plusSeconds(30), first));
            assertThat(postponed).isEqualTo(1);

            Instant later = NOW.plusSeconds(10);
            long fresh = outbox.enqueue(item(support, "<3@x>"));
            outbox.reschedule(outbox.claim(later, later.plusSeconds(600), "b").orElseThrow(), 1,
                    later.plusSeconds(30), "421");
            int moved = db.inTransaction(tx -> new OutboxRepository(tx)
                    .postponeMailbox(support, later, later.plusSeconds(30), fresh));

            assertThat(moved).as("nothing else is due at the second failure").isZero();
            assertThat(row(db, waiting).nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBatchClaimTakesTheOldestDueRowsOnePerTicketUnderOneToken(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ann = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long bob = StoreFixtures.ticket(db.dsl(), mailbox, "bob@example.test");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long annAck = outbox.enqueue(ticketItem(mailbox, ann, "ACK", "<ack-ann@x>"));
            long bobAck = outbox.enqueue(ticketItem(mailbox, bob, "ACK", "<ack-bob@x>"));
            long annNotice = outbox.enqueue(ticketItem(mailbox, ann, "NOTICE", "<notice-ann@x>"));
            long loose = outbox.enqueue(item(mailbox, "<digest@x>"));
            long third = outbox.enqueue(item(mailbox, "<third@x>"));

            List<ClaimedMail> batch = db.inTransaction(tx -> new OutboxRepository(tx).claim(NOW, LEASE_END, "a", 3));

            assertThat(batch).extracting(c -> c.item().id()).as("oldest first, the notice behind its ticket's ack")
                    .containsExactly(annAck, bobAck, loose);
            assertThat(batch).allSatisfy(c -> {
                assertThat(c.token()).isEqualTo("a");
                assertThat(c.mailboxName()).isEqualTo("support");
            });
            assertThat(batch.get(0).ticketNumber()).isNotBlank().isNotEqualTo(batch.get(1).ticketNumber());
            assertThat(batch.get(2).ticketNumber()).isNull();
            assertThat(outbox.claim(NOW, LEASE_END, "b", 10)).extracting(c -> c.item().id())
                    .as("the rest: the notice still waits for the ack in flight").containsExactly(third);

            assertThat(outbox.markSent(batch, NOW)).containsExactlyInAnyOrder(annAck, bobAck, loose);
            assertThat(row(db, annAck).status()).isEqualTo(OutboxRepository.SENT);
            assertThat(row(db, annAck).attempts()).isEqualTo(1);
            assertThat(row(db, annAck).sentAt()).isEqualTo(NOW);
            assertThat(outbox.claim(NOW, LEASE_END, "c", 10)).extracting(c -> c.item().id())
                    .as("sent, the ack no longer holds the notice").containsExactly(annNotice);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void recordingABatchWritesOnlyTheRowsStillHeldUnderItsClaim(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long taken = outbox.enqueue(item(mailbox, "<1@x>"));
            long kept = outbox.enqueue(item(mailbox, "<2@x>"));
            List<ClaimedMail> batch = outbox.claim(NOW, LEASE_END, "slow", 2);
            // The slow sender's lease runs out; another sender takes the first row over and records it.
            ClaimedMail takeover = outbox.claim(LEASE_END, LEASE_END.plusSeconds(600), "fast", 1).get(0);
            assertThat(takeover.item().id()).isEqualTo(taken);

            assertThat(outbox.markSent(batch, LEASE_END)).as("the row taken over is not written").containsExactly(kept);
            assertThat(row(db, taken).status()).isEqualTo(OutboxRepository.PENDING);
            assertThat(row(db, taken).attempts()).isZero();
            assertThat(outbox.markSent(List.of(takeover), LEASE_END)).containsExactly(taken);
            assertThat(row(db, kept).status()).isEqualTo(OutboxRepository.SENT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void releasedRowsAreDueAgainWithoutAnAttemptAtOnceOrAtTheGivenTime(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            long now = outbox.enqueue(item(mailbox, "<1@x>"));
            long later = outbox.enqueue(item(mailbox, "<2@x>"));
            List<ClaimedMail> batch = outbox.claim(NOW, LEASE_END, "a", 2);

            assertThat(outbox.release(batch.subList(0, 1), null)).isEqualTo(1);
            assertThat(outbox.release(batch.subList(1, 2), NOW.plusSeconds(60))).isEqualTo(1);
            assertThat(outbox.release(batch, null)).as("given back already: nothing of this claim is left").isZero();

            assertThat(outbox.claim(NOW, LEASE_END, "b", 10)).extracting(c -> c.item().id()).containsExactly(now);
            assertThat(outbox.claim(NOW.plusSeconds(60), LEASE_END, "c", 10)).extracting(c -> c.item().id())
                    .containsExactly(later);
            assertThat(row(db, later).attempts()).isZero();
        }
    }

    private static OutboxItem row(Database db, long id) {
        return db.dsl().selectFrom(OUTBOX).where(OUTBOX.ID.eq(id)).fetchOne(OutboxRepository::toItem);
    }

    private static NewOutboxItem item(long mailbox, String messageId) {
        return new NewOutboxItem(mailbox, null, "ACK", messageId, "support@example.test",
                List.of("ann@example.test"), new byte[] {1, 2, 3}, NOW);
    }

    private static NewOutboxItem ticketItem(long mailbox, long ticket, String kind, String messageId) {
        return new NewOutboxItem(mailbox, ticket, kind, messageId, "support@example.test",
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
