package org.postdesk.app;

import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.SenderConfirmation;
import org.postdesk.store.SenderConfirmationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lets held replies that nobody confirmed lapse after {@code agents.confirm-expiry} (issue 9): nothing is
 * sent, and the ticket's audit says so. Runs on the daemon's timer, each reply in its own transaction;
 * a {@code #send} racing the sweep wins or loses on one conditional update, never both.
 */
public final class ConfirmExpiry {
    private static final Logger log = LoggerFactory.getLogger(ConfirmExpiry.class);
    private static final int BATCH = 500;

    private final Database db;
    private final Clock clock;

    public ConfirmExpiry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Expires every held reply whose time ran out; returns how many. */
    public int sweep() {
        int expired = 0;
        for (SenderConfirmation c : new SenderConfirmationRepository(db.dsl()).due(clock.instant(), BATCH)) {
            try (var m = MDC.putCloseable("ticket", String.valueOf(c.ticketId()))) {
                if (db.inTransaction(tx -> expire(tx, c, clock.instant()))) {
                    expired++;
                }
            }
        }
        return expired;
    }

    static boolean expire(DSLContext tx, SenderConfirmation c, Instant now) {
        if (!new SenderConfirmationRepository(tx).resolve(c.id(), SenderConfirmation.EXPIRED, now)) {
            return false;
        }
        new EventRepository(tx).record(c.ticketId(), now, TicketWriter.SYSTEM, "confirm-expired",
                "held reply " + c.id() + " of " + new AgentRepository(tx).byId(c.agentId()).map(Agent::primaryAddress)
                        .orElse("agent " + c.agentId()) + " was not confirmed by " + c.expiresAt()
                        + ": it lapsed, nothing was sent");
        log.info("held reply {} lapsed unconfirmed, nothing sent", c.id());
        return true;
    }
}
