package org.postdesk.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds RFC 5322 bytes from an {@link OutboundMail}: text/plain in UTF-8, multipart/alternative with an
 * HTML body, multipart/mixed with attachments; non-ASCII subject and names as RFC 2047 words and
 * filenames as RFC 2231 parameters. The Message-ID is exactly the one given, so a retried send is
 * recognisable as the same message.
 *
 * <p>Uses Jakarta Mail directly rather than Commons Email, which chooses the multipart layout itself
 * and offers no hook to keep the Message-ID through {@code saveChanges()}. Thread-safe.
 */
public final class MimeComposer {

    private static final String UTF_8 = "UTF-8";
    private static final Pattern HEADER_NAME = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    static {
        JakartaMailProviders.register();
    }

    private final Session session = Session.getInstance(new Properties());
    private final Clock clock;

    public MimeComposer() {
        this(Clock.systemUTC());
    }

    /** @param clock source of the Date header */
    public MimeComposer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code <uuid@domain>}, unique without coordination between daemons. */
    public static String newMessageId(String domain) {
        Objects.requireNonNull(domain, "domain");
        String host = domain.strip().replaceAll("[<>@\\s]", "");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("message id domain is blank: '" + domain + "'");
        }
        return "<" + UUID.randomUUID() + "@" + host + ">";
    }

    /**
     * The whole mail; {@code mail} must have no stored attachments (those need {@link #composeSpliced}).
     *
     * @throws MailComposeException when Jakarta Mail rejects a value (wrapping its checked exception)
     */
    public byte[] compose(OutboundMail mail) {
        Objects.requireNonNull(mail, "mail");
        if (!mail.storedAttachments().isEmpty()) {
            throw new IllegalArgumentException("mail " + mail.messageId() + " has stored attachments: compose it"
                    + " with composeSpliced and send it with their bytes read from the store");
        }
        return composeSpliced(mail).raw();
    }

    /**
     * The mail with a place cut out for the base64 body of each stored attachment (the headers, Date and
     * boundaries fixed now, so the mail put together at every send is byte for byte the same).
     *
     * @throws MailComposeException when Jakarta Mail rejects a value (wrapping its checked exception)
     */
    public ComposedMail composeSpliced(OutboundMail mail) {
        Objects.requireNonNull(mail, "mail");
        // Each stored attachment is written as a pre-encoded base64 part holding a marker unique to this
        // call; the markers are then cut out of the bytes and their offsets kept.
        String markerPrefix = "postdesk-splice-" + UUID.randomUUID() + "-";
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            writeEnvelope(message, mail);
            writeContent(message, mail, markerPrefix);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return cutMarkers(out.toByteArray(), markerPrefix, mail);
        } catch (MessagingException | IOException e) {
            throw new MailComposeException("cannot compose mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static ComposedMail cutMarkers(byte[] written, String markerPrefix, OutboundMail mail) {
        if (mail.storedAttachments().isEmpty()) {
            return new ComposedMail(written, List.of());
        }
        String text = new String(written, StandardCharsets.ISO_8859_1); // one char per byte: indexes are offsets
        ByteArrayOutputStream raw = new ByteArrayOutputStream(written.length);
        List<ComposedMail.Splice> splices = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < mail.storedAttachments().size(); i++) {
            String marker = markerPrefix + i;
            int at = text.indexOf(marker, from);
            if (at < 0) {
                throw new IllegalStateException("mail " + mail.messageId() + ": the place of stored attachment "
                        + mail.storedAttachments().get(i).filename() + " is missing from the composed mail");
            }
            raw.write(written, from, at - from);
            splices.add(new ComposedMail.Splice(raw.size(), mail.storedAttachments().get(i).id()));
            from = at + marker.length();
        }
        raw.write(written, from, written.length - from);
        return new ComposedMail(raw.toByteArray(), splices);
    }

    private void writeEnvelope(MimeMessage message, OutboundMail mail) throws MessagingException, IOException {
        message.setFrom(internet(mail.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, internet(mail.to()));
        message.setRecipients(MimeMessage.RecipientType.CC, internet(mail.cc()));
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {internet(mail.replyTo())});
        }
        message.setSubject(oneLine(mail.subject()), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", oneLine(mail.inReplyTo()));
        }
        if (!mail.references().isEmpty()) {
            // RFC 5322 §2.1.1: long References chains must be folded below 998 characters per line.
            message.setHeader("References", MimeUtility.fold(12, oneLine(String.join(" ", mail.references()))));
        }
        for (Map.Entry<String, String> header : mail.extraHeaders().entrySet()) {
            message.setHeader(headerName(header.getKey()), encodedHeader(header.getKey(), header.getValue()));
        }
    }

    private MimeMultipart alternative(OutboundMail mail) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(mail.textBody(), "plain"));
        alternative.addBodyPart(textPart(mail.htmlBody(), "html"));
        return alternative;
    }

    /** The simplest layout that holds the mail: a single text part when there is nothing else. */
    private void writeContent(MimeMessage message, OutboundMail mail, String markerPrefix) throws MessagingException {
        boolean files = !mail.attachments().isEmpty() || !mail.storedAttachments().isEmpty();
        if (!files && mail.htmlBody() == null) {
            text(message, mail.textBody(), "plain");
        } else if (!files) {
            message.setContent(alternative(mail));
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(mail.htmlBody() == null ? textPart(mail.textBody(), "plain") : wrap(alternative(mail)));
            for (Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                String type = safeContentType(attachment.contentType());
                part.setDataHandler(new DataHandler(new SourceData(attachment.content(), type, attachment.filename())));
                mixed.addBodyPart(named(part, type, attachment.filename()));
            }
            for (int i = 0; i < mail.storedAttachments().size(); i++) {
                AttachmentRef stored = mail.storedAttachments().get(i);
                MimeBodyPart part = new PreencodedMimeBodyPart("base64");
                String type = safeContentType(stored.contentType());
                byte[] marker = (markerPrefix + i).getBytes(StandardCharsets.US_ASCII);
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(marker, type)));
                mixed.addBodyPart(named(part, type, stored.filename()));
            }
            message.setContent(mixed);
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        text(part, text, subtype);
        return part;
    }

    /**
     * What {@code setText(text, "UTF-8", subtype)} writes, for a tenth of its cost: the UTF-8 bytes as the content
     * and the transfer encoding chosen from them by Angus's own rule ({@link MimeUtility#getEncoding(DataSource)}:
     * 7bit, else quoted-printable, else base64) and set here, so {@code saveChanges()} does not write the whole text
     * through the text/plain content handler once more only to choose it.
     */
    private static void text(MimePart part, String text, String subtype) throws MessagingException {
        String type = "text/" + subtype + "; charset=" + UTF_8;
        ByteArrayDataSource body = new ByteArrayDataSource(crlf(text).getBytes(StandardCharsets.UTF_8), type);
        part.setDataHandler(new DataHandler(body));
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", MimeUtility.getEncoding(body));
    }

    /**
     * Canonical CRLF line ends before encoding (RFC 2049 §4). A loop rather than {@code replaceAll}: this runs on
     * every notice and acknowledgement, and the regular expression cost more than the rest of the text's handling.
     */
    static String crlf(String text) {
        int n = text.length();
        StringBuilder out = null;
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') {
                continue;
            }
            boolean pair = c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n';
            if (pair) {
                i++;
                continue; // already canonical: copied with the run it ends
            }
            if (out == null) {
                out = new StringBuilder(n + n / 16);
            }
            // The run up to this bare CR or LF in one copy, not a character at a time (the hottest leaf of the
            // drain's composing when it did).
            out.append(text, from, i).append("\r\n");
            from = i + 1;
        }
        return out == null ? text : out.append(text, from, n).toString();
    }

    private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(multipart);
        return part;
    }

    /** {@code part} as an attachment named {@code filename}: RFC 2231 name and filename parameters. */
    private static MimeBodyPart named(MimeBodyPart part, String type, String filename) throws MessagingException {
        ParameterList nameParam = new ParameterList();
        nameParam.set("name", filename, UTF_8);
        ContentType contentType = new ContentType(type);
        contentType.setParameterList(nameParam);
        part.setHeader("Content-Type", contentType.toString());
        ParameterList filenameParam = new ParameterList();
        filenameParam.set("filename", filename, UTF_8);
        part.setHeader("Content-Disposition", new ContentDisposition("attachment", filenameParam).toString());
        return part;
    }

    private static String safeContentType(String type) {
        try {
            ContentType parsed = new ContentType(type);
            return parsed.getBaseType();
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String headerName(String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
        return name;
    }

    private static String encodedHeader(String name, String value) throws UnsupportedEncodingException {
        return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(oneLine(value), UTF_8, null));
    }

    /** No CR or LF may reach a header value: that would let a subject inject headers. */
    private static String oneLine(String value) {
        // String.replaceAll compiles its pattern at every call: a few per header of every mail composed.
        boolean breaks = value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return breaks ? LINE_BREAKS.matcher(value).replaceAll(" ") : value;
    }

    private static InternetAddress internet(MailAddress address) throws UnsupportedEncodingException {
        String name = address.name() == null ? null : oneLine(address.name());
        return new InternetAddress(address.address(), name, UTF_8);
    }

    private static InternetAddress[] internet(List<MailAddress> addresses) throws UnsupportedEncodingException {
        InternetAddress[] result = new InternetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = internet(addresses.get(i));
        }
        return result;
    }

    /** Keeps the given Message-ID; plain MimeMessage would replace it in saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", oneLine(messageId));
        }
    }

    /** An attachment's content as Angus reads it when it encodes the part: streamed, not copied into an array. */
    private record SourceData(RawSource content, String getContentType, String getName) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return content.open();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("attachment " + getName + " is read-only");
        }
    }
}
