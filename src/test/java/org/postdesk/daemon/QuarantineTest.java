package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.mail.InboundMessage;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * Bad mail (docs/ARCHITECTURE.md, "Bad mail"): a message that breaks ingest is read again, quarantined after three
 * failures the same way, and the mailbox moves on; an Error in a worker does not kill it. Failures are injected
 * through {@code IngestService.checkBeforeThreading} for one Message-ID.
 */
class QuarantineTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String POISON = "<poison@example.test>";
    /** Reconnect after a failure in 1 s, not after the 5-minute default cap. */
    private static final Map<String, String> FAST = Map.of("POSTDESK_INGEST_RECONNECT_MAX_BACKOFF", "1s");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;
    private Harness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMessageThatFailsThreeTimesIsQuarantinedOnATicketAndTheNextMailIsStored(TestDatabases.Kind kind) {
        Harness h = harness(kind);
        AtomicInteger attempts = new AtomicInteger();
        h.deliver(Harness.customerMail(POISON, "Crashes the handler", "Body"));
        h.deliver(Harness.customerMail("<after@example.test>", "After the poison", "Body"));
        h.startDaemon(failing(m -> {
            attempts.incrementAndGet();
            throw new AssertionError("simulated bug in the handler");
        }));

        MessageFailure failure = awaitQuarantined(h);
        Await.until("the mail after it stored", WAIT, () -> subjects(h).contains("After the poison"));
        Await.until("both flagged", WAIT, () -> allSeen(h));
        assertThat(attempts).hasValue(3);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.lastError()).contains("simulated bug in the handler");
        assertThat(failure.messageId()).isEqualTo(POISON);

        TicketRow ticket = new TicketRepository(h.db.dsl()).byId(failure.ticketId()).orElseThrow();
        assertThat(ticket.subject()).isEqualTo("Crashes the handler");
        List<MessageRow> stored = new MessageRepository(h.db.dsl()).byTicket(ticket.id());
        assertThat(stored).hasSize(1);
        byte[] raw = new MessageRepository(h.db.dsl()).raw(stored.get(0).id()).orElseThrow();
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Message-ID: " + POISON).contains("Body");
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id()))
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("quarantined"));
        // No automatic reply for what was never classified; the other mail gets its one acknowledgement.
        assertThat(new OutboxRepository(h.db.dsl()).byTicket(ticket.id()))
                .noneSatisfy(o -> assertThat(o.kind()).isEqualTo("ACK"));
        Await.until("the other mail acknowledged", WAIT, () -> toCustomer().size() == 1);
    }

    @Test
    void theFailureCountSurvivesARestartOfTheDaemon() {
        Harness h = harness(TestDatabases.Kind.H2);
        AtomicInteger attempts = new AtomicInteger();
        Consumer<InboundMessage> bug = m -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("simulated bug in the handler");
        };
        // (A RuntimeException is tried twice per reading, the second time in reduced form: both fail here.)
        h.deliver(Harness.customerMail(POISON, "Crashes the handler", "Body"));
        // The first daemon fails it once the counted way; then only with outages (never counted) until it stops.
        AtomicInteger firstDaemon = new AtomicInteger();
        h.startDaemon(failing(m -> {
            if (firstDaemon.incrementAndGet() <= 2) {
                bug.accept(m);
            }
            throw new OutOfMemoryError("simulated outage");
        }));
        Await.until("one failure recorded", WAIT, () -> failure(h).isPresent());
        h.stopDaemon();
        assertThat(failure(h).orElseThrow().attempts()).isEqualTo(1);

        h.startDaemon(failing(bug));
        MessageFailure failure = awaitQuarantined(h);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(attempts).hasValue(6);
        Await.until("flagged", WAIT, () -> allSeen(h));
        h.stopDaemon();
        int afterQuarantine = attempts.get();

        // Read once more (the flag lost, say): the quarantine is found, no second ticket, and it is flagged again.
        unflagAll(h);
        h.startDaemon(failing(bug));
        Await.until("flagged again", WAIT, () -> allSeen(h));
        assertThat(new TicketRepository(h.db.dsl()).list(null, 100)).hasSize(1);
        assertThat(failure(h).orElseThrow().attempts()).isEqualTo(3);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(afterQuarantine);
    }

    @Test
    void aWorkerThatHitsAnErrorRestartsAndStoresTheMessage() {
        Harness h = harness(TestDatabases.Kind.H2);
        AtomicInteger calls = new AtomicInteger();
        h.deliver(Harness.customerMail(POISON, "Hits an Error once", "Body"));
        // A broken class load says nothing about the message: an outage, retried, never counted against it.
        h.startDaemon(failing(m -> {
            if (calls.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("simulated/Missing");
            }
        }));
        Await.until("stored after the worker restarted", WAIT, () -> subjects(h).contains("Hits an Error once"));
        h.deliver(Harness.customerMail("<later@example.test>", "Later", "Body"));
        Await.until("the worker keeps reading", WAIT, () -> subjects(h).contains("Later"));
        assertThat(failure(h)).isEmpty();
        assertThat(calls).hasValue(2); // failed once, stored at the next reading
    }

    private Harness harness(TestDatabases.Kind kind) {
        harness = new Harness(greenMail, kind, tempDir, FAST);
        return harness;
    }

    /** A pipeline whose ingest runs {@code check} on the poison message (only) before threading it. */
    private Pipeline failing(Consumer<InboundMessage> check) {
        Pipeline pipeline = harness.pipeline(null);
        pipeline.ingest().checkBeforeThreading(m -> {
            if (POISON.equals(m.messageId())) {
                check.accept(m);
            }
        });
        return pipeline;
    }

    private static MessageFailure awaitQuarantined(Harness h) {
        return Await.value("poison message quarantined", WAIT, () -> failure(h),
                f -> f.isPresent() && f.get().quarantined() && f.get().ticketId() != null).orElseThrow();
    }

    private static Optional<MessageFailure> failure(Harness h) {
        return new MessageFailureRepository(h.db.dsl()).list(h.mailbox.id(), 1).stream().findFirst();
    }

    private static List<String> subjects(Harness h) {
        return new TicketRepository(h.db.dsl()).list(null, 100).stream().map(TicketRow::subject).toList();
    }

    private static List<MimeMessage> toCustomer() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(Harness.CUSTOMER));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static boolean allSeen(Harness h) {
        return inbox(h).getMessages().stream().allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
    }

    private static void unflagAll(Harness h) {
        inbox(h).getMessages().forEach(m -> m.setFlag(Flags.Flag.SEEN, false));
    }

    private static com.icegreen.greenmail.store.MailFolder inbox(Harness h) {
        try {
            return h.greenMail.getManagers().getImapHostManager()
                    .getInbox(h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
