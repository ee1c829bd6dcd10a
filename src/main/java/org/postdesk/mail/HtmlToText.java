package org.postdesk.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A readable plain-text rendering of an HTML body: jsoup parses it (linear time, every HTML5 named
 * entity, unclosed elements recovered as browsers do), and a visitor keeps the line breaks of block
 * elements, which jsoup's own {@code text()} flattens. It is for reading and reply trimming, not for
 * faithful layout.
 *
 * <p>The text is laid out in the same single pass ({@link Layout}): blanks collapse to one space, a block
 * element gives one line break (a paragraph-like one a blank line) however deeply blocks nest, {@code <br>}
 * one line break each, never more than one blank line in a row, and no blanks at a line's ends. Text inside
 * {@code <blockquote>} (Gmail's {@code gmail_quote}, Thunderbird's and Apple Mail's {@code type="cite"}) starts
 * each line with {@code "> "} per level, as the plain-text alternative of the same mail would: a reader sees what
 * was quoted, and reply trimming finds the quote of an HTML-only reply. Written by
 * hand because the six regular-expression passes over the whole text (and a matcher per text node) it
 * replaces took most of the time of a 1 MB HTML mail.
 */
final class HtmlToText {

    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "table", "ul", "ol", "pre", "hr", "dl");
    private static final Set<String> LINE = Set.of("div", "tr", "section", "article", "header", "footer",
            "li", "dt", "dd", "address", "center", "form", "main", "nav", "aside", "figure");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "template",
            "noscript", "object", "svg");
    private HtmlToText() {
    }

    static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        Layout out = new Layout(html.length() / 2);
        NodeTraversor.traverse(new Renderer(out), doc.body() == null ? doc : doc.body());
        return out.text();
    }

    /** Appends text and break markers in document order. */
    private static final class Renderer implements NodeVisitor {
        private final Layout out;
        private int hidden;

        Renderer(Layout out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e && INVISIBLE.contains(e.normalName())) {
                hidden++;
            } else if (hidden > 0) {
                return;
            } else if (node instanceof TextNode t) {
                out.text(t.getWholeText());
            } else if (node instanceof Element e) {
                open(e);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && INVISIBLE.contains(e.normalName())) {
                hidden--;
            } else if (hidden == 0 && node instanceof Element e) {
                String name = e.normalName();
                if (PARAGRAPH.contains(name)) {
                    out.block(2);
                    if (name.equals("blockquote")) {
                        out.quote(-1);
                    }
                } else if (LINE.contains(name)) {
                    out.block(1);
                }
            }
        }

        private void open(Element e) {
            String name = e.normalName();
            if (name.equals("br")) {
                out.lineBreak();
            } else if (PARAGRAPH.contains(name)) {
                out.block(2);
                if (name.equals("blockquote")) {
                    out.quote(1);
                }
            } else if (name.equals("li")) {
                out.block(1);
                out.text(marker(e));
            } else if (LINE.contains(name)) {
                out.block(1);
            }
        }
    }

    /**
     * "1. ", "2. " in an ordered list (from its {@code start}), "- " otherwise: a customer who writes "step 3 fails"
     * refers to the number the mail reader showed.
     */
    private static String marker(Element li) {
        Element list = li.parent();
        if (list == null || !list.normalName().equals("ol")) {
            return "- ";
        }
        int number;
        try {
            number = list.hasAttr("start") ? Integer.parseInt(list.attr("start").strip()) : 1;
        } catch (NumberFormatException e) {
            number = 1;
        }
        for (Element sibling = li.previousElementSibling(); sibling != null; sibling = sibling.previousElementSibling()) {
            if (sibling.normalName().equals("li")) {
                number++;
            }
        }
        return number + ". ";
    }

    /** The text being written, with the blanks and breaks asked for so far and not yet written. */
    private static final class Layout {
        private final StringBuilder out;
        /** Line breaks from {@code <br>}, each one counts. */
        private int lineBreaks;
        /** The strongest block edge since the last text: 1 a line break, 2 a blank line. */
        private int block;
        private boolean blank;
        /** The {@code <blockquote>} depth of the next text, and of the line last written. */
        private int quote;
        private int written;

        Layout(int capacity) {
            out = new StringBuilder(capacity);
        }

        void lineBreak() {
            lineBreaks += block + 1; // a block edge before the <br> stays a break of its own
            block = 0;
        }

        void block(int strength) {
            block = Math.max(block, strength);
        }

        void quote(int change) {
            quote = Math.max(0, quote + change);
        }

        void text(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    // Source line breaks are only blanks in HTML (real breaks come from the elements); a
                    // non-breaking space is a plain space to a reader and to reply trimming.
                    case ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u0001', '\u0002' -> blank = true;
                    // Soft hyphens and zero-width characters are invisible.
                    case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF' -> {
                    }
                    default -> {
                        flush();
                        out.append(c);
                    }
                }
            }
        }

        private void flush() {
            int breaks = Math.min(2, lineBreaks + block);
            if (out.length() == 0) {
                prefix(quote);
            } else if (breaks > 0) {
                if (breaks == 2) {
                    // The blank line between two quoted paragraphs stays quoted (">"); at the quote's edge it is
                    // a plain blank line.
                    out.append('\n');
                    prefix(Math.min(written, quote));
                    while (out.charAt(out.length() - 1) == ' ') {
                        out.setLength(out.length() - 1);
                    }
                }
                out.append('\n');
                prefix(quote);
            } else if (blank) {
                out.append(' ');
            }
            written = quote;
            lineBreaks = 0;
            block = 0;
            blank = false;
        }

        private void prefix(int depth) {
            for (int i = 0; i < depth; i++) {
                out.append(i == depth - 1 ? "> " : ">");
            }
        }

        String text() {
            return out.toString();
        }
    }
}
