package org.postdesk.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises msg-id headers (RFC 5322 §3.6.4) to the {@code <id@host>} form: comments and folding blanks
 * are dropped, and bare ids written without angle brackets get them.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");
    private static final Pattern BARE = Pattern.compile("[^\\s<>(),;\"]+@[^\\s<>(),;\"]+");

    private MessageIds() {
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every id in the value, without duplicates, in order. */
    static List<String> all(String value) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (value == null) {
            return new ArrayList<>();
        }
        Matcher m = BRACKETED.matcher(value);
        while (m.find()) {
            String id = m.group(1).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add("<" + id + ">");
            }
        }
        if (ids.isEmpty()) {
            Matcher bare = BARE.matcher(value);
            while (bare.find()) {
                ids.add("<" + bare.group() + ">");
            }
        }
        return new ArrayList<>(ids);
    }
}
