package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postdesk.store.db.Tables.OUTBOX;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.NewTicket;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/** The sender against a store, with an SMTP gateway that is down for one mailbox. */
class OutboxSenderTest {
    /** outbox.record-within long enough for a whole batch under a fixed clock. */
    private static final Duration TOGETHER = Duration.ofMillis(500);

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
            Instant retryAt = NOW.plus(RETRY.delayAfter(1));
            assertThat(outbox.claim(retryAt.minusSeconds(1), retryAt.plusSeconds(600), "x")).isEmpty();
            assertThat(outbox.claim(retryAt, retryAt.plusSeconds(600), "y")).isPresent();
        }
    }

    /** Stands for the daemon dying after the SMTP server took the mail and before the sender recorded it. */
    private static final class Crash extends Error {
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void smtpRunsWithTheClaimCommittedAndACrashBeforeTheRecordResendsTheSameMessageOnceTheClaimRunsOut(
            TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long up = mailbox(db, "up");
            long id = new OutboxRepository(db.dsl()).enqueue(item(up, "<once@x>", "ann@customer.test"));
            List<byte[]> sent = new ArrayList<>();
            List<String> claimSeenDuringSend = new ArrayList<>();
            SmtpGateway crashing = (mailboxId, from, to, raw) -> {
                // Read from another connection: the claim is visible only if its transaction has committed.
                claimSeenDuringSend.add(db.dsl().select(OUTBOX.CLAIM_TOKEN).from(OUTBOX).where(OUTBOX.ID.eq(id))
                        .fetchOne(OUTBOX.CLAIM_TOKEN));
                sent.add(raw);
                throw new Crash();
            };
            assertThatThrownBy(() -> sender(db, crashing, NOW).sendNext()).isInstanceOf(Crash.class);
            assertThat(claimSeenDuringSend).singleElement().isNotNull();

            SmtpGateway working = (mailboxId, from, to, raw) -> sent.add(raw);
            assertThat(sender(db, working, NOW.plus(OutboxSender.CLAIM_FOR).minusSeconds(1)).sendNext())
                    .as("the dead sender's claim still runs").isFalse();
            assertThat(sender(db, working, NOW.plus(OutboxSender.CLAIM_FOR)).sendNext()).isTrue();

            assertThat(sent).hasSize(2);
            assertThat(sent.get(1)).as("the very same bytes, so the same Message-ID").isEqualTo(sent.get(0));
            assertThat(new OutboxRepository(db.dsl()).countByStatus(OutboxRepository.SENT)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void severalSendersSendEveryRowOnceAndEachTicketsMailInTheOrderItWasQueued(TestDatabases.Kind kind)
            throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            long up = mailbox(db, "up");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            int tickets = 4;
            int perTicket = 3;
            for (int i = 0; i < perTicket; i++) {
                for (int t = 1; t <= tickets; t++) {
                    outbox.enqueue(new NewOutboxItem(up, ticket(db, up, t), "K" + i, "<" + t + "." + i + "@x>",
                            "support@example.test", List.of("c" + t + "@customer.test"), ("t" + t + "." + i)
                            .getBytes(StandardCharsets.US_ASCII), NOW));
                }
            }
            Map<String, List<Integer>> order = new ConcurrentHashMap<>();
            AtomicInteger sends = new AtomicInteger();
            SmtpGateway slowFirstTries = (mailboxId, from, to, raw) -> {
                String[] mail = new String(raw, StandardCharsets.US_ASCII).substring(1).split("\\.");
                sends.incrementAndGet();
                if (mail[1].equals("0")) {
                    slowServer(); // the ticket's first mail is still on the wire when other senders look for work
                }
                order.computeIfAbsent(mail[0], k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Integer.parseInt(mail[1]));
            };
            int senders = 3;
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    OutboxSender sender = sender(db, slowFirstTries, NOW);
                    runs.add(pool.submit(() -> {
                        while (outbox.countByStatus(OutboxRepository.PENDING) > 0) {
                            if (!sender.sendNext()) {
                                LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // as a sender polls
                            }
                        }
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(sends.get()).as("every row sent exactly once").isEqualTo(tickets * perTicket);
            assertThat(order).hasSize(tickets).allSatisfy((ticket, sequence) ->
                    assertThat(sequence).as("ticket " + ticket).containsExactly(0, 1, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRefusedOrDeferredMailDoesNotTakeItsBatchWithIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long up = mailbox(db, "up");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            for (String to : List.of("a", "refused", "deferred", "d")) {
                outbox.enqueue(item(up, "<" + to + "@x>", to + "@customer.test"));
            }
            List<String> tried = new ArrayList<>();
            SmtpGateway picky = (mailboxId, from, to, raw) -> {
                tried.add(to.get(0));
                if (to.get(0).startsWith("refused")) {
                    throw new DeliveryException("550 5.1.1 no such user", true, 550, null);
                }
                if (to.get(0).startsWith("deferred")) {
                    throw new DeliveryException("451 4.3.0 try later", false, 451, null);
                }
            };

            assertThat(sender(db, picky, NOW).sendNext()).isTrue();

            assertThat(tried).containsExactly("a@customer.test", "refused@customer.test", "deferred@customer.test",
                    "d@customer.test");
            assertThat(outbox.countByStatus(OutboxRepository.SENT)).isEqualTo(2);
            assertThat(outbox.countByStatus(OutboxRepository.FAILED)).isEqualTo(1);
            assertThat(outbox.countByStatus(OutboxRepository.PENDING)).as("the 451, waiting for its retry").isEqualTo(1);
            assertThat(sender(db, picky, NOW).sendNext()).as("nothing else due").isFalse();
            assertThat(sender(db, picky, NOW.plus(RETRY.delayAfter(1))).sendNext()).isTrue();
            assertThat(tried).last().isEqualTo("deferred@customer.test");
        }
    }

    /**
     * Issue 16: with outbox.record-within set, a batch costs one claim and one record commit, and a number of
     * statements that does not grow with it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void tenMailsAreClaimedAndRecordedInTwoCommits(TestDatabases.Kind kind) {
        List<Integer> counted = sendTenCounting(kind, TOGETHER);
        assertThat(counted.get(0)).as("one claim and one record").isEqualTo(2);
        assertThat(counted.get(1)).as("a fixed few, where one mail at a time took 60").isLessThanOrEqualTo(8);
    }

    /** By default each delivered mail is recorded at once (one commit each), the claim still one for all ten. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void byDefaultTenMailsAreClaimedAtOnceAndEachRecordedAsItIsDelivered(TestDatabases.Kind kind) {
        List<Integer> counted = sendTenCounting(kind, OutboxSender.DEFAULT_RECORD_WITHIN);
        assertThat(counted.get(0)).as("one claim and ten records").isEqualTo(11);
    }

    /** The commits and the statements of sending ten due mails with one {@code sendNext}. */
    private static List<Integer> sendTenCounting(TestDatabases.Kind kind, Duration recordWithin) {
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        ExecuteListener counting = new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void executeEnd(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        };
        TransactionListener committing = new TransactionListener() {
            @Override
            public void commitEnd(TransactionContext ctx) {
                commits.incrementAndGet();
            }
        };
        DbSettings settings = kind == TestDatabases.Kind.H2
                ? new DbSettings("jdbc:h2:mem:batch" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4)
                : TestDatabases.postgresSettings();
        try (Database db = Database.open(settings, new Database.StoreListeners(counting, committing))) {
            long up = mailbox(db, "up");
            for (int i = 1; i <= 10; i++) {
                new OutboxRepository(db.dsl()).enqueue(item(up, "<" + i + "@x>", i + "@customer.test"));
            }
            List<String> sent = new ArrayList<>();
            commits.set(0);
            statements.set(0);

            assertThat(sender(db, (mailboxId, from, to, raw) -> sent.add(to.get(0)), NOW, recordWithin).sendNext())
                    .isTrue();

            assertThat(sent).hasSize(10);
            assertThat(new OutboxRepository(db.dsl()).countByStatus(OutboxRepository.SENT)).isEqualTo(10);
            return List.of(commits.get(), statements.get());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCrashMidBatchLeavesTheAcceptedMailUnrecordedAndItIsSentAgainWithTheSameBytesOnceTheClaimRunsOut(
            TestDatabases.Kind kind) {
        CrashMidBatch crash = crashAtTheThird(kind, TOGETHER);
        assertThat(crash.sentAfterKill()).as("a kill records nothing").isZero();
        assertThat(crash.accepted()).as("errs towards twice, same bytes and so the same Message-ID; never towards none")
                .containsExactly("mail 1", "mail 2", "mail 1", "mail 2", "mail 3");
        assertThat(crash.sentAtEnd()).isEqualTo(3);
    }

    /** By default a kill mid-batch sends again only the mail that was on the wire: the accepted ones are recorded. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void byDefaultACrashMidBatchSendsAgainNoMailTheServerHadAccepted(TestDatabases.Kind kind) {
        CrashMidBatch crash = crashAtTheThird(kind, OutboxSender.DEFAULT_RECORD_WITHIN);
        assertThat(crash.sentAfterKill()).as("the two accepted are recorded").isEqualTo(2);
        assertThat(crash.accepted()).as("none twice").containsExactly("mail 1", "mail 2", "mail 3");
        assertThat(crash.sentAtEnd()).isEqualTo(3);
    }

    /** What a kill at the third of three mails left recorded, every mail the server accepted, and what ended sent. */
    private record CrashMidBatch(long sentAfterKill, List<String> accepted, long sentAtEnd) {
    }

    /**
     * Three due mails; the server accepts two and the sender dies at the third (an Error, as a kill records
     * nothing); then a working sender runs, first just before the claim runs out (nothing is due), then after.
     */
    private static CrashMidBatch crashAtTheThird(TestDatabases.Kind kind, Duration recordWithin) {
        try (Database db = TestDatabases.open(kind)) {
            long up = mailbox(db, "up");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            for (int i = 1; i <= 3; i++) {
                outbox.enqueue(new NewOutboxItem(up, null, "ACK", "<" + i + "@x>", "support@example.test",
                        List.of(i + "@customer.test"), ("mail " + i).getBytes(StandardCharsets.US_ASCII), NOW));
            }
            List<String> accepted = new ArrayList<>();
            SmtpGateway crashesAtTheThird = (mailboxId, from, to, raw) -> {
                if (accepted.size() == 2) {
                    throw new Crash();
                }
                accepted.add(new String(raw, StandardCharsets.US_ASCII));
            };
            assertThatThrownBy(() -> sender(db, crashesAtTheThird, NOW, recordWithin).sendNext())
                    .isInstanceOf(Crash.class);
            long sentAfterKill = outbox.countByStatus(OutboxRepository.SENT);

            SmtpGateway working = (mailboxId, from, to, raw) -> accepted.add(new String(raw, StandardCharsets.US_ASCII));
            assertThat(sender(db, working, NOW.plus(OutboxSender.CLAIM_FOR).minusSeconds(1)).sendNext()).isFalse();
            assertThat(sender(db, working, NOW.plus(OutboxSender.CLAIM_FOR)).sendNext()).isTrue();
            return new CrashMidBatch(sentAfterKill, List.copyOf(accepted), outbox.countByStatus(OutboxRepository.SENT));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theRestOfABatchIsGivenBackAtOnceWhenItsLeaseRunsShortOrTheSenderStops(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long up = mailbox(db, "up");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            for (int i = 1; i <= 4; i++) {
                outbox.enqueue(item(up, "<" + i + "@x>", i + "@customer.test"));
            }
            Instant[] now = {NOW};
            Clock moving = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now[0];
                }
            };
            List<String> sent = new ArrayList<>();
            SmtpGateway slow = (mailboxId, from, to, raw) -> {
                sent.add(to.get(0));
                now[0] = now[0].plus(OutboxSender.CLAIM_FOR.dividedBy(2)).plusSeconds(1);
            };
            assertThat(new OutboxSender(db, slow, RETRY, new OutboxSignal(), moving, Duration.ofSeconds(1)).sendNext())
                    .isTrue();
            assertThat(sent).as("no send starts with less than half the lease left").containsExactly("1@customer.test");
            assertThat(outbox.countByStatus(OutboxRepository.SENT)).isEqualTo(1);
            var rest = outbox.claim(now[0], now[0].plusSeconds(600), "next", 10);
            assertThat(rest).as("given back, due at once").hasSize(3);

            outbox.release(rest, null);
            OutboxSender[] stopping = new OutboxSender[1];
            stopping[0] = sender(db, (mailboxId, from, to, raw) -> stopping[0].stop(), now[0]);
            assertThat(stopping[0].sendNext()).isTrue();
            assertThat(outbox.countByStatus(OutboxRepository.SENT)).as("the mail on the wire is recorded").isEqualTo(2);
            assertThat(outbox.claim(now[0], now[0].plusSeconds(600), "after-stop", 10)).hasSize(2);
        }
    }

    private static final Map<String, Long> TICKETS = new ConcurrentHashMap<>();

    private static long ticket(Database db, long mailbox, int n) {
        String key = db.hashCode() + "/" + n;
        return TICKETS.computeIfAbsent(key, k -> {
            TicketRepository repo = new TicketRepository(db.dsl());
            return repo.insert(new NewTicket(repo.nextNumber(), mailbox, "subject " + n,
                    "c" + n + "@customer.test", null, "en", null, NOW));
        });
    }

    /** Simulates a slow SMTP exchange; the test's outcome never depends on how long it takes. */
    private static void slowServer() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutboxSender sender(Database db, SmtpGateway gateway, Instant at) {
        return new OutboxSender(db, gateway, RETRY, new OutboxSignal(), Clock.fixed(at, ZoneOffset.UTC),
                Duration.ofSeconds(1));
    }

    /** A sender whose accepted mail waits up to {@code recordWithin} to be recorded with the rest of its batch. */
    private static OutboxSender sender(Database db, SmtpGateway gateway, Instant at, Duration recordWithin) {
        return new OutboxSender(db, gateway, RETRY, new OutboxSignal(), Clock.fixed(at, ZoneOffset.UTC),
                Duration.ofSeconds(1), DeliveryFailureListener.NONE, "", OutboxSender.DEFAULT_BATCH, recordWithin);
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
