package org.postdesk.bench;

import static org.postdesk.store.db.Tables.AGENT_MAILBOX;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.MAILBOX_STATE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.OutboxRepository;

/**
 * What a benchmark runs on, built as production builds it: configuration from the environment, a
 * secret key, the store, the server's support mailbox, and the {@link Pipeline} sending through
 * {@link AckTimes}. Closing it closes the store.
 */
record BenchStack(PostdeskConfig config, Database db, SecretBox secrets, Mailbox mailbox, AckTimes acks,
                  Pipeline pipeline, StatementCounter statements) implements AutoCloseable {

    /** Empties {@code workDir} (it holds the default H2 file and the key file), then opens everything. */
    static BenchStack open(Path workDir, String dbUrl, BenchServer server) {
        return open(workDir, new DbSettings(dbUrl, "sa", "", 10), server, List.of(), false, null);
    }

    /**
     * {@link #open(Path, String, BenchServer)} on {@code store}, with {@code agents} (addresses) on the
     * support mailbox, each notified of every new ticket as in a team of that size; {@code sqlProfile}
     * also counts each statement's text. {@code takeOver} names a mailbox of an existing store (e.g. the one
     * {@code scripts/seed-store} filled) that the benchmark points at its server and drains into, so a store
     * seeded once can be measured again and again; null: a new mailbox {@code support}, or the store's
     * {@code support} of an earlier run, taken over the same way.
     */
    static BenchStack open(Path workDir, DbSettings store, BenchServer server, List<String> agents,
                          boolean sqlProfile, String takeOver) {
        freshWorkDir(workDir);
        Map<String, String> env = new HashMap<>(Map.of(SecretBox.KEY_ENV, randomKey(), "POSTDESK_DB_URL", store.url(),
                "POSTDESK_DB_USER", store.user()));
        if (store.password() != null) {
            env.put("POSTDESK_DB_PASSWORD", store.password());
        }
        // The ingest settings of the benchmark's own environment, so runs can compare them
        // (POSTDESK_INGEST_BATCH_SIZE=1: one transaction per message, as before the group commit).
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("POSTDESK_INGEST_")) {
                env.put(k, v);
            }
        });
        PostdeskConfig config = ConfigLoader.load(null, env);
        SecretBox secrets = SecretBox.open(env, workDir.resolve("secret.key"));
        StatementCounter statements = new StatementCounter(sqlProfile);
        Database db = Database.open(config.db().toSettings(), statements.listeners());
        try {
            Mailbox mailbox = supportMailbox(db, server.mailbox(secrets), takeOver);
            // The benchmark's agent replies carry no proof of their sender (issue 9); it measures the pipeline.
            new MailboxRepository(db.dsl()).setAgentSenderCheck(mailbox.id(), "token-only");
            AgentRepository agentRepo = new AgentRepository(db.dsl());
            for (int i = 0; i < agents.size(); i++) {
                var known = agentRepo.byAddress(agents.get(i));
                if (known.isPresent()) {
                    agentRepo.setActive(known.get().id(), true);
                    agentRepo.addMailbox(known.get().id(), mailbox.id());
                } else {
                    agentRepo.add(new NewAgent("Agent " + (i + 1), List.of(agents.get(i)), List.of(mailbox.id())));
                }
            }
            AckTimes acks = new AckTimes(db, secrets);
            Pipeline pipeline = new Pipeline(config, db, secrets, null, Clock.systemUTC(), acks);
            // The first connection puts the cursor at the end of the (empty) folder, as in production.
            pipeline.ingestAllNow(mailbox);
            return new BenchStack(config, db, secrets, mailbox, acks, pipeline, statements);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The mailbox the benchmark drains into: a new one, or {@code takeOver} (default: {@code support}) of an
     * existing store pointed at this run's server: its address and URLs are the server's, its cursor is
     * forgotten (the first connection puts it at the end of the folder), its agents leave it so that each
     * message notifies this run's agents only, and the store's other mailboxes are disabled so the daemon of
     * the latency phase watches this one alone. Meant for a copy of a seeded store: it changes the store.
     */
    private static Mailbox supportMailbox(Database db, NewMailbox wanted, String takeOver) {
        MailboxRepository mailboxes = new MailboxRepository(db.dsl());
        String name = takeOver != null ? takeOver : wanted.name();
        Optional<Mailbox> existing = mailboxes.byName(name);
        if (existing.isEmpty()) {
            if (takeOver != null) {
                throw new BenchOptions.UsageException("--mailbox " + takeOver + ": the store has no such mailbox (postdesk mailbox list shows its mailboxes)", 2);
            }
            return mailboxes.add(wanted);
        }
        long id = existing.get().id();
        db.inTransactionRun(tx -> {
            new MailboxRepository(tx).update(id, wanted);
            tx.update(MAILBOX).set(MAILBOX.ADDRESS, wanted.address()).set(MAILBOX.ENABLED, true)
                    .where(MAILBOX.ID.eq(id)).execute();
            tx.update(MAILBOX).set(MAILBOX.ENABLED, false).where(MAILBOX.ID.ne(id)).execute();
            tx.update(MAILBOX_STATE).setNull(MAILBOX_STATE.UID_VALIDITY).set(MAILBOX_STATE.LAST_UID, 0L)
                    .where(MAILBOX_STATE.MAILBOX_ID.eq(id)).execute();
            tx.deleteFrom(AGENT_MAILBOX).where(AGENT_MAILBOX.MAILBOX_ID.eq(id)).execute();
        });
        Progress.say("took over mailbox %s (id %d) of the existing store", name, id);
        return mailboxes.byId(id).orElseThrow();
    }

    int agentCount() {
        return new AgentRepository(db.dsl()).list().size();
    }

    int pendingOutbox() {
        return new OutboxRepository(db.dsl()).countByStatus(OutboxRepository.PENDING);
    }

    String workerState() {
        return new MailboxRepository(db.dsl()).state(mailbox.id()).state();
    }

    private static void freshWorkDir(Path workDir) {
        try {
            if (Files.exists(workDir)) {
                try (Stream<Path> files = Files.walk(workDir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workDir, e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        db.close();
    }
}
