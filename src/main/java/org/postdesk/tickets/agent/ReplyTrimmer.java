package org.postdesk.tickets.agent;

import java.util.List;
import org.postdesk.tickets.reply.ExtractedReply;
import org.postdesk.tickets.reply.NoticeFrame;
import org.postdesk.tickets.reply.ReplyExtractor;
import org.postdesk.tickets.reply.Writer;

/**
 * Cuts an agent's reply down to what the agent wrote, so the quoted notification (with its reply
 * token and our own lines) is never sent back to the customer: {@link ReplyExtractor} read as
 * {@link Writer#AGENT}. A reply answered between the quoted lines is kept whole, quoting included.
 */
public final class ReplyTrimmer {
    /** The line our notifications put above the quoted text. */
    public static final String MARKER = NoticeFrame.MARKER;
    /** How the English command help line begins (see {@link CommandParser#help()}). */
    public static final String HELP_PREFIX = "Commands (one per line, at the top or the bottom of your reply):";
    /** How it began in notices sent before session 7, which agents may still answer. */
    public static final String EARLIER_HELP_PREFIX = "Commands (one per line at the top of your reply):";

    private final ReplyExtractor extractor;

    /** A trimmer that knows the English help line only. */
    public ReplyTrimmer() {
        this(List.of(HELP_PREFIX, EARLIER_HELP_PREFIX));
    }

    /** @param helpPrefixes how the command help line begins in every language notices are written in */
    public ReplyTrimmer(List<String> helpPrefixes) {
        this.extractor = new ReplyExtractor(new NoticeFrame(helpPrefixes));
    }

    /** What the agent wrote in {@code body}, for the customer. */
    public String trim(String body) {
        return extract(body).text();
    }

    /** What the agent wrote in {@code body}, with how it was written (an unsure one asks the agent first). */
    public ExtractedReply extract(String body) {
        return extractor.extract(body, Writer.AGENT);
    }
}
