package org.postdesk.app.sender;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code Received} headers at the top of a message for SMTP authentication as an agent,
 * recorded by a mail server the admin trusts ({@code agents.trusted-relays}).
 *
 * <p>Each server of the delivery path puts its Received header on top of the ones already there, and a
 * sender can write any header below. So the chain is read from the top, and only while every header was
 * written by a trusted server ("by" a trusted host): through the hops inside the team's own system (from a
 * trusted host or address, or over LMTP) down to the hop where the mail entered it.
 * That entry header decides: it counts when it records SMTP AUTH as one of the agent's addresses. A
 * header below the entry is never read, so a forged "Authenticated sender" further down does nothing.
 * Nor does one the sender smuggles into the entry itself, in the quoted local part of the envelope sender or
 * recipient that the server copies into its header: only whole top-level comments are read
 * ({@link ReceivedFields}).
 *
 * <p>Recognised records of authentication: Postfix's {@code (Authenticated sender: LOGIN)}
 * ({@code smtpd_sasl_authenticated_header = yes}); Courier's {@code (AUTH: METHOD LOGIN, …)};
 * {@code (authenticated as|id|user LOGIN)} as Exim's {@code received_header_text} can be set to write;
 * and, for Exim's and Dovecot submission's default headers, an authenticated protocol (RFC 3848
 * {@code ESMTPA}, {@code ESMTPSA}) together with {@code (envelope-from <ADDRESS>)} — which proves the
 * sender only where the server ties the envelope sender to the login (Postfix
 * {@code reject_sender_login_mismatch}, Exim's and Dovecot's equivalents). Hand-written: no maintained
 * Java library reads Received headers.
 */
final class ReceivedChain {
    private static final int CI = Pattern.CASE_INSENSITIVE;
    /** Each a whole top-level comment, so text a sender put in an address or a quoted string never matches. */
    private static final List<Pattern> AUTHENTICATED = List.of(
            Pattern.compile("Authenticated sender:\\s*<?([^\\s()<>]+?)>?", CI),
            Pattern.compile("AUTH:\\s*\\S+\\s+([^\\s,()]+)(?:,.*)?", CI | Pattern.DOTALL),
            Pattern.compile("authenticated[ _-](?:as|id|user):?\\s*<?([^\\s()<>;]+?)>?", CI));
    private static final Pattern ENVELOPE_FROM = Pattern.compile("envelope-from\\s+<([^>\\s\"]+)>", CI);
    /** RFC 3848: a protocol name ending in "A" means the client authenticated. */
    private static final Pattern AUTH_PROTOCOL = Pattern.compile("(?:E?SMTPS?A|UTF8SMTPS?A|UTF8LMTPS?A)", CI);
    private static final Pattern LOCAL_PROTOCOL = Pattern.compile("(?:LMTPS?A?|local|UTF8LMTPS?A?)", CI);
    private static final Pattern ADDRESS = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f.:]+)]");

    private ReceivedChain() {
    }

    /** What proves {@code agentAddresses} sent it, for the audit; empty when nothing does. */
    static Optional<String> authenticatedAs(List<String> received, Set<String> agentAddresses, SenderTrust trust) {
        for (String header : received) {
            ReceivedFields fields = ReceivedFields.parse(header);
            String by = fields.clause("by").orElse(null);
            if (fields.malformed() || by == null || !trust.trustsRelay(by)) {
                return Optional.empty(); // an untrusted server wrote this one: nothing below it can be believed
            }
            Optional<String> login = login(fields);
            if (login.isPresent()) {
                String l = login.get().toLowerCase(Locale.ROOT);
                return agentAddresses.contains(l) ? Optional.of("SMTP AUTH as " + l + " recorded by " + by)
                        : Optional.empty();
            }
            if (!insideTrustedPath(fields, trust)) {
                return Optional.empty(); // the mail entered here without authentication
            }
        }
        return Optional.empty();
    }

    /**
     * The login the header records. Postfix and Courier write it in the {@code from} clause, before {@code by};
     * Exim's {@code received_header_text} may put it anywhere before the date, so those patterns are read in every
     * clause but {@code for} (which names the recipient, chosen by the sender).
     */
    private static Optional<String> login(ReceivedFields fields) {
        for (ReceivedFields.Comment c : fields.comments()) {
            if (c.clause().equals("for")) {
                continue;
            }
            for (Pattern p : AUTHENTICATED) {
                Matcher m = p.matcher(c.text());
                if (m.matches()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        String protocol = fields.clause("with").orElse(null);
        if (protocol != null && AUTH_PROTOCOL.matcher(protocol).matches()) {
            for (ReceivedFields.Comment c : fields.comments()) {
                Matcher envelope = ENVELOPE_FROM.matcher(c.text());
                if (!c.clause().equals("for") && envelope.matches()) {
                    return Optional.of(envelope.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A hop between the team's own servers: over LMTP or locally, or from a client whose checked name or
     * address is trusted. The checked name is the one in parentheses (Postfix writes
     * {@code from HELO (NAME [ADDRESS])}, and NAME is "unknown" unless forward-confirmed); the HELO name,
     * which any client chooses, is used only when there is nothing in parentheses. The loopback is not
     * trusted by itself: any local program could then vouch for a forged header below its own; a content
     * filter that reinjects over the loopback needs {@code 127.0.0.1} (and its host name) listed.
     */
    private static boolean insideTrustedPath(ReceivedFields fields, SenderTrust trust) {
        String protocol = fields.clause("with").orElse(null);
        if (protocol != null && LOCAL_PROTOCOL.matcher(protocol).matches()) {
            return true;
        }
        String helo = fields.clause("from").orElse(null);
        if (helo == null) {
            return false;
        }
        List<String> fromComments = fields.commentsIn("from");
        String checked = fromComments.isEmpty() ? null : fromComments.get(0);
        if (checked == null || checked.isBlank()) {
            return trust.trustsRelay(helo);
        }
        Matcher address = ADDRESS.matcher(checked);
        String ip = address.find() ? address.group(1) : null;
        String name = checked.replaceAll("\\[[^]]*]", " ").strip().split("\\s+")[0];
        return ip != null && trust.trustsRelay(ip)
                || !name.isEmpty() && !name.equalsIgnoreCase("unknown") && !name.contains("=") && trust.trustsRelay(name);
    }
}
