package org.postdesk.outbound;

/**
 * A template's output: the subject from its {@code Subject:} line, the text after the blank line, and
 * the HTML body when the template has an HTML part (null otherwise).
 */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail(String subject, String text) {
        this(subject, text, null);
    }

    RenderedMail withHtml(String htmlBody) {
        return new RenderedMail(subject, text, htmlBody);
    }

    static RenderedMail split(String output) {
        String normalized = output.replace("\r\n", "\n");
        if (!normalized.startsWith("Subject:")) {
            return new RenderedMail("", normalized.strip());
        }
        int end = normalized.indexOf('\n');
        String subject = (end < 0 ? normalized : normalized.substring(0, end)).substring("Subject:".length()).strip();
        String body = end < 0 ? "" : normalized.substring(end + 1);
        return new RenderedMail(subject, body.replaceFirst("^\n", "").stripTrailing() + "\n");
    }
}
