package org.postdesk.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Read access to raw headers by case-insensitive name, as the loop checks need it. */
final class HeaderView {

    private final TreeMap<String, List<String>> byName = new TreeMap<>();

    HeaderView(Map<String, List<String>> headers) {
        if (headers == null) {
            return;
        }
        // Names should arrive lower-case; folding again costs nothing and a miss would cause a loop.
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values);
            }
        });
    }

    /** Every header name, lower case, sorted. */
    java.util.Set<String> names() {
        return byName.navigableKeySet();
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The first value of {@code name}, stripped and unfolded; empty when absent. */
    Optional<String> first(String name) {
        return values(name).stream().findFirst();
    }

    /** Every value of {@code name}, stripped and unfolded (RFC 5322 §2.2.3); nulls skipped. */
    List<String> values(String name) {
        return byName.getOrDefault(name, List.of()).stream()
                .filter(Objects::nonNull)
                .map(v -> v.replaceAll("\r?\n[ \t]+", " ").strip())
                .toList();
    }

    /** The main token of a structured value: before any ';' parameters, without comments. */
    static String token(String value) {
        int semicolon = value.indexOf(';');
        String head = semicolon < 0 ? value : value.substring(0, semicolon);
        return head.replaceAll("\\([^)]*\\)", "").strip().toLowerCase(Locale.ROOT);
    }
}
