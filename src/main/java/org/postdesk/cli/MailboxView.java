package org.postdesk.cli;

import java.time.Instant;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxState;
import org.postdesk.store.MailboxStatusRow;

/**
 * A mailbox as {@code list}/{@code show} print it, text or JSON. Passwords appear only as
 * "set"/"not set": neither the secret nor its ciphertext ever leaves the database through the CLI.
 */
record MailboxView(String name, String address, boolean enabled, String imap, String smtp, String password,
                   String smtpPassword, String tls, String afterStoring, String label, String locale,
                   Instant createdAt, String state, String lastError, Instant lastOkAt, Long uidValidity,
                   long lastUid, Instant stateUpdatedAt) {

    static MailboxView of(MailboxStatusRow row) {
        Mailbox m = row.mailbox();
        MailboxState s = row.state();
        return new MailboxView(m.name(), m.address(), m.enabled(), m.imapUrl(), m.smtpUrl(),
                m.passwordEnc() != null ? "set" : "not set", smtpPassword(m), tls(m),
                m.moveTo() == null ? "mark seen" : "move to " + m.moveTo(), m.tagLabel(), m.locale(), m.createdAt(),
                s.state(), s.lastError(), s.lastOkAt(), s.uidValidity(), s.lastUid(), s.updatedAt());
    }

    private static String smtpPassword(Mailbox m) {
        return m.smtpPasswordEnc() != null ? "set" : "same as IMAP";
    }

    private static String tls(Mailbox m) {
        if (m.trustAll()) {
            return "any certificate (testing only)";
        }
        return m.trustStore() == null ? "system trust store" : "trust store " + m.trustStore();
    }
}
