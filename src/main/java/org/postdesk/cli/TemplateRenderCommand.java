package org.postdesk.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.postdesk.app.TemplatePreview;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.outbound.Templates;
import org.postdesk.tickets.TicketNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template render NAME --ticket N}: the complete MIME message as it would be sent. Sends nothing. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a template for a real ticket and print the whole mail as it would go out, headers"
            + " included (with a fresh Message-ID). Nothing is sent or stored.",
            "The locale is the ticket's, then its mailbox's, then English, as when the daemon sends it."},
        footer = {"", "Examples:", "  postdesk template render ack --ticket 10019",
            "  postdesk template render answers/password-reset --ticket 10019 --locale ru"})
final class TemplateRenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name.")
    private String name;

    @Option(names = "--ticket", required = true, paramLabel = "NUMBER", description = "Ticket number.")
    private String ticket;

    @Option(names = "--locale", paramLabel = "L", description = "Try this locale first.")
    private String locale;

    @Override
    public Integer call() {
        TemplateSupport.checkName(name);
        TicketNumber number = TicketNumbers.parse(spec, ticket);
        CliContext ctx = PostdeskCommand.context(spec);
        TemplatePreview preview = new TemplatePreview(Templates.stored(ctx.database(), DaemonLauncher.templatesDir()),
                ctx.config().loopMarker());
        byte[] mail = ctx.database().inTransaction(tx -> preview.render(tx, name, number, locale));
        spec.commandLine().getOut().print(new String(mail, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        spec.commandLine().getOut().println();
        return ExitCodes.OK;
    }
}
