package org.postdesk.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;

/** Renders and queues the one acknowledgement a new ticket gets. */
public final class Acknowledgements {
    public static final String KIND = "ACK";
    private final Templates templates;
    private final OutboundQueue queue;
    private final AutoHeaders autoHeaders;

    public Acknowledgements(Templates templates, OutboundQueue queue, AutoHeaders autoHeaders) {
        this.templates = templates;
        this.queue = queue;
        this.autoHeaders = autoHeaders;
    }

    /** Queues the acknowledgement in {@code tx}; returns its Message-ID. */
    public String queue(DSLContext tx, AckRequest req) {
        String customerName = req.customer().name() == null ? req.customer().address() : req.customer().name();
        AckModel model = new AckModel(req.number().toString(), req.tag(), req.subject(), customerName,
                req.customer().address(), req.supportAddress().address(), req.teamName());
        // Outside business hours the customer is told when the team is back (issue 11).
        Optional<AfterHoursAckModel> afterHours = AfterHoursAck.model(tx, req, model);
        RenderedMail rendered = afterHours.isPresent()
                ? templates.render(tx, AfterHoursAck.TEMPLATE, req.locale(), afterHours.get())
                : templates.render(tx, "ack", req.locale(), model);
        String messageId = MimeComposer.newMessageId(domainOf(req.supportAddress().address()));
        OutboundMail mail = new OutboundMail(req.supportAddress(), List.of(req.customer()), List.of(), null,
                rendered.subject(), rendered.text(), rendered.html(), messageId, req.customerMessageId(),
                references(req), autoHeaders.headers(), List.of());
        queue.queue(tx, req.mailboxId(), req.ticketId(), KIND, mail, req.now());
        return messageId;
    }

    private static List<String> references(AckRequest req) {
        List<String> refs = new ArrayList<>(req.customerReferences());
        if (req.customerMessageId() != null && !refs.contains(req.customerMessageId())) {
            refs.add(req.customerMessageId());
        }
        return refs;
    }

    /** The domain our Message-IDs use for mail from {@code address}. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "postdesk.invalid" : address.substring(at + 1);
    }
}
