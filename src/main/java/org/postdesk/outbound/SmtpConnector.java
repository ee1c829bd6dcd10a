package org.postdesk.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import org.postdesk.store.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands finished MIME bytes to a mailbox's SMTP server, unchanged, so a retry sends the same
 * Message-ID. Logs in when the URL has a user; STARTTLS is required for {@code smtp+starttls://};
 * certificates and host names are verified unless the mailbox's {@link TlsSettings} say otherwise.
 * Delivery is all or nothing: one refused recipient fails the whole send (no partial sends that a
 * retry would duplicate). Failures are {@link DeliveryException}s; see {@link SmtpFailures}.
 */
public final class SmtpConnector {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(SmtpConnector.class);

    private final String mailbox;
    private final MailboxUrl url;
    private final String password;
    private final TlsSettings tls;

    /** Sign in with SASL XOAUTH2, {@code password} being the OAuth2 access token. */
    private final boolean xoauth2;

    /** @param passwordOrNull ignored when the URL has no user (the server then relays without AUTH) */
    public SmtpConnector(String mailbox, MailboxUrl url, String passwordOrNull, TlsSettings tls) {
        this(mailbox, url, passwordOrNull, tls, false);
    }

    private SmtpConnector(String mailbox, MailboxUrl url, String passwordOrNull, TlsSettings tls, boolean xoauth2) {
        if (url.isImap()) {
            throw new IllegalArgumentException("mailbox " + mailbox + ": not an SMTP URL: " + url);
        }
        this.mailbox = mailbox;
        this.url = url;
        this.password = passwordOrNull;
        this.tls = tls;
        this.xoauth2 = xoauth2;
    }

    /** Signs in with XOAUTH2 and {@code accessToken} instead of the password (Gmail, Microsoft 365). */
    public SmtpConnector withAccessToken(String accessToken) {
        return new SmtpConnector(mailbox, url, accessToken, tls, true);
    }

    /** For a stored mailbox: the SMTP password, or the IMAP one when SMTP has none of its own. */
    public static SmtpConnector forMailbox(Mailbox m, SecretBox secrets) {
        String enc = m.smtpPasswordEnc() != null ? m.smtpPasswordEnc() : m.passwordEnc();
        String password = enc == null ? null : secrets.decrypt(enc, "mailbox " + m.name());
        return new SmtpConnector(m.name(), MailboxUrl.parseSmtp(m.smtpUrl()), password,
                new TlsSettings(m.trustStore(), m.trustAll()));
    }

    public MailboxUrl url() {
        return url;
    }

    /** Sends {@code rawMime} as is to {@code recipients}, with {@code envelopeFrom} as MAIL FROM, on a connection of its own. */
    public void send(byte[] rawMime, String envelopeFrom, List<String> recipients) {
        addresses(recipients); // an invalid recipient is refused before connecting
        try (SmtpLink link = open()) {
            link.send(rawMime, envelopeFrom, recipients);
        }
    }

    /** Connects, negotiates TLS and logs in; the link sends mails until it is closed. */
    public SmtpLink open() {
        Session session = Session.getInstance(properties());
        Transport transport = null;
        try {
            transport = session.getTransport(url.scheme().protocol());
            transport.connect(url.host(), url.port(), url.user(), password);
            return new TransportLink(session, transport);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw SmtpFailures.delivery(mailbox, url, e, true);
        }
    }

    /** One logged-in Jakarta Mail transport. */
    private final class TransportLink implements SmtpLink {
        private final Session session;
        private final Transport transport;

        TransportLink(Session session, Transport transport) {
            this.session = session;
            this.transport = transport;
        }

        @Override
        public void send(byte[] rawMime, String envelopeFrom, List<String> recipients) {
            send(MailBytes.of(rawMime), envelopeFrom, recipients);
        }

        @Override
        public void send(MailBytes mail, String envelopeFrom, List<String> recipients) {
            Address[] to = addresses(recipients);
            try {
                SMTPMessage message = new StreamedMessage(session, mail);
                message.setEnvelopeFrom(envelopeFrom);
                transport.sendMessage(message, to);
                log.debug("mailbox {}: SMTP {} accepted the mail for {}", mailbox, url.server(), recipients);
            } catch (MessagingException e) {
                throw SmtpFailures.delivery(mailbox, url, e, true);
            }
        }

        @Override
        public boolean usable() {
            return transport.isConnected(); // Angus checks with a NOOP
        }

        @Override
        public void close() {
            closeQuietly(transport);
        }
    }

    /**
     * A mail the transport writes straight from its {@link MailBytes}, unchanged: not parsed into a
     * MimeMessage first (which copied the whole mail, attachments included, into the heap again). The
     * transport adds no header of its own; it only dot-stuffs the bytes for DATA (RFC 5321 §4.5.2).
     */
    private static final class StreamedMessage extends SMTPMessage {
        private final MailBytes mail;

        StreamedMessage(Session session, MailBytes mail) {
            super(session);
            this.mail = mail;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            mail.writeTo(out);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            mail.writeTo(out);
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing an SMTP connection: {}", e.toString());
        }
    }

    /** Connects, negotiates TLS and logs in, then quits: what {@code mailbox test} needs. */
    public void check() {
        try (Transport transport = Session.getInstance(properties()).getTransport(url.scheme().protocol())) {
            transport.connect(url.host(), url.port(), url.user(), password);
        } catch (MessagingException e) {
            throw SmtpFailures.delivery(mailbox, url, e, false);
        }
    }

    private Address[] addresses(List<String> recipients) {
        if (recipients.isEmpty()) {
            throw new DeliveryException("mailbox " + mailbox + ": no recipients", true, -1, null);
        }
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            try {
                to[i] = new InternetAddress(recipients.get(i), true);
            } catch (AddressException e) {
                throw new DeliveryException("mailbox " + mailbox + ": recipient " + recipients.get(i)
                        + " is not a valid address: " + e.getMessage(), true, -1, e);
            }
        }
        return to;
    }

    Properties properties() {
        Properties props = new Properties();
        tls.applyTo(props, url, CONNECT_TIMEOUT, READ_TIMEOUT);
        props.put("mail." + url.scheme().protocol() + ".auth", String.valueOf(url.hasUser()));
        if (xoauth2) {
            props.put("mail." + url.scheme().protocol() + ".auth.mechanisms", "XOAUTH2");
        }
        return props;
    }
}
