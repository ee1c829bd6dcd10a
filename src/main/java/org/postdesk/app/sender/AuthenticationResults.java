package org.postdesk.app.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code Authentication-Results} headers (RFC 8601) for a pass of the From domain by a receiving
 * server the admin trusts.
 *
 * <p>Only the <em>topmost</em> header of each trusted authserv-id counts: a receiving server adds its
 * own result above everything the sender wrote (RFC 8601 §5), so a copy further down — one the sender
 * forged with the trusted id — is never read. That holds for servers that stamp every message they
 * accept, as Gmail, Microsoft 365, rspamd and OpenDKIM/OpenDMARC milters do.
 *
 * <p>Microsoft 365 writes its header without an authserv-id (the first element is already
 * {@code spf=…}); the pseudo-id {@value #MICROSOFT_365} in {@code agents.trusted-authserv-ids} trusts
 * exactly those id-less headers. Hand-written: there is no maintained Java parser of RFC 8601.
 */
final class AuthenticationResults {
    /** Stands for the id-less headers Microsoft 365 writes. */
    static final String MICROSOFT_365 = "microsoft-365";

    private AuthenticationResults() {
    }

    /** What a trusted server said passes, for the audit, and which parts of the mail that vouches for. */
    record Pass(String detail, ProvenParts parts) {
    }

    /**
     * What a trusted server said passes for {@code fromDomain}; empty when nothing did. A {@code dkim=pass} vouches
     * for what the passing signature covers (found among the mail's {@code DKIM-Signature} fields in
     * {@code mailHeaders}); an aligned {@code spf=pass} beside it for the whole mail, since only the domain's own
     * servers could have sent it.
     */
    static Optional<Pass> passFor(List<String> headers, String fromDomain, SenderTrust trust,
                                  Map<String, List<String>> mailHeaders) {
        Map<String, String> topmost = new LinkedHashMap<>();
        for (String header : headers) {
            String clean = withoutComments(header);
            String id = authservId(clean);
            if (trust.trustsAuthserv(id)) {
                topmost.putIfAbsent(id.toLowerCase(Locale.ROOT), clean);
            }
        }
        for (Map.Entry<String, String> e : topmost.entrySet()) {
            Optional<Pass> pass = pass(e.getValue(), fromDomain, mailHeaders);
            if (pass.isPresent()) {
                return Optional.of(new Pass(e.getKey() + ": " + pass.get().detail(), pass.get().parts()));
            }
        }
        return Optional.empty();
    }

    /** The authserv-id of a header with comments removed, or {@value #MICROSOFT_365} when it has none. */
    static String authservId(String clean) {
        String first = clean.split(";", 2)[0].strip();
        if (first.contains("=") || first.isEmpty()) {
            return MICROSOFT_365;
        }
        return first.split("\\s+")[0];
    }

    private static Optional<Pass> pass(String clean, String fromDomain, Map<String, List<String>> mailHeaders) {
        List<String> parts = new ArrayList<>(List.of(clean.split(";")));
        if (!authservId(clean).equals(MICROSOFT_365)) {
            parts.remove(0);
        }
        List<Map<String, String>> results = parts.stream().map(AuthenticationResults::properties).toList();
        boolean spfAligned = results.stream().anyMatch(p -> "pass".equals(p.get("spf"))
                && aligned(domainOf(p.getOrDefault("smtp.mailfrom", "")), fromDomain));
        String detail = null;
        ProvenParts covered = null;
        for (Map<String, String> props : results) {
            String signer = domainOf(props.getOrDefault("header.d", props.getOrDefault("header.i", "")));
            if ("pass".equals(props.get("dkim")) && aligned(signer, fromDomain)) {
                detail = detail != null ? detail : "dkim=pass header.d=" + signer;
                ProvenParts one = SignatureCoverage.of(mailHeaders, signer::equalsIgnoreCase, props.get("header.b"));
                covered = covered == null ? one : covered.or(one);
            } else if ("pass".equals(props.get("dmarc")) && domainOf(props.getOrDefault("header.from", ""))
                    .equalsIgnoreCase(fromDomain)) {
                detail = detail != null ? detail : "dmarc=pass header.from=" + fromDomain;
                ProvenParts one = SignatureCoverage.of(mailHeaders, d -> aligned(d, fromDomain), null);
                covered = covered == null ? one : covered.or(one);
            }
        }
        if (detail == null) {
            return Optional.empty();
        }
        return Optional.of(spfAligned ? new Pass(detail + " with an aligned spf=pass", ProvenParts.whole())
                : new Pass(detail, covered));
    }

    /** {@code method=result} and {@code ptype.property=value} pairs of one resinfo, names in lower case. */
    private static Map<String, String> properties(String resinfo) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String token : resinfo.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                String name = token.substring(0, eq).toLowerCase(Locale.ROOT).replaceFirst("/\\d+$", "");
                props.putIfAbsent(name, unquote(token.substring(eq + 1)).toLowerCase(Locale.ROOT));
            }
        }
        return props;
    }

    /** DKIM's relaxed alignment (RFC 7489 §3.1.1) without a public-suffix list: the same domain or a parent of it. */
    static boolean aligned(String signingDomain, String fromDomain) {
        String d = signingDomain.toLowerCase(Locale.ROOT);
        String f = fromDomain.toLowerCase(Locale.ROOT);
        return !d.isEmpty() && d.contains(".") && (f.equals(d) || f.endsWith("." + d));
    }

    private static String domainOf(String value) {
        int at = value.lastIndexOf('@');
        return at >= 0 ? value.substring(at + 1) : value;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The header without RFC 5322 comments (nested parentheses, backslash escapes), which carry no result. */
    static String withoutComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < header.length()) {
                if (depth == 0) {
                    out.append(c).append(header.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
                out.append(' ');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
