package org.postdesk.bench;

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
        return open(workDir, new DbSettings(dbUrl, "sa", "", 10), server, List.of(), false);
    }

    /**
     * {@link #open(Path, String, BenchServer)} on {@code store}, with {@code agents} (addresses) on the
     * support mailbox, each notified of every new ticket as in a team of that size; {@code sqlProfile}
     * also counts each statement's text.
     */
    static BenchStack open(Path workDir, DbSettings store, BenchServer server, List<String> agents,
                          boolean sqlProfile) {
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
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(server.mailbox(secrets));
            // The benchmark's agent replies carry no proof of their sender (issue 9); it measures the pipeline.
            new MailboxRepository(db.dsl()).setAgentSenderCheck(mailbox.id(), "token-only");
            for (int i = 0; i < agents.size(); i++) {
                new AgentRepository(db.dsl()).add(new NewAgent("Agent " + (i + 1), List.of(agents.get(i)),
                        List.of(mailbox.id())));
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
