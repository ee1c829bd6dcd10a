package org.postdesk.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.store.AttachmentContents;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/**
 * The last guard before mail to a customer is queued (issue 9): the rendered text and every attachment a
 * person could read as text (text parts, forwarded messages) are searched for anything shaped like a
 * reply token. The reply extractor already removes token lines from what the agent typed; this catches
 * what it cannot see, such as a forwarded notification attached as a file, or a canned answer someone
 * pasted a token into.
 */
final class TokenGuard {
    private TokenGuard() {
    }

    /** How much of an attachment is searched at once; the window moves on by this much less {@link #OVERLAP}. */
    static final int WINDOW_BYTES = 1 << 20;
    /**
     * What each window repeats of the one before, so that a token across the boundary is whole in one of them: far
     * more than the longest token (about 80 characters) with quoted-printable soft breaks in it.
     */
    static final int OVERLAP = 4096;

    /**
     * As {@link #find(String, List)} for stored attachments: only those a person could read as text are read
     * from the store (in {@code tx}), one at a time and one chunk at a time, so that a text file of any size costs
     * a few megabytes of heap.
     */
    static Optional<String> find(DSLContext tx, String text, List<AttachmentRef> stored) {
        if (ReplyTokenCodec.mentionsToken(text)) {
            return Optional.of("the text");
        }
        for (AttachmentRef a : stored) {
            if (!readable(a.contentType())) {
                continue;
            }
            Optional<InputStream> content = AttachmentContents.stream(tx, a.id());
            if (content.isPresent() && mentionsToken(content.get(), WINDOW_BYTES)) {
                return Optional.of("attachment " + a.filename());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code in} carries a token, searched {@code windowBytes} at a time with {@link #OVERLAP} bytes of
     * the previous window in front (so memory stays bounded whatever the size).
     */
    static boolean mentionsToken(InputStream in, int windowBytes) {
        byte[] carry = new byte[0];
        try (in) {
            for (byte[] read; (read = in.readNBytes(windowBytes)).length > 0; ) {
                byte[] window = Arrays.copyOf(carry, carry.length + read.length);
                System.arraycopy(read, 0, window, carry.length, read.length);
                if (ReplyTokenCodec.mentionsToken(asText(window))) {
                    return true;
                }
                carry = Arrays.copyOfRange(window, Math.max(0, window.length - OVERLAP), window.length);
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading an attachment to search it for reply tokens failed", e);
        }
    }

    /** Where {@code text} and {@code files} carry a token: "the text" or "attachment NAME"; empty when nowhere. */
    static Optional<String> find(String text, List<Attachment> files) {
        if (ReplyTokenCodec.mentionsToken(text)) {
            return Optional.of("the text");
        }
        return files.stream().filter(a -> !a.dropped() && readable(a.contentType()))
                .filter(a -> mentionsToken(open(a), WINDOW_BYTES))
                .map(a -> "attachment " + a.filename()).findFirst();
    }

    private static InputStream open(Attachment a) {
        try {
            return a.content().open();
        } catch (IOException e) {
            throw new UncheckedIOException("reading attachment " + a.filename() + " to search it for reply tokens failed", e);
        }
    }

    private static boolean readable(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("message/") || type.endsWith("+xml")
                || type.equals("application/xml") || type.equals("application/json");
    }

    /** One char per byte, with quoted-printable soft line breaks joined, so an encoded copy is found too. */
    private static String asText(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).replace("=\r\n", "").replace("=\n", "");
    }
}
