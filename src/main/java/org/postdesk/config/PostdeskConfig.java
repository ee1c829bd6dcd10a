package org.postdesk.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole daemon configuration, validated once by {@link ConfigLoader}. Immutable; its
 * {@code toString()} never shows the database password.
 */
public record PostdeskConfig(
        DbConfig db,
        Path dataDir,
        Path secretKeyFile,
        IngestConfig ingest,
        ThreadingConfig threading,
        OutboxConfig outbox,
        Duration shutdownTimeout,
        AgentsConfig agents,
        int autoRepliesPerSenderPerHour,
        String loopMarker,
        ReportsConfig reports,
        OpsConfig ops) {
}
