package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that must never make the parser throw or lose bytes. */
class MalformedInputTest {

    private final MimeParser parser = new MimeParser(1_000_000);

    @Test
    void garbageBytesGiveAMessageWithRawAndANote() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        InboundMessage m = parser.parse(garbage);
        assertArrayEquals(garbage, m.raw().bytes());
        assertEquals(64, m.contentHash().length());
        assertNotNull(m.textBody());
        assertEquals("", m.subject());
        assertTrue(m.parseNotes().stream().anyMatch(n -> n.startsWith("no header section")), m.parseNotes()::toString);
    }

    @Test
    void nullIsTheOnlyThingThatThrows() {
        assertThrows(NullPointerException.class, () -> parser.parse((byte[]) null));
    }

    @Test
    void emptyInputIsAnEmptyMessage() {
        InboundMessage m = parser.parse(new byte[0]);
        assertEquals("", m.textBody());
        assertNull(m.from());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", m.contentHash());
    }

    @Test
    void everyTruncationOfARealMessageParses() {
        byte[] full = Fixtures.eml("rfc2231-cyrillic-filename.eml");
        for (int length = 0; length <= full.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(full, length);
            assertArrayEquals(cut, parser.parse(cut).raw().bytes());
        }
    }

    @Test
    void deeplyNestedMultipartsDoNotOverflowTheStack() {
        StringBuilder mail = new StringBuilder("From: a@b.example\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i < 500; i++) {
            mail.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
        }
        InboundMessage m = parser.parse(mail.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(m.parseNotes().stream().anyMatch(n -> n.contains("nesting deeper")), m.parseNotes()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Content-Type: text/plain; charset=\n\nx",
        "Content-Type: ;;;==\"\n\nx",
        "Content-Type: multipart/mixed; boundary=\"\"\n\n--\n--\nx",
        "Content-Transfer-Encoding: base64\n\n@@@=\u00ff==",
        "Content-Transfer-Encoding: quoted-printable\n\n=\n=Z=4",
        "Subject: =?utf-8?B?@@@?= =?x-none?Q?=FF?= =?\n\nbody",
        "Content-Type: message/rfc822\n\n",
        "Content-Disposition: attachment; filename*0*=bad'%ZZ; filename*=''\nContent-Type: image/png\n\nx",
        "From: <<<@>>>, \"unterminated\n\nbody",
        "Date: Mon, 99 Xyz 2024 25:61:00 +0000\n\nbody",
    })
    void brokenHeadersAndBodiesNeverThrow(String text) {
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        InboundMessage m = parser.parse(raw);
        assertArrayEquals(raw, m.raw().bytes());
        assertNotNull(m.textBody());
        assertNotNull(m.subject());
    }
}
