package org.postdesk.mail;

import java.util.regex.Pattern;

/**
 * A readable plain-text rendering of an HTML body, for messages that come without a text part:
 * invisible elements dropped, line breaks kept for block elements, tags stripped, entities decoded,
 * blanks collapsed. It is for reading and reply trimming, not for faithful layout.
 */
final class HtmlToText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!\\[CDATA\\[.*?]]>|<!doctype[^>]*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\b[^>]*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(div|tr|section|article|header|footer)\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    /** Block boundaries become markers first, so that nested blocks give one break, not several. */
    private static final char LINE = '\u0001';
    private static final char PARAGRAPH = '\u0002';
    private static final Pattern PARAGRAPH_TAG = Pattern.compile("(?i)</?(p|h[1-6]|blockquote|table|ul|ol|pre|hr)\\b[^>]*>");
    private static final Pattern PARAGRAPH_RUN = Pattern.compile("[ \u0001]*\u0002[ \u0001\u0002]*");
    private static final Pattern LINE_RUN = Pattern.compile("[ \u0001]*\u0001[ \u0001]*");

    private HtmlToText() {
    }

    static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        // Source line breaks are only blanks in HTML; real breaks come from the tags below.
        String text = INVISIBLE.matcher(html).replaceAll(" ").replaceAll("[\\r\\n\\t\u0001\u0002]+", " ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = PARAGRAPH_TAG.matcher(text).replaceAll(String.valueOf(PARAGRAPH));
        text = BLOCK.matcher(text).replaceAll(String.valueOf(LINE));
        text = LIST_ITEM.matcher(text).replaceAll(LINE + "- ");
        text = TAG.matcher(text).replaceAll("");
        text = PARAGRAPH_RUN.matcher(text).replaceAll("\n\n");
        text = LINE_RUN.matcher(text).replaceAll("\n");
        return tidy(HtmlEntities.decode(text));
    }

    private static String tidy(String text) {
        String collapsed = text.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ");
        collapsed = collapsed.replaceAll(" *\n *", "\n");
        return collapsed.replaceAll("\n{3,}", "\n\n").strip();
    }
}
