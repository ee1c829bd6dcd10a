package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Found with real mail through Dovecot: KOI8-R text under a wrong or missing label came out as windows-1251 gibberish. */
class Koi8FallbackTest {

    private final MimeParser parser = new MimeParser(1_000_000);

    @Test
    void koi8rBodyLabelledUsAsciiIsReadAsKoi8r() {
        InboundMessage m = parser.parse(Fixtures.message("""
                From: customer@example.test
                To: support@postdesk.test
                Subject: koi8
                Content-Type: text/plain; charset=us-ascii

                Добрый день, коллеги. Проблема с оплатой.
                """, "KOI8-R"));
        assertEquals("Добрый день, коллеги. Проблема с оплатой.\n", m.textBody());
        assertTrue(m.parseNotes().toString().contains("KOI8-R"), m.parseNotes()::toString);
    }

    @Test
    void unlabelledKoi8rAndWindows1251AreToldApart() {
        String text = "Здравствуйте! Где мой счёт за октябрь?";
        assertEquals(text, CharsetDecoding.decode(text.getBytes(CharsetDecoding.KOI8_R), null).text());
        assertEquals(text, CharsetDecoding.decode(text.getBytes(CharsetDecoding.WINDOWS_1251), null).text());
    }
}
