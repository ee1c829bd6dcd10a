package org.postdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.OpsConfig;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;

class HealthCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final OpsConfig CONFIG = new OpsConfig(true, "127.0.0.1", 0, Duration.ofMinutes(5),
            Duration.ofMinutes(15));

    private static long mailbox(Database db, String name) {
        return new MailboxRepository(db.dsl()).add(new NewMailbox(name, name + "@example.test",
                "imap://" + name + "@localhost/INBOX", "smtp://" + name + "@localhost", null, null, null, false, null,
                "Support", "en")).id();
    }

    private static HealthCheck check(Database db) {
        return new HealthCheck(db, CONFIG, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMailboxInErrorTurnsTheCheckDownOnlyAfterTheGrace(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long id = mailbox(db, "support");
            MailboxRepository repo = new MailboxRepository(db.dsl());
            repo.reportState(id, "ERROR", "LOGIN failed", NOW.minus(Duration.ofMinutes(4)));
            repo.reportState(id, "ERROR", "LOGIN failed again", NOW.minusSeconds(10)); // a retry keeps the first time
            assertThat(check(db).check().up()).as("4 minutes: within the grace").isTrue();

            repo.reportState(id, "ERROR", "LOGIN failed", NOW.minus(Duration.ofMinutes(6)));
            repo.reportState(id, "ERROR", "LOGIN failed", NOW.minusSeconds(1));
            // errorSince stayed at the 4-minute mark: the run of failures started then.
            assertThat(check(db).check().up()).isTrue();

            repo.reportState(id, "IDLE", null, NOW.minus(Duration.ofMinutes(7)));
            repo.reportState(id, "ERROR", "LOGIN failed: AUTHENTICATIONFAILED", NOW.minus(Duration.ofMinutes(6)));
            HealthReport report = check(db).check();
            assertThat(report.status()).isEqualTo("DOWN");
            assertThat(report.problems()).singleElement().asString().contains("mailbox support: in ERROR for 6m")
                    .contains("health.mailbox-error-grace=5m").contains("AUTHENTICATIONFAILED");
            assertThat(report.mailboxes()).singleElement().satisfies(m -> {
                assertThat(m.state()).isEqualTo("ERROR");
                assertThat(m.errorSince()).isEqualTo(NOW.minus(Duration.ofMinutes(6)));
            });

            repo.setEnabled("support", false);
            assertThat(check(db).check().up()).as("a disabled mailbox is not watched, so not a problem").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void staleOutboxMailTurnsTheCheckDown(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long id = mailbox(db, "support");
            OutboxRepository outbox = new OutboxRepository(db.dsl());
            outbox.enqueue(new NewOutboxItem(id, null, "ACK", "<a@x>", "support@example.test", List.of("ann@x"),
                    new byte[] {1}, NOW.minus(Duration.ofMinutes(10))));
            HealthReport ok = check(db).check();
            assertThat(ok.up()).isTrue();
            assertThat(ok.outbox().pending()).isEqualTo(1);
            assertThat(ok.outbox().oldestPendingAgeSeconds()).isEqualTo(600);

            outbox.enqueue(new NewOutboxItem(id, null, "ACK", "<b@x>", "support@example.test", List.of("ann@x"),
                    new byte[] {1}, NOW.minus(Duration.ofMinutes(16))));
            HealthReport down = check(db).check();
            assertThat(down.up()).isFalse();
            assertThat(down.problems()).singleElement().asString().startsWith("outbox: the oldest pending mail waits for 16m")
                    .contains("health.outbox-max-age=15m");
        }
    }

    @Test
    void theEndpointAnswers200Then503AndReadyFollowsTheDaemon() throws Exception {
        Database db = TestDatabases.h2();
        long id = mailbox(db, "support");
        AtomicBoolean ready = new AtomicBoolean(false);
        HttpClient http = HttpClient.newHttpClient();
        try (OpsServer server = OpsServer.start(CONFIG, new Metrics(db), check(db), ready::get)) {
            String base = "http://127.0.0.1:" + server.port();
            assertThat(get(http, base + "/ready").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(http, base + "/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> health = get(http, base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(health.body()).contains("\"status\" : \"UP\"").contains("\"name\" : \"support\"");

            new MailboxRepository(db.dsl()).reportState(id, "ERROR", "connection refused", NOW.minus(Duration.ofHours(1)));
            HttpResponse<String> red = get(http, base + "/health");
            assertThat(red.statusCode()).isEqualTo(503);
            assertThat(red.body()).contains("\"status\" : \"DOWN\"").contains("connection refused");

            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(metrics.body()).contains("postdesk_mailbox_state{mailbox=\"support\",state=\"ERROR\"} 1.0")
                    .contains("postdesk_outbox_pending{mailbox=\"support\"} 0.0").contains("postdesk_store_up 1.0");
            assertThat(get(http, base + "/nothing").statusCode()).isEqualTo(404);

            db.close(); // the store goes away
            HttpResponse<String> storeDown = get(http, base + "/health");
            assertThat(storeDown.statusCode()).isEqualTo(503);
            assertThat(storeDown.body()).contains("\"store\" : \"DOWN\"").contains("the database does not answer");
            assertThat(get(http, base + "/metrics").body()).contains("postdesk_store_up 0.0");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
