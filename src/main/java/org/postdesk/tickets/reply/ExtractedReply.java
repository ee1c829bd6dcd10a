package org.postdesk.tickets.reply;

import java.util.BitSet;
import java.util.Objects;

/**
 * What {@link ReplyExtractor} found in one mail.
 *
 * @param text what the writer added, lines joined with {@code \n}, no trailing whitespace; for
 *     {@link ReplyShape#INLINE} with the quoted lines it answers, quoting kept
 * @param shape how the reply was written
 * @param lineCount how many lines the mail had (split at CRLF, CR or LF)
 * @param hiddenLines the mail's lines with text (not blank, not a bare {@code >}) that are not in {@code text}: the quoted history,
 *     quote headers, our own notice lines, a dropped signature
 */
public record ExtractedReply(String text, ReplyShape shape, int lineCount, int hiddenLines, BitSet kept) {
    public ExtractedReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(shape, "shape");
        kept = (BitSet) kept.clone();
    }

    /** Whether line {@code index} (0-based) of the mail is part of {@link #text()}. */
    public boolean isNew(int index) {
        return kept.get(index);
    }

    @Override
    public BitSet kept() {
        return (BitSet) kept.clone();
    }
}
