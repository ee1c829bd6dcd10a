package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses raw RFC 5322 bytes into an {@link InboundMessage}.
 *
 * <p>It never throws on bad input: whatever cannot be read is described in
 * {@link InboundMessage#parseNotes()}, and the raw bytes are always kept. Attachments larger than the
 * limit are recorded without content. Immutable and thread-safe.
 */
public final class MimeParser {

    private static final Logger log = LoggerFactory.getLogger(MimeParser.class);

    static {
        JakartaMailProviders.register();
    }

    private final long maxAttachmentBytes;

    /** @param maxAttachmentBytes largest decoded attachment kept; larger ones are dropped but recorded */
    public MimeParser(long maxAttachmentBytes) {
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be >= 0, was " + maxAttachmentBytes);
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** Parses; throws only {@link NullPointerException} for null. */
    public InboundMessage parse(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        byte[] copy = raw.clone();
        String hash = sha256(copy);
        List<String> notes = new ArrayList<>();
        try {
            MimeEntity entity = MimeEntity.parse(copy);
            if (entity.headers().isEmpty()) {
                return unreadable(copy, hash, "no header section found", notes);
            }
            return structured(entity, copy, hash, notes);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("MIME structure unreadable, keeping raw message {}", hash, e);
            return unreadable(copy, hash, e.toString(), notes);
        }
    }

    private InboundMessage structured(MimeEntity entity, byte[] raw, String hash, List<String> notes) {
        Map<String, List<String>> headers = decodedHeaders(entity.headers(), notes);
        Envelope envelope = Envelope.read(headers, notes);
        BodyCollector bodies = new BodyCollector(maxAttachmentBytes, notes);
        bodies.collect(entity);
        return new InboundMessage(envelope.messageId(), envelope.inReplyTo(), envelope.references(),
                envelope.from(), envelope.to(), envelope.cc(), envelope.replyTo(), envelope.subject(),
                envelope.sentAt(), bodies.textBody(), bodies.htmlBody(), bodies.attachments(), headers,
                envelope.contentLanguage(), raw, hash, notes);
    }

    /** Last resort: keep what headers can be read and show the whole message as text. */
    private InboundMessage unreadable(byte[] raw, String hash, String reason, List<String> notes) {
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("MIME structure unreadable: " + reason);
        Map<String, List<String>> headers = Map.of();
        Envelope envelope = Envelope.EMPTY;
        try {
            headers = decodedHeaders(MimeEntity.parse(raw).headers(), allNotes);
            envelope = Envelope.read(headers, allNotes);
        } catch (RuntimeException e) {
            allNotes.add("headers unreadable: " + e);
        }
        String text = CharsetDecoding.guess(raw).text().replace("\r\n", "\n");
        return new InboundMessage(envelope.messageId(), envelope.inReplyTo(), envelope.references(),
                envelope.from(), envelope.to(), envelope.cc(), envelope.replyTo(), envelope.subject(),
                envelope.sentAt(), text, null, List.of(), headers, envelope.contentLanguage(), raw, hash, allNotes);
    }

    private static Map<String, List<String>> decodedHeaders(HeaderFields fields, List<String> notes) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderFields.Field f : fields.all()) {
            String value = HeaderText.fix8bit(f.name(), f.value(), notes);
            headers.computeIfAbsent(HeaderFields.key(f.name()), k -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    /** The message-level header fields, decoded. */
    record Envelope(String messageId, String inReplyTo, List<String> references, MailAddress from,
                    List<MailAddress> to, List<MailAddress> cc, List<MailAddress> replyTo, String subject,
                    Instant sentAt, String contentLanguage) {

        static final Envelope EMPTY = new Envelope(null, null, List.of(), null, List.of(), List.of(), List.of(),
                "", null, null);

        static Envelope read(Map<String, List<String>> headers, List<String> notes) {
            String subject = EncodedWords.decode(first(headers, "subject"), notes);
            return new Envelope(
                    MessageIds.first(first(headers, "message-id")),
                    MessageIds.first(first(headers, "in-reply-to")),
                    MessageIds.all(String.join(" ", headers.getOrDefault("references", List.of()))),
                    from(first(headers, "from"), notes),
                    addresses(headers, "to"), addresses(headers, "cc"), addresses(headers, "reply-to"),
                    subject == null ? "" : subject.strip(),
                    sentAt(first(headers, "date"), notes),
                    stripToNull(first(headers, "content-language")));
        }

        private static MailAddress from(String value, List<String> notes) {
            if (value == null) {
                notes.add("no From header");
                return null;
            }
            List<MailAddress> parsed = AddressParsing.parseList(value);
            if (parsed.isEmpty()) {
                notes.add("invalid From address: " + value);
                return null;
            }
            return parsed.get(0);
        }

        private static Instant sentAt(String value, List<String> notes) {
            Instant sentAt = DateParsing.parse(value).orElse(null);
            if (sentAt == null && value != null) {
                notes.add("invalid Date: " + value);
            }
            return sentAt;
        }

        private static List<MailAddress> addresses(Map<String, List<String>> headers, String name) {
            List<MailAddress> all = new ArrayList<>();
            headers.getOrDefault(name, List.of()).forEach(v -> all.addAll(AddressParsing.parseList(v)));
            return all;
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        private static String stripToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
