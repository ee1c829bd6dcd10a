package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk template …}: the templates and canned answers in the store. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Show, change, check and roll back the templates and canned answers Postdesk sends.",
            "Templates live in the store with every version; canned answers are named answers/NAME."},
        footer = {"", "Examples:", "  postdesk template list", "  postdesk template edit ack --locale ru",
            "  postdesk template rollback ack --locale ru --to 2"},
        subcommands = {
            TemplateListCommand.class,
            TemplateShowCommand.class,
            TemplateSetCommand.class,
            TemplateEditCommand.class,
            TemplateRenderCommand.class,
            TemplateValidateCommand.class,
            TemplateHistoryCommand.class,
            TemplateRollbackCommand.class,
            TemplateExportCommand.class,
            TemplateImportCommand.class,
        })
public final class TemplateCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show, set, edit, render, validate,"
                + " history, rollback, export or import");
    }
}
