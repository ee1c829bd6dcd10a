package org.postdesk.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.StoreCheck;
import org.slf4j.Logger;
import sun.misc.Signal;
import org.slf4j.LoggerFactory;

/**
 * Runs the daemon in the foreground until the JVM is asked to stop (SIGTERM, Ctrl-C): then the
 * shutdown hook stops fetching, lets each worker finish its message in flight and stops the sender.
 */
public final class DaemonLauncher {
    private static final Logger log = LoggerFactory.getLogger(DaemonLauncher.class);

    private DaemonLauncher() {
    }

    /** The templates directory beside the working directory overrides the shipped ones, if present. */
    public static Path templatesDir() {
        Path dir = Path.of("templates");
        return Files.isDirectory(dir) ? dir : null;
    }

    /**
     * The store check reads the whole embedded store (minutes at a million tickets), so it runs beside the
     * workers instead of delaying them: its result is only logged, and mail stays on the server until stored
     * either way. A daemon thread, so a stop never waits for it.
     */
    private static void checkStoreInBackground(Database db) {
        Thread check = new NamedThreads("store-check").newThread(() -> new StoreCheck(db).run());
        check.setDaemon(true);
        check.start();
    }

    /**
     * Only SIGTERM or SIGINT stops the daemon. An interrupt of this thread (nothing of ours sends one) was the one
     * other way out of this wait, taken as a stop: in session 7's chaos runs a daemon on a full disk once logged
     * "stop requested" 250 ms after H2 closed its database, with no signal seen, and exited; a clean exit is one
     * that systemd's Restart=on-failure does not restart.
     */
    static void awaitStopSignal(CountDownLatch stopRequested) {
        while (true) {
            try {
                stopRequested.await();
                return;
            } catch (InterruptedException e) {
                log.warn("the daemon's main thread was interrupted, but no stop signal came: still running"
                        + " (stop it with SIGTERM, e.g. systemctl stop postdesk)");
            }
        }
    }

    /**
     * Blocks until SIGTERM or SIGINT, then stops the daemon and runs {@code onStop} (e.g. to stop a
     * sandbox). The signals are caught directly rather than through a shutdown hook, because H2 closes
     * its databases in a shutdown hook of its own, which could run before the message in flight is stored.
     */
    public static void runUntilStopped(PostdeskConfig config, Database db, SecretBox secrets, Runnable onStop) {
        Pipeline pipeline = new Pipeline(config, db, secrets, templatesDir(), Clock.systemUTC());
        Daemon daemon = new Daemon(pipeline);
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
        }
        // Any other way out of the JVM (System.exit elsewhere) still stops the workers first.
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "shutdown"));
        if (new MailboxRepository(db.dsl()).listEnabled().isEmpty()) {
            log.warn("no enabled mailboxes yet: add one with 'postdesk mailbox add'; it is picked up without a restart");
        }
        log.info("postdesk daemon starting: store {}", config.db().url().replaceAll("(?i)(password=)[^;&]*", "$1***"));
        try (Operations ops = Operations.start(config, db, daemon, pipeline)) {
            daemon.start();
            ops.started();
            checkStoreInBackground(db);
            awaitStopSignal(stopRequested);
            log.info("stop requested: finishing the messages in flight");
            ops.stopping();
            daemon.close();
        }
        onStop.run();
    }
}
