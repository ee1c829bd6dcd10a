package org.postdesk.bench;

import java.util.List;
import org.postdesk.config.SecretBox;
import org.postdesk.store.NewMailbox;

/** The mail server the benchmark fills and watches: in-process GreenMail, or a real one. */
interface BenchServer extends AutoCloseable {

    String describe();

    String supportAddress();

    /** The support mailbox as {@code postdesk mailbox add} would store it. */
    NewMailbox mailbox(SecretBox secrets);

    /** Puts {@code mails} into the support inbox, unread, as fast as the server allows (not timed). */
    void fill(List<BenchMail> mails);

    /**
     * Empties the support inbox between phases, or returns false when it cannot. GreenMail handles each
     * FETCH or STORE in time proportional to the square of the folder size (it looks up every message's
     * sequence number by a scan), so a 10,000-message INBOX would measure GreenMail, not Postdesk.
     */
    boolean clearSupportInbox();

    /** Sends {@code mail} by SMTP from its customer to the support address; returns once it is accepted. */
    void submit(BenchMail mail);

    /** The sender of latency sample {@code i}: a distinct address each, so no per-sender cap applies. */
    String latencyCustomer(int i);

    /** How many messages {@code address} has received, or -1 when the benchmark cannot see its mailbox. */
    int received(String address);

    @Override
    void close();
}
