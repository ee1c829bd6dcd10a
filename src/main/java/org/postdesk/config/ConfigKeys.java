package org.postdesk.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every key the config file may hold, with its built-in default; conf/postdesk.properties lists the same. */
final class ConfigKeys {
    /** Computed from data.dir when not set. */
    static final String SECRET_KEY_FILE = "secret.key-file";
    static final Set<String> SECRETS = Set.of("db.password");
    static final Map<String, String> DEFAULTS = defaults();

    private ConfigKeys() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("db.url", "jdbc:h2:file:./data/postdesk");
        d.put("db.user", "sa");
        d.put("db.password", "");
        d.put("db.pool-size", "10");
        d.put("data.dir", "./data");
        d.put(SECRET_KEY_FILE, "");
        d.put("ingest.poll-interval", "30s");
        d.put("ingest.use-idle", "true");
        d.put("ingest.idle-renew", "9m");
        d.put("ingest.reconnect-max-backoff", "5m");
        d.put("ingest.max-attachment-bytes", "52428800");
        d.put("ingest.max-body-bytes", "2097152");
        d.put("ingest.max-message-bytes", "52428800");
        d.put("ingest.robot-senders", "");
        d.put("ingest.batch-size", "100");
        d.put("ingest.batch-time", "250ms");
        d.put("threading.reopen-window", "14d");
        d.put("autoreply.per-sender-per-hour", "10");
        d.put("loop.marker", "postdesk");
        d.put("outbox.initial-backoff", "30s");
        d.put("outbox.max-backoff", "1h");
        d.put("outbox.give-up-after", "3d");
        d.put("outbox.senders", "3");
        d.put("outbox.batch-size", "10");
        d.put("outbox.record-within", "0s");
        d.put("shutdown.timeout", "10s");
        d.put("agents.idle-release", "4h");
        d.put("agents.allow-steal", "true");
        d.put("agents.trusted-authserv-ids", "");
        d.put("agents.trusted-relays", "");
        d.put("agents.confirm-expiry", "24h");
        d.put("report.time-zone", "UTC");
        d.put("report.business-hours", "Mon-Fri 09:00-18:00");
        d.put("report.holidays", "");
        d.put("report.first-response-target", "4h");
        d.put("report.resolution-target", "24h");
        d.put("report.minutes-per-reply", "10");
        d.put("report.handling-time", "");
        d.put("report.shrinkage-percent", "30");
        d.put("report.service-level-percent", "80");
        d.put("csat.min-interval", "30d");
        // issue 13: metrics and health endpoint
        d.put("http.enabled", "true");
        d.put("http.listen", "127.0.0.1:9464");
        d.put("health.mailbox-error-grace", "5m");
        d.put("health.outbox-max-age", "15m");
        return Map.copyOf(d);
    }

    /** {@code db.url} → {@code POSTDESK_DB_URL}. */
    static String envName(String key) {
        return "POSTDESK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
