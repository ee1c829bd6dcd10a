package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postdesk.store.db.Tables.OUTBOX;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.ingest.MailboxUnavailableException;
import org.postdesk.outbound.OAuthFailureNotice;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.NewAgent;
import org.postdesk.store.OAuthGrant;
import org.postdesk.store.OAuthRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TierRepository;

/**
 * XOAUTH2 against GreenMail, which accepts an access token as the account's password, with the tokens issued by a
 * fake token endpoint in this test. The mailbox's stored password is not the token, so a login that works proves
 * the token was used.
 */
class OAuthSignInTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;
    private HttpServer endpoint;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/token", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            boolean good = "refresh_token".equals(form.get("grant_type")) && "rt-good".equals(form.get("refresh_token"))
                    && "postdesk-app".equals(form.get("client_id"));
            String body = good
                    ? "{\"access_token\":\"at-" + issued.incrementAndGet() + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(good ? 200 : 400, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        endpoint.start();
        greenMail.setUser(Harness.SUPPORT, "support", "at-1"); // the first access token the endpoint issues
    }

    @AfterEach
    void tearDown() {
        endpoint.stop(0);
        harness.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    private void grant(String refreshToken) {
        grant(refreshToken, null, null);
    }

    private void grant(String refreshToken, String accessToken, Instant accessExpiresAt) {
        Instant now = Instant.now();
        new OAuthRepository(harness.db.dsl()).save(new OAuthGrant(harness.mailbox.id(), "custom", "postdesk-app", null,
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/token", "mail",
                harness.secrets.encrypt(refreshToken), accessToken == null ? null : harness.secrets.encrypt(accessToken),
                accessExpiresAt, OAuthGrant.OK, null, now));
    }

    @Test
    void theDaemonsRefreshRoundRenewsOnlyATokenAboutToExpire() {
        Pipeline pipeline = harness.pipeline(null);
        grant("rt-good", "at-old", Instant.now().plus(Duration.ofHours(1)));
        pipeline.accessTokens().refreshDue();
        assertThat(requests).as("an hour left: nothing to do").isEmpty();

        grant("rt-good", "at-old", Instant.now().plus(Duration.ofMinutes(2)));
        pipeline.accessTokens().refreshDue();
        assertThat(requests).as("within AccessTokens.REFRESH_BEFORE").hasSize(1);
        OAuthGrant stored = new OAuthRepository(harness.db.dsl()).byMailbox(harness.mailbox.id()).orElseThrow();
        assertThat(harness.secrets.decrypt(stored.accessTokenEnc(), "test")).isEqualTo("at-1");
    }

    @Test
    void imapAndSmtpSignInWithTheRefreshedAccessToken() throws Exception {
        grant("rt-good");
        Pipeline pipeline = harness.pipeline(null);

        IMAPFolder folder = pipeline.folderOpener().open(harness.mailbox);
        assertThat(folder.isOpen()).isTrue();
        folder.getStore().close();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).containsEntry("scope", "mail"));

        new MailboxSmtpGateway(harness.db, harness.secrets, pipeline.accessTokens()).send(harness.mailbox.id(),
                Harness.SUPPORT, List.of(Harness.CUSTOMER), Harness.customerMail("<o1@example.test>", "Hi", "Body")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(requests).as("the token is reused until shortly before it expires").hasSize(1);
        OAuthGrant stored = new OAuthRepository(harness.db.dsl()).byMailbox(harness.mailbox.id()).orElseThrow();
        assertThat(stored.accessTokenEnc()).as("stored encrypted").doesNotContain("at-1");
        assertThat(harness.secrets.decrypt(stored.accessTokenEnc(), "test")).isEqualTo("at-1");
    }

    @Test
    void aRevokedRefreshTokenPutsTheMailboxInErrorWithTheReasonAndIsNotRetried() {
        grant("rt-revoked");
        Pipeline pipeline = harness.pipeline(null);

        assertThatThrownBy(() -> pipeline.folderOpener().open(harness.mailbox))
                .isInstanceOf(MailboxUnavailableException.class)
                .hasMessageContaining("mailbox support: OAuth2 sign-in no longer works")
                .hasMessageContaining("invalid_grant (Token has been expired or revoked.)")
                .hasMessageContaining("postdesk mailbox oauth support");
        OAuthGrant stored = new OAuthRepository(harness.db.dsl()).byMailbox(harness.mailbox.id()).orElseThrow();
        assertThat(stored.failed()).isTrue();
        assertThat(stored.failure()).contains("invalid_grant");

        assertThatThrownBy(() -> pipeline.folderOpener().open(harness.mailbox))
                .hasMessageContaining("OAuth2 sign-in no longer works");
        assertThat(requests).as("a grant refused for good is not asked again").hasSize(1);
    }

    @Test
    void aGrantRefusedForGoodMailsTheTeamLeadAndAgentsOnceThroughAnotherMailbox() throws Exception {
        Mailbox sales = harness.addMailbox("sales", "sales@example.test");
        AgentRepository agents = new AgentRepository(harness.db.dsl());
        agents.add(new NewAgent("Alice", List.of("alice@example.test"), List.of(harness.mailbox.id())));
        long carol = agents.add(new NewAgent("Carol", List.of("carol@example.test"), List.of())).id();
        new TierRepository(harness.db.dsl()).setTeamLead(harness.mailbox.id(), carol);
        grant("rt-revoked", "at-old", Instant.now().plus(Duration.ofMinutes(1)));
        Pipeline pipeline = harness.pipeline(null);

        pipeline.accessTokens().refreshDue();
        pipeline.accessTokens().refreshDue();
        assertThatThrownBy(() -> pipeline.folderOpener().open(harness.mailbox))
                .hasMessageContaining("OAuth2 sign-in no longer works");

        var notices = harness.db.dsl().selectFrom(OUTBOX).where(OUTBOX.KIND.eq(OAuthFailureNotice.KIND))
                .orderBy(OUTBOX.RECIPIENTS).fetch();
        assertThat(notices).extracting(r -> r.getRecipients()).as("the lead and the agent, once each")
                .containsExactly("alice@example.test", "carol@example.test");
        assertThat(notices).allSatisfy(r -> {
            assertThat(r.getMailboxId()).as("the failed mailbox cannot send").isEqualTo(sales.id());
            assertThat(r.getTicketId()).isNull();
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(r.getRaw()));
            assertThat(mail.getSubject()).isEqualTo("Mailbox support stopped: its custom sign-in was refused");
            assertThat(mail.getContent().toString()).contains("invalid_grant (Token has been expired or revoked.)",
                    "postdesk mailbox oauth support --provider custom");
        });
    }
}
