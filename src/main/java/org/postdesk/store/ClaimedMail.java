package org.postdesk.store;

import java.util.List;

/**
 * An outbox row claimed by one sender until its lease runs out. {@code token} must be given back when the
 * result is recorded, so a sender whose lease ran out (and whose row another sender took) records nothing.
 * {@code mailboxName} and {@code ticketNumber} (null for mail outside a ticket) are for the log's MDC.
 * {@code splices} are the stored attachments that go into the item's raw bytes (empty when they are whole).
 */
public record ClaimedMail(OutboxItem item, String token, String mailboxName, String ticketNumber,
                          List<OutboxSplice> splices) {
    public ClaimedMail {
        splices = List.copyOf(splices);
    }
}
