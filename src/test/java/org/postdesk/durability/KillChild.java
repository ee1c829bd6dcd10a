package org.postdesk.durability;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.ingest.Disposition;
import org.postdesk.ingest.MailboxWorker;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/**
 * The daemon as {@link DurabilityKillTest} kills it: the real store, ingest and outbox code wired as the daemon
 * wires them, with one addition — before a message is flagged on the server, the child records in its
 * {@link Journal} (fsynced) that the transaction storing it returned. It runs until it is killed.
 *
 * <p>Arguments: journal file, JDBC URL, user, password (may be empty). The secret key comes from
 * {@code POSTDESK_SECRET_KEY}, other settings from the usual {@code POSTDESK_*} variables.
 */
public final class KillChild {

    /** System property: exit once started, so that {@code -XX:ArchiveClassesAtExit} can write its archive. */
    static final String EXIT_WHEN_READY = "postdesk.kill-child.exit-when-ready";

    private KillChild() {
    }

    public static void main(String[] args) {
        Path journalFile = Path.of(args[0]);
        Map<String, String> env = System.getenv();
        PostdeskConfig config = ConfigLoader.load(null, env);
        Database db = Database.open(new DbSettings(args[1], args[2], args[3].isEmpty() ? null : args[3], 10));
        SecretBox secrets = SecretBox.open(env, journalFile.resolveSibling("secret.key"));
        Clock clock = Clock.systemUTC();
        Pipeline pipeline = new Pipeline(config, db, secrets, null, clock);
        Journal journal = Journal.append(journalFile);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        for (int i = 1; i <= config.outbox().senders(); i++) {
            new Thread(pipeline.newSender(), "outbox-sender-" + i).start();
        }
        for (Mailbox mailbox : new MailboxRepository(db.dsl()).listEnabled()) {
            Disposition flag = Disposition.forMailbox(mailbox.moveTo());
            // A group commit is journaled whole, then flagged with one command: a kill between its commit and its
            // flag leaves a batch stored but unflagged, which the next daemon must read again without doubling.
            Disposition recordThenFlag = new Disposition() {
                @Override
                public void apply(IMAPFolder folder, Message message) throws MessagingException {
                    applyAll(folder, List.of(message));
                }

                @Override
                public void applyAll(IMAPFolder folder, List<Message> messages) throws MessagingException {
                    StringJoiner lines = new StringJoiner("\n");
                    for (Message message : messages) {
                        lines.add(Journal.STORED + " " + folder.getUID(message));
                    }
                    journal.record(lines.toString()); // one fsync for the batch
                    flag.applyAll(folder, messages);
                }
            };
            new Thread(new MailboxWorker(mailbox, pipeline.folderOpener(), pipeline.ingest(), db,
                    pipeline.workerSettings(), recordThenFlag, timer, clock), "imap-" + mailbox.name()).start();
        }
        journal.record(Journal.READY + " " + ProcessHandle.current().pid());
        if (Boolean.getBoolean(EXIT_WHEN_READY)) {
            System.exit(0); // the class-data archive run: the JVM writes its archive at a normal exit
        }
    }
}
