package org.postdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.outbound.InvalidTemplateException;
import org.postdesk.outbound.ShippedTemplates;
import org.postdesk.outbound.TemplateAdmin;
import org.postdesk.outbound.TemplateKey;
import org.postdesk.outbound.TemplateSamples;
import picocli.CommandLine.Model.CommandSpec;

/** What the {@code template} commands share: the admin service over the store, names, files and authors. */
final class TemplateSupport {
    private TemplateSupport() {
    }

    /** The template service, after storing any shipped default the store never held (as the daemon does). */
    static TemplateAdmin admin(CommandSpec spec) {
        TemplateAdmin admin = new TemplateAdmin(PostdeskCommand.context(spec).database(), TemplateSamples.standard(),
                ShippedTemplates.load(DaemonLauncher.templatesDir()));
        admin.seedDefaults();
        return admin;
    }

    static TemplateKey key(String name, String locale) {
        try {
            return new TemplateKey(name, locale);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static void checkName(String name) {
        try {
            TemplateKey.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Who made a change, for the history: the admin's login name. */
    static String author(CommandSpec spec) {
        String user = PostdeskCommand.context(spec).environment().env().get("USER");
        return "admin:" + (user == null || user.isBlank() ? "unknown" : user);
    }

    static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": cannot be read (" + e.getMessage()
                    + "): give an existing UTF-8 file");
        }
    }

    static UsageException refused(InvalidTemplateException e, String fix) {
        return new UsageException("template refused, nothing was stored: " + e.getMessage() + "\n" + fix);
    }
}
