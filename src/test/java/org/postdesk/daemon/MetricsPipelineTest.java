package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.TestDatabases;

/** The meters count what the real flow did: GreenMail in, the pipeline, GreenMail out. */
class MetricsPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private static void sendBySmtp(String raw) throws Exception {
        Transport.send(new MimeMessage(greenMail.getSmtp().createSession(),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID: the second copy must be recognised as a duplicate
            }
        });
    }

    @Test
    void ingestOutcomesLatencyAndSmtpResultsAreCountedPerMailbox() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        Pipeline pipeline = harness.pipeline(null);
        harness.startDaemon(pipeline);
        Await.until("the worker watching", WAIT, () -> "IDLE".equals(new MailboxRepository(harness.db.dsl())
                .state(harness.mailbox.id()).state())); // so all three are new mail, not a first connection's backlog
        String first = Harness.customerMail("<m1@example.test>", "Printer", "Broken.");
        sendBySmtp(first); // through the server's SMTP, so the message has an INTERNALDATE as in production
        sendBySmtp(first);
        sendBySmtp(Harness.customerMail("<m2@example.test>", "Out of office", "Away.",
                "Auto-Submitted: auto-replied"));
        String text = Await.value("three messages read and the acknowledgement sent", WAIT,
                () -> pipeline.metrics().scrape(),
                // the latency is recorded after the message is flagged on the server, so after its outcome
                t -> t.contains("outcome=\"automated\"} 1.0") && t.contains("class=\"2xx\"")
                        && t.contains("postdesk_ingest_latency_seconds_count{mailbox=\"support\"} 3"));
        assertThat(text).as(text)
                .contains("postdesk_messages_ingested_total{mailbox=\"support\",outcome=\"new_ticket\"} 1.0")
                .contains("postdesk_messages_ingested_total{mailbox=\"support\",outcome=\"duplicate\"} 1.0")
                .contains("postdesk_messages_ingested_total{mailbox=\"support\",outcome=\"automated\"} 1.0")
                .contains("postdesk_smtp_results_total{class=\"2xx\",mailbox=\"support\"} 1.0")
                .contains("postdesk_ingest_latency_seconds_count{mailbox=\"support\"} 3")
                .contains("postdesk_mailbox_state{mailbox=\"support\",state=\"IDLE\"} 1.0");
        assertThat(new MessageRepository(harness.db.dsl()).count()).isEqualTo(3);
    }
}
