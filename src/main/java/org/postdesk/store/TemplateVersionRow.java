package org.postdesk.store;

import java.time.Instant;

/**
 * One stored version of a template or canned answer. {@code html} is null when the template has no
 * HTML part; {@code note} is null unless the version says where it came from (e.g. "rollback to 2").
 */
public record TemplateVersionRow(long id, String name, String locale, int version, String text, String html,
                                 String source, String note, String author, Instant createdAt) {
}
