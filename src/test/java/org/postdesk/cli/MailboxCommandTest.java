package org.postdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postdesk.store.db.Tables.MAILBOX;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.config.SecretBox;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;

class MailboxCommandTest {
    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("IMAP_PW", PASSWORD);
    }

    private CliRunner.Result add(String name, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--address", name + "@example.com");
        options.put("--imap", "imaps://" + name + "%40example.com@mail.example.com");
        options.put("--smtp", "smtp+starttls://mail.example.com");
        List<String> args = new ArrayList<>(List.of("mailbox", "add", name));
        for (int i = 0; i < extra.length; i++) {
            boolean hasValue = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            if (hasValue && options.containsKey(extra[i])) {
                options.put(extra[i], extra[++i]); // an override, so the option is not given twice
            } else {
                args.add(extra[i]);
            }
        }
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        return cli.run(args.toArray(String[]::new));
    }

    private JsonNode listJson() throws IOException {
        CliRunner.Result r = cli.run("mailbox", "list", "--json");
        assertEquals(0, r.code(), r.all());
        return Json.mapper().readTree(r.out());
    }

    @Test
    void setChangesPasswordServersLabelLocaleAndMoveToAndKeepsTheRest() {
        assertEquals(0, add("support", "--password-env", "IMAP_PW").code());
        CliRunner.Result r = cli.env("NEW_PW", "rotated-Pa55").run("mailbox", "set", "support", "--password-env",
                "NEW_PW", "--imap", "imaps://support%40example.com@mail2.example.com/INBOX", "--label", "Help",
                "--locale", "uk", "--move-to", "Archive");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("mailbox support changed"), r.out());
        try (Database db = cli.openDatabase()) {
            var m = new MailboxRepository(db.dsl()).byName("support").orElseThrow();
            assertEquals("rotated-Pa55", SecretBox.open(Map.of(), cli.keyFile).decrypt(m.passwordEnc(),
                    "mailbox support"));
            assertTrue(m.imapUrl().contains("mail2.example.com"), m.imapUrl());
            assertEquals("smtp+starttls://mail.example.com:587", m.smtpUrl(), "kept");
            assertEquals("Help", m.tagLabel());
            assertEquals("uk", m.locale());
            assertEquals("Archive", m.moveTo());
            assertEquals("support@example.com", m.address(), "kept");
        }
        assertEquals(0, cli.run("mailbox", "set", "support", "--mark-seen").code());
        try (Database db = cli.openDatabase()) {
            assertEquals(null, new MailboxRepository(db.dsl()).byName("support").orElseThrow().moveTo());
        }
        assertFalse(r.all().contains("rotated-Pa55"), "the password is never printed");
    }

    @Test
    void setRefusesUnknownMailboxesBadValuesAndNothingToChange() {
        assertEquals(0, add("support", "--password-env", "IMAP_PW").code());
        CliRunner.Result unknown = cli.run("mailbox", "set", "nosuch", "--label", "X");
        assertEquals(2, unknown.code(), unknown.all());
        assertTrue(unknown.err().contains("no mailbox named nosuch"), unknown.err());
        CliRunner.Result nothing = cli.run("mailbox", "set", "support");
        assertEquals(2, nothing.code(), nothing.all());
        assertTrue(nothing.err().contains("nothing to change"), nothing.err());
        CliRunner.Result locale = cli.run("mailbox", "set", "support", "--locale", "de");
        assertEquals(2, locale.code(), locale.all());
        assertTrue(locale.err().contains("expected one of en, ru, uk"), locale.err());
        CliRunner.Result both = cli.run("mailbox", "set", "support", "--trust-any-certificate", "--verify-certificates");
        assertEquals(2, both.code(), both.all());
        CliRunner.Result noUser = cli.env("SMTP_PW", "smtp-Pa55").run("mailbox", "set", "support",
                "--smtp-password-env", "SMTP_PW");
        assertEquals(2, noUser.code(), noUser.all());
        assertTrue(noUser.err().contains("of mailbox support has no user to log in with"),
                noUser.err());
        assertEquals(0, cli.env("SMTP_PW", "smtp-Pa55").run("mailbox", "set", "support", "--smtp",
                "smtp+starttls://support%40example.com@mail.example.com", "--smtp-password-env", "SMTP_PW").code());
    }

    @Test
    void listAndShowNameTheDaemonWatchingEachMailbox() {
        assertEquals(0, add("support", "--password-env", "IMAP_PW").code());
        assertEquals(0, add("sales", "--password-env", "IMAP_PW").code());
        try (Database db = cli.openDatabase()) {
            DaemonRegistry registry = new DaemonRegistry(db.dsl());
            Instant now = Instant.now();
            registry.register(new DaemonInfo("d1", "mail1.example.com", 4242, now, now));
            long support = new MailboxRepository(db.dsl()).byName("support").orElseThrow().id();
            registry.watch(support, "d1");
        }
        CliRunner.Result list = cli.run("mailbox", "list");
        assertTrue(list.out().contains("WATCHED BY"), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("support") && l.contains("mail1.example.com pid 4242")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("sales") && !l.contains("pid")), list.out());
        assertTrue(cli.run("mailbox", "show", "support").out().contains("watched by:    mail1.example.com pid 4242"));
    }

    @Test
    void addListShowDisableRemove() throws IOException {
        CliRunner.Result added = add("support", "--password-env", "IMAP_PW", "--move-to", "Done", "--locale", "ru");
        assertEquals(0, added.code(), added.all());
        assertTrue(added.out().contains("mailbox support added"), added.out());

        CliRunner.Result list = cli.run("mailbox", "list");
        assertTrue(list.out().contains("support") && list.out().contains("NEW"), list.out());

        CliRunner.Result show = cli.run("mailbox", "show", "support");
        assertEquals(0, show.code(), show.all());
        assertTrue(show.out().contains("password:      set"), show.out());
        assertTrue(show.out().contains("smtp password: same as IMAP"), show.out());
        assertTrue(show.out().contains("after storing: move to Done"), show.out());
        assertTrue(show.out().contains("label:         Support"), show.out());

        assertEquals(0, cli.run("mailbox", "disable", "support").code());
        assertFalse(listJson().get(0).get("enabled").asBoolean());
        assertEquals(0, cli.run("mailbox", "enable", "support").code());

        CliRunner.Result removed = cli.run("mailbox", "remove", "support");
        assertEquals(0, removed.code(), removed.all());
        assertEquals(0, listJson().size());
        assertEquals(2, cli.run("mailbox", "remove", "support").code());
        assertEquals(2, cli.run("mailbox", "show", "support").code());
    }

    @Test
    void jsonParsesBack() throws IOException {
        assertEquals(0, add("support", "--password-env", "IMAP_PW", "--label", "Help").code());
        JsonNode list = listJson();
        assertEquals(1, list.size());
        JsonNode m = list.get(0);
        assertEquals("support", m.get("name").asText());
        assertEquals("imaps://support%40example.com@mail.example.com:993/INBOX", m.get("imap").asText());
        assertEquals("set", m.get("password").asText());
        assertEquals("Help", m.get("label").asText());
        assertEquals("NEW", m.get("state").asText());
        assertTrue(m.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), m.get("createdAt").asText());

        CliRunner.Result show = cli.run("mailbox", "show", "support", "--json");
        assertEquals("support@example.com", Json.mapper().readTree(show.out()).get("address").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--imap|pop3://mail.example.com|unknown scheme",
        "--imap|smtp://mail.example.com|expected imap://",
        "--smtp|smtp://mail.example.com/INBOX|no folder",
        "--address|not-an-address|not an email address",
        "--locale|de|expected one of en, ru, uk",
        "--label|[x]|--label",
        "--trust-store|/no/such/file.jks|trust store",
    })
    void invalidInputChangesNothing(String option, String value, String expected) throws IOException {
        CliRunner.Result r = add("support", "--password-env", "IMAP_PW", option, value);
        assertTrue(r.code() == 2 || r.code() == 3, r.all());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(0, listJson().size());
    }

    @Test
    void agentSenderCheckIsSetOnAddAndShownWithAWarningForTokenOnly() throws IOException {
        CliRunner.Result plain = add("support", "--password-env", "IMAP_PW");
        assertEquals(0, plain.code(), plain.all());
        assertTrue(cli.run("mailbox", "show", "support").out().contains("agent sender:  confirm"));

        CliRunner.Result loose = add("sandboxlike", "--password-env", "IMAP_PW", "--agent-sender-check", "token-only");
        assertEquals(0, loose.code(), loose.all());
        assertTrue(loose.out().contains("WARNING"), loose.out());
        CliRunner.Result show = cli.run("mailbox", "show", "sandboxlike");
        assertTrue(show.out().contains("agent sender:  token-only   WARNING: agent replies are trusted on their"
                + " reply token alone"), show.out());
        JsonNode json = Json.mapper().readTree(cli.run("mailbox", "show", "sandboxlike", "--json").out());
        assertEquals("token-only", json.get("agentSenderCheck").asText());

        CliRunner.Result set = cli.run("mailbox", "set", "sandboxlike", "--agent-sender-check", "strict");
        assertEquals(0, set.code(), set.all());
        assertTrue(cli.run("mailbox", "show", "sandboxlike").out().contains("agent sender:  strict"));
        assertEquals(2, cli.run("mailbox", "set", "sandboxlike", "--agent-sender-check", "lax").code());

        CliRunner.Result bad = add("other", "--password-env", "IMAP_PW", "--agent-sender-check", "lax");
        assertEquals(2, bad.code(), bad.all());
        assertTrue(bad.err().contains("strict, confirm, token-only"), bad.err());
        assertEquals(2, listJson().size());
    }

    @Test
    void unknownOptionChangesNothing() throws IOException {
        CliRunner.Result r = add("support", "--password-env", "IMAP_PW", "--folder", "INBOX");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--folder"), r.err());
        assertEquals(0, listJson().size());
    }

    @Test
    void missingPasswordChangesNothing() throws IOException {
        CliRunner.Result r = add("support");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("--password-env"), r.err());
        CliRunner.Result unset = add("x", "--password-env", "UNSET_VAR");
        assertEquals(2, unset.code(), unset.all());
        assertTrue(unset.err().contains("UNSET_VAR"), unset.err());
        assertEquals(0, listJson().size());
    }

    @Test
    void passwordInUrlOrAsArgumentIsRefusedAndNeverEchoed() throws IOException {
        CliRunner.Result inUrl = cli.run("mailbox", "add", "support", "--address", "support@example.com",
                "--imap", "imaps://support:" + PASSWORD + "@mail.example.com", "--smtp", "smtp://h", "--password-env", "IMAP_PW");
        assertEquals(2, inUrl.code(), inUrl.all());
        assertTrue(inUrl.err().contains("password in the URL is refused"), inUrl.err());
        CliRunner.Result asArg = add("support", "--password", PASSWORD);
        assertEquals(2, asArg.code(), asArg.all());
        for (CliRunner.Result r : new CliRunner.Result[] {inUrl, asArg}) {
            assertFalse(r.all().contains(PASSWORD), r.all());
        }
        assertEquals(0, listJson().size());
    }

    @Test
    void passwordIsStoredEncryptedAndNeverPrinted() throws IOException {
        Path smtpPw = dir.resolve("smtp.pw");
        Files.writeString(smtpPw, "smtp-Other-Secret\n");
        CliRunner.Result added = cli.runWithStdin(PASSWORD + "\n", "mailbox", "add", "support",
                "--address", "support@example.com", "--imap", "imaps://mail.example.com",
                "--smtp", "smtps://relay%40example.com@smtp.example.com", "--smtp-password-file", smtpPw.toString());
        assertEquals(0, added.code(), added.all());
        String printed = added.all() + cli.run("mailbox", "list").all() + cli.run("mailbox", "list", "--json").all()
                + cli.run("mailbox", "show", "support").all() + cli.run("mailbox", "show", "support", "--json").all();
        assertFalse(printed.contains(PASSWORD) || printed.contains("smtp-Other-Secret"), printed);
        assertFalse(printed.contains("v1:"), "not even the ciphertext is shown");
        try (Database db = cli.openDatabase()) {
            var row = db.dsl().selectFrom(MAILBOX).where(MAILBOX.NAME.eq("support")).fetchOne();
            assertFalse(row.getPasswordEnc().contains(PASSWORD));
            SecretBox box = SecretBox.open(Map.of(), cli.keyFile);
            assertEquals(PASSWORD, box.decrypt(row.getPasswordEnc(), "mailbox support"));
            assertEquals("smtp-Other-Secret", box.decrypt(row.getSmtpPasswordEnc(), "mailbox support"));
            assertEquals("imaps://support%40example.com@mail.example.com:993/INBOX", row.getImapUrl(),
                    "the IMAP login defaults to the address");
        }
    }

    @Test
    void duplicateNameIsRefused() {
        assertEquals(0, add("support", "--password-env", "IMAP_PW").code());
        CliRunner.Result again = add("support", "--password-env", "IMAP_PW");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void badConfigValueExitsWithThreeAndNamesTheKey() {
        cli.env("POSTDESK_DB_POOL_SIZE", "lots");
        CliRunner.Result r = cli.run("mailbox", "list");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("db.pool-size = \"lots\" (environment POSTDESK_DB_POOL_SIZE)"), r.err());
    }

    @Test
    void versionAndHelpNeedNoDatabase() {
        CliRunner.Result v = cli.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("postdesk "), v.out());
        assertEquals(0, cli.run("mailbox", "add", "--help").code());
        assertFalse(Files.exists(dir.resolve("db")));
    }
}
