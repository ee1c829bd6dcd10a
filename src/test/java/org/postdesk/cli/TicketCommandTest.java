package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.app.IngestResult;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

class TicketCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void addMailbox() throws Exception {
        cli = new CliRunner(dir);
        CliRunner.Result added = cli.addSupportMailbox();
        assertThat(added.code()).as(added.all()).isZero();
    }

    @Test
    void cyrillicMailInWindows1251AndKoi8rReadsRightInTicketShow() throws Exception {
        String w1251 = cli.ingest(cyrillicMail("<w@x>", "windows-1251", "Принтер не печатает", "Добрый день, принтер сломался."));
        String koi8 = cli.ingest(cyrillicMail("<k@x>", "koi8-r", "Счёт за октябрь", "Пришлите, пожалуйста, счёт."));

        CliRunner.Result shown = cli.run("ticket", "show", w1251);
        assertThat(shown.code()).as(shown.all()).isZero();
        assertThat(shown.out()).contains("Принтер не печатает").contains("Добрый день, принтер сломался.");
        JsonNode json = Json.mapper().readTree(cli.run("ticket", "show", koi8, "--json").out());
        assertThat(json.get("subject").asText()).isEqualTo("Счёт за октябрь");
        assertThat(json.get("messages").get(0).get("text").asText()).contains("Пришлите, пожалуйста, счёт.");
        assertThat(json.get("messages").get(0).get("direction").asText()).isEqualTo("IN");
    }

    @Test
    void listFiltersByStatusAndPrintsJson() throws Exception {
        String number = cli.ingest(cyrillicMail("<a@x>", "utf-8", "Hello", "Body"));
        JsonNode all = Json.mapper().readTree(cli.run("ticket", "list", "--json").out());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("number").asText()).isEqualTo(number);
        assertThat(all.get(0).get("status").asText()).isEqualTo("NEW");
        assertThat(Json.mapper().readTree(cli.run("ticket", "list", "--status", "closed", "--json").out())).isEmpty();
        assertThat(cli.run("ticket", "list").out()).contains(number).contains("Hello");
    }

    @Test
    void badStatusAndMistypedNumberAreUsageErrors() throws Exception {
        String number = cli.ingest(cyrillicMail("<b@x>", "utf-8", "Hello", "Body"));
        CliRunner.Result badStatus = cli.run("ticket", "list", "--status", "resolved");
        assertThat(badStatus.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStatus.err()).contains("resolved").contains("new, open, pending, closed or spam");

        String mistyped = number.substring(0, number.length() - 1) + ((number.charAt(number.length() - 1) - '0' + 1) % 10);
        CliRunner.Result wrongDigit = cli.run("ticket", "show", mistyped);
        assertThat(wrongDigit.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongDigit.err()).contains("check digit");
    }

    private static byte[] cyrillicMail(String messageId, String charset, String subject, String body) throws Exception {
        Charset cs = Charset.forName(charset);
        String encodedSubject = "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(subject.getBytes(cs)) + "?=";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("From: Ivan <ivan@example.test>\r\nTo: support@example.test\r\nSubject: " + encodedSubject
                + "\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
                + charset + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body.getBytes(cs));
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
