package org.postdesk.outbound;

import freemarker.core.InvalidReferenceException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/** A parsed template version, ready to render; immutable and thread-safe like FreeMarker's {@link Template}. */
public final class CompiledTemplate {
    private final String label;
    private final Template text;
    private final Template html;

    CompiledTemplate(String label, Template text, Template htmlOrNull) {
        this.label = label;
        this.text = text;
        this.html = htmlOrNull;
    }

    public boolean hasHtml() {
        return html != null;
    }

    /**
     * Renders with {@code model} exposed as {@code t}.
     *
     * @throws InvalidTemplateException naming the part, line and column that failed (an unknown variable,
     *         a forbidden call, a type error)
     */
    public RenderedMail render(Object model) {
        RenderedMail mail = RenderedMail.split(process(text, "text part", model));
        return html == null ? mail : mail.withHtml(process(html, "HTML part", model));
    }

    private String process(Template template, String part, Object model) {
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("t", model), out);
        } catch (TemplateException e) {
            String problem = e instanceof InvalidReferenceException
                    ? "unknown or missing variable ${" + e.getBlamedExpressionString() + "}: "
                        + "only the variables listed for this template exist"
                    : TemplateEngine.firstLine(e.getMessageWithoutStackTop());
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new InvalidTemplateException(label + " " + part, line == null ? 0 : line,
                    column == null ? 0 : column, problem, e);
        } catch (IOException e) {
            throw new InvalidTemplateException(label + " " + part, 0, 0, e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "CompiledTemplate[" + label + "]";
    }
}
