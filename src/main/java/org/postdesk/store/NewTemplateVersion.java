package org.postdesk.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A version to store. {@code source} is one of SHIPPED, SET, EDIT, IMPORT, ROLLBACK; {@code html} and
 * {@code note} may be null.
 */
public record NewTemplateVersion(String name, String locale, String text, String html, String source, String note,
                                 String author, Instant at) {

    public NewTemplateVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
    }
}
