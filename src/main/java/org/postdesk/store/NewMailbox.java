package org.postdesk.store;

/** What {@link MailboxRepository#add} stores; the same fields as {@link Mailbox} without the generated ones. */
public record NewMailbox(String name, String address, String imapUrl, String smtpUrl, String passwordEnc,
                         String smtpPasswordEnc, String trustStore, boolean trustAll, String moveTo, String tagLabel,
                         String locale) {

    @Override
    public String toString() {
        return "NewMailbox[name=" + name + ", address=" + address + ", imap=" + imapUrl + ", smtp=" + smtpUrl + "]";
    }
}
