package org.postdesk.outbound;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses template sources in FreeMarker's sandbox: no {@code ?new}, no {@code ?api}, no template loader
 * (so nothing can be included from disk or the class path), and the HTML part auto-escapes every
 * {@code ${…}}, so customer data cannot inject markup. Thread-safe once built.
 */
public final class TemplateEngine {
    /** Refused before parsing, so the admin learns the rule rather than a runtime error of the sandbox. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "[<\\[]#\\s*(include|import)\\b|\\?\\s*(new|api|interpret|eval|eval_json)\\b");

    private final Configuration text = configuration(false);
    private final Configuration html = configuration(true);

    private static Configuration configuration(boolean htmlOutput) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(null);
        c.setDefaultEncoding("UTF-8");
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setLocalizedLookup(false);
        c.setOutputFormat(htmlOutput ? HTMLOutputFormat.INSTANCE : PlainTextOutputFormat.INSTANCE);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        return c;
    }

    /** Parses both parts of {@code source}; throws {@link InvalidTemplateException} naming the place. */
    public CompiledTemplate compile(String name, String locale, TemplateSource source) {
        String label = name + " (" + locale + ")";
        Template textPart = parse(label + " text part", source.text(), text);
        Template htmlPart = source.html() == null ? null : parse(label + " HTML part", source.html(), html);
        return new CompiledTemplate(label, textPart, htmlPart);
    }

    private static Template parse(String where, String source, Configuration cfg) {
        Matcher m = FORBIDDEN.matcher(source);
        if (m.find()) {
            int line = lineOf(source, m.start());
            int column = m.start() - source.lastIndexOf('\n', m.start() - 1);
            throw new InvalidTemplateException(where, line, column, "'" + m.group().strip() + "' is not allowed:"
                    + " templates cannot read files or reach Java objects; use only the variables ${t.…}", null);
        }
        try {
            return new Template(where, source, cfg);
        } catch (ParseException e) {
            throw new InvalidTemplateException(where, e.getLineNumber(), e.getColumnNumber(),
                    firstLine(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new InvalidTemplateException(where, 0, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
