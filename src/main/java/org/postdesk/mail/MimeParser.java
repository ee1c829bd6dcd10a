package org.postdesk.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.storage.StorageBodyFactory;
import org.apache.james.mime4j.storage.ThresholdStorageProvider;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses raw RFC 5322 bytes into an {@link InboundMessage}, with Apache James mime4j.
 *
 * <p>mime4j is configured here, per parser and without global state: lenient (no strict parsing, no
 * line, header or content length limits), bodies kept encoded (so a forwarded message can be written back
 * byte for byte) and stored in memory only up to {@value #IN_MEMORY_BYTES} bytes, in temporary files
 * beyond, deleted when the parse ends. {@link HeaderRecovery} repairs the top-level header section first.
 *
 * <p>It never throws on bad input: whatever cannot be read is described in
 * {@link InboundMessage#parseNotes()}, and the raw bytes are always kept. Attachments larger than the
 * limit are recorded without content. Immutable and thread-safe.
 */
public final class MimeParser {

    private static final Logger log = LoggerFactory.getLogger(MimeParser.class);
    static final int IN_MEMORY_BYTES = 256 * 1024;
    /** The header section of a spooled source is looked for in this many first bytes. */
    static final int HEAD_BYTES = 1 << 20;
    private static final int UNREADABLE_TEXT_BYTES = 4 << 20;

    static {
        JakartaMailProviders.register();
    }

    /** Default of {@code ingest.max-body-bytes}: the longest text kept as the body of a mail (2 MiB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 2 << 20;

    private final long maxAttachmentBytes;
    private final int maxBodyBytes;
    private final MimeConfig config = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .build();
    private final StorageBodyFactory bodies = new StorageBodyFactory(
            new ThresholdStorageProvider(new ScratchStorage(), IN_MEMORY_BYTES),
            DecodeMonitor.SILENT);

    /** @param maxAttachmentBytes largest decoded attachment kept; larger ones are dropped but recorded */
    public MimeParser(long maxAttachmentBytes) {
        this(maxAttachmentBytes, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param maxAttachmentBytes largest decoded attachment kept; larger ones are dropped but recorded
     * @param maxBodyBytes       longest decoded text/plain or text/html body part kept as body text; a longer one
     *                           keeps its beginning as the body and is attached whole
     */
    public MimeParser(long maxAttachmentBytes, int maxBodyBytes) {
        if (maxAttachmentBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be >= 0, was " + maxAttachmentBytes);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
        }
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Parses; throws only {@link NullPointerException} for null. The message keeps {@code raw} itself, not
     * a copy (a large message must not be held twice): the caller must not change it afterwards.
     */
    public InboundMessage parse(byte[] raw) {
        return parse(RawSource.of(Objects.requireNonNull(raw, "raw")));
    }

    /**
     * Parses {@code raw}, streaming it when it is spooled to a file (only its header section is read into memory);
     * the message keeps {@code raw} itself, and the caller closes it once the message is stored.
     */
    public InboundMessage parse(RawSource raw) {
        Objects.requireNonNull(raw, "raw");
        List<String> notes = new ArrayList<>();
        Message message = null;
        try {
            message = read(raw, notes);
            return structured(message, raw, notes);
        } catch (IOException | MimeException | RuntimeException | StackOverflowError e) {
            InboundMessage unreadable = unreadable(raw, e.toString(), notes);
            log.warn("MIME structure unreadable, keeping raw message {}", unreadable.contentHash(), e);
            return unreadable;
        } finally {
            if (message != null) {
                message.dispose(); // deletes the temporary files of large bodies
            }
        }
    }

    private Message read(RawSource raw, List<String> notes) throws IOException, MimeException {
        if (raw.inMemory()) {
            byte[] all = raw.bytes();
            byte[] bytes = LineEnds.onlyBareCr(all) ? LineEnds.crToCrlf(all, notes) : all;
            HeaderRecovery.Repaired repaired = HeaderRecovery.repair(bytes, notes);
            return build(new SequenceInputStream(new ByteArrayInputStream(repaired.headers()),
                    new ByteArrayInputStream(bytes, repaired.bodyStart(), bytes.length - repaired.bodyStart())), notes);
        }
        boolean bareCr;
        try (InputStream in = raw.open()) {
            bareCr = LineEnds.onlyBareCr(in);
        }
        if (!bareCr) {
            return readSpooled(raw, notes);
        }
        // Rare (classic Mac OS mail): a converted copy, spooled like the original, read and then deleted.
        try (InputStream in = LineEnds.crToCrlf(raw.open(), notes);
             RawSource converted = RawSource.spool(in, 2 * raw.length())) {
            return readSpooled(converted, notes);
        }
    }

    /**
     * Only the header section is repaired in memory (from the first {@value #HEAD_BYTES} bytes); the body streams
     * from the file. mime4j copies each body into its own storage (memory or temporary files) while it parses, so
     * the spooled source may be closed afterwards.
     */
    private Message readSpooled(RawSource raw, List<String> notes) throws IOException, MimeException {
        HeaderRecovery.Repaired repaired = HeaderRecovery.repair(raw.head(HEAD_BYTES), notes);
        try (InputStream body = raw.open()) {
            body.skipNBytes(repaired.bodyStart());
            return build(new SequenceInputStream(new ByteArrayInputStream(repaired.headers()), body), notes);
        }
    }

    private Message build(InputStream in, List<String> notes) throws IOException, MimeException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        NotingMonitor monitor = new NotingMonitor(notes);
        builder.setDecodeMonitor(monitor);
        builder.setBodyDescriptorBuilder(new Rfc2231Boundary(monitor));
        builder.setBodyFactory(bodies);
        builder.setContentDecoding(false);
        return builder.parseMessage(in);
    }

    private InboundMessage structured(Message message, RawSource raw, List<String> notes) {
        Charset hint = charsetHint(message);
        BodyCollector collector = new BodyCollector(maxAttachmentBytes, maxBodyBytes, hint, notes);
        collector.collect(message);
        Map<String, List<String>> headers = headers(message, hint, notes);
        Envelope envelope = Envelope.read(headers, notes);
        return new InboundMessage(envelope.messageId(), envelope.inReplyTo(), envelope.references(),
                envelope.from(), envelope.to(), envelope.cc(), envelope.replyTo(), envelope.subject(),
                envelope.sentAt(), collector.textBody(), collector.htmlBody(), collector.attachments(), headers,
                envelope.contentLanguage(), raw, notes);
    }

    /** Last resort: show the whole message as text. */
    private InboundMessage unreadable(RawSource raw, String reason, List<String> notes) {
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("MIME structure unreadable: " + reason);
        // At most the first megabytes as text: the whole source is kept beside it.
        String text = CharsetDecoding.guess(raw.head(UNREADABLE_TEXT_BYTES)).text().replace("\r\n", "\n");
        return new InboundMessage(null, null, List.of(), null, List.of(), List.of(), List.of(), "", null, text,
                null, List.of(), Map.of(), null, raw, allNotes);
    }

    /**
     * The charset the message declares for its text, or null: raw 8-bit headers are most often written in
     * it. That of the first leaf part (the text, in nearly every message).
     */
    private static Charset charsetHint(Message message) {
        Entity leaf = message;
        while (leaf.getBody() instanceof Multipart multipart && !multipart.getBodyParts().isEmpty()) {
            leaf = multipart.getBodyParts().get(0);
        }
        Field type = leaf.getHeader() == null ? null : leaf.getHeader().getField("Content-Type");
        return type == null ? null : CharsetDecoding.lookup(leaf.getCharset()).orElse(null);
    }

    /** The unfolded value of a header of a returned or attached message, or null; never throws. */
    static String headerOf(RawSource message, String name) {
        // Only the header section is read from the stream, also when the attached message is large.
        try (InputStream in = message.open()) {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            Field field = builder.parseHeader(in).getField(name);
            return field == null ? null : HeaderText.value(field, null, new ArrayList<>());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(Message message, Charset hint, List<String> notes) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Field f : message.getHeader().getFields()) {
            String value = HeaderText.value(f, hint, notes);
            headers.computeIfAbsent(f.getName().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    /** Keeps mime4j's warnings about damaged structure (truncated multiparts and the like) as parse notes. */
    private static final class NotingMonitor extends DecodeMonitor {
        private final List<String> notes;

        NotingMonitor(List<String> notes) {
            this.notes = notes;
        }

        @Override
        public boolean warn(String error, String dummy) {
            if (notes.size() < 50) {
                notes.add("MIME: " + error);
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    /** The message-level header fields, decoded. */
    record Envelope(String messageId, String inReplyTo, List<String> references, MailAddress from,
                    List<MailAddress> to, List<MailAddress> cc, List<MailAddress> replyTo, String subject,
                    Instant sentAt, String contentLanguage) {

        static Envelope read(Map<String, List<String>> headers, List<String> notes) {
            String subject = HeaderText.words(first(headers, "subject"), notes);
            return new Envelope(
                    MessageIds.first(first(headers, "message-id")),
                    MessageIds.first(first(headers, "in-reply-to")),
                    MessageIds.all(String.join(" ", headers.getOrDefault("references", List.of()))),
                    from(headers.getOrDefault("from", List.of()), notes),
                    addresses(headers, "to"), addresses(headers, "cc"), addresses(headers, "reply-to"),
                    subject == null ? "" : subject.strip(),
                    sentAt(first(headers, "date"), notes),
                    stripToNull(first(headers, "content-language")));
        }

        /**
         * The first From field that holds an address. Broken senders (spam kits, some scripts) put a junk
         * From field before the real one; mime4j and Python's {@code email} keep both, and reading only the
         * first would leave the ticket without a requester.
         */
        private static MailAddress from(List<String> values, List<String> notes) {
            if (values.isEmpty()) {
                notes.add("no From header");
                return null;
            }
            for (String value : values) {
                List<MailAddress> parsed = AddressParsing.parseList(value);
                if (!parsed.isEmpty()) {
                    return parsed.get(0);
                }
                notes.add("invalid From address: " + value);
            }
            return null;
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
