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

    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern AT = Pattern.compile("\\s*@\\s*");
    private static final Pattern ID = Pattern.compile("<([^<>]+)>|([^\\s<>(),;\"]+@[^\\s<>(),;\"]+)");

    private MessageIds() {
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Every id in the value, without duplicates, in order: bracketed or bare, comments dropped, blanks
     * inside an id (folding, or "id @ host" from broken scripts) removed.
     */
    static List<String> all(String value) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (value == null) {
            return new ArrayList<>();
        }
        String text = value;
        for (int i = 0; i < 5 && text.contains("("); i++) {
            text = COMMENT.matcher(text).replaceAll(" "); // nested comments, innermost first
        }
        text = AT.matcher(text).replaceAll("@");
        Matcher m = ID.matcher(text);
        while (m.find()) {
            String id = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add("<" + id + ">");
            }
        }
        return new ArrayList<>(ids);
    }
}
