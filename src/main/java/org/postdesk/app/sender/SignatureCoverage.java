package org.postdesk.app.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the DKIM signatures a trusted receiving server reported as passing cover, read from the mail's own
 * {@code DKIM-Signature} fields (their {@code d=}, {@code h=}, {@code l=} and {@code b=} tags) without verifying
 * them again: the server did that. When the server does not say which signature passed ({@code header.b}), only
 * what every signature of that domain covers counts, so a forger who adds a broken signature of the domain
 * listing more fields gains nothing. Hand-written: jDKIM parses a signature only together with its verification.
 */
final class SignatureCoverage {
    private SignatureCoverage() {
    }

    /**
     * What the signatures whose {@code d=} matches {@code domain} (and whose {@code b=} starts with {@code bPrefix},
     * when given, compared without case as Authentication-Results writers differ) all cover; nothing when there is
     * no such signature.
     */
    static ProvenParts of(Map<String, List<String>> mailHeaders, Predicate<String> domain, String bPrefix) {
        ProvenParts covered = null;
        for (String field : mailHeaders.getOrDefault("dkim-signature", List.of())) {
            Map<String, String> tags = tags(field);
            String d = tags.getOrDefault("d", "");
            String b = tags.getOrDefault("b", "").toLowerCase(Locale.ROOT);
            if (d.isEmpty() || !domain.test(d) || (bPrefix != null && !bPrefix.isEmpty()
                    && !b.startsWith(bPrefix.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            List<String> signed = new ArrayList<>(List.of(tags.getOrDefault("h", "").split(":")));
            ProvenParts one = ProvenParts.signed(signed, !tags.containsKey("l"), mailHeaders);
            covered = covered == null ? one : covered.and(one);
        }
        return Optional.ofNullable(covered).orElse(ProvenParts.nothing());
    }

    /** The tag=value pairs of a DKIM-Signature (RFC 6376 §3.2), names in lower case, folding white space removed. */
    static Map<String, String> tags(String field) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (String spec : field.split(";")) {
            int eq = spec.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(spec.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        spec.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        return tags;
    }
}
