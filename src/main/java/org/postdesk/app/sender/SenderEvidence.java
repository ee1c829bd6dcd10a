package org.postdesk.app.sender;

import java.util.Objects;

/**
 * How a mail that looks like an agent's reply proves who sent it (issue 9), beyond the reply token any
 * holder of a leaked notification has.
 *
 * @param method what proved it, or {@link Method#NONE}
 * @param detail for the audit: which signature, header or server; why nothing counted for {@code NONE}
 * @param parts which parts of the mail the proof vouches for: a reply token counts only where it is covered
 */
public record SenderEvidence(Method method, String detail, ProvenParts parts) {

    /** The kinds of proof, strongest first as they are tried. */
    public enum Method {
        /** A trusted relay of the delivery path recorded SMTP authentication as the agent. */
        RECEIVED_AUTH,
        /** A trusted receiving server wrote {@code dkim=pass} or {@code dmarc=pass} for the From domain. */
        AUTHENTICATION_RESULTS,
        /** Postdesk verified a DKIM signature of the From domain itself. */
        DKIM,
        /** Nothing counted. */
        NONE
    }

    public SenderEvidence {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(parts, "parts");
    }

    public static SenderEvidence none(String why) {
        return new SenderEvidence(Method.NONE, why, ProvenParts.nothing());
    }

    public boolean proven() {
        return method != Method.NONE;
    }

    /** One line for the log and the audit, e.g. {@code DKIM: d=example.com s=sel}. */
    public String describe() {
        return method + ": " + detail;
    }
}
