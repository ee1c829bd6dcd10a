package org.postdesk.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.ops.HealthCheck;
import org.postdesk.ops.OpsServer;
import org.postdesk.ops.SystemdNotifier;
import org.postdesk.store.Database;

/**
 * What a daemon run as a service has besides its work: the metrics and health endpoint (when
 * {@code http.enabled}) and systemd's readiness and watchdog notifications (when started by systemd).
 */
final class Operations implements AutoCloseable {
    /** A daemon whose timer has not ticked for this long is hung; the watchdog is no longer fed. */
    private static final Duration HUNG_AFTER = Duration.ofSeconds(30);

    private final OpsServer server;
    private final SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
    private final Daemon daemon;
    private final ScheduledExecutorService watchdog =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("systemd-watchdog"));

    private Operations(OpsServer serverOrNull, Daemon daemon) {
        this.server = serverOrNull;
        this.daemon = daemon;
    }

    /** Serves /metrics, /health and /ready before the daemon starts, so /ready can say "not yet". */
    static Operations start(PostdeskConfig config, Database db, Daemon daemon, Pipeline pipeline) {
        OpsServer server = null;
        if (config.ops().httpEnabled()) {
            pipeline.metrics().bindProcessMeters();
            server = OpsServer.start(config.ops(), pipeline.metrics(), new HealthCheck(db, config.ops(),
                    Clock.systemUTC()), daemon::ready);
        }
        return new Operations(server, daemon);
    }

    /** The daemon runs: systemd is told, and its watchdog fed while the daemon's timer keeps ticking. */
    void started() {
        systemd.ready();
        systemd.pingEvery().ifPresent(every -> watchdog.scheduleAtFixedRate(Rounds.surviving("systemd watchdog ping",
                every, () -> {
                    if (daemon.alive(HUNG_AFTER)) {
                        systemd.watchdog();
                    }
                }), 0, every.toMillis(), TimeUnit.MILLISECONDS));
    }

    void stopping() {
        watchdog.shutdownNow();
        systemd.stopping();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        if (server != null) {
            server.close();
        }
    }
}
