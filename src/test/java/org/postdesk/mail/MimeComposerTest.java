package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeComposerTest {

    private static final Instant NOW = Instant.parse("2024-03-20T10:15:30Z");
    private static final MailAddress SUPPORT = new MailAddress("support@postdesk.test", "Служба поддержки");
    private static final MailAddress CUSTOMER = new MailAddress("anna@example.ru", "Анна");

    private final MimeComposer composer = new MimeComposer(Clock.fixed(NOW, ZoneOffset.UTC));
    private final MimeParser parser = new MimeParser(1_000_000);

    private static OutboundMail mail(String html, List<Attachment> attachments) {
        return new OutboundMail(SUPPORT, List.of(CUSTOMER), List.of(new MailAddress("boss@example.ru", null)),
                new MailAddress("reply+abc@postdesk.test", null), "[Support #1234] Re: Счёт не пришёл",
                "Добрый день!\nСчёт отправлен.\n", html, "<out-1@postdesk.test>", "<in-1@example.ru>",
                List.of("<root@example.ru>", "<in-1@example.ru>"),
                Map.of("Auto-Submitted", "auto-replied", "X-Loop", "support@postdesk.test"), attachments);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void textOnlyMailIsASingleUtf8TextPartWithEncodedHeaders() {
        String wire = ascii(composer.compose(mail(null, List.of())));
        assertTrue(wire.contains("Content-Type: text/plain; charset=UTF-8"), wire);
        assertTrue(wire.contains("Message-ID: <out-1@postdesk.test>"), wire);
        assertTrue(wire.contains("Subject: =?UTF-8?"), wire);
        assertTrue(wire.contains("Date: Wed, 20 Mar 2024 10:15:30 +0000"), wire);
        assertTrue(wire.chars().allMatch(c -> c < 0x80), "7-bit clean");
        assertFalse(wire.contains("multipart"), wire);
    }

    @Test
    void roundTripKeepsEverything() {
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xFF, 1, 2};
        Attachment attachment = Attachment.of("Счёт № 42.pdf", "application/pdf", pdf);
        InboundMessage m = parser.parse(composer.compose(mail("<p>Добрый день!</p>", List.of(attachment))));

        assertEquals("[Support #1234] Re: Счёт не пришёл", m.subject());
        assertEquals("Добрый день!\nСчёт отправлен.\n", m.textBody());
        assertEquals("<p>Добрый день!</p>", m.htmlBody().strip());
        assertEquals("<out-1@postdesk.test>", m.messageId());
        assertEquals("<in-1@example.ru>", m.inReplyTo());
        assertEquals(List.of("<root@example.ru>", "<in-1@example.ru>"), m.references());
        assertEquals(SUPPORT, m.from());
        assertEquals(List.of(CUSTOMER), m.to());
        assertEquals(List.of(new MailAddress("reply+abc@postdesk.test", null)), m.replyTo());
        assertEquals("auto-replied", m.header("Auto-Submitted").orElseThrow());
        assertEquals("support@postdesk.test", m.header("X-Loop").orElseThrow());
        assertEquals(NOW, m.sentAt());
        assertEquals(1, m.attachments().size());
        assertEquals("Счёт № 42.pdf", m.attachments().get(0).filename());
        assertArrayEquals(pdf, m.attachments().get(0).content().bytes());
        assertTrue(m.parseNotes().isEmpty(), m.parseNotes()::toString);
    }

    @Test
    void structureFollowsTheContent() throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage alternative = new MimeMessage(session,
                new ByteArrayInputStream(composer.compose(mail("<p>x</p>", List.of()))));
        assertTrue(alternative.isMimeType("multipart/alternative"), alternative.getContentType());
        MimeMessage mixed = new MimeMessage(session, new ByteArrayInputStream(
                composer.compose(mail(null, List.of(Attachment.of("a.txt", "text/plain", new byte[] {'a'}))))));
        assertTrue(mixed.isMimeType("multipart/mixed"), mixed.getContentType());
        assertEquals("<out-1@postdesk.test>", mixed.getMessageID());
    }

    @Test
    void headerInjectionThroughSubjectIsImpossible() {
        OutboundMail evil = new OutboundMail(SUPPORT, List.of(CUSTOMER), List.of(), null,
                "Hi\r\nBcc: victim@example.com", "x", null, "<e@postdesk.test>", null, List.of(), Map.of(), List.of());
        InboundMessage m = parser.parse(composer.compose(evil));
        assertTrue(m.header("Bcc").isEmpty());
        assertNull(m.inReplyTo());
        assertEquals("Hi Bcc: victim@example.com", m.subject());
    }

    @Test
    void newMessageIdsAreUniqueAndBracketed() {
        String a = MimeComposer.newMessageId("postdesk.test");
        assertTrue(a.matches("<[0-9a-f-]{36}@postdesk\\.test>"), a);
        assertFalse(a.equals(MimeComposer.newMessageId("postdesk.test")));
        assertThrows(IllegalArgumentException.class, () -> MimeComposer.newMessageId(" "));
    }

    @Test
    void droppedAttachmentCannotBeSent() {
        Attachment dropped = new Attachment("big.bin", "application/octet-stream", 10, null, "exceeds limit of 1 bytes");
        assertThrows(IllegalArgumentException.class, () -> mail(null, List.of(dropped)));
    }

    @Test
    void everyLineEndBecomesCrlf() {
        assertEquals("a\r\nb\r\nc\r\n\r\nd", MimeComposer.crlf("a\nb\r\nc\r\rd"));
        assertEquals("\r\n\r\nx\r\n", MimeComposer.crlf("\n\rx\r"));
        assertEquals("already\r\ncanonical\r\n", MimeComposer.crlf("already\r\ncanonical\r\n"));
        assertEquals("", MimeComposer.crlf(""));
        assertEquals("\r\n", MimeComposer.crlf("\r"));
        assertEquals("one line, ünïcödé", MimeComposer.crlf("one line, ünïcödé"));
    }

    /** The copy of runs gives what a character-at-a-time rewrite gives, on random texts of line-break characters. */
    @Test
    void runsCopiedWholeGiveTheSameAsOneCharacterAtATime() {
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', '\r', '\n', 'b', '\r', 'é'};
        for (int t = 0; t < 5_000; t++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertEquals(oneAtATime(s), MimeComposer.crlf(s), () -> "text " + s.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    private static String oneAtATime(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append("\r\n");
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append("\r\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
