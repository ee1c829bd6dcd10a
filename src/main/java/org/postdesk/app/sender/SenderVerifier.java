package org.postdesk.app.sender;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;

/**
 * Decides the {@link SenderEvidence} of a mail from an agent's address (issue 9): a trusted Received
 * header with SMTP AUTH as the agent, then a trusted Authentication-Results pass, then a DKIM signature
 * Postdesk verifies itself. The first two only read headers; DKIM may query DNS, so call this before the
 * ingest transaction opens. Thread-safe.
 */
public final class SenderVerifier {
    private final SenderTrust trust;
    private final DkimCheck dkim;

    public SenderVerifier(SenderTrust trust, DkimCheck dkim) {
        this.trust = trust;
        this.dkim = dkim;
    }

    /** The evidence that {@code m}, whose From is one of {@code agentAddresses}, was sent by that agent. */
    public SenderEvidence evaluate(InboundMessage m, Set<String> agentAddresses) {
        List<String> fromFields = values(m, "from");
        if (fromFields.size() != 1 || MailAddress.parseAll(fromFields.get(0)).size() != 1) {
            // DKIM signs the last From field and a server authenticates one sender, but Postdesk takes the first
            // address as the agent: a second one would let a colleague's genuinely signed mail prove the agent.
            return SenderEvidence.none("the mail has " + (fromFields.size() == 1 ? "several From addresses"
                    : fromFields.size() + " From fields") + ": no proof can tell which of them sent it");
        }
        String from = m.from() == null ? "" : m.from().address().toLowerCase(Locale.ROOT);
        String domain = from.substring(from.lastIndexOf('@') + 1);
        Optional<String> received = ReceivedChain.authenticatedAs(values(m, "received"), agentAddresses, trust);
        if (received.isPresent()) {
            return new SenderEvidence(SenderEvidence.Method.RECEIVED_AUTH, received.get(), ProvenParts.whole());
        }
        Optional<AuthenticationResults.Pass> results = AuthenticationResults.passFor(
                values(m, "authentication-results"), domain, trust, m.headers());
        if (results.isPresent()) {
            return new SenderEvidence(SenderEvidence.Method.AUTHENTICATION_RESULTS, results.get().detail(),
                    results.get().parts());
        }
        if (!values(m, "dkim-signature").isEmpty()) {
            Optional<DkimCheck.Verified> signed = dkim.verify(m.raw(), domain, m.headers());
            if (signed.isPresent()) {
                return new SenderEvidence(SenderEvidence.Method.DKIM, signed.get().detail(), signed.get().parts());
            }
        }
        return SenderEvidence.none("no DKIM signature of " + domain + " that verifies, no pass from a trusted"
                + " Authentication-Results, no SMTP AUTH in a trusted Received header");
    }

    private static List<String> values(InboundMessage m, String header) {
        return m.headers().getOrDefault(header, List.of());
    }
}
