package org.postdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket note NUMBER --file F}: an internal note; never sent to the customer. */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Add an internal note to a ticket, from a file or standard input ('-'). The customer never"
            + " sees it.",
        footer = {"", "Examples:", "  postdesk ticket note 10019 --file note.txt",
            "  echo 'Called the customer, fixed.' | postdesk ticket note 10019 --file -"})
final class TicketNoteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The note text (UTF-8), or - for"
            + " standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        String text = file.equals("-")
                ? new String(PostdeskCommand.context(spec).environment().stdin().readAllBytes(), StandardCharsets.UTF_8)
                : TemplateSupport.read(Path.of(file), "--file");
        if (text.isBlank()) {
            throw new UsageException("--file " + file + " is empty: write the note into it first");
        }
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.note(tx, TicketNumbers.parse(spec, number), text, actor, now));
        return ExitCodes.OK;
    }
}
