package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
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
import org.postdesk.tickets.TicketNumber;

class TicketSaveCommandTest {
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
    void attachmentsAreSavedByteForByteInsideTheDirectoryWhateverTheirNames() throws Exception {
        byte[] raw = mail("<save@x>");
        String number = cli.ingest(raw);
        Path out = dir.resolve("saved");

        CliRunner.Result saved = cli.run("ticket", "save", number, "--to", out.toString(), "--source");

        assertThat(saved.code()).as(saved.all()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.pdf", "Report (2).pdf", "evil.sh", "message-1.eml");
        }
        assertThat(Files.readAllBytes(out.resolve("report.pdf"))).isEqualTo(bytes(1000, 7));
        assertThat(Files.readAllBytes(out.resolve("Report (2).pdf"))).isEqualTo(bytes(300, 11));
        assertThat(Files.readString(out.resolve("evil.sh"))).isEqualTo("echo owned\n");
        assertThat(Files.readAllBytes(out.resolve("message-1.eml"))).isEqualTo(raw);
        assertThat(Files.exists(dir.resolve("evil.sh"))).as("a name with ../ stays inside --to").isFalse();
        assertThat(saved.out()).contains("saved " + out.resolve("report.pdf") + " (1000 bytes, attachment of message 1)");
    }

    @Test
    void aMailLargerThanOneStoreChunkIsSavedWhole() throws Exception {
        byte[] big = bytes(1_600_000, 13);
        byte[] raw = ("From: Carol <carol@example.test>\r\nTo: support@example.test\r\nSubject: Big\r\n"
                + "Message-ID: <big@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nBig one.\r\n" + part("scan.tif", big) + "--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String number = cli.ingest(raw);
        Path out = dir.resolve("big");

        CliRunner.Result saved = cli.run("ticket", "save", number, "--to", out.toString(), "--source");

        assertThat(saved.code()).as(saved.all()).isZero();
        assertThat(Files.readAllBytes(out.resolve("scan.tif"))).isEqualTo(big);
        assertThat(Files.readAllBytes(out.resolve("message-1.eml"))).isEqualTo(raw);
    }

    @Test
    void anExistingFileStopsTheSaveBeforeAnythingIsWritten() throws Exception {
        String number = cli.ingest(mail("<exists@x>"));
        Path out = Files.createDirectories(dir.resolve("saved"));
        Files.writeString(out.resolve("evil.sh"), "mine");

        CliRunner.Result refused = cli.run("ticket", "save", number, "--to", out.toString());

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("nothing saved").contains("evil.sh").contains("--force");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
        assertThat(Files.readString(out.resolve("evil.sh"))).isEqualTo("mine");

        CliRunner.Result forced = cli.run("ticket", "save", number, "--to", out.toString(), "--force");
        assertThat(forced.code()).as(forced.all()).isZero();
        assertThat(Files.readString(out.resolve("evil.sh"))).isEqualTo("echo owned\n");
    }

    @Test
    void aFileGivenAsTheDirectoryOrAnUnknownTicketIsAUsageError() throws Exception {
        String number = cli.ingest(mail("<usage@x>"));
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");

        CliRunner.Result notADir = cli.run("ticket", "save", number, "--to", file.toString());
        assertThat(notADir.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notADir.err()).contains("is a file, not a directory");

        CliRunner.Result missing = cli.run("ticket", "save", TicketNumber.fromSequence(987_654).toString(), "--to", dir.resolve("t").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(dir.resolve("t"))).isFalse();
    }

    @Test
    void namesAreReducedToAPlainFileName() {
        assertThat(TicketSaveCommand.fileName("..\\..\\boot.ini", 5)).isEqualTo("boot.ini");
        assertThat(TicketSaveCommand.fileName(".bashrc", 5)).isEqualTo("bashrc");
        assertThat(TicketSaveCommand.fileName("../", 5)).isEqualTo("attachment-5");
        assertThat(TicketSaveCommand.fileName(null, 6)).isEqualTo("attachment-6");
        assertThat(TicketSaveCommand.fileName("a\u0000b:c.txt", 7)).isEqualTo("a_b_c.txt");
        assertThat(TicketSaveCommand.fileName("x".repeat(200) + ".docx", 8)).hasSize(60).endsWith(".docx");
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * seed);
        }
        return b;
    }

    private static String part(String name, byte[] content) {
        return "--b\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    private static byte[] mail(String messageId) {
        return ("From: Carol <carol@example.test>\r\nTo: support@example.test\r\nSubject: Files\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe files.\r\n"
                + part("report.pdf", bytes(1000, 7)) + part("Report.pdf", bytes(300, 11))
                + part("../../evil.sh", "echo owned\n".getBytes(StandardCharsets.US_ASCII))
                + "--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
