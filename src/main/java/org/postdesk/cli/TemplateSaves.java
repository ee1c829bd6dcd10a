package org.postdesk.cli;

import java.io.PrintWriter;
import org.postdesk.outbound.TemplateAdmin;

/** How the changing {@code template} commands report what they stored. */
final class TemplateSaves {
    private TemplateSaves() {
    }

    static void print(PrintWriter out, PrintWriter err, TemplateAdmin.Saved saved) {
        if (saved.version() == 0) {
            out.println(saved.key() + ": unchanged, nothing stored");
        } else {
            out.println(saved.key() + ": stored as version " + saved.version());
        }
        if (saved.warning() != null) {
            err.println("warning: " + saved.key() + ": " + saved.warning());
        }
    }
}
