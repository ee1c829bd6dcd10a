package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.RawSource;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.Conversation;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.StoredAttachment;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/** A raw message and an attachment over 1 MiB are stored in chunks and read back whole, on H2 and PostgreSQL. */
class LargeValueStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void largeRawMessageAndAttachmentRoundTrip(TestDatabases.Kind kind) {
        byte[] file = new byte[2_500_000];
        new Random(7).nextBytes(file);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: scan\r\n"
                + "Message-ID: <large-1@example.test>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nsee scan\r\n--b\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(Base64.getMimeEncoder().encode(file));
        raw.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] source = raw.toByteArray();
        try (Database db = TestDatabases.open(kind)) {
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            IngestResult result = pipeline.ingest().ingest(mailbox, 1L, source.clone(), null);
            assertStored(db, result, source, file);

            // The same mail again, with another Message-ID, as the IMAP reader hands it over: spooled to a
            // temporary file, parsed from it and written to the store chunk by chunk.
            byte[] second = new String(source, StandardCharsets.ISO_8859_1).replace("<large-1@", "<large-2@")
                    .getBytes(StandardCharsets.ISO_8859_1);
            try (RawSource spooled = RawSource.spool(new ByteArrayInputStream(second), 10 << 20)) {
                assertThat(spooled.inMemory()).isFalse();
                assertStored(db, pipeline.ingest().ingest(mailbox, 2L, spooled, null), second, file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertStored(Database db, IngestResult result, byte[] source, byte[] file) {
        long ticketId = new TicketRepository(db.dsl()).byNumber(result.number()).orElseThrow().id();
        MessageRow stored = new MessageRepository(db.dsl()).byTicket(ticketId).get(0);
        assertThat(new MessageRepository(db.dsl()).raw(stored.id())).contains(source);
        assertThat(new Conversation(db.dsl()).attachments(stored.id())).singleElement()
                .satisfies(a -> {
                    try (java.io.InputStream in = a.content().opener().open()) {
                        assertThat(in.readAllBytes()).isEqualTo(file);
                    }
                });
        // As the reply token guard reads it: one chunk at a time.
        long attachmentId = new MessageRepository(db.dsl()).attachmentsOf(stored.id()).get(0).id();
        try (java.io.InputStream in = AttachmentContents.stream(db.dsl(), attachmentId).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
