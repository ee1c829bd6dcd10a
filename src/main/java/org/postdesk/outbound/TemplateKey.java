package org.postdesk.outbound;

import java.util.regex.Pattern;

/**
 * Which template: a name and a locale. System templates have plain names ({@code ack}); canned answers
 * are named {@code answers/<name>}. Names are lower-case letters, digits, '-' and '_', so that they are
 * also safe file names.
 */
public record TemplateKey(String name, String locale) implements Comparable<TemplateKey> {
    public static final String ANSWERS = "answers/";
    private static final Pattern NAME = Pattern.compile("(answers/)?[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}");

    /** @throws IllegalArgumentException saying what a valid name or locale looks like */
    public TemplateKey {
        checkName(name);
        checkLocale(locale);
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("template name '" + name + "' is not valid: use up to 64 lower-case"
                    + " letters, digits, '-' or '_', e.g. ack, or answers/password-reset for a canned answer");
        }
    }

    public static void checkLocale(String locale) {
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw new IllegalArgumentException("locale '" + locale + "' is not valid: use a two- or three-letter"
                    + " language code such as en, ru or uk");
        }
    }

    public boolean isAnswer() {
        return name.startsWith(ANSWERS);
    }

    /** The answer's own name without the {@code answers/} prefix. */
    public String shortName() {
        return isAnswer() ? name.substring(ANSWERS.length()) : name;
    }

    @Override
    public int compareTo(TemplateKey o) {
        int byName = name.compareTo(o.name);
        return byName != 0 ? byName : locale.compareTo(o.locale);
    }

    @Override
    public String toString() {
        return name + " (" + locale + ")";
    }
}
