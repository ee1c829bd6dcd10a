package org.postdesk.outbound;

import java.time.Instant;
import java.util.List;
import org.postdesk.mail.MailAddress;
import org.postdesk.tickets.TicketNumber;

/** Everything an acknowledgement needs about the ticket that was just opened. */
public record AckRequest(long mailboxId, String teamName, MailAddress supportAddress, String locale, long ticketId,
                         TicketNumber number, String tag, MailAddress customer, String subject,
                         String customerMessageId, List<String> customerReferences, Instant now) {

    public AckRequest {
        customerReferences = List.copyOf(customerReferences);
    }
}
