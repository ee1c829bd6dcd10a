package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text body part longer than {@code ingest.max-body-bytes} keeps its beginning as the body, cut at a line end,
 * with a line that says so, and is attached whole: nothing is lost and no whole String of it is made.
 */
class LongBodyTest {

    private final MimeParser parser = new MimeParser(10_000_000, 1024);

    /** 200 lines of "Zeile NNN: Grüße aus München\n" in UTF-8: 6,000 decoded bytes, with multi-byte characters. */
    private static String longText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append(String.format("Zeile %03d: Grüße aus München%n", i).replace(System.lineSeparator(), "\n"));
        }
        return b.toString();
    }

    private static byte[] mail(String contentType, String transferEncoding, String body) {
        return ("From: Ann <ann@example.com>\r\nTo: support@postdesk.test\r\nSubject: Export log\r\n"
                + "Message-ID: <long-body@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: " + transferEncoding + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainTextOverTheLimitKeepsItsBeginningAndIsAttachedWhole() {
        String text = longText();
        InboundMessage m = parser.parse(mail("text/plain; charset=utf-8", "8bit", text.replace("\n", "\r\n")));

        String body = m.textBody();
        assertTrue(body.startsWith("Zeile 000: Grüße aus München\nZeile 001"), body);
        assertTrue(body.length() < 1200, "body of " + body.length() + " chars");
        assertFalse(body.contains("\uFFFD"), "a cut inside a multi-byte character: " + body);
        assertTrue(body.contains("the whole text is attached as body.txt"), body);
        String kept = body.substring(0, body.indexOf("\n\n[The text"));
        assertTrue(kept.endsWith("München\n"), "cut at a line end: " + kept);
        assertTrue(m.parseNotes().stream().anyMatch(n -> n.contains("ingest.max-body-bytes")), m.parseNotes().toString());

        List<Attachment> attachments = m.attachments();
        assertEquals(1, attachments.size());
        Attachment whole = attachments.get(0);
        assertEquals("body.txt", whole.filename());
        assertEquals("text/plain", whole.contentType());
        assertNotNull(whole.content());
        assertEquals(text, new String(whole.content().bytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void htmlOverTheLimitIsConvertedOnlyInItsKeptPartAndAttachedWhole() {
        String html = "<html><body>" + longText().replace("\n", "<br>\n") + "</body></html>";
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
        InboundMessage m = parser.parse(mail("text/html; charset=utf-8", "base64", base64));

        assertTrue(m.htmlBody().length() < 1300, "html of " + m.htmlBody().length() + " chars");
        assertTrue(m.textBody().startsWith("Zeile 000: Grüße aus München"), m.textBody());
        assertTrue(m.textBody().contains("attached as body.html"), m.textBody());
        assertEquals(List.of("body.html"), m.attachments().stream().map(Attachment::filename).toList());
        assertEquals(html, new String(m.attachments().get(0).content().bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void textUnderTheLimitIsUntouched() {
        InboundMessage m = parser.parse(mail("text/plain; charset=utf-8", "8bit", "Short question.\r\n"));
        assertEquals("Short question.\n", m.textBody());
        assertTrue(m.attachments().isEmpty());
    }
}
