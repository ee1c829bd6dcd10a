package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;

class AgentCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("IMAP_PW", "pw");
        CliRunner.Result mailbox = cli.run("mailbox", "add", "support", "--address", "support@example.com",
                "--imap", "imap://mail.example.com", "--smtp", "smtp://mail.example.com", "--password-env", "IMAP_PW");
        assertThat(mailbox.code()).as(mailbox.all()).isZero();
    }

    private JsonNode json(String... args) throws IOException {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(r.all()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void addListShowDisableEnable() throws IOException {
        CliRunner.Result added = cli.run("agent", "add", "Bob@Example.com", "--name", "Bob Smith",
                "--mailbox", "support", "--address", "bob.smith@home.example");
        assertThat(added.code()).as(added.all()).isZero();
        assertThat(added.out()).contains("agent Bob Smith <bob@example.com> added, notified for support");

        JsonNode list = json("agent", "list", "--json");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("email").asText()).isEqualTo("bob@example.com");
        assertThat(list.get(0).get("addresses").toString()).contains("bob.smith@home.example");
        assertThat(list.get(0).get("active").asBoolean()).isTrue();
        assertThat(cli.run("agent", "list").out()).contains("Bob Smith", "bob@example.com", "yes", "support");

        CliRunner.Result show = cli.run("agent", "show", "bob.smith@home.example");
        assertThat(show.out()).contains("name:       Bob Smith", "mailboxes:  support",
                "addresses:  bob@example.com, bob.smith@home.example");

        assertThat(cli.run("agent", "disable", "bob@example.com").out()).contains("agent bob@example.com disabled");
        assertThat(json("agent", "show", "bob@example.com", "--json").get("active").asBoolean()).isFalse();
        assertThat(cli.run("agent", "enable", "1").code()).isZero();
        assertThat(json("agent", "show", "1", "--json").get("active").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not-an-address|--name|Bob|--mailbox|support|not an email address",
        "bob@example.com|--name|Bob|--mailbox|nosuch|no such mailbox",
        "bob@example.com|--name|' '|--mailbox|support|1 to 200 characters",
        "bob@example.com|--name|Bob|--address|Bob <x@example.com>|not an email address",
    })
    void badInputChangesNothing(String email, String o1, String v1, String o2, String v2, String message) {
        CliRunner.Result r = cli.run("agent", "add", email, o1, v1, o2, v2);
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
        try (Database db = cli.openDatabase()) {
            assertThat(new AgentRepository(db.dsl()).list()).isEmpty();
        }
    }

    @Test
    void anAddressBelongsToOneAgentOnly() {
        assertThat(cli.run("agent", "add", "bob@example.com", "--name", "Bob").code()).isZero();
        CliRunner.Result again = cli.run("agent", "add", "robert@example.com", "--name", "Robert",
                "--address", "BOB@example.com");
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("bob@example.com already belongs to an agent");
        assertThat(cli.run("agent", "show", "robert@example.com").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("agent", "disable", "nobody@example.com").err()).contains("no agent nobody@example.com");
    }

    @Test
    void emptyListSaysHowToAdd() {
        assertThat(cli.run("agent", "list").out()).contains("no agents yet");
        assertThat(cli.run("agent").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void setChangesNameMailboxesAndAddressesAndARefusalChangesNothing() throws IOException {
        CliRunner.Result billing = cli.run("mailbox", "add", "billing", "--address", "billing@example.com",
                "--imap", "imap://mail.example.com", "--smtp", "smtp://mail.example.com", "--password-env", "IMAP_PW");
        assertThat(billing.code()).as(billing.all()).isZero();
        assertThat(cli.run("agent", "add", "bob@example.com", "--name", "Bob").code()).isZero();
        assertThat(cli.run("agent", "add", "eve@example.com", "--name", "Eve").code()).isZero();

        CliRunner.Result set = cli.run("agent", "set", "bob@example.com", "--name", "Robert Smith",
                "--add-mailbox", "support", "--add-mailbox", "billing", "--add-address", "Robert@Home.example");
        assertThat(set.code()).as(set.all()).isZero();
        assertThat(set.out()).contains("agent bob@example.com: name Robert Smith, notified for support,"
                + " notified for billing, address robert@home.example added");
        JsonNode bob = json("agent", "show", "robert@home.example", "--json");
        assertThat(bob.get("name").asText()).isEqualTo("Robert Smith");
        assertThat(bob.get("mailboxes").toString()).contains("support", "billing");

        CliRunner.Result less = cli.run("agent", "set", "bob@example.com", "--remove-mailbox", "support",
                "--remove-address", "robert@home.example");
        assertThat(less.code()).as(less.all()).isZero();
        assertThat(less.out()).contains("no longer notified for support", "address robert@home.example removed");
        bob = json("agent", "show", "bob@example.com", "--json");
        assertThat(bob.get("mailboxes").toString()).doesNotContain("support").contains("billing");
        assertThat(bob.get("addresses").toString()).doesNotContain("robert@home.example");

        String before = cli.run("agent", "show", "bob@example.com", "--json").out();
        for (String[] refused : new String[][] {
            {"--name", "X", "--add-mailbox", "support", "--add-address", "eve@example.com"},
            {"--name", "X", "--add-mailbox", "nosuch"},
            {"--name", "X", "--remove-address", "bob@example.com"},
            {"--name", "X", "--remove-address", "other@example.com"},
            {"--add-mailbox", "support", "--remove-mailbox", "support"},
            {"--name", " "},
            {"--tier", "3"},
            {},
        }) {
            String[] args = new String[refused.length + 3];
            args[0] = "agent";
            args[1] = "set";
            args[2] = "bob@example.com";
            System.arraycopy(refused, 0, args, 3, refused.length);
            CliRunner.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(cli.run("agent", "set", "bob@example.com", "--add-address", "eve@example.com").err())
                .contains("eve@example.com already belongs to an agent");
        assertThat(cli.run("agent", "set", "bob@example.com", "--remove-address", "bob@example.com").err())
                .contains("bob@example.com is the main address of agent");
        assertThat(cli.run("agent", "show", "bob@example.com", "--json").out()).isEqualTo(before);
    }
}
