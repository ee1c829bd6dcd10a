package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeParserTest {

    private final MimeParser parser = new MimeParser(10_000);

    private InboundMessage parse(String fixture) {
        return parser.parse(Fixtures.eml(fixture));
    }

    private static boolean hasNote(InboundMessage m, String fragment) {
        return m.parseNotes().stream().anyMatch(n -> n.contains(fragment));
    }

    @Test
    void utf8BodyDeclaredAsUsAsciiIsReadAsUtf8() {
        InboundMessage m = parse("mislabelled-us-ascii.eml");
        assertEquals("Здравствуйте, принтер не печатает.\n", m.textBody());
        assertEquals(new MailAddress("ivan.petrov@example.ru", "Иван Петров"), m.from());
        assertTrue(hasNote(m, "declared US-ASCII but 8-bit bytes, decoded as UTF-8"), m.parseNotes()::toString);
    }

    @Test
    void unknownCharsetFallsBackToUtf8WithANote() {
        InboundMessage m = parse("unknown-charset.eml");
        assertEquals("Grüße aus Köln\n", m.textBody());
        assertTrue(hasNote(m, "unknown charset x-foo-bar, decoded as UTF-8"), m.parseNotes()::toString);
    }

    @Test
    void rfc2231ContinuedCyrillicFilenameIsDecoded() {
        InboundMessage m = parse("rfc2231-cyrillic-filename.eml");
        assertEquals("Счёт", m.subject());
        assertEquals("Счёт во вложении.", m.textBody());
        Attachment pdf = m.attachments().get(0);
        assertEquals("Счёт № 42.pdf", pdf.filename());
        assertEquals("application/pdf", pdf.contentType());
        assertArrayEquals("%PDF-1.4 fake pdf bytes\n".getBytes(StandardCharsets.US_ASCII), pdf.content().bytes());
    }

    @Test
    void rfc2047EncodedFilenameIsDecoded() {
        InboundMessage m = parse("rfc2047-filename.eml");
        assertEquals("Übersicht 2024.jpg", m.attachments().get(0).filename());
        assertEquals("image/jpeg", m.attachments().get(0).contentType());
        assertEquals("Anbei der Scan, Grüße", m.textBody());
        assertEquals(new MailAddress("hans@example.de", "Mueller, Hans"), m.from());
        assertEquals("\"Mueller, Hans\" <hans@example.de>", m.from().toString());
    }

    /**
     * Over 256 KB an attachment is decoded into a temporary file in this process's directory, not into the heap, and
     * closing the message's attachments deletes it; over the limit it is only measured.
     */
    @Test
    void largeAttachmentsAreDecodedIntoATemporaryFileOrMeasuredWhenOverTheLimit() {
        byte[] file = new byte[700_001];
        new java.util.Random(3).nextBytes(file);
        byte[] raw = ("From: a@example.test\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n--b\r\nContent-Type: application/pdf; name=f.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(file)
                + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
        InboundMessage parsed = new MimeParser(1_000_000).parse(raw);
        Attachment kept = parsed.attachments().get(0);
        assertFalse(kept.content().inMemory());
        assertTrue(kept.content().toString().contains(ScratchFiles.directory().toString()), kept.content().toString());
        assertArrayEquals(file, kept.content().bytes());
        assertEquals(700_001, kept.size());
        long files = scratchFiles();
        parsed.closeAttachments();
        assertEquals(files - 1, scratchFiles());
        Attachment dropped = new MimeParser(500_000).parse(raw).attachments().get(0);
        assertNull(dropped.content());
        assertEquals(700_001, dropped.size());
        assertEquals("exceeds limit of 500000 bytes", dropped.droppedReason());
    }

    @Test
    void attachmentOverTheLimitIsDroppedButRecorded() {
        InboundMessage m = parse("oversize-attachment.eml");
        Attachment big = m.attachments().get(0);
        assertEquals("big.bin", big.filename());
        assertEquals(10_240, big.size());
        assertNull(big.content());
        assertEquals("exceeds limit of 10000 bytes", big.droppedReason());
        Attachment small = m.attachments().get(1);
        assertEquals("small.txt", small.filename());
        assertArrayEquals("tiny".getBytes(StandardCharsets.US_ASCII), small.content().bytes());
        assertEquals("Logs attached.", m.textBody());
        assertTrue(hasNote(m, "attachment big.bin dropped"));
    }

    @Test
    void htmlOnlyMessageGetsAReadableTextBody() {
        InboundMessage m = parse("html-only.eml");
        assertNotNull(m.htmlBody());
        assertEquals("Hello Anna,\n\nOrder № 42 is shipped.\nFish & chips <3\n\nCafé ☺", m.textBody());
        assertEquals(Instant.parse("2024-03-14T08:00:00Z"), m.sentAt());
    }

    @Test
    void bounceKeepsTheNotificationAsTextAndTheReportAsAttachments() {
        InboundMessage m = parse("bounce.eml");
        assertTrue(m.textBody().startsWith("This is the mail system at host mx.postdesk.test."));
        assertTrue(m.textBody().contains("550 5.1.1 User unknown"));
        assertFalse(m.textBody().contains("Original text"));
        assertEquals(List.of("message/delivery-status", "message/rfc822"),
                m.attachments().stream().map(Attachment::contentType).toList());
        String report = new String(m.attachments().get(0).content().bytes(), StandardCharsets.US_ASCII);
        assertTrue(report.contains("Status: 5.1.1"));
        assertEquals("mailer-daemon@mx.postdesk.test", m.from().address());
        assertEquals("Mail Delivery System", m.from().name());
        assertEquals("auto-replied", m.header("Auto-Submitted").orElseThrow());
        assertEquals(Instant.parse("2024-03-15T11:00:00Z"), m.sentAt());
    }

    @Test
    void outlookAutoReplyIsParsedWithThreadingHeaders() {
        InboundMessage m = parse("outlook-auto-reply.eml");
        assertEquals("Respuesta automática: [Support #1234] Printer", m.subject());
        assertEquals("<ack-1234@postdesk.test>", m.inReplyTo());
        assertEquals(List.of("<req-1@corp.example>", "<ack-1234@postdesk.test>"), m.references());
        assertEquals("All", m.header("x-auto-response-suppress").orElseThrow());
        assertEquals("es-ES", m.contentLanguage());
        assertEquals("Estoy fuera de la oficina hasta el lunes. Gracias.\n", m.textBody());
        assertTrue(m.htmlBody().contains("<p>Estoy fuera"));
        assertTrue(m.header("received").orElseThrow().contains("EXCH01.corp.example (10.0.0.5) by EXCH02"));
        assertEquals(List.of(new MailAddress("support@postdesk.test", "support@postdesk.test")), m.to());
        assertTrue(m.parseNotes().isEmpty(), m.parseNotes()::toString);
    }

    @Test
    void forwardedMessageIsAnEmlAttachmentNamedAfterItsSubject() {
        InboundMessage m = parse("forwarded.eml");
        assertEquals("Please handle the customer's mail below.", m.textBody());
        Attachment eml = m.attachments().get(0);
        assertEquals("Broken invoice.eml", eml.filename());
        assertEquals("message/rfc822", eml.contentType());
        InboundMessage inner = parser.parse(eml.content());
        assertEquals("The invoice total is wrong.", inner.textBody().strip());
        assertEquals(new MailAddress("anna@example.ru", "Анна"), inner.from());
        assertEquals("<fwd-1@corp.example>", m.messageId());
    }

    @Test
    void messageWithoutMessageIdHasNullIdAndAContentHash() {
        byte[] raw = Fixtures.eml("no-message-id.eml");
        InboundMessage m = parser.parse(raw);
        assertNull(m.messageId());
        assertEquals(64, m.contentHash().length());
        assertEquals(m.contentHash(), parser.parse(raw).contentHash());
        assertEquals("Job finished.\n", m.textBody());
        assertEquals(List.of(), m.references());
    }

    @Test
    void messageWithoutContentTypeIsPlainText() {
        InboundMessage m = parse("no-content-type.eml");
        assertEquals("Nothing declared here.\nSecond line.\n", m.textBody());
        assertEquals("<no-brackets@mailer.example>", m.messageId());
        assertEquals("<prev@postdesk.test>", m.inReplyTo());
        assertEquals(List.of("<a@x.example>", "<b@x.example>"), m.references());
        assertEquals(Instant.parse("2024-03-16T08:00:00Z"), m.sentAt());
    }

    @Test
    void truncatedMultipartKeepsWhatArrived() {
        byte[] raw = Fixtures.eml("truncated-multipart.eml");
        InboundMessage m = parser.parse(raw);
        assertEquals("The beginning survived.", m.textBody());
        assertEquals("photo.png", m.attachments().get(0).filename());
        assertTrue(hasNote(m, "Body part ended prematurely"), m.parseNotes()::toString);
        assertArrayEquals(raw, m.raw().bytes());
    }

    @Test
    void multipartWithoutBoundaryParameterIsReadAsText() {
        // As mime4j and Python's email read it (NoBoundaryInMultipartDefect): nothing is lost, nothing split.
        InboundMessage m = parse("missing-boundary.eml");
        assertTrue(m.textBody().contains("Found anyway."), m.textBody());
    }

    @Test
    void invalidDateAndAddressesGiveNullsAndNotes() {
        InboundMessage m = parse("invalid-date.eml");
        assertNull(m.sentAt());
        assertTrue(hasNote(m, "invalid Date"));
        assertEquals("Bad date", m.subject());
        assertEquals("Body here.", m.textBody().strip());
        assertTrue(m.to().contains(new MailAddress("carol@example.com", "Carol")), m.to()::toString);
    }

    @Test
    void headersKeepOrderAndAllValues() {
        InboundMessage m = parse("outlook-auto-reply.eml");
        assertEquals("received", m.headers().keySet().iterator().next());
        assertEquals("<req-1@corp.example> <ack-1234@postdesk.test>", m.header("References").orElseThrow());
    }

    @Test
    void messageIdsWithoutBracketsWithBlanksOrCommentsAreNormalised() {
        InboundMessage m = parser.parse(Fixtures.message("""
                From: hal@example.com
                Message-ID: (generated by a script)  abc.123 @ mailer.example  (tail)
                In-Reply-To: prev-7@postdesk.test
                References: <a@x.example> (comment) b@x.example

                ids
                """, "US-ASCII"));
        assertEquals("<abc.123@mailer.example>", m.messageId());
        assertEquals("<prev-7@postdesk.test>", m.inReplyTo());
        assertEquals(List.of("<a@x.example>", "<b@x.example>"), m.references());
    }

    private static long scratchFiles() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(ScratchFiles.directory())) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
