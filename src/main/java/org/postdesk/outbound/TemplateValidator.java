package org.postdesk.outbound;

import java.util.Optional;

/**
 * Decides whether a template source may be stored: it must parse in the sandbox and render against the
 * sample ticket with the model its name gets. A template whose name has no known model is only parsed,
 * and the result says so.
 */
public final class TemplateValidator {
    private final TemplateEngine engine;
    private final TemplateSamples samples;

    public TemplateValidator(TemplateEngine engine, TemplateSamples samples) {
        this.engine = engine;
        this.samples = samples;
    }

    /** What validation found; {@code warning} is null when the template was fully checked. */
    public record Result(TemplateKey key, RenderedMail sample, String warning) {
    }

    /** @throws InvalidTemplateException with the part, line and column of the first problem */
    public Result validate(TemplateKey key, TemplateSource source) {
        if (key.isAnswer() && source.html() != null) {
            throw new InvalidTemplateException(key.toString(), 0, 0, "a canned answer has no HTML part: it is"
                    + " inserted into the agent's plain-text reply; remove " + TemplateDirectory.path(key, true), null);
        }
        CompiledTemplate compiled = engine.compile(key.name(), key.locale(), source);
        Optional<Object> model = samples.model(key.name(), TemplateSamples.sampleTicket());
        if (model.isEmpty()) {
            return new Result(key, null, "template " + key.name() + " is not one this version of Postdesk sends,"
                    + " so only its syntax was checked (known: " + String.join(", ", samples.names())
                    + ", answers/…)");
        }
        RenderedMail sample = compiled.render(model.get());
        if (!key.isAnswer() && sample.subject().isBlank()) {
            throw new InvalidTemplateException(key + " text part", 1, 1, "the first line must be 'Subject: …'"
                    + " followed by a blank line and the body", null);
        }
        return new Result(key, sample, null);
    }
}
