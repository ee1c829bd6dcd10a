package org.postdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
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
    static final String KIND = "ADMIN_NOTE";

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
        Database db = PostdeskCommand.context(spec).database();
        String actor = TicketAdminSupport.actor(spec);
        TicketRow ticket = db.inTransaction(tx -> {
            TicketRow t = TicketAdminSupport.find(spec, tx, number);
            TicketAdminSupport.refuseMerged(tx, t, "add the note to");
            Instant now = Instant.now();
            new MessageRepository(tx).insert(new NewMessage(t.id(), t.mailboxId(), NewMessage.Direction.NOTE, KIND,
                    "note:" + UUID.randomUUID(), null, null, null, actor, null, null, null, "Note", now, now,
                    text.strip() + "\n", null, null, null, null));
            new TicketRepository(tx).touch(t.id(), now);
            new EventRepository(tx).record(t.id(), now, actor, "note", text.strip().length() + " characters");
            return t;
        });
        spec.commandLine().getOut().println("note added to ticket " + ticket.number());
        return ExitCodes.OK;
    }
}
