package org.postdesk.outbound;

import java.util.Objects;

/**
 * The source of one template version: the text part ({@code Subject:} line, blank line, body) and the
 * HTML body, or null when the template has none.
 */
public record TemplateSource(String text, String html) {

    public TemplateSource {
        Objects.requireNonNull(text, "text");
        text = text.replace("\r\n", "\n");
        html = html == null || html.isBlank() ? null : html.replace("\r\n", "\n");
    }
}
