package org.postdesk.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * {@code headers}, {@code raw}, {@code contentHash} (lower-case hex SHA-256 of raw) and {@code parseNotes}.
 * Nullable: {@code messageId}, {@code inReplyTo} (both {@code <id@host>} form), {@code from},
 * {@code sentAt}, {@code htmlBody}, {@code contentLanguage}.
 *
 * <p>{@code headers} maps lower-case names to unfolded values in message order (names in order of first
 * appearance). The raw array is not copied on access: treat it as read-only.
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
        byte[] raw,
        String contentHash,
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
        Objects.requireNonNull(contentHash, "contentHash");
        parseNotes = List.copyOf(parseNotes);
    }

    /** The first value of a header (name case-insensitive), unfolded and not decoded. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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
