package org.postdesk.outbound;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker templates by name and locale: {@code <dir>/<locale>/<name>.ftl}, falling back to English,
 * and to the defaults shipped in the jar. Templates are sandboxed: no {@code ?new}, no {@code ?api}.
 */
public final class Templates {
    private static final String FALLBACK_LOCALE = "en";
    private final Configuration cfg;

    public Templates(Path overrideDirOrNull) {
        this.cfg = configuration(loader(overrideDirOrNull));
    }

    private static TemplateLoader loader(Path dir) {
        List<TemplateLoader> loaders = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try {
                loaders.add(new FileTemplateLoader(dir.toFile()));
            } catch (IOException e) {
                throw new TemplateRenderException("template directory " + dir + " cannot be read: " + e.getMessage(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
        return new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0]));
    }

    private static Configuration configuration(TemplateLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setLocalizedLookup(false);
        return c;
    }

    /** Renders {@code name} for {@code locale} with the model exposed as {@code t}. */
    public RenderedMail render(String name, String locale, Object model) {
        Template template = find(name, locale);
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("t", model), out);
        } catch (TemplateException | IOException e) {
            throw new TemplateRenderException("template " + template.getName() + ": " + e.getMessage(), e);
        }
        return RenderedMail.split(out.toString());
    }

    private Template find(String name, String locale) {
        String wanted = locale == null || locale.isBlank() ? FALLBACK_LOCALE : locale;
        try {
            return cfg.getTemplate(wanted + "/" + name + ".ftl");
        } catch (TemplateNotFoundException e) {
            if (!wanted.equals(FALLBACK_LOCALE)) {
                return find(name, FALLBACK_LOCALE);
            }
            throw new TemplateRenderException("template " + name + " for locale " + locale
                    + " does not exist: add templates/" + FALLBACK_LOCALE + "/" + name + ".ftl", e);
        } catch (IOException e) {
            throw new TemplateRenderException("template " + wanted + "/" + name + ".ftl cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
