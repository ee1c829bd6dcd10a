package org.postdesk.app;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.outbound.Acknowledgements;
import org.postdesk.outbound.DeliveryFailureListener;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.outbound.ReplyRelay;
import org.postdesk.store.Agent;
import org.postdesk.store.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the team when mail to a customer could not be delivered (invariant 4): the ticket's owner, or
 * the mailbox's agents when nobody (active) holds it, so somebody finds another way to reach the
 * customer. Only mail to customers counts; a notice to an agent that fails is logged and recorded on
 * the ticket, never answered with another notice (that could only fail the same way).
 */
public final class DeliveryFailureNotice implements DeliveryFailureListener {
    public static final String KIND = "DELIVERY_FAILED";
    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureNotice.class);
    private static final Set<String> TO_CUSTOMERS = Set.of(Acknowledgements.KIND, ReplyRelay.KIND);

    private final AgentNotices notices;

    public DeliveryFailureNotice(AgentNotices notices) {
        this.notices = notices;
    }

    @Override
    public void gaveUp(DSLContext tx, OutboxItem item, String why, Instant now) {
        if (item.ticketId() == null || !isToCustomer(item.kind())) {
            return;
        }
        tell(tx, item.ticketId(), item.kind(), String.join(", ", item.recipients()), why, now);
    }

    static boolean isToCustomer(String kind) {
        return TO_CUSTOMERS.contains(kind);
    }

    /** Sends the notice about the ticket's mail of {@code kind} to {@code recipients}. */
    void tell(DSLContext tx, long ticketId, String kind, String recipients, String why, Instant now) {
        List<Agent> team = Notifier.ownerOrTeam(tx, ticketId);
        NoticeDetails.DeliveryFailed details = new NoticeDetails.DeliveryFailed(kind, recipients, why);
        for (Agent agent : team) {
            notices.send(tx, agent, new AgentNotices.About(ticketId, "delivery-failed", KIND, details, null, null,
                    List.of()), now);
        }
        if (team.isEmpty()) {
            log.warn("ticket id {}: {} to {} failed and no active agent can be told: {}", ticketId, kind, recipients,
                    why);
        }
    }
}
