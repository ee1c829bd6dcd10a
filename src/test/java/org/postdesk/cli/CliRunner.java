package org.postdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.Base64;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.MailboxRepository;

/** Runs {@code postdesk} in-process against a config file with its own H2 file and key file under {@code dir}. */
final class CliRunner {
    private final Path config;
    private final Map<String, String> env = new HashMap<>();
    final String dbUrl;
    final Path keyFile;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path dir;

    CliRunner(Path dir) throws IOException {
        this.dir = dir;
        dbUrl = "jdbc:h2:file:" + dir.resolve("db/postdesk").toAbsolutePath();
        keyFile = dir.resolve("data/secret.key").toAbsolutePath();
        config = dir.resolve("postdesk.properties");
        Files.writeString(config, "db.url=" + dbUrl + "\ndata.dir=" + dir.resolve("data").toAbsolutePath() + "\n");
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
        int code = Main.run(environment, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code mailbox add support} with a password on stdin: the mailbox the ticket commands' tests ingest into. */
    Result addSupportMailbox() {
        return runWithStdin("secret\n", "mailbox", "add", "support", "--address", "support@example.test", "--imap",
                "imap://support@127.0.0.1:1143/INBOX", "--smtp", "smtp://127.0.0.1:1025");
    }

    /** Stores {@code raw} in mailbox {@code support} through the daemon's ingest path; the ticket's number. */
    String ingest(byte[] raw) {
        try (Database db = openDatabase()) {
            var mailbox = new MailboxRepository(db.dsl()).byName("support").orElseThrow();
            SecretBox secrets = SecretBox.open(Map.of(SecretBox.KEY_ENV,
                    Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k"));
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, secrets, null, Clock.systemUTC());
            return pipeline.ingest().ingest(mailbox, null, raw, null).number().toString();
        }
    }

    /** The same database the commands use, for checks the CLI does not show. */
    Database openDatabase() {
        return Database.open(new DbSettings(dbUrl, "sa", "", 2));
    }
}
