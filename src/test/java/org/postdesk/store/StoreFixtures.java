package org.postdesk.store;

import static org.postdesk.store.db.Tables.MAILBOX;

import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.tickets.TicketNumber;

/** Small factories for store tests. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static long mailbox(DSLContext dsl, String name) {
        return dsl.insertInto(MAILBOX)
                .set(MAILBOX.NAME, name).set(MAILBOX.ADDRESS, name + "@example.test")
                .set(MAILBOX.IMAP_URL, "imap://" + name + "@localhost/INBOX")
                .set(MAILBOX.SMTP_URL, "smtp://" + name + "@localhost")
                .set(MAILBOX.TAG_LABEL, "Support")
                .returningResult(MAILBOX.ID).fetchOne(MAILBOX.ID);
    }

    static long ticket(DSLContext dsl, long mailboxId, String requester) {
        TicketRepository tickets = new TicketRepository(dsl);
        TicketNumber number = tickets.nextNumber();
        return tickets.insert(new NewTicket(number, mailboxId, "printer", requester, null, "en", null,
                Instant.parse("2026-11-23T10:00:00Z")));
    }

    static NewMessage inbound(long ticketId, String messageId) {
        return inbound(ticketId, messageId, new byte[] {1, 2});
    }

    /** As {@link #inbound(long, String)}, with {@code raw} as its source. */
    static NewMessage inbound(long ticketId, String messageId, byte[] raw) {
        return new NewMessage(ticketId, null, NewMessage.Direction.IN, "CUSTOMER", messageId, messageId, null, "",
                "ann@example.test", "Ann", "support@example.test", "", "printer",
                null, Instant.parse("2026-11-23T10:00:00Z"), "it is broken", null, raw, null, 7L);
    }
}
