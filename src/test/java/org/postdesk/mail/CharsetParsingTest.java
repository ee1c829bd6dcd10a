package org.postdesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Legacy charsets: the fixtures are built here so the source file itself stays UTF-8. */
class CharsetParsingTest {

    private final MimeParser parser = new MimeParser(1_000_000);

    @Test
    void windows1251SubjectAndBody() {
        byte[] raw = Fixtures.message("""
                From: =?windows-1251?B?z+Xy8O7i?= <petrov@example.ru>
                To: support@postdesk.test
                Subject: =?windows-1251?B?z/Do4uXyLCDs6PA=?=
                Content-Type: text/plain; charset="windows-1251"
                Content-Transfer-Encoding: 8bit

                Добрый день! Ёлка.
                """, "windows-1251");
        InboundMessage m = parser.parse(raw);
        assertEquals("Привет, мир", m.subject());
        assertEquals("Петров", m.from().name());
        assertEquals("Добрый день! Ёлка.\n", m.textBody());
        assertTrue(m.parseNotes().isEmpty(), m.parseNotes()::toString);
    }

    @Test
    void koi8rBodyWithAliasCharsetName() {
        byte[] raw = Fixtures.message("""
                From: ivan@example.ru
                Subject: =?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=
                Content-Type: text/plain; charset=x-koi8r

                Текст в KOI8-R.
                """, "KOI8-R");
        InboundMessage m = parser.parse(raw);
        assertEquals("Привет", m.subject());
        assertEquals("Текст в KOI8-R.\n", m.textBody());
    }

    @Test
    void iso2022jpSubjectAndBody() {
        String body = "お問い合わせありがとうございます。";
        byte[] raw = Fixtures.message("""
                From: tanaka@example.jp
                Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=
                Content-Type: text/plain; charset=ISO-2022-JP
                Content-Transfer-Encoding: 7bit

                %s
                """.formatted(body), "ISO-2022-JP");
        InboundMessage m = parser.parse(raw);
        assertEquals("こんにちは", m.subject());
        assertEquals(body + "\n", m.textBody());
    }

    @Test
    void rawUtf8HeadersWithoutEncodedWords() {
        byte[] raw = Fixtures.message("""
                From: Иван Петров <ivan@example.ru>
                Subject: Не работает принтер
                Content-Type: text/plain; charset=utf-8

                x
                """, "UTF-8");
        InboundMessage m = parser.parse(raw);
        assertEquals("Не работает принтер", m.subject());
        assertEquals(new MailAddress("ivan@example.ru", "Иван Петров"), m.from());
        assertEquals("Не работает принтер", m.header("subject").orElseThrow());
    }

    @Test
    void rawWindows1251HeaderIsRecognisedAsCyrillic() {
        byte[] raw = Fixtures.message("""
                From: ivan@example.ru
                Subject: Счёт за март не пришёл
                Content-Type: text/plain; charset=iso-8859-1

                Добрый день, где счёт?
                """, "windows-1251");
        InboundMessage m = parser.parse(raw);
        assertEquals("Счёт за март не пришёл", m.subject());
        assertEquals("Добрый день, где счёт?\n", m.textBody());
        assertTrue(m.parseNotes().contains("8-bit header Subject decoded as windows-1251"), m.parseNotes()::toString);
    }

    @Test
    void unknownCharsetWithWesternBytesFallsBackToWindows1252() {
        byte[] raw = Fixtures.message("""
                From: a@example.fr
                Content-Type: text/plain; charset=x-foo

                Voilà – “café” déjà.
                """, "windows-1252");
        InboundMessage m = parser.parse(raw);
        assertEquals("Voilà – “café” déjà.\n", m.textBody());
        assertTrue(m.parseNotes().contains("body: unknown charset x-foo, decoded as windows-1252"), m.parseNotes()::toString);
    }

    @Test
    void latin1LabelStaysLatin1ForWesternText() {
        byte[] raw = Fixtures.message("""
                From: a@example.de
                Content-Type: text/plain; charset=ISO-8859-1

                Schöne Grüße aus München
                """, "ISO-8859-1");
        InboundMessage m = parser.parse(raw);
        assertEquals("Schöne Grüße aus München\n", m.textBody());
        assertTrue(m.parseNotes().isEmpty(), m.parseNotes()::toString);
    }

    @Test
    void encodedWordSplitInsideAMultiByteCharacterIsJoined() {
        // "Привет" in UTF-8 cut after its third byte, across two encoded words.
        byte[] raw = Fixtures.message("""
                Subject: =?UTF-8?Q?=D0=9F=D1?= =?UTF-8?Q?=80=D0=B8=D0=B2=D0=B5=D1=82?=
                From: a@example.ru

                x
                """, "US-ASCII");
        assertEquals("Привет", parser.parse(raw).subject());
    }
}
