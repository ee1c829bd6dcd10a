package org.postdesk.deadlines;

import org.postdesk.sla.SlaTarget;
import org.postdesk.store.TicketSlaRepository.NoticeKind;

/** Told of each SLA warning and breach the sweeper sent, after its commit (metrics); must be quick and never throw. */
@FunctionalInterface
public interface SlaObserver {
    SlaObserver NONE = (mailboxId, target, kind) -> { };

    /** A warning ({@link NoticeKind#WARNING}) or an escalation on breach ({@link NoticeKind#BREACH}) was sent. */
    void sent(long mailboxId, SlaTarget target, NoticeKind kind);
}
