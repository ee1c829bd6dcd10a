package org.postdesk.tickets;

import java.util.Locale;
import java.util.Optional;

/**
 * Addresses that cannot receive mail, so that no acknowledgement is even attempted (it would only bounce):
 * no domain, an empty local part, a local part of several unquoted words, a domain ending in a dot or with empty labels, or the reserved
 * {@code .invalid} top-level domain (RFC 2606).
 */
public final class Deliverability {

    private Deliverability() {
    }

    /** Why {@code address} cannot receive mail, or empty when it may. */
    public static Optional<String> problem(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0 || at == a.length() - 1) {
            return Optional.of("address " + a + " has no domain");
        }
        if (at == 0) {
            return Optional.of("address " + a + " has no local part");
        }
        String local = a.substring(0, at);
        boolean quoted = local.length() > 1 && local.startsWith("\"") && local.endsWith("\"");
        if (!quoted && local.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("the local part of " + a + " has spaces without quotes");
        }
        String domain = a.substring(at + 1);
        if (domain.endsWith(".")) {
            return Optional.of("the domain of " + a + " ends in a dot");
        }
        if (domain.startsWith(".") || domain.contains("..")) {
            return Optional.of("the domain of " + a + " has an empty label");
        }
        if (domain.equals("invalid") || domain.endsWith(".invalid")) {
            return Optional.of("the domain of " + a + " is reserved as invalid (RFC 2606)");
        }
        return Optional.empty();
    }
}
