package org.postdesk.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.postdesk.app.IngestResult;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.InboundMessage;
import org.postdesk.ingest.WorkerSettings;
import org.postdesk.mail.MimeParser;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;

/**
 * The intake benchmark of issue 15: the time to read a 1 MB HTML mail (and 489 KB of HTML with an unclosed
 * title, which took 58 s with the old converter), and the peak heap and RSS of parsing and storing mails
 * with 1-40 MB attachments into an H2 file, as the daemon does, in this JVM (scripts/bench-intake runs it
 * with the launcher's -Xmx256m). Prints its figures; it is a program, not a test.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "heap limit %d MB, %d cores%n", HeapMonitor.max() >> 20,
                Runtime.getRuntime().availableProcessors());
        html("1 MB HTML mail", htmlMail("<html><head><title>Report</title></head><body>",
                "<div><p>Line with <b>bold</b> &amp; &eacute;ntit&eacute;s</p></div>", 1_000_000));
        html("489 KB HTML, unclosed <title>", htmlMail("<html><head><title>x</head><body>",
                "<p>word &amp; word</p>", 489_000));
        if (args.length > 0 && args[0].equals("--html-only")) {
            return;
        }
        Path dir = Files.createTempDirectory("bench-intake");
        try (Database db = Database.open(new DbSettings("jdbc:h2:file:" + dir.resolve("pd"), "sa", "", 4));
             HeapMonitor heap = new HeapMonitor()) {
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@bench.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
            System.out.println("attachment  message   stored in   peak heap   live after GC   peak RSS");
            int uid = 0;
            for (int mb : new int[] {1, 5, 10, 20, 40}) {
                // The mail as the IMAP server holds it: a file, read as a stream the way the mailbox worker reads
                // the FETCH (spooled to a temporary file past 256 KiB, parsed from it, stored chunk by chunk).
                Path mail = dir.resolve("mail-" + (++uid) + ".eml");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mail), 1 << 16)) {
                    writeAttachmentMail(out, uid, mb * 1_000_000);
                }
                heap.reset();
                long start = System.nanoTime();
                IngestResult result;
                try (InputStream in = Files.newInputStream(mail);
                     // Twice the default cap: the 40 MB file makes a 53 MB mail, measured whole as before this change.
                     RawSource raw = RawSource.spool(in, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES * 2)) {
                    result = pipeline.ingest().ingest(mailbox, (long) uid, raw, null);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                Files.delete(mail);
                System.out.printf(Locale.ROOT, "%6d MB  %6.1f MB  %7d ms   %6d MB   %9d MB   %6d MB  %s%n", mb,
                        attachmentMailSize(mb) / 1e6, ms, heap.peakSampled() >> 20, heap.peakAfterGc() >> 20,
                        peakRssMb(), result.outcome());
            }
        }
    }

    /** Wall time, and the CPU time of this thread: on a loaded machine the second is the figure to compare. */
    private static void html(String what, byte[] raw) {
        MimeParser parser = new MimeParser(25 << 20);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] ms = new long[7];
        long[] cpuMs = new long[ms.length];
        int length = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            InboundMessage m = parser.parse(raw);
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            length = m.textBody().length();
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "%-32s %7d bytes: median %d ms (CPU %d ms), max %d ms over %d runs (text %d chars)%n",
                what, raw.length, ms[ms.length / 2], cpuMs[cpuMs.length / 2], ms[ms.length - 1], ms.length, length);
    }

    private static byte[] htmlMail(String head, String block, int size) {
        StringBuilder html = new StringBuilder(size + 200).append(head);
        while (html.length() < size) {
            html.append(block);
        }
        return ("From: a@bench.test\r\nTo: support@bench.test\r\nSubject: html\r\nMessage-ID: <h@bench.test>\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static long attachmentMailSize(int mb) {
        return mb * 1_000_000L * 4 / 3 + 300;
    }

    /** Writes the mail, the file generated and base64-encoded 57 KB at a time. */
    private static void writeAttachmentMail(OutputStream out, int n, int bytes) throws IOException {
        out.write(("From: Ann <ann@bench.test>\r\nTo: support@bench.test\r\nSubject: scan " + n + "\r\n"
                + "Message-ID: <scan-" + n + "@bench.test>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nThe scan.\r\n--b\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Random random = new Random(n);
        byte[] block = new byte[57 * 1024]; // a whole number of 57-byte lines: no line is split between blocks
        java.util.Base64.Encoder encoder = Base64.getMimeEncoder();
        for (int left = bytes; left > 0; left -= block.length) {
            int len = Math.min(left, block.length);
            random.nextBytes(block);
            out.write(encoder.encode(len == block.length ? block : Arrays.copyOf(block, len)));
            if (left > block.length) {
                out.write(new byte[] {'\r', '\n'});
            }
        }
        out.write("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** VmHWM: the highest resident set size of this process so far (Linux). */
    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
