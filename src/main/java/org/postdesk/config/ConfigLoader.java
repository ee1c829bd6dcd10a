package org.postdesk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.postdesk.store.DbSettings;

/**
 * Reads the configuration once at start-up: the properties file, then environment overrides
 * ({@code POSTDESK_DB_URL} for {@code db.url}), then built-in defaults. Fails with a
 * {@link ConfigException} naming the key, the value and what is allowed.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("conf", "postdesk.properties");
    public static final String CONFIG_ENV = "POSTDESK_CONFIG";

    private ConfigLoader() {
    }

    /**
     * @param fileOrNull an explicit file ({@code --config}); else {@code POSTDESK_CONFIG}, else
     *     {@code conf/postdesk.properties} when it exists, else only defaults. A file named
     *     explicitly must exist. Relative paths in values are relative to the working directory.
     */
    public static PostdeskConfig load(Path fileOrNull, Map<String, String> env) {
        Path file = chooseFile(fileOrNull, env);
        Map<String, String> values = file == null ? Map.of() : read(file);
        return build(new ConfigSource(values, file == null ? "" : file.toString(), env));
    }

    private static Path chooseFile(Path explicit, Map<String, String> env) {
        Path chosen = explicit;
        if (chosen == null && env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank()) {
            chosen = Path.of(env.get(CONFIG_ENV));
        }
        if (chosen == null) {
            return Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
        }
        if (!Files.isRegularFile(chosen)) {
            throw new ConfigException("config file " + chosen + " does not exist or is not a file"
                    + " (given by " + (explicit != null ? "--config" : CONFIG_ENV) + ")");
        }
        return chosen;
    }

    private static Map<String, String> read(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config file " + file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (!ConfigKeys.DEFAULTS.containsKey(key)) {
                throw unknownKey(file, key);
            }
            values.put(key, props.getProperty(key));
        }
        return values;
    }

    private static ConfigException unknownKey(Path file, String key) {
        String section = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : key;
        String near = ConfigKeys.DEFAULTS.keySet().stream().filter(k -> k.startsWith(section)).sorted()
                .collect(Collectors.joining(", "));
        return new ConfigException("config file " + file + ": unknown key " + key
                + (near.isEmpty() ? " (see conf/postdesk.properties for every key)" : "; known keys here: " + near));
    }

    private static PostdeskConfig build(ConfigSource s) {
        Path dataDir = s.pathOrNull("data.dir");
        if (dataDir == null) {
            throw ConfigException.invalid(s.value("data.dir"), "a directory path such as ./data");
        }
        Path keyFile = s.pathOrNull(ConfigKeys.SECRET_KEY_FILE);
        return new PostdeskConfig(db(s), dataDir, keyFile != null ? keyFile : dataDir.resolve("secret.key"),
                ingest(s),
                new ThreadingConfig(s.duration("threading.reopen-window")),
                outbox(s),
                s.duration("shutdown.timeout"),
                agents(s),
                (int) s.number("autoreply.per-sender-per-hour", 0, 10_000),
                s.matching("loop.marker", "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                        "a short word of letters, digits, '.', '_' or '-' (it goes into the X-Loop header)"),
                ReportsConfigs.read(s),
                ops(s));
    }

    private static OpsConfig ops(ConfigSource s) {
        String listen = s.matching("http.listen", "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):[0-9]{1,5}",
                "host:port, such as 127.0.0.1:9464 (the default; use 0.0.0.0:9464 only behind a firewall)");
        int colon = listen.lastIndexOf(':');
        int port = Integer.parseInt(listen.substring(colon + 1));
        if (port > 65535) {
            throw ConfigException.invalid(s.value("http.listen"), "a port from 0 to 65535");
        }
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        return new OpsConfig(s.bool("http.enabled"), host, port, s.duration("health.mailbox-error-grace"),
                s.duration("health.outbox-max-age"));
    }

    private static AgentsConfig agents(ConfigSource s) {
        String host = "[A-Za-z0-9.:\\[\\]-]+";
        String list = "(" + host + "(\\s*,\\s*" + host + ")*)?";
        String ids = s.matching("agents.trusted-authserv-ids", list,
                "a comma-separated list of authserv-ids such as mx.google.com, microsoft-365");
        String relays = s.matching("agents.trusted-relays", list,
                "a comma-separated list of mail server host names or IP addresses such as mail.example.com");
        return new AgentsConfig(s.duration("agents.idle-release"), s.bool("agents.allow-steal"), split(ids),
                split(relays), s.duration("agents.confirm-expiry"));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static DbConfig db(ConfigSource s) {
        String url = s.matching("db.url", "jdbc:(h2|postgresql):.+",
                "a JDBC URL starting with jdbc:h2: or jdbc:postgresql:");
        return new DbConfig(url, s.text("db.user"), s.secret("db.password"), (int) s.number("db.pool-size", DbSettings.MIN_POOL_SIZE, 1000));
    }

    private static IngestConfig ingest(ConfigSource s) {
        return new IngestConfig(s.duration("ingest.poll-interval"), s.bool("ingest.use-idle"),
                s.duration("ingest.idle-renew"),
                s.duration("ingest.reconnect-max-backoff"),
                s.number("ingest.max-attachment-bytes", 0, Integer.MAX_VALUE),
                s.number("ingest.max-message-bytes", 1024, Integer.MAX_VALUE),
                (int) s.number("ingest.batch-size", 1, 1000), s.duration("ingest.batch-time"),
                (int) s.number("ingest.max-body-bytes", 1024, Integer.MAX_VALUE - 8),
                sorted(split(s.matching("ingest.robot-senders", "([^\\s,@]*@[^\\s,@]*(\\s*,\\s*[^\\s,@]*@[^\\s,@]*)*)?",
                        "a comma-separated list of address patterns such as *@mandrillapp.com, welcome@papertrailapp.com"))));
    }

    private static OutboxConfig outbox(ConfigSource s) {
        OutboxConfig o = new OutboxConfig(s.duration("outbox.initial-backoff"), s.duration("outbox.max-backoff"),
                s.duration("outbox.give-up-after"), (int) s.number("outbox.senders", 1, 32),
                (int) s.number("outbox.batch-size", 1, 1000), s.durationOrZero("outbox.record-within"));
        if (o.maxBackoff().compareTo(o.initialBackoff()) < 0) {
            throw ConfigException.invalid(s.value("outbox.max-backoff"),
                    "at least outbox.initial-backoff (" + s.text("outbox.initial-backoff") + ")");
        }
        return o;
    }
}
