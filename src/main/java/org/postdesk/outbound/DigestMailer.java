package org.postdesk.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.OutboxRepository;

/**
 * Renders and queues the weekly digest (template {@code digest}) to the team lead, with the HTML report attached.
 * It belongs to no ticket, so it goes straight into the outbox (no message is recorded on a ticket); the outbox
 * sends and retries it like every mail. Automatic mail: the loop headers are set.
 */
public final class DigestMailer {
    public static final String KIND = "DIGEST";
    public static final String TEMPLATE = "digest";
    private final Templates templates;
    private final MimeComposer composer;
    private final AutoHeaders autoHeaders;

    public DigestMailer(Templates templates, MimeComposer composer, AutoHeaders autoHeaders) {
        this.templates = templates;
        this.composer = composer;
        this.autoHeaders = autoHeaders;
    }

    /** One digest: from the support address {@code from} to {@code to}, the page {@code html} attached. */
    public record Digest(long mailboxId, MailAddress from, MailAddress to, String locale, DigestModel model,
                         String html, Instant now) {
    }

    /** Queues the digest in {@code tx}; returns its Message-ID. */
    public String queue(DSLContext tx, Digest d) {
        RenderedMail rendered = templates.render(tx, TEMPLATE, d.locale(), d.model());
        String messageId = MimeComposer.newMessageId(Acknowledgements.domainOf(d.from().address()));
        byte[] page = d.html().getBytes(StandardCharsets.UTF_8);
        OutboundMail mail = new OutboundMail(d.from(), List.of(d.to()), List.of(), null, rendered.subject(),
                rendered.text(), rendered.html(), messageId, null, List.of(), autoHeaders.headers(),
                List.of(Attachment.of(d.model().attachment(), "text/html; charset=UTF-8", page)));
        new OutboxRepository(tx).enqueue(new NewOutboxItem(d.mailboxId(), null, KIND, messageId, d.from().address(),
                List.of(d.to().address()), composer.compose(mail), d.now()));
        return messageId;
    }
}
