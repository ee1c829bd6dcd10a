package org.postdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.Database;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk ticket save NUMBER --to DIR}: the ticket's attachments (and with {@code --source} the original
 * source of each message) written to files, so an admin can open what a customer sent without an agent's mail
 * client. Every name is planned before the first byte is written: an existing file stops the command with nothing
 * written. Attachment names come from the sender and are reduced to a plain file name inside DIR, so a name such as
 * {@code ../../.bashrc} can never write outside it. Contents are streamed from the store one chunk at a time.
 */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = "Save a ticket's attachments (and with --source each message's original source, as .eml) into"
            + " a directory.",
        footer = {"", "Examples:", "  postdesk ticket save 10019 --to ./10019",
            "  postdesk ticket save 10019 --to /tmp/t --source --force"})
final class TicketSaveCommand implements Callable<Integer> {
    /** Longest file name written, in characters: common file systems allow 255 bytes, UTF-8 needs up to 4 a char. */
    private static final int MAX_NAME = 60;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number, as in the subject tag.")
    private String number;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "The directory to write into (made"
            + " when missing).")
    private Path to;

    @Option(names = "--source", description = "Also save the original source of every message: message-N.eml, N as"
            + " in 'ticket show'.")
    private boolean source;

    @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
    private boolean force;

    /** One file to write: where, and how to produce its bytes. */
    private record Planned(Path file, String what, Writer writer) {
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        TicketNumber wanted = TicketNumbers.parse(spec, number);
        if (Files.exists(to) && !Files.isDirectory(to)) {
            throw new UsageException("--to " + to + " is a file, not a directory: name a directory to save into");
        }
        Database db = PostdeskCommand.context(spec).database();
        DSLContext dsl = db.dsl();
        TicketRow ticket = new TicketRepository(dsl).byNumber(wanted).orElse(null);
        if (ticket == null) {
            spec.commandLine().getErr().println("ticket " + wanted + " does not exist: see 'postdesk ticket list'");
            return ExitCodes.USAGE;
        }
        MessageRepository messages = new MessageRepository(dsl);
        List<MessageRow> rows = messages.byTicket(ticket.id());
        List<AttachmentRow> attachments = messages.attachmentsOfTicket(ticket.id());
        PrintWriter out = spec.commandLine().getOut();
        List<Planned> plan = plan(db, messages, ticket.id(), rows, attachments, out);
        List<String> existing = plan.stream().map(Planned::file).filter(Files::exists).map(Path::toString).toList();
        if (!existing.isEmpty() && !force) {
            throw new UsageException("nothing saved: " + existing.size() + " file(s) already exist in " + to + " ("
                    + String.join(", ", existing.subList(0, Math.min(3, existing.size())))
                    + (existing.size() > 3 ? ", …" : "") + "): choose another --to or add --force");
        }
        if (plan.isEmpty()) {
            out.println("ticket " + wanted + " has nothing to save" + (source ? "" : " (no stored attachments;"
                    + " --source saves the messages themselves)"));
            return ExitCodes.OK;
        }
        Files.createDirectories(to);
        for (Planned p : plan) {
            long bytes = write(p);
            out.println("saved " + p.file() + " (" + bytes + " bytes, " + p.what() + ")");
        }
        return ExitCodes.OK;
    }

    private List<Planned> plan(Database db, MessageRepository messages, long ticketId, List<MessageRow> rows,
                               List<AttachmentRow> attachments, PrintWriter out) {
        List<Planned> plan = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        AttachmentContents contents = new AttachmentContents(db);
        Set<Long> withSource = source ? messages.withSource(ticketId) : Set.of();
        for (int i = 0; i < rows.size(); i++) {
            MessageRow m = rows.get(i);
            int position = i + 1;
            if (withSource.contains(m.id())) {
                String name = unique("message-" + position + ".eml", taken);
                plan.add(new Planned(to.resolve(name), "source of message " + position, o -> {
                    byte[] raw = messages.raw(m.id()).orElse(null);
                    if (raw == null) {
                        throw new IOException("message " + position + " of the ticket has no stored source");
                    }
                    o.write(raw);
                }));
            }
            for (AttachmentRow a : attachments) {
                if (a.messageId() != m.id()) {
                    continue;
                }
                if (a.droppedReason() != null) {
                    out.println("not stored, not saved: " + a.filename() + " of message " + position + " ("
                            + a.droppedReason() + ")");
                    continue;
                }
                String name = unique(fileName(a.filename(), a.id()), taken);
                plan.add(new Planned(to.resolve(name), "attachment of message " + position,
                        o -> contents.copy(a.id(), o)));
            }
        }
        return plan;
    }

    /** Writes next to the target and then renames, so an interrupted save never leaves a short file by its name. */
    private long write(Planned p) throws IOException {
        Path part = p.file().resolveSibling(p.file().getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(part)) {
            p.writer().write(o);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, p.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(p.file());
    }

    /**
     * The sender's file name made safe to write inside DIR: the last path segment only (either slash), no control
     * or reserved characters, no leading dots (no hidden files, no {@code ..}), at most {@value #MAX_NAME}
     * characters with the extension kept; {@code attachment-ID} when nothing is left.
     */
    static String fileName(String sent, long attachmentId) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}:*?\"<>|]+", "_").strip().replaceFirst("^[.\\s]+", "");
        if (name.isEmpty()) {
            return "attachment-" + attachmentId;
        }
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - ext.length()).strip() + ext;
        }
        return name;
    }

    /** {@code report.pdf}, then {@code report (2).pdf}, … compared without case (Windows and macOS file systems). */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }
}
