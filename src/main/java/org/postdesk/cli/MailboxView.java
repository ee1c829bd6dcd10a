package org.postdesk.cli;

import java.time.Instant;
import java.util.Map;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
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
                   long lastUid, Instant stateUpdatedAt, String watchedBy, String agentSenderCheck,
                   BadMailView badMail) {

    /**
     * @param watchers mailbox id → the daemon recorded as watching it ({@link DaemonRegistry#watchers()})
     */
    static MailboxView of(MailboxStatusRow row, Map<Long, DaemonInfo> watchers, Instant now) {
        Mailbox m = row.mailbox();
        MailboxState s = row.state();
        return new MailboxView(m.name(), m.address(), m.enabled(), m.imapUrl(), m.smtpUrl(),
                m.passwordEnc() != null ? "set" : "not set", smtpPassword(m), tls(m),
                m.moveTo() == null ? "mark seen" : "move to " + m.moveTo(), m.tagLabel(), m.locale(), m.createdAt(),
                s.state(), s.lastError(), s.lastOkAt(), s.uidValidity(), s.lastUid(), s.updatedAt(),
                watchedBy(watchers.get(m.id()), now), null, null);
    }

    /** With the mailbox's {@code --agent-sender-check} (strict, confirm, token-only), as {@code show} prints it. */
    MailboxView withAgentSenderCheck(String check) {
        return new MailboxView(name, address, enabled, imap, smtp, password, smtpPassword, tls, afterStoring, label,
                locale, createdAt, state, lastError, lastOkAt, uidValidity, lastUid, stateUpdatedAt, watchedBy, check,
                badMail);
    }

    /** With the mailbox's quarantined and failing messages, as {@code show} prints them. */
    MailboxView withBadMail(BadMailView bad) {
        return new MailboxView(name, address, enabled, imap, smtp, password, smtpPassword, tls, afterStoring, label,
                locale, createdAt, state, lastError, lastOkAt, uidValidity, lastUid, stateUpdatedAt, watchedBy,
                agentSenderCheck, bad);
    }

    /** "host pid 4242", or "-" when no daemon watches it; a daemon whose heartbeat stopped is marked gone. */
    private static String watchedBy(DaemonInfo d, Instant now) {
        if (d == null) {
            return "-";
        }
        boolean live = d.heartbeatAt().isAfter(now.minus(DaemonRegistry.LIVENESS));
        return live ? d.display() : d.display() + " (gone)";
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
