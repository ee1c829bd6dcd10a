package org.postdesk.mail;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * Writes a mail with attachments of given sizes (random bytes, base64 in 76-character CRLF lines) straight to a
 * file, a 57 KB block at a time: a 40 MB test mail is never in the writer's heap. For the large-mail test and
 * the large-mail benchmark.
 */
public final class LargeMails {
    private LargeMails() {
    }

    /** Writes the mail to {@code file}; returns its size in bytes. */
    public static long write(Path file, String from, String to, String subject, String messageId, int... attachmentBytes)
            throws IOException {
        Random random = new Random(15);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                    + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe scans are attached.\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < attachmentBytes.length; i++) {
                out.write(("--big\r\nContent-Type: application/octet-stream; name=\"scan-" + i + ".bin\"\r\n"
                        + "Content-Disposition: attachment; filename=\"scan-" + i + ".bin\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                OutputStream base64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).wrap(new NonClosing(out));
                byte[] chunk = new byte[57 * 1024];
                for (int left = attachmentBytes[i]; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    base64.write(chunk, 0, Math.min(left, chunk.length));
                }
                base64.close();
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return Files.size(file);
    }

    /** Lets the base64 encoder write its last bytes on close without closing the file under it. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
