package org.postdesk.app;

import org.jooq.DSLContext;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.app.sender.SenderEvidence;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NotificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a mail whose token verified for its agent may do, by the proof of its sender (issue 9):
 * with proof it acts as the agent; without, the mailbox's {@code --agent-sender-check} decides — the
 * stricter one of the mailbox it arrived in and the ticket's mailbox, so a forger gains nothing by
 * writing to a laxer one. An answer to a "Confirm:" mail needs no other proof: its token is fresh, used
 * once, and went only to the agent's own address.
 */
final class SenderGate {
    private static final Logger log = LoggerFactory.getLogger(SenderGate.class);

    /** What the reply may do. */
    enum Verdict {
        /** Act as the agent. */
        ACT,
        /** A customer's mail: it relays nothing and runs no command. */
        CUSTOMER,
        /** Hold it and ask the agent to confirm. */
        HOLD,
        /** It answers a confirmation mail: its {@code #send} releases the held reply. */
        CONFIRMS
    }

    Verdict judge(DSLContext tx, IngestService.Inbound in, AgentReply r) {
        if (new NotificationRepository(tx).confirmationOf(r.notification().id()).isPresent()) {
            return Verdict.CONFIRMS;
        }
        SenderEvidence evidence = in.evidence();
        if (evidence.proven()) {
            log.info("sender of the reply proven: {}", evidence.describe());
            return Verdict.ACT;
        }
        MailboxRepository mailboxes = new MailboxRepository(tx);
        SenderCheck check = SenderCheck.parse(mailboxes.agentSenderCheck(in.mailbox().id()))
                .stricter(SenderCheck.parse(mailboxes.agentSenderCheck(r.ticketMailbox().id())));
        String who = r.agent().primaryAddress();
        if (check == SenderCheck.TOKEN_ONLY) {
            log.warn("sender of the reply from {} not proven ({}); acting on the token alone (token-only)", who,
                    evidence.detail());
            event(tx, in, r, "reply from " + who + " acted on the token alone (agent-sender-check token-only): "
                    + evidence.detail());
            return Verdict.ACT;
        }
        if (check == SenderCheck.STRICT) {
            log.warn("sender of the reply from {} not proven ({}); handled as a customer's mail (strict)", who,
                    evidence.detail());
            event(tx, in, r, "reply from " + who + " handled as a customer's mail (agent-sender-check strict): "
                    + evidence.detail());
            return Verdict.CUSTOMER;
        }
        return Verdict.HOLD;
    }

    private static void event(DSLContext tx, IngestService.Inbound in, AgentReply r, String detail) {
        new EventRepository(tx).record(r.ticket().id(), in.now(), TicketWriter.SYSTEM, "sender-unproven",
                detail);
    }
}
