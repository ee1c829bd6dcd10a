package org.postdesk.outbound;

import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.OutboundMail;
import org.postdesk.store.NotificationRepository;
import org.postdesk.tickets.agent.ReplyToken;
import org.postdesk.tickets.agent.ReplyTokenCodec;
import org.postdesk.tickets.agent.ReplyTrimmer;

/**
 * Queues the mails Postdesk writes to agents. Each gets a notification row first, whose id goes
 * into the signed reply token; the token is the Message-ID (which replies keep in In-Reply-To) and
 * also a {@code Ref:} line in the body, for clients that drop headers. All are automatic mail.
 */
public final class AgentMailer {
    private final Templates templates;
    private final OutboundQueue queue;
    private final AutoHeaders autoHeaders;
    private final ReplyTokenCodec tokens;

    public AgentMailer(Templates templates, OutboundQueue queue, AutoHeaders autoHeaders, ReplyTokenCodec tokens) {
        this.templates = templates;
        this.queue = queue;
        this.autoHeaders = autoHeaders;
        this.tokens = tokens;
    }

    /** Records and queues {@code notice} in {@code tx}; returns the notification id. */
    public long send(DSLContext tx, AgentNotice n) {
        return sendAll(tx, List.of(n)).get(0);
    }

    /**
     * Records and queues each of {@code notices} in {@code tx}, their notification rows with one statement; returns
     * the notification ids in the order given.
     */
    public List<Long> sendAll(DSLContext tx, List<AgentNotice> notices) {
        List<Long> ids = new NotificationRepository(tx).insertAll(notices.stream()
                .map(n -> new NotificationRepository.NewNotification(n.ticketId(), n.agentId(), n.kind(),
                        n.seenMessageId(), n.heldReplyId(), n.now())).toList());
        List<OutboundQueue.Queued> mails = new java.util.ArrayList<>();
        for (int i = 0; i < notices.size(); i++) {
            AgentNotice n = notices.get(i);
            mails.add(new OutboundQueue.Queued(n.mailboxId(), n.ticketId(), n.kind(), compose(tx, n, ids.get(i)), n.now()));
        }
        queue.queueAll(tx, mails);
        return ids;
    }

    private OutboundMail compose(DSLContext tx, AgentNotice n, long id) {
        ReplyToken token = new ReplyToken(n.ticketId(), n.agentId(), id);
        AgentNoticeModel model = new AgentNoticeModel(n.ticket(), n.agentName(), ReplyTrimmer.MARKER,
                AgentTexts.help(n.locale()), "Ref: " + tokens.encode(token), n.details());
        RenderedMail rendered = templates.render(tx, n.template(), n.locale(), model);
        String messageId = tokens.messageIdFor(token, Acknowledgements.domainOf(n.support().address()));
        return new OutboundMail(n.support(), List.of(new MailAddress(n.agentAddress(), n.agentName())),
                List.of(), n.support(), rendered.subject(), rendered.text(), null, messageId, n.inReplyTo(),
                n.inReplyTo() == null ? List.of() : List.of(n.inReplyTo()), autoHeaders.headers(), List.of(),
                n.attachments());
    }
}
