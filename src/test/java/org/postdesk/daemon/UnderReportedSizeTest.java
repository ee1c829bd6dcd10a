package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.store.db.Tables.MAILBOX;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/**
 * {@code ingest.max-message-bytes} holds against a server that under-reports RFC822.SIZE: the size check before
 * the fetch passes, the bytes are counted while they stream in, and the download stops at the limit; the mail
 * becomes its headers plus a note, is ticketed and acknowledged, and mail after it is stored normally.
 */
class UnderReportedSizeTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;
    private SizeLyingImapProxy proxy;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static String mail(String id, String subject, int bodyLines) {
        StringBuilder s = new StringBuilder("From: Ann Customer <" + Harness.CUSTOMER + ">\r\nTo: " + Harness.SUPPORT
                + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + id + "@example.test>\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        for (int i = 0; i < bodyLines; i++) {
            s.append("line ").append(i).append(" of the log the customer pasted into the mail\r\n");
        }
        return s.toString();
    }

    @Test
    void aMailLongerThanTheCapIsStoppedWhileStreamingWhenTheServerSaysItIsSmall() throws Exception {
        proxy = new SizeLyingImapProxy(greenMail.getImap().getPort());
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir,
                Map.of("POSTDESK_INGEST_MAX_MESSAGE_BYTES", "200000"));
        harness.db.dsl().update(MAILBOX).set(MAILBOX.IMAP_URL, "imap://support@127.0.0.1:" + proxy.port() + "/INBOX")
                .where(MAILBOX.ID.eq(harness.mailbox.id())).execute();
        harness.deliverTo(Harness.SUPPORT, mail("huge-1", "The whole log", 6000)); // about 360 KB
        harness.deliverTo(Harness.SUPPORT, mail("small-1", "A short question", 3));
        assertThat(reportedSizes()).as("the proxy really under-reports").containsOnly(1000);
        harness.startDaemon();

        MessageRow huge = awaitStored("The whole log");
        assertThat(huge.bodyText()).contains("did not download this message", "ingest.max-message-bytes",
                "the download was stopped at the limit").doesNotContain("line 5999");
        assertThat(huge.messageId()).isEqualTo("<huge-1@example.test>");
        byte[] raw = new MessageRepository(harness.db.dsl()).raw(huge.id()).orElseThrow();
        assertThat(raw.length).as("only the headers and the note are kept").isLessThan(10_000);
        MessageRow small = awaitStored("A short question");
        assertThat(small.bodyText()).contains("line 2 of the log");
        Await.until("the acknowledgements of both", Duration.ofSeconds(60),
                () -> harness.mailTo(Harness.CUSTOMER, "[Support").size() == 2);
    }

    /** RFC822.SIZE as a client of the proxy sees it. */
    private List<Integer> reportedSizes() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", proxy.port(), "support", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Integer> sizes = new java.util.ArrayList<>();
            for (Message m : inbox.getMessages()) {
                sizes.add(m.getSize());
            }
            inbox.close(false);
            return sizes;
        } finally {
            store.close();
        }
    }

    private MessageRow awaitStored(String subject) {
        return Await.value("a stored message '" + subject + "'", Duration.ofSeconds(60), () ->
                new TicketRepository(harness.db.dsl()).list(null, 10).stream()
                        .flatMap(t -> new MessageRepository(harness.db.dsl()).byTicket(t.id()).stream())
                        .filter(m -> subject.equals(m.subject())).findFirst().orElse(null), m -> m != null);
    }
}
