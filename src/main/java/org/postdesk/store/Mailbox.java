package org.postdesk.store;

import java.time.Instant;

/**
 * A watched mailbox as stored. URLs are kept as text (the store does not depend on config);
 * passwords only in encrypted form, and {@link #toString()} leaves even those out.
 *
 * @param smtpPasswordEnc null when SMTP logs in with the IMAP password
 * @param moveTo the folder a stored message is moved to; null marks it \Seen instead
 */
public record Mailbox(long id, String name, String address, String imapUrl, String smtpUrl, String passwordEnc,
                      String smtpPasswordEnc, String trustStore, boolean trustAll, String moveTo, String tagLabel,
                      String locale, boolean enabled, Instant createdAt) {

    @Override
    public String toString() {
        return "Mailbox[id=" + id + ", name=" + name + ", address=" + address + ", imap=" + imapUrl
                + ", smtp=" + smtpUrl + ", enabled=" + enabled + "]";
    }
}
