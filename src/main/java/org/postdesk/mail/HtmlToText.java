package org.postdesk.mail;

import java.util.Set;
import java.util.regex.Pattern;
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
 */
final class HtmlToText {

    private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "table", "ul", "ol", "pre", "hr", "dl");
    private static final Set<String> LINE = Set.of("div", "tr", "section", "article", "header", "footer",
            "li", "dt", "dd", "address", "center", "form", "main", "nav", "aside", "figure");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "template",
            "noscript", "object", "svg");
    /** Markers for breaks, resolved at the end so nested blocks give one break, not several. */
    private static final char LINE_MARK = '\u0001';
    private static final char PARAGRAPH_MARK = '\u0002';
    // Compiled once: String.replaceAll compiles its pattern on every call, once per text node of a large mail.
    private static final Pattern SOURCE_BREAKS = Pattern.compile("[\\r\\n\\t\u0001\u0002]+");
    private static final Pattern PARAGRAPH_RUN = Pattern.compile("[ \u0001]*\u0002[ \u0001\u0002]*");
    private static final Pattern LINE_RUN = Pattern.compile("[ \u0001]*\u0001[ \u0001]*");
    private static final Pattern INVISIBLE_CHARS = Pattern.compile("[\u00AD\u200B\u200C\u200D\uFEFF]");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f]+");
    private static final Pattern AROUND_BREAK = Pattern.compile(" *\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlToText() {
    }

    static String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parse(html);
        StringBuilder out = new StringBuilder(html.length() / 2);
        NodeTraversor.traverse(new Renderer(out), doc.body() == null ? doc : doc.body());
        return tidy(out);
    }

    /** Appends text and break markers in document order. */
    private static final class Renderer implements NodeVisitor {
        private final StringBuilder out;
        private int hidden;

        Renderer(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e && INVISIBLE.contains(e.normalName())) {
                hidden++;
            } else if (hidden > 0) {
                return;
            } else if (node instanceof TextNode t) {
                // Source line breaks are only blanks in HTML; real breaks come from the elements.
                out.append(SOURCE_BREAKS.matcher(t.getWholeText()).replaceAll(" "));
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
                    out.append(PARAGRAPH_MARK);
                } else if (LINE.contains(name)) {
                    out.append(LINE_MARK);
                }
            }
        }

        private void open(Element e) {
            String name = e.normalName();
            if (name.equals("br")) {
                out.append('\n');
            } else if (PARAGRAPH.contains(name)) {
                out.append(PARAGRAPH_MARK);
            } else if (name.equals("li")) {
                out.append(LINE_MARK).append("- ");
            } else if (LINE.contains(name)) {
                out.append(LINE_MARK);
            }
        }
    }

    private static String tidy(CharSequence rendered) {
        String text = PARAGRAPH_RUN.matcher(rendered).replaceAll("\n\n");
        text = LINE_RUN.matcher(text).replaceAll("\n");
        // A non-breaking space is a plain space to a reader (and to reply trimming); soft hyphens and
        // zero-width joiners are invisible.
        text = INVISIBLE_CHARS.matcher(text.replace('\u00A0', ' ')).replaceAll("");
        text = BLANKS.matcher(text).replaceAll(" ");
        text = AROUND_BREAK.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
