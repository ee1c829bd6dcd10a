package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.slf4j.LoggerFactory;

/**
 * Ten mailboxes ingesting at once on a pool of four connections. Each worker holds one connection for its
 * message's transaction and renders the acknowledgement through it; a render that took a second pooled
 * connection left four workers each waiting for a fifth until the pool's 30 s timeout ("Connection is not
 * available"), which this test looks for in the log rather than timing anything.
 */
class SmallPoolTest {
    private static final int MAILBOXES = 10;
    private static final int POOL = 4;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    @Test
    void tenMailboxesIngestAtOnceOnAPoolOfFourWithoutAStall() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger rootLog = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLog.addAppender(log);
        try (Harness h = new Harness(greenMail, TestDatabases.Kind.H2, tempDir,
                Map.of("POSTDESK_DB_POOL_SIZE", String.valueOf(POOL), "POSTDESK_OUTBOX_SENDERS", "2"), POOL)) {
            for (int i = 1; i < MAILBOXES; i++) {
                h.addMailbox("box" + i, "box" + i + "@example.test");
            }
            for (int i = 1; i < MAILBOXES; i++) {
                h.deliverTo("box" + i + "@example.test", Harness.customerMail("<m" + i + "@example.test>",
                        "Question " + i, "Body " + i).replace("To: " + Harness.SUPPORT, "To: box" + i + "@example.test"));
            }
            h.deliver(Harness.customerMail("<m0@example.test>", "Question 0", "Body 0"));

            h.startDaemon();
            Await.until(MAILBOXES + " tickets and their acknowledgements sent", WAIT,
                    () -> new TicketRepository(h.db.dsl()).list(null, 100).size() == MAILBOXES
                            && new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.SENT) == MAILBOXES);

            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .as("the daemon says the pool is below what its threads can use, naming both numbers")
                    .anyMatch(m -> m.startsWith("db.pool-size 4 is below the 18 connections that 10 mailbox worker(s),"
                            + " 2 outbox sender(s) and 6 other thread(s) (sla-sweeper, report-jobs, daemon-timer,"
                            + " store-check, http-ops x2) can use at once") && m.contains("set db.pool-size=18"));
            assertThat(log.list).as("nobody waited out the pool's timeout").noneMatch(SmallPoolTest::poolTimeout);
        } finally {
            rootLog.detachAppender(log);
        }
    }

    private static boolean poolTimeout(ILoggingEvent e) {
        StringBuilder text = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString().contains("Connection is not available");
    }
}
