package org.postdesk.cli;

import java.time.Instant;
import org.postdesk.store.TemplateVersionRow;

/** One template version as {@code --json} shows it. */
record TemplateVersionView(String name, String locale, int version, String source, String note, String author,
                           Instant createdAt, boolean hasHtml, String text, String html) {

    static TemplateVersionView of(TemplateVersionRow r, boolean withBody) {
        return new TemplateVersionView(r.name(), r.locale(), r.version(), r.source(), r.note(), r.author(),
                r.createdAt(), r.html() != null, withBody ? r.text() : null, withBody ? r.html() : null);
    }
}
