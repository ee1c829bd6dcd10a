package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/**
 * A mail that runs out of memory every time it is stored does not block its mailbox forever: after three
 * out-of-memory failures, with the heap otherwise healthy, it is stored as its headers plus a note with its source
 * kept, ticketed and the team told; one that runs out of memory only now and then is an outage, retried and then
 * stored whole. The failure is injected through {@code IngestService.checkBeforeThreading} for the one mail whose
 * body carries a marker (its stand-in does not).
 */
class OutOfMemoryMailTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String MARKER = "HEAVY-PAYLOAD";
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

    /** About 1.5 MB of text: spooled to a file when read, and more than one chunk in the store. */
    private static String heavyBody() {
        StringBuilder s = new StringBuilder(MARKER + "\r\n");
        for (int i = 0; i < 25_000; i++) {
            s.append("row ").append(i).append(" of the export the customer attached inline\r\n");
        }
        return s.toString();
    }

    private Pipeline outOfMemoryFor(AtomicInteger attempts, int times) {
        Pipeline pipeline = harness.pipeline(null);
        pipeline.ingest().checkBeforeThreading(m -> {
            if (m.textBody().contains(MARKER) && attempts.incrementAndGet() <= times) {
                throw new OutOfMemoryError("simulated: Java heap space");
            }
        });
        return pipeline;
    }

    @Test
    void aMailThatRunsOutOfMemoryEveryTimeIsStoredAsItsHeadersWithItsSourceKeptAndTheTeamIsTold() {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, FAST);
        harness.addAgent("ava", "ava@agents.test");
        String heavy = Harness.customerMail("<heavy-1@example.test>", "The export", heavyBody());
        harness.deliver(heavy);
        harness.deliver(Harness.customerMail("<after-1@example.test>", "After the export", "A short one."));
        AtomicInteger attempts = new AtomicInteger();
        harness.startDaemon(outOfMemoryFor(attempts, Integer.MAX_VALUE));

        MessageRow stored = awaitStored("The export");
        assertThat(attempts).as("read three times, then given up as too large for the heap").hasValue(3);
        assertThat(stored.messageId()).isEqualTo("<heavy-1@example.test>");
        assertThat(stored.bodyText()).contains("ran out of memory 3 times", "its complete source is kept")
                .doesNotContain(MARKER);
        byte[] raw = new MessageRepository(harness.db.dsl()).raw(stored.id()).orElseThrow();
        assertThat(new String(raw, StandardCharsets.UTF_8)).as("the whole source is kept")
                .contains(MARKER, "row 24999 of the export");
        assertThat(new OutboxRepository(harness.db.dsl()).byTicket(stored.ticketId()))
                .anySatisfy(o -> assertThat(o.kind()).isEqualTo("NOTIFY"));
        assertThat(awaitStored("After the export").bodyText()).contains("A short one.");
        // An outage, never counted as a bad message: no quarantine record.
        assertThat(new MessageFailureRepository(harness.db.dsl()).list(harness.mailbox.id(), 10)).isEmpty();
    }

    @Test
    void aMailThatRanOutOfMemoryTwiceIsRetriedAndThenStoredWhole() {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, FAST);
        harness.deliver(Harness.customerMail("<heavy-2@example.test>", "The export", heavyBody()));
        AtomicInteger attempts = new AtomicInteger();
        harness.startDaemon(outOfMemoryFor(attempts, 2));

        MessageRow stored = awaitStored("The export");
        assertThat(attempts).hasValue(3);
        assertThat(stored.bodyText()).contains(MARKER, "row 24999 of the export").doesNotContain("ran out of memory");
        assertThat(new MessageFailureRepository(harness.db.dsl()).list(harness.mailbox.id(), 10)).isEmpty();
    }

    private MessageRow awaitStored(String subject) {
        return Await.value("a stored message '" + subject + "'", WAIT, () ->
                new TicketRepository(harness.db.dsl()).list(null, 10).stream()
                        .flatMap(t -> new MessageRepository(harness.db.dsl()).byTicket(t.id()).stream())
                        .filter(m -> subject.equals(m.subject())).findFirst().orElse(null), m -> m != null);
    }
}
