package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.ingest.Disposition;
import org.postdesk.ingest.MailboxWorker;
import org.postdesk.mail.InboundMessage;
import org.postdesk.outbound.Acknowledgements;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.StoreUnavailableException;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * Group commit (issue 16): the mail already waiting in a mailbox is stored in batches, each in one transaction that
 * also moves the cursor, and flagged with one command after it committed. A failing message does not take its batch
 * with it, an outage takes all of it, and a crash between a batch's commit and its flag doubles nothing. The mail is
 * raw RFC 5322 text delivered into GreenMail; each test runs on H2 and PostgreSQL.
 */
class GroupCommitTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String POISON = "<poison@example.test>";
    /**
     * Reconnect after a failure in 1 s, not after the 5-minute default cap; and a batch is cut by its size only, not
     * by the time reading it took on a loaded machine.
     */
    private static final Map<String, String> FAST = Map.of("POSTDESK_INGEST_RECONNECT_MAX_BACKOFF", "1s",
            "POSTDESK_INGEST_BATCH_TIME", "10m");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;
    private Harness harness;
    private final List<Running> workers = new ArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Running r : workers) {
            r.stop();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void waitingMailIsStoredInOneTransactionThatMovesTheCursorAndFlaggedWithOneCommand(TestDatabases.Kind kind) {
        Harness h = startedAfterFirstMail(kind);
        deliverFive(h, "<m3@example.test>");
        Recording flags = new Recording(Disposition.markSeen(), false);
        run(h, h.pipeline(null), flags);

        Await.until("the five flagged", WAIT, () -> unseen(h).isEmpty());
        assertThat(flags.batches).containsExactly(uids(h).subList(1, 6));
        assertThat(cursor(h)).isEqualTo(lastUid(h));
        assertThat(tickets(h)).hasSize(6);
        assertThat(tickets(h)).allSatisfy(t -> assertThat(acks(h, t)).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMessageThatBreaksItsInsertIsStoredReducedAndTheRestOfItsBatchIsStored(TestDatabases.Kind kind) {
        Harness h = startedAfterFirstMail(kind);
        deliverFive(h, POISON);
        AtomicInteger calls = new AtomicInteger();
        Recording flags = new Recording(Disposition.markSeen(), false);
        // Fails its first attempt only, as a message whose content the insert refuses: alone, it would then be
        // stored in reduced form, without an acknowledgement. In a batch it must end the same way.
        run(h, poisoned(h, m -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("simulated refusal of this message's insert");
            }
        }), flags);

        Await.until("all six tickets", WAIT, () -> tickets(h).size() == 6 && unseen(h).isEmpty());
        List<Long> uids = uids(h);
        assertThat(calls).hasValue(2); // the batch's attempt and the reduced one: as alone
        assertThat(flags.batches).containsExactly(uids.subList(1, 3), uids.subList(3, 4), uids.subList(4, 6));
        TicketRow poisoned = ticketOf(h, "Mail <poison@example.test>");
        assertThat(acks(h, poisoned)).isZero();
        assertThat(tickets(h)).filteredOn(t -> t.id() != poisoned.id()).allSatisfy(t -> assertThat(acks(h, t)).isEqualTo(1));
        assertThat(cursor(h)).isEqualTo(lastUid(h));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMessageThatFailsEveryTimeIsQuarantinedAsAloneAndTheOthersAreStored(TestDatabases.Kind kind) {
        Harness h = startedAfterFirstMail(kind);
        deliverFive(h, POISON);
        AtomicInteger calls = new AtomicInteger();
        Recording flags = new Recording(Disposition.markSeen(), false);
        run(h, poisoned(h, m -> {
            calls.incrementAndGet();
            throw new AssertionError("simulated bug in the handler");
        }), flags);

        MessageFailure failure = Await.value("poison quarantined", WAIT,
                () -> new MessageFailureRepository(h.db.dsl()).list(h.mailbox.id(), 1).stream().findFirst(),
                f -> f.isPresent() && f.get().quarantined() && f.get().ticketId() != null).orElseThrow();
        Await.until("all flagged", WAIT, () -> unseen(h).isEmpty() && tickets(h).size() == 6);
        assertThat(calls).hasValue(3); // three readings, one attempt each: as alone (QuarantineTest)
        assertThat(failure.attempts()).isEqualTo(3);
        List<Long> uids = uids(h);
        assertThat(flags.batches).containsExactly(uids.subList(1, 3), uids.subList(3, 4), uids.subList(4, 6));
        assertThat(tickets(h)).allSatisfy(t -> assertThat(acks(h, t)).isEqualTo(t.id() == failure.ticketId() ? 0 : 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anOutageInABatchStoresNoneOfItAndLeavesTheCursorThenAllIsStoredOnce(TestDatabases.Kind kind) {
        Harness h = startedAfterFirstMail(kind);
        long cursorBefore = cursor(h);
        deliverFive(h, POISON);
        AtomicInteger outages = new AtomicInteger();
        Recording flags = new Recording(Disposition.markSeen(), false);
        run(h, poisoned(h, m -> {
            if (outages.incrementAndGet() == 1) {
                throw new StoreUnavailableException("simulated loss of the store", new java.sql.SQLTransientConnectionException("gone"));
            }
        }), flags);

        Await.until("all flagged after the retry", WAIT, () -> unseen(h).isEmpty() && tickets(h).size() == 6);
        List<Long> uids = uids(h);
        // The first reading stored nothing (the batch rolled back before any flag); the retry stored all five.
        assertThat(flags.batches).containsExactly(uids.subList(1, 6));
        assertThat(outages).hasValue(2);
        assertThat(cursorBefore).isEqualTo(uids.get(0));
        assertThat(cursor(h)).isEqualTo(lastUid(h));
        assertThat(tickets(h)).allSatisfy(t -> assertThat(acks(h, t)).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCrashBetweenABatchsCommitAndItsFlagStoresNothingTwiceAndAcknowledgesOnce(TestDatabases.Kind kind)
            throws InterruptedException {
        Harness h = startedAfterFirstMail(kind);
        deliverFive(h, "<m3@example.test>");
        Recording crashing = new Recording(Disposition.markSeen(), true);
        Running first = run(h, h.pipeline(null), crashing);
        Await.until("the batch committed and the flag attempted", WAIT, () -> !crashing.batches.isEmpty());
        first.stop();
        // Committed, cursor moved with it, nothing flagged: the daemon died before its STORE.
        assertThat(tickets(h)).hasSize(6);
        assertThat(cursor(h)).isEqualTo(lastUid(h));
        assertThat(unseen(h)).hasSize(5);

        h.startDaemon();
        Await.until("flagged after the restart", WAIT, () -> unseen(h).isEmpty());
        Await.until("six acknowledgements", WAIT, () -> h.mailTo(Harness.CUSTOMER, "").size() >= 6);
        assertThat(tickets(h)).hasSize(6);
        assertThat(tickets(h)).allSatisfy(t -> assertThat(new MessageRepository(h.db.dsl()).byTicket(t.id()))
                .filteredOn(m -> m.direction() == NewMessage.Direction.IN).hasSize(1));
        assertThat(tickets(h)).allSatisfy(t -> assertThat(new OutboxRepository(h.db.dsl()).byTicket(t.id())).hasSize(1));
        h.stopDaemon(); // every queued mail has been sent: none can arrive late
        assertThat(h.mailTo(Harness.CUSTOMER, "")).hasSize(6);
    }

    /**
     * Live intake: bursts delivered while the worker idles, the later ones while it still stores the earlier, are each
     * stored once, acknowledged once and flagged once, with nothing left for the next IDLE renewal (9 minutes here):
     * mail delivered while a batch was stored is announced in the reply to the worker's check before it idles.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void burstsArrivingWhileTheWorkerIdlesAreStoredFlaggedAndAcknowledgedOnceEach(TestDatabases.Kind kind) {
        Harness h = startedAfterFirstMail(kind);
        Recording flags = new Recording(Disposition.markSeen(), false);
        run(h, h.pipeline(null), flags);
        Await.until("the worker idling", WAIT, () -> "IDLE".equals(new MailboxRepository(h.db.dsl())
                .state(h.mailbox.id()).state()));
        for (int burst = 1; burst <= 3; burst++) {
            for (int i = 1; i <= 15; i++) {
                // A sender of its own each: one sender's acknowledgements are capped per hour (no loops).
                String who = "burst" + burst + "-" + i;
                h.deliver("From: Customer " + who + " <" + who + "@customers.test>\r\nTo: " + Harness.SUPPORT
                        + "\r\nSubject: Order " + who + " is late\r\nMessage-ID: <" + who + "@customers.test>\r\n"
                        + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello, where is order " + who + "?\r\n");
            }
            if (burst == 1) {
                Await.until("the first burst being stored", WAIT, () -> tickets(h).size() > 1);
            }
        }

        Await.until("all three bursts stored and flagged", WAIT, () -> tickets(h).size() == 46 && unseen(h).isEmpty());
        List<Long> flagged = flags.batches.stream().flatMap(List::stream).toList();
        assertThat(flagged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(uids(h).subList(1, 46));
        assertThat(cursor(h)).isEqualTo(lastUid(h));
        assertThat(tickets(h)).allSatisfy(t -> {
            assertThat(acks(h, t)).isEqualTo(1);
            assertThat(new MessageRepository(h.db.dsl()).byTicket(t.id()))
                    .filteredOn(m -> m.direction() == NewMessage.Direction.IN).hasSize(1);
        });
    }

    // ---- fixtures ----

    /** A harness whose cursor was set by a first reading of one mail, so the next mail is past the cursor. */
    private Harness startedAfterFirstMail(TestDatabases.Kind kind) {
        harness = new Harness(greenMail, kind, tempDir, FAST);
        harness.deliver(Harness.customerMail("<m0@example.test>", "Mail <m0@example.test>", "Body"));
        // First connection: the cursor starts at the newest message, and that unseen one is read below it.
        harness.pipeline(null).ingestAllNow(harness.mailbox);
        Await.until("the first mail stored", WAIT, () -> tickets(harness).size() == 1 && unseen(harness).isEmpty());
        return harness;
    }

    /** Five new conversations, the third with Message-ID {@code third}. */
    private static void deliverFive(Harness h, String third) {
        for (int i = 1; i <= 5; i++) {
            String id = i == 3 ? third : "<m" + i + "@example.test>";
            h.deliver(Harness.customerMail(id, "Mail " + id, "Hello, order " + i + " has not arrived."));
        }
    }

    private Pipeline poisoned(Harness h, Consumer<InboundMessage> check) {
        Pipeline pipeline = h.pipeline(null);
        pipeline.ingest().checkBeforeThreading(m -> {
            if (POISON.equals(m.messageId())) {
                check.accept(m);
            }
        });
        return pipeline;
    }

    private Running run(Harness h, Pipeline pipeline, Disposition disposition) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        MailboxWorker worker = new MailboxWorker(h.mailbox, pipeline.folderOpener(), pipeline.ingest(), h.db,
                pipeline.workerSettings(), disposition, timer, Clock.systemUTC());
        // No outbox sender: the acknowledgements stay queued, where each ticket's are counted.
        Thread thread = new Thread(worker, "imap-" + h.mailbox.name());
        thread.start();
        Running r = new Running(worker, thread, timer);
        workers.add(r);
        return r;
    }

    /** A worker under test, on its own thread. */
    private record Running(MailboxWorker worker, Thread thread, ScheduledExecutorService timer) {
        void stop() throws InterruptedException {
            worker.stop();
            thread.join(10_000);
            timer.shutdownNow();
        }
    }

    /** The ticket's queued or sent acknowledgements. */
    private static long acks(Harness h, TicketRow t) {
        return new OutboxRepository(h.db.dsl()).byTicket(t.id()).stream()
                .filter(o -> o.kind().equals(Acknowledgements.KIND)).count();
    }

    /** Records the UIDs of every flag command; {@code crash}: then fails instead, as a daemon killed before it. */
    private static final class Recording implements Disposition {
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        private final Disposition flag;
        private final boolean crash;

        Recording(Disposition flag, boolean crash) {
            this.flag = flag;
            this.crash = crash;
        }

        @Override
        public void apply(IMAPFolder folder, Message message) throws MessagingException {
            applyAll(folder, List.of(message));
        }

        @Override
        public void applyAll(IMAPFolder folder, List<Message> messages) throws MessagingException {
            List<Long> uids = new ArrayList<>();
            for (Message m : messages) {
                uids.add(folder.getUID(m));
            }
            batches.add(uids);
            if (crash) {
                throw new IllegalStateException("simulated crash after the batch's commit, before its flag");
            }
            flag.applyAll(folder, messages);
        }
    }

    private static List<TicketRow> tickets(Harness h) {
        return new TicketRepository(h.db.dsl()).list(null, 100);
    }

    private static TicketRow ticketOf(Harness h, String subject) {
        return tickets(h).stream().filter(t -> t.subject().equals(subject)).findFirst().orElseThrow();
    }

    private static long cursor(Harness h) {
        return new MailboxRepository(h.db.dsl()).state(h.mailbox.id()).lastUid();
    }

    private static MailFolder inbox(Harness h) {
        try {
            return h.greenMail.getManagers().getImapHostManager()
                    .getInbox(h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> uids(Harness h) {
        return inbox(h).getMessages().stream().map(StoredMessage::getUid).sorted().toList();
    }

    private static long lastUid(Harness h) {
        List<Long> uids = uids(h);
        return uids.get(uids.size() - 1);
    }

    private static List<Long> unseen(Harness h) {
        return inbox(h).getMessages().stream().filter(m -> !m.getFlags().contains(Flags.Flag.SEEN))
                .map(StoredMessage::getUid).toList();
    }
}
