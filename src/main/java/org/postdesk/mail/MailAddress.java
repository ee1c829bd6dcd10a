package org.postdesk.mail;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox: the address (trimmed, lower-cased) and an optional display name (null when absent).
 */
public record MailAddress(String address, String name) {

    /** Characters that force a display name into quotes (RFC 5322 §3.2.3 specials). */
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    public MailAddress {
        Objects.requireNonNull(address, "address");
        address = address.trim().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw new IllegalArgumentException("empty mail address");
        }
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * Parses the first address of a header value leniently ({@code Name <a@b>}, {@code a@b (Name)},
     * bare or half-broken forms, RFC 2047 names).
     *
     * @return empty when the text holds nothing that looks like an address; never throws except for null
     */
    public static Optional<MailAddress> parse(String text) {
        Objects.requireNonNull(text, "text");
        return AddressParsing.parseList(text).stream().findFirst();
    }

    /** Every address of a header value, parsed as leniently as {@link #parse}; empty when it holds none. */
    public static List<MailAddress> parseAll(String text) {
        Objects.requireNonNull(text, "text");
        return List.copyOf(AddressParsing.parseList(text));
    }

    /** {@code "Doe, John" <john@example.com>} or just the address when there is no name. */
    @Override
    public String toString() {
        if (name == null) {
            return address;
        }
        return displayName() + " <" + address + ">";
    }

    private String displayName() {
        boolean needsQuotes = name.chars().anyMatch(c -> SPECIALS.indexOf(c) >= 0);
        if (!needsQuotes) {
            return name;
        }
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
