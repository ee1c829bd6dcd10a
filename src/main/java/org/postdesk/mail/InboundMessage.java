package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed inbound message, made only of JDK types.
 *
 * <p>Never-null fields: {@code references}, {@code to}, {@code cc}, {@code replyTo}, {@code subject} ("" when
 * absent), {@code textBody} (derived from the HTML when only HTML exists), {@code attachments},
 * {@code headers}, {@code raw} and {@code parseNotes}.
 * Nullable: {@code messageId}, {@code inReplyTo} (both {@code <id@host>} form), {@code from},
 * {@code sentAt}, {@code htmlBody}, {@code contentLanguage}.
 *
 * <p>{@code headers} maps lower-case names to unfolded values in message order (names in order of first
 * appearance). {@code raw} is the source as received, possibly in a temporary file: whoever read it from the
 * server closes it once the message is stored.
 */
public record InboundMessage(
        String messageId,
        String inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        String subject,
        Instant sentAt,
        String textBody,
        String htmlBody,
        List<Attachment> attachments,
        Map<String, List<String>> headers,
        String contentLanguage,
        RawSource raw,
        List<String> parseNotes) {

    public InboundMessage {
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        subject = Objects.requireNonNullElse(subject, "");
        textBody = Objects.requireNonNullElse(textBody, "");
        attachments = List.copyOf(attachments);
        headers = orderedCopy(headers);
        Objects.requireNonNull(raw, "raw");
        parseNotes = List.copyOf(parseNotes);
    }

    /** This message with another raw source (a stand-in parsed from its headers, kept with the real source). */
    public InboundMessage withRaw(RawSource source) {
        return new InboundMessage(messageId, inReplyTo, references, from, to, cc, replyTo, subject, sentAt, textBody,
                htmlBody, attachments, headers, contentLanguage, source, parseNotes);
    }

    /**
     * Deletes the temporary files of the attachments (not {@code raw}, which its reader closes); call it once the
     * message is stored. The attachments cannot be read afterwards.
     */
    public void closeAttachments() {
        attachments.forEach(a -> {
            if (a.content() != null) {
                a.content().close();
            }
        });
    }

    /** The first value of a header (name case-insensitive), unfolded and not decoded. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Lower-case hex SHA-256 of {@code raw}. Computed on each call: ingest identifies a message by its
     * {@link #contentFingerprint()}, so hashing every (possibly 40 MB) source while parsing would be wasted.
     */
    public String contentHash() {
        return sha256Hex(raw);
    }

    /** Lower-case hex SHA-256 of the whole source, read as a stream (a spooled source is not loaded whole). */
    public static String sha256Hex(RawSource source) {
        MessageDigest digest = sha256();
        try (java.io.InputStream in = new java.security.DigestInputStream(source.open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("hashing " + source + " failed", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The content fingerprint: lower-case hex SHA-256 of the sender, the date, the subject, the text and
     * every attachment (name, type, size and content), and of nothing the transport adds (Received,
     * Delivered-To, Return-Path ...): the same mail delivered to two mailboxes has one fingerprint, a
     * different mail that reuses a Message-ID has another. Computed on each call.
     */
    public String contentFingerprint() {
        MessageDigest digest = sha256();
        field(digest, "from", from == null ? "" : from.address());
        field(digest, "date", sentAt != null ? sentAt.toString() : header("date").orElse(""));
        field(digest, "subject", subject.strip());
        field(digest, "text", textBody.replace("\r\n", "\n").strip());
        for (Attachment a : attachments) {
            String content = a.content() == null ? "dropped" : sha256Hex(a.content());
            field(digest, "attachment", a.filename() + "\n" + a.contentType() + "\n" + a.size() + "\n" + content);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String name, String value) {
        // Length-prefixed, so that no two different field lists hash the same bytes.
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    // Map.copyOf would lose the header order, which matters when reading Received chains.
    private static Map<String, List<String>> orderedCopy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) ->
                copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }
}
