package org.postdesk.outbound;

import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.store.OutboxItem;

/**
 * Told when the outbox gives up on a mail (refused for good, or still failing after
 * {@code outbox.give-up-after}), inside the transaction that records it, so the team hears of it
 * (invariant 4) exactly once.
 */
@FunctionalInterface
public interface DeliveryFailureListener {
    DeliveryFailureListener NONE = (tx, item, why, now) -> { };

    void gaveUp(DSLContext tx, OutboxItem item, String why, Instant now);
}
