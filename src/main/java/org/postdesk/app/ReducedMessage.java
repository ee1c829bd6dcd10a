package org.postdesk.app;

import java.util.ArrayList;
import java.util.List;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.RawSource;

/**
 * The fallback form of a message the store refused: the identifiers, the sender, a cleaned and shortened
 * text, and the raw source — enough to answer the customer by hand, and nothing that can break an insert.
 */
final class ReducedMessage {
    private static final int MAX_TEXT = 100_000;

    private ReducedMessage() {
    }

    static InboundMessage of(InboundMessage m, Exception cause) {
        return of(m, "stored in reduced form because the store refused it: " + cause.getMessage(),
                "(Postdesk could not store this message normally; its raw source is kept.)");
    }

    /** The reduced form with {@code note} among its parse notes and {@code heading} above its text. */
    static InboundMessage of(InboundMessage m, String note, String heading) {
        List<String> notes = new ArrayList<>(m.parseNotes());
        notes.add(Columns.fit(note, 2000));
        String text = heading + "\n\n"
                + Columns.fit(clean(m.textBody()), MAX_TEXT);
        return new InboundMessage(m.messageId(), m.inReplyTo(), m.references(), m.from(), List.of(), List.of(),
                List.of(), Columns.fit(clean(m.subject()), 1000), m.sentAt(), text, null, List.of(), m.headers(),
                null, m.raw(), notes);
    }

    /** A message that could not even be parsed: only its raw source and {@code note}, to read by hand. */
    static InboundMessage unreadable(RawSource raw, String note, String heading) {
        return new InboundMessage(null, null, List.of(), null, List.of(), List.of(), List.of(), "(unreadable message)",
                null, heading, null, List.of(), java.util.Map.of(), null, raw, List.of(Columns.fit(note, 2000)));
    }

    /** Keeps printable text, newlines and tabs. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replaceAll("\\p{Cs}", "");
    }
}
