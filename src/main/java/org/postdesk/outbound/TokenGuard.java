package org.postdesk.outbound;

import java.nio.charset.StandardCharsets;
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

    /**
     * As {@link #find(String, List)} for stored attachments: only those a person could read as text are
     * loaded from the store (in {@code tx}), one at a time.
     */
    static Optional<String> find(DSLContext tx, String text, List<AttachmentRef> stored) {
        if (ReplyTokenCodec.mentionsToken(text)) {
            return Optional.of("the text");
        }
        for (AttachmentRef a : stored) {
            if (readable(a.contentType()) && AttachmentContents.whole(tx, a.id())
                    .filter(content -> ReplyTokenCodec.mentionsToken(asText(content))).isPresent()) {
                return Optional.of("attachment " + a.filename());
            }
        }
        return Optional.empty();
    }

    /** Where {@code text} and {@code files} carry a token: "the text" or "attachment NAME"; empty when nowhere. */
    static Optional<String> find(String text, List<Attachment> files) {
        if (ReplyTokenCodec.mentionsToken(text)) {
            return Optional.of("the text");
        }
        return files.stream().filter(a -> !a.dropped() && readable(a.contentType()))
                .filter(a -> ReplyTokenCodec.mentionsToken(asText(a.content())))
                .map(a -> "attachment " + a.filename()).findFirst();
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
