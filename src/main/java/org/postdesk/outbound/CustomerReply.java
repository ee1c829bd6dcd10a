package org.postdesk.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.mail.MailAddress;

/**
 * An agent's reply on its way to the customer.
 *
 * @param from the support address with the agent's name as display name
 * @param inReplyTo the customer's last message, or null when there is none
 * @param references that message's references followed by it
 * @param attachments stored attachments it carries (read from the store when it is sent)
 */
public record CustomerReply(long mailboxId, long ticketId, String locale, MailAddress from, MailAddress customer,
                            List<MailAddress> cc, ReplyModel model, String inReplyTo, List<String> references,
                            List<AttachmentRef> attachments, Instant now) {
    public CustomerReply {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(customer, "customer");
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }
}
