package org.postdesk.store;

import java.time.Duration;
import java.time.Instant;
import org.postdesk.sla.SlaState;
import org.postdesk.sla.SlaTarget;

/**
 * One target of a ticket as last computed and stored.
 *
 * @param nextCheckAt when the sweeper must look again; null when nothing falls due
 */
public record TicketSla(long ticketId, SlaTarget target, int cycle, SlaState state, Duration budget, Instant dueAt,
                        Instant warnAt, Duration left, Instant metAt, Instant nextCheckAt, Instant computedAt) {
}
