package org.postdesk.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The port through which an agent's reply inserts canned answers ({@code #answer NAME}, {@code #answers}).
 * Answers are templates named {@code answers/<name>}, stored and versioned like every other template,
 * and looked up for the customer's locale, then the mailbox's, then English. Thread-safe.
 */
public final class CannedAnswers {
    private final Templates templates;

    public CannedAnswers(Templates templates) {
        this.templates = templates;
    }

    /**
     * The answer {@code name} (case does not matter) rendered for {@code model}, without trailing blank lines; empty when no
     * answer of that name exists in any locale of the chain (then tell the agent {@link #names}). A stored
     * answer that fails to render falls back to its last good version or the shipped one, as templates do.
     *
     * @param locales the customer's locale, then the mailbox's; English is tried last. Nulls are skipped.
     * @throws TemplateRenderException when the answer exists but no version of it renders (logged at ERROR)
     */
    public Optional<String> render(DSLContext tx, String name, List<String> locales, AnswerModel model) {
        String key = TemplateKey.ANSWERS + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
        if (!validName(key) || !templates.exists(tx, key, locales)) {
            return Optional.empty();
        }
        return Optional.of(templates.render(tx, key, locales, model).text().strip());
    }

    /** Same as {@link #render(DSLContext, String, List, AnswerModel)} for one locale (then English). */
    public Optional<String> render(DSLContext tx, String name, String locale, AnswerModel model) {
        List<String> locales = new ArrayList<>();
        locales.add(locale);
        return render(tx, name, locales, model);
    }

    /** The names agents can use in {@code #answer NAME} for these locales, sorted; read through {@code tx}. */
    public List<String> names(DSLContext tx, List<String> locales) {
        return templates.names(tx, TemplateKey.ANSWERS, locales).stream()
                .map(n -> n.substring(TemplateKey.ANSWERS.length())).toList();
    }

    /** Same as {@link #names(DSLContext, List)} for one locale (then English). */
    public List<String> names(DSLContext tx, String locale) {
        List<String> locales = new ArrayList<>();
        locales.add(locale);
        return names(tx, locales);
    }

    private static boolean validName(String name) {
        try {
            TemplateKey.checkName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
