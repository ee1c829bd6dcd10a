package org.postdesk.outbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;

/**
 * Queues an agent's reply to the customer through {@code reply.ftl}. It is a person's answer, not
 * an automatic one: it carries no {@code Auto-Submitted} or {@code Precedence}, so the customer's
 * mail system treats it like any other mail (RFC 3834 §5 is about automatic responses only).
 */
public final class ReplyRelay {
    public static final String KIND = "REPLY";
    private final Templates templates;
    private final OutboundQueue queue;

    public ReplyRelay(Templates templates, OutboundQueue queue) {
        this.templates = templates;
        this.queue = queue;
    }

    /**
     * Queues the reply in {@code tx}; returns its Message-ID, or empty when it still carries a reply token
     * ({@code where} names the place) and was not queued: the caller holds it and tells the agent.
     */
    public Outcome relay(DSLContext tx, CustomerReply r) {
        RenderedMail rendered = templates.render(tx, "reply", r.locale(), r.model());
        Optional<String> leak = TokenGuard.find(tx, rendered.text(), r.attachments());
        if (leak.isPresent()) {
            return new Outcome(null, leak.get());
        }
        String messageId = MimeComposer.newMessageId(Acknowledgements.domainOf(r.from().address()));
        OutboundMail mail = new OutboundMail(r.from(), List.of(r.customer()), r.cc(), null,
                rendered.subject(), rendered.text(), null, messageId, r.inReplyTo(), r.references(), Map.of(),
                List.of(), r.attachments());
        queue.queue(tx, r.mailboxId(), r.ticketId(), KIND, mail, r.now());
        return new Outcome(messageId, null);
    }

    /** Either the queued mail's {@code messageId}, or {@code withheldBecause} a token was found there. */
    public record Outcome(String messageId, String withheldBecause) {
        public boolean queued() {
            return messageId != null;
        }
    }
}
