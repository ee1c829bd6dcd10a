package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-ID of the message a bounce returns. Delivery status notifications (RFC 3464) rarely carry
 * In-Reply-To, but they return the original, whole (message/rfc822) or its header (text/rfc822-headers);
 * older mail systems (qmail, some Exchange and Lotus versions) quote it in the text instead. Knowing the
 * id lets a bounce of our acknowledgement or of an agent's answer land on the ticket it is about instead
 * of opening a ticket of its own.
 */
public final class ReturnedMessage {
    private static final Set<String> RETURNED_TYPES = Set.of("message/rfc822", "message/global",
            "text/rfc822-headers", "message/global-headers");
    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster", "mail-daemon",
            "mailer_daemon");
    private static final Pattern QUOTED_ID = Pattern.compile("(?im)^[ \\t>]*Message-ID:[ \\t]*(\\S.*)$");
    private static final Pattern ACTION_FAILED = Pattern.compile("(?im)^Action:\\s*failed\\b");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;\\s*)?(.+(?:\\n[ \\t]+.+)*)");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(\\S+)");

    private static final int REPORT_BYTES = 1 << 20;

    private ReturnedMessage() {
    }

    /** The returned message's id, when {@code m} is a bounce that names it; empty for every other message. */
    public static Optional<String> messageId(InboundMessage m) {
        if (!isBounce(m)) {
            return Optional.empty();
        }
        for (Attachment a : m.attachments()) {
            if (a.content() != null && RETURNED_TYPES.contains(a.contentType().toLowerCase(Locale.ROOT))) {
                String id = MessageIds.first(MimeParser.headerOf(a.content(), "Message-ID"));
                if (id != null) {
                    return Optional.of(id);
                }
            }
        }
        Matcher quoted = QUOTED_ID.matcher(m.textBody());
        return quoted.find() ? Optional.ofNullable(MessageIds.first(quoted.group(1))) : Optional.empty();
    }

    /**
     * Whether the bounce reports a failure: a delivery report with {@code Action: failed}, or a bounce in
     * the old style without a machine-readable report. A report that the mail is only delayed is not.
     */
    public static boolean failed(InboundMessage m) {
        if (!isBounce(m)) {
            return false;
        }
        List<String> reports = deliveryReports(m);
        return reports.isEmpty() || reports.stream().anyMatch(r -> ACTION_FAILED.matcher(r).find());
    }

    /** The mail server's reason, for people: the report's Diagnostic-Code or Status, else the subject. */
    public static String reason(InboundMessage m) {
        for (String report : deliveryReports(m)) {
            Matcher d = DIAGNOSTIC.matcher(report);
            if (d.find()) {
                return d.group(1).replaceAll("\\s+", " ").strip();
            }
            Matcher s = STATUS.matcher(report);
            if (s.find()) {
                return "status " + s.group(1).strip();
            }
        }
        return m.subject();
    }

    private static List<String> deliveryReports(InboundMessage m) {
        return m.attachments().stream()
                .filter(a -> a.content() != null && a.contentType().equalsIgnoreCase("message/delivery-status"))
                // A delivery report is a few lines; its first megabyte is all of any real one.
                .map(a -> new String(a.content().head(REPORT_BYTES), StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .toList();
    }

    /** A delivery report by its type, or a message from the mail system's own sender. */
    static boolean isBounce(InboundMessage m) {
        String type = m.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("multipart/report")) {
            return true;
        }
        if (m.attachments().stream().anyMatch(a -> a.contentType().equalsIgnoreCase("message/delivery-status"))) {
            return true;
        }
        if (m.from() == null) {
            return false;
        }
        String address = m.from().address();
        int at = address.indexOf('@');
        return BOUNCE_SENDERS.contains((at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT));
    }
}
