package org.postdesk.app.sender;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parts of a mail its sender proof vouches for. SMTP authentication recorded by a trusted relay vouches for
 * the whole mail as it was submitted. A DKIM signature vouches only for the header fields its {@code h=} tag lists
 * and for the body: anybody holding a genuinely signed mail of an agent can add header fields the signature does
 * not cover (an {@code In-Reply-To} with a leaked reply token) and still have it verify. So a reply token counts
 * only where the proof covers it.
 *
 * @param everything the whole mail is the sender's (SMTP authentication of this very submission)
 * @param body the body is covered (a signature without a length limit)
 * @param headers lower-case names of the header fields covered; a name counts only when every field of that name
 *                in the mail is signed (DKIM signs the last ones, Postdesk reads the first)
 */
public record ProvenParts(boolean everything, boolean body, Set<String> headers) {
    public ProvenParts {
        headers = Set.copyOf(headers);
    }

    public static ProvenParts whole() {
        return new ProvenParts(true, true, Set.of());
    }

    public static ProvenParts nothing() {
        return new ProvenParts(false, false, Set.of());
    }

    /**
     * What one signature covers in a mail with {@code mailHeaders} (lower-case names): a name in {@code signed} (its
     * {@code h=} list, which may repeat a name to sign several fields of it) counts when the mail has at least one
     * field of that name and no more than the signature lists.
     */
    static ProvenParts signed(Collection<? extends CharSequence> signed, boolean body,
                              Map<String, List<String>> mailHeaders) {
        Map<String, Integer> listed = new HashMap<>();
        for (CharSequence name : signed) {
            listed.merge(name.toString().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Set<String> covered = listed.entrySet().stream().filter(e -> {
            int present = mailHeaders.getOrDefault(e.getKey(), List.of()).size();
            return present >= 1 && present <= e.getValue();
        }).map(Map.Entry::getKey).collect(Collectors.toSet());
        return new ProvenParts(false, body, covered);
    }

    /** What either of two proofs covers (two signatures that both verify). */
    ProvenParts or(ProvenParts other) {
        if (everything || other.everything) {
            return whole();
        }
        Set<String> both = new java.util.HashSet<>(headers);
        both.addAll(other.headers);
        return new ProvenParts(false, body || other.body, both);
    }

    /** What both of two proofs cover (signatures a receiving server may have meant, when it did not say which). */
    ProvenParts and(ProvenParts other) {
        if (everything) {
            return other;
        }
        if (other.everything) {
            return this;
        }
        Set<String> both = new java.util.HashSet<>(headers);
        both.retainAll(other.headers);
        return new ProvenParts(false, body && other.body, both);
    }

    /** Whether the header field {@code name} is covered. */
    public boolean coversHeader(String name) {
        return everything || headers.contains(name.toLowerCase(Locale.ROOT));
    }

    public boolean coversBody() {
        return everything || body;
    }

    /** For the log and the audit: "the whole mail", or what is covered. */
    public String describe() {
        if (everything) {
            return "the whole mail";
        }
        return (headers.isEmpty() ? "no header field" : "the fields " + headers.stream().sorted()
                .collect(Collectors.joining(", "))) + (body ? " and the body" : ", not the body");
    }
}
