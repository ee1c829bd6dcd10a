package org.postdesk.ops;

import java.util.List;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.MailBytes;
import org.postdesk.outbound.SmtpGateway;

/** Counts each hand-over's result by SMTP reply class; delivery itself is the wrapped gateway's. */
final class MeteredSmtpGateway implements SmtpGateway {
    private final SmtpGateway gateway;
    private final Metrics metrics;

    MeteredSmtpGateway(SmtpGateway gateway, Metrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
        metered(mailboxId, () -> gateway.send(mailboxId, envelopeFrom, recipients, raw));
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, MailBytes mail) {
        metered(mailboxId, () -> gateway.send(mailboxId, envelopeFrom, recipients, mail));
    }

    private void metered(long mailboxId, Runnable send) {
        try {
            send.run();
            metrics.smtpResult(mailboxId, "2xx");
        } catch (DeliveryException e) {
            metrics.smtpResult(mailboxId, resultClass(e.smtpCode()));
            throw e;
        }
    }

    /** 4xx and 5xx by the reply; "connect" when the server never answered (refused, timed out, TLS failed). */
    static String resultClass(int smtpCode) {
        if (smtpCode >= 500 && smtpCode < 600) {
            return "5xx";
        }
        if (smtpCode >= 400 && smtpCode < 500) {
            return "4xx";
        }
        return "connect";
    }

    @Override
    public void closeIdle() {
        gateway.closeIdle();
    }
}
