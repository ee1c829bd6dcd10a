package org.postdesk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postdesk.config.ConfigLoader;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/**
 * {@code scripts/seed-store}: fills a store (H2 or PostgreSQL, the one a configuration file names or a JDBC
 * URL) with N tickets of realistic history through {@link StoreSeed}, for trying the CLI, reports and the
 * daemon at scale. Into an existing mailbox (its agents own the tickets in turn) or a new {@code seed} mailbox
 * with four agents. A program for people, not a test.
 */
public final class SeedStore {
    private static final String USAGE = String.join("\n",
            "usage: scripts/seed-store [--config FILE | --db-url URL [--db-user U]] [--mailbox NAME] N",
            "  N                 tickets to add (e.g. 1000000; _ allowed: 1_000_000)",
            "  --config FILE     the store of this postdesk.properties (db.url, db.user, POSTDESK_DB_PASSWORD)",
            "  --db-url URL      a JDBC URL instead, e.g. jdbc:h2:file:/tmp/seed/postdesk or jdbc:postgresql://…",
            "  --db-user U       its user (default sa on H2, postdesk on PostgreSQL); password from POSTDESK_DB_PASSWORD",
            "  --mailbox NAME    add the tickets to this existing mailbox, owned by its agents in turn",
            "                    (default: mailbox 'seed', made with four agents agentN@bench.test)");

    private static final String DEFAULT_MAILBOX = "seed";

    private SeedStore() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (BenchOptions.UsageException e) {
            System.err.println("seed-store: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        String config = null;
        String url = null;
        String user = null;
        String mailbox = null;
        Integer n = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config": config = value(args, ++i); break;
                case "--db-url": url = value(args, ++i); break;
                case "--db-user": user = value(args, ++i); break;
                case "--mailbox": mailbox = value(args, ++i); break;
                case "-h": case "--help": System.out.println(USAGE); return;
                default: n = count(args[i]);
            }
        }
        if (n == null || (config == null) == (url == null)) {
            throw new BenchOptions.UsageException("give N and exactly one of --config and --db-url", 2);
        }
        DbSettings settings = config != null
                ? ConfigLoader.load(Path.of(config), System.getenv()).db().toSettings()
                : new DbSettings(url, user != null ? user : url.startsWith("jdbc:h2:") ? "sa" : "postdesk",
                        System.getenv().getOrDefault("POSTDESK_DB_PASSWORD", ""), 4);
        seed(settings, mailbox, n);
    }

    private static void seed(DbSettings settings, String mailboxOrNull, int n) {
        long t0 = System.nanoTime();
        try (Database db = Database.open(settings)) {
            String name = mailboxOrNull != null ? mailboxOrNull : DEFAULT_MAILBOX;
            Optional<Mailbox> found = new MailboxRepository(db.dsl()).byName(name);
            if (found.isPresent()) {
                StoreSeed.tickets(db, n, found.get().id(), owners(db, found.get()));
            } else if (mailboxOrNull == null) {
                StoreSeed.seed(db, DEFAULT_MAILBOX, n);
            } else {
                throw new BenchOptions.UsageException("mailbox '" + name + "' does not exist in "
                        + settings.url() + "; list them with 'postdesk mailbox list' or leave --mailbox out", 2);
            }
            System.out.println(StoreSeed.describe(n, (System.nanoTime() - t0) / 1e9) + " into mailbox " + name);
        }
    }

    private static List<Long> owners(Database db, Mailbox mailbox) {
        List<Long> agents = new AgentRepository(db.dsl()).activeForMailbox(mailbox.id()).stream().map(Agent::id).toList();
        if (agents.isEmpty()) {
            throw new BenchOptions.UsageException("mailbox '" + mailbox.name() + "' has no active agent to own the"
                    + " tickets; add one with 'postdesk agent add'", 2);
        }
        return agents;
    }

    private static int count(String text) {
        try {
            int n = Integer.parseInt(text.replace("_", ""));
            if (n < 1) {
                throw new BenchOptions.UsageException("N must be at least 1, not " + n, 2);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BenchOptions.UsageException(String.format(Locale.ROOT, "'%s' is neither an option nor a ticket count", text), 2);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new BenchOptions.UsageException(args[i - 1] + " needs a value", 2);
        }
        return args[i];
    }
}
