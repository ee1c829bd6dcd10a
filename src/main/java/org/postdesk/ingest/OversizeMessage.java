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
import org.postdesk.mail.RawSource;

/**
 * What is stored for a message over {@code ingest.max-message-bytes}: its own header section (so it is
 * threaded, deduplicated and checked for robots like any other) with a plain-text body that says what
 * happened. It is ticketed and the team is notified as for any message; the original stays in the mailbox.
 */
final class OversizeMessage {
    /** The headers that describe the body we do not store. */
    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-transfer-encoding",
            "content-disposition", "content-length", "mime-version");

    /** The header section is looked for in this many first bytes of a downloaded source. */
    private static final int HEADER_BYTES = 256 * 1024;

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

    /**
     * The same form for a message already downloaded that runs out of memory every time it is stored
     * ({@link MemoryFailures}): its header section, read from the first bytes of {@code raw}, and a note; the
     * source itself is kept beside it by the caller when the store can take it.
     */
    static byte[] stub(RawSource raw, int times, boolean sourceKept) {
        byte[] head = raw.head(HEADER_BYTES);
        String text = new String(head, StandardCharsets.ISO_8859_1); // one char per byte: 8-bit bytes survive
        int end = headerEnd(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(end, 8192) + 1024);
        boolean keep = false;
        for (String line : text.substring(0, end).split("\r?\n|\r")) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation) {
                int colon = line.indexOf(':');
                keep = colon > 0 && !BODY_HEADERS.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            }
            if (keep && !line.isEmpty()) {
                out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        String note = "Postdesk could not read this message: it ran out of memory " + times + " times while storing"
                + " it (it is " + megabytes(raw.length()) + " MB), while other mail was stored normally. Its headers"
                + " are stored here; " + (sourceKept ? "its complete source is kept with this ticket in the store,"
                + " and it is still in the mailbox." : "the complete message is still in the mailbox.")
                + " Read it there, or give the daemon more heap (JAVA_OPTS=-Xmx…).";
        out.writeBytes(("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\nX-Postdesk-Oversize: out of memory " + times + " times\r\n\r\n"
                + note + "\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Where the header section of {@code text} ends (its blank line), or its length when none is in sight. */
    private static int headerEnd(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int end = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        return end < 0 ? text.length() : end;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
