package org.postdesk.ingest;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * What is stored for a message over {@code ingest.max-message-bytes}: its own header section (so it is
 * threaded, deduplicated and checked for robots like any other) with a plain-text body that says what
 * happened. It is ticketed and the team is notified as for any message; the original stays in the mailbox.
 */
final class OversizeMessage {
    /** The headers that describe the body we do not store. */
    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-transfer-encoding",
            "content-disposition", "content-length", "mime-version");

    private OversizeMessage() {
    }

    /**
     * {@code counted}: the download was stopped at {@code limit} (the server's {@code size} was too small), so the
     * real size is not known, only that it is larger.
     */
    static byte[] stub(Message message, long size, long limit, boolean counted) throws MessagingException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true); // headers only, BODY.PEEK: the message is not marked \Seen before it is stored
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        for (Enumeration<Header> e = message.getAllHeaders(); e.hasMoreElements(); ) {
            Header h = e.nextElement();
            if (!BODY_HEADERS.contains(h.getName().toLowerCase(Locale.ROOT))) {
                // Angus keeps header bytes one char per byte; written back the same way, 8-bit bytes survive.
                out.writeBytes((h.getName() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        String what = counted ? "more than " + megabytes(limit) + " MB (the server announced " + megabytes(size)
                + " MB; the download was stopped at the limit), more than" : megabytes(size) + " MB, more than";
        String note = "Postdesk did not download this message: it is " + what
                + " ingest.max-message-bytes (" + megabytes(limit) + " MB). Its headers are stored here; the"
                + " complete message is still in the mailbox. Read it there, or raise the limit.";
        out.writeBytes(("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nX-Postdesk-Oversize: " + (counted ? "over " + limit : size)
                + "\r\n\r\n" + note + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
