package org.postdesk.cli;

import java.util.ArrayList;
import java.util.List;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.tickets.reply.ExtractedReply;
import org.postdesk.tickets.reply.NoticeFrame;
import org.postdesk.tickets.reply.ReplyExtractor;
import org.postdesk.tickets.reply.Writer;

/**
 * How {@code ticket show} tells what a customer wrote from what they quoted: the reply extractor the
 * agents' notifications use decides, and every line it does not count as new is printed after
 * {@link #QUOTED}.
 */
final class QuoteMarks {
    /** Put before each line of a customer's mail that is quoted history, not new text. */
    static final String QUOTED = "  | ";
    private static final ReplyExtractor EXTRACTOR = new ReplyExtractor(new NoticeFrame(AgentTexts.helpPrefixes()));

    private QuoteMarks() {
    }

    /** What the customer added in {@code text}. */
    static String newText(String text) {
        return EXTRACTOR.extract(text, Writer.CUSTOMER).text();
    }

    /** The lines of {@code text}, each quoted one marked; empty when nothing is quoted. */
    static List<String> marked(String text) {
        ExtractedReply r = EXTRACTOR.extract(text, Writer.CUSTOMER);
        String[] lines = text.stripTrailing().split("\r\n|\r|\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            out.add(r.isNew(i) || lines[i].isBlank() ? lines[i] : QUOTED + lines[i]);
        }
        return out;
    }
}
