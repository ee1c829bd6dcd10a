package org.postdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("postdesk.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void defaultsApplyWithoutFile() {
        PostdeskConfig c = ConfigLoader.load(null, Map.of());
        assertEquals("jdbc:h2:file:./data/postdesk", c.db().url());
        assertEquals(10, c.db().poolSize());
        assertEquals(Path.of("./data/secret.key"), c.secretKeyFile());
        assertEquals(Duration.ofSeconds(30), c.ingest().pollInterval());
        assertEquals(Duration.ofMinutes(9), c.ingest().idleRenew());
        assertEquals(52428800L, c.ingest().maxAttachmentBytes());
        assertEquals(2097152, c.ingest().maxBodyBytes());
        assertEquals(Duration.ofDays(14), c.threading().reopenWindow());
        assertEquals(Duration.ofHours(1), c.outbox().maxBackoff());
        assertEquals(Duration.ofDays(3), c.outbox().giveUpAfter());
        assertEquals(3, c.outbox().senders());
        assertEquals(Duration.ofSeconds(10), c.shutdownTimeout());
        assertEquals(Duration.ofHours(4), c.agents().idleRelease());
        assertTrue(c.agents().allowSteal());
        assertEquals(10, c.autoRepliesPerSenderPerHour());
        assertEquals("postdesk", c.loopMarker());
    }

    @Test
    void metricsListenOnLoopbackByDefaultAndTheAddressIsChecked() {
        OpsConfig ops = ConfigLoader.load(null, Map.of()).ops();
        assertTrue(ops.httpEnabled());
        assertEquals("127.0.0.1", ops.httpHost());
        assertEquals(9464, ops.httpPort());
        assertEquals(Duration.ofMinutes(5), ops.mailboxErrorGrace());
        assertEquals(Duration.ofMinutes(15), ops.outboxMaxAge());
        OpsConfig v6 = ConfigLoader.load(null, Map.of("POSTDESK_HTTP_LISTEN", "[::1]:9000")).ops();
        assertEquals("::1", v6.httpHost());
        assertEquals(9000, v6.httpPort());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("POSTDESK_HTTP_LISTEN", "9464")));
        assertTrue(bad.getMessage().contains("http.listen") && bad.getMessage().contains("host:port"), bad.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("POSTDESK_HTTP_LISTEN", "h:99999")));
    }

    @Test
    void fileValuesAndEnvironmentOverrides() throws IOException {
        Path f = file("db.url=jdbc:postgresql://db/pd\ningest.poll-interval=5m\ndata.dir=/var/lib/pd\n");
        PostdeskConfig c = ConfigLoader.load(f, Map.of("POSTDESK_INGEST_POLL_INTERVAL", "PT10S",
                "POSTDESK_DB_POOL_SIZE", "3", "POSTDESK_AGENTS_ALLOW_STEAL", "false"));
        assertEquals("jdbc:postgresql://db/pd", c.db().url());
        assertEquals(Duration.ofSeconds(10), c.ingest().pollInterval());
        assertEquals(3, c.db().poolSize());
        assertFalse(c.agents().allowSteal());
        assertEquals(Path.of("/var/lib/pd/secret.key"), c.secretKeyFile());
    }

    @Test
    void postdeskConfigEnvironmentChoosesTheFile() throws IOException {
        Path f = file("loop.marker=helpdesk\n");
        assertEquals("helpdesk", ConfigLoader.load(null, Map.of("POSTDESK_CONFIG", f.toString())).loopMarker());
    }

    @Test
    void missingExplicitFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope"), Map.of()));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("POSTDESK_CONFIG", dir.resolve("gone").toString())));
    }

    @Test
    void unknownKeyIsNamed() throws IOException {
        Path f = file("ingest.poll_interval=30s\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertTrue(e.getMessage().contains("unknown key ingest.poll_interval"), e.getMessage());
        assertTrue(e.getMessage().contains("ingest.poll-interval"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ingest.poll-interval=soon      | ingest.poll-interval = \"soon\"",
        "ingest.poll-interval=0s        | a positive duration",
        "db.pool-size=1                 | a whole number from 2 to 1000",
        "agents.allow-steal=yes         | true or false",
        "db.url=mysql://x               | jdbc:h2:",
        "outbox.max-backoff=1s          | at least outbox.initial-backoff",
        "outbox.senders=0               | a whole number from 1 to 32",
        "loop.marker=has space          | loop.marker",
    })
    void badValueNamesKeyValueAndWhatIsAllowed(String line, String expected) throws IOException {
        Path f = file(line + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()) || line.startsWith("outbox"), e.getMessage());
    }

    @Test
    void environmentErrorNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("POSTDESK_SHUTDOWN_TIMEOUT", "ten")));
        assertTrue(e.getMessage().contains("environment POSTDESK_SHUTDOWN_TIMEOUT"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "4h,PT4H", "14d,PT336H", "PT30S,PT30S", "pt1m,PT1M"})
    void durationsAcceptShortAndIsoForms(String text, String iso) {
        PostdeskConfig c = ConfigLoader.load(null, Map.of("POSTDESK_SHUTDOWN_TIMEOUT", text));
        assertEquals(Duration.parse(iso), c.shutdownTimeout());
    }

    @Test
    void passwordNeverAppearsInConfigStringsOrErrors() {
        PostdeskConfig c = ConfigLoader.load(null, Map.of("POSTDESK_DB_PASSWORD", "s3cret-pw"));
        assertEquals("s3cret-pw", c.db().password());
        assertFalse(c.toString().contains("s3cret-pw"), c.toString());
        assertFalse(c.db().toSettings().toString().contains("s3cret-pw"));
    }

    @Test
    void shippedPropertiesFileListsEveryKeyWithItsDefault() throws IOException {
        String text = Files.readString(Path.of("conf/postdesk.properties"));
        Matcher m = Pattern.compile("(?m)^#([a-z.-]+)=(.*)$").matcher(text);
        Map<String, String> listed = new java.util.HashMap<>();
        while (m.find()) {
            listed.put(m.group(1), m.group(2));
        }
        assertEquals(ConfigKeys.DEFAULTS.keySet(), listed.keySet());
        Set<String> differing = ConfigKeys.DEFAULTS.entrySet().stream()
                .filter(e -> !e.getKey().equals(ConfigKeys.SECRET_KEY_FILE))
                .filter(e -> !e.getValue().equals(listed.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertEquals(Set.of(), differing);
    }
}
