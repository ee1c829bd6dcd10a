package org.postdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.tickets.agent.IdlePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Frees tickets whose owner has been idle for {@code agents.idle-release}, and tells the
 * mailbox's agents, so a customer is never left waiting on an agent who went home. Runs on the
 * daemon's timer. One query finds the tickets idle by the wall clock (only they can be idle in business time too);
 * each is then checked in its own transaction, with the mailbox's business hours, and released only if the same
 * owner still holds it since the same moment, so a sweep never undoes a fresh take.
 */
public final class IdleRelease {
    private static final Logger log = LoggerFactory.getLogger(IdleRelease.class);
    public static final String KIND = "IDLE_RELEASE";

    private final Database db;
    private final AgentNotices notices;
    private final IdlePolicy policy;
    private final Clock clock;

    public IdleRelease(Database db, AgentNotices notices, IdlePolicy policy, Clock clock) {
        this.db = db;
        this.notices = notices;
        this.policy = policy;
        this.clock = clock;
    }

    /** Releases every idle ticket now; returns how many. */
    public int sweep() {
        int released = 0;
        Instant cutoff = clock.instant().minus(policy.idleRelease());
        for (OwnershipRepository.Owned owned : new OwnershipRepository(db.dsl()).ownedOpenTicketsIdleSince(cutoff)) {
            try (var m = MDC.putCloseable("ticket", String.valueOf(owned.ticketId()))) {
                if (db.inTransaction(tx -> releaseIfIdle(tx, owned, clock.instant()))) {
                    released++;
                }
            }
        }
        return released;
    }

    private boolean releaseIfIdle(DSLContext tx, OwnershipRepository.Owned o, Instant now) {
        Instant last = new Conversation(tx).lastActivity(o.ticketId(), o.owner().agentId()).orElse(o.owner().since());
        long mailboxId = o.mailboxId();
        Instant since = policy.idleSince(o.owner(), last);
        // Idle time counts the mailbox's business hours (issue 11); without a calendar that is every hour.
        // Business time never exceeds wall time, so the calendar is only read once the wall clock has expired.
        if (!policy.expired(Duration.between(since, now))
                || !policy.expired(new CalendarRepository(tx).calendarOrAlways(mailboxId).businessTimeBetween(since, now))
                || !new OwnershipRepository(tx).release(o.ticketId(), o.owner(), now)) {
            return false;
        }
        AgentRepository agents = new AgentRepository(tx);
        String previous = agents.byId(o.owner().agentId()).map(Agent::display).orElse("agent " + o.owner().agentId());
        new EventRepository(tx).record(o.ticketId(), now, TicketWriter.SYSTEM, "release",
                "idle release: " + previous + " idle since " + last);
        List<Agent> team = agents.activeForMailbox(mailboxId);
        NoticeDetails.IdleRelease details = new NoticeDetails.IdleRelease(previous, describe(policy.idleRelease()));
        for (Agent agent : team) {
            notices.send(tx, agent, new AgentNotices.About(o.ticketId(), "idle-release", KIND, details, null, null,
                    List.of()), now);
        }
        log.info("released: {} idle since {}, told {} agent(s)", previous, last, team.size());
        return true;
    }

    static String describe(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 > 0 ? minutes / 60 + " h " + minutes % 60 + " min"
                : minutes + " min";
    }
}
