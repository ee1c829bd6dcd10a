package org.postdesk.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.mail.MailAddress;

/**
 * One mail to one agent about one ticket.
 *
 * @param template the template name, e.g. {@code notification}
 * @param kind what the notification row and the outbox call it, e.g. {@code NOTIFY}
 * @param seenMessageId the ticket's latest conversation message now (the stale guard's reference)
 * @param heldReplyId the held reply it is about, or null
 * @param inReplyTo the agent's mail it answers, or null
 * @param attachments stored attachments it carries (read from the store when it is sent)
 */
public record AgentNotice(String template, String kind, long mailboxId, MailAddress support, String locale,
                          long ticketId, long agentId, String agentName, String agentAddress, long seenMessageId,
                          Long heldReplyId, TicketSummary ticket, Object details, List<AttachmentRef> attachments,
                          String inReplyTo, Instant now) {
    public AgentNotice {
        Objects.requireNonNull(template, "template");
        attachments = List.copyOf(attachments);
    }
}
