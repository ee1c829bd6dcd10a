package org.postdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // url                                                       | scheme        | user                | host             | port | folder
        "imap://mail.example.com                                     | IMAP          | -                   | mail.example.com | 143  | INBOX",
        "imaps://support%40example.com@mail.example.com              | IMAPS         | support@example.com | mail.example.com | 993  | INBOX",
        "imap+starttls://joe@Mail.Example.com:1143/Support/Inbox     | IMAP_STARTTLS | joe                 | mail.example.com | 1143 | Support/Inbox",
        "imaps://support@example.com@mail.example.com/INBOX          | IMAPS         | support@example.com | mail.example.com | 993  | INBOX",
        "imaps://u@h/Входящие%20письма                               | IMAPS         | u                   | h                | 993  | Входящие письма",
        "imaps://u+tag@h/a+b/                                        | IMAPS         | u+tag               | h                | 993  | a+b",
        "imap://u@[::1]:3143                                         | IMAP          | u                   | ::1              | 3143 | INBOX",
        "smtp://relay.example.com                                    | SMTP          | -                   | relay.example.com| 25   | -",
        "smtps://support%40example.com@smtp.example.com              | SMTPS         | support@example.com | smtp.example.com | 465  | -",
        "SMTP+STARTTLS://u@smtp.example.com/                         | SMTP_STARTTLS | u                   | smtp.example.com | 587  | -",
        "smtp+starttls://u@smtp.example.com:2525                     | SMTP_STARTTLS | u                   | smtp.example.com | 2525 | -",
    })
    void parses(String url, MailScheme scheme, String user, String host, int port, String folder) {
        MailboxUrl u = MailboxUrl.parse(url);
        assertEquals(new MailboxUrl(scheme, user, host, port, folder), u);
        assertEquals(u, MailboxUrl.parse(u.toString()), "toString reads back: " + u);
    }

    @Test
    void tlsFlags() {
        assertTrue(MailboxUrl.parse("imaps://h").implicitTls());
        assertFalse(MailboxUrl.parse("imaps://h").startTls());
        assertTrue(MailboxUrl.parse("smtp+starttls://h").startTls());
        assertFalse(MailboxUrl.parse("smtp://h").implicitTls() || MailboxUrl.parse("smtp://h").startTls());
    }

    @Test
    void canonicalFormEncodesTheAtSign() {
        assertEquals("imaps://support%40example.com@mail.example.com:993/INBOX",
                MailboxUrl.parse("imaps://support@example.com@mail.example.com").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | empty",
        "mail.example.com                    | no scheme",
        "pop3://mail.example.com             | unknown scheme 'pop3'",
        "imap://                             | host",
        "imap://h:99999                      | port",
        "imap://h:abc                        | port",
        "smtp://h/INBOX                      | SMTP URL has no folder",
        "imap://h/a?b                        | '?'",
        "imap://@h                           | user",
        "imap://u%zz@h                       | %-escape",
        "imap://bad_host!/                   | host",
    })
    void rejects(String url, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> MailboxUrl.parse(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"imaps://joe:hunter2@mail.example.com", "imaps://joe%40x.com:hunter2@mail.example.com/INBOX",
        "smtp://joe:hunter2@h:25", "joe:hunter2@h", "imap://joe:hun/ter2@h"})
    void passwordInUrlIsRefusedWithoutBeingShown(String url) {
        ConfigException e = assertThrows(ConfigException.class, () -> MailboxUrl.parse(url));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("ter2"), e.getMessage());
    }

    @Test
    void passwordMessageTellsWhereToPutIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> MailboxUrl.parse("imaps://joe:pw@h"));
        assertTrue(e.getMessage().contains("--password-env"), e.getMessage());
        assertTrue(e.getMessage().contains("--password-file"), e.getMessage());
    }

    @Test
    void kindIsChecked() {
        assertThrows(ConfigException.class, () -> MailboxUrl.parseImap("smtp://h"));
        assertThrows(ConfigException.class, () -> MailboxUrl.parseSmtp("imaps://h"));
        assertNull(MailboxUrl.parseSmtp("smtps://h").folder());
    }
}
