package org.postdesk.tickets.reply;

/** How a reply was written relative to the text it quotes; decided by {@link ReplyExtractor}. */
public enum ReplyShape {
    /** No quote at all: the whole mail is new. */
    PLAIN,
    /** New text above the quote (top-posting); the quote is dropped. */
    TOP,
    /** Nothing above the quote, new text below it (bottom-posting); the quote is dropped. */
    BOTTOM,
    /** New lines between quoted lines: kept as written, quoting included, so the answers keep their questions. */
    INLINE,
    /**
     * Text above the quote and more unquoted text below it that may be an answer or a signature or
     * footer: a person must decide. For an agent the text is the whole inline reading (never less
     * than they wrote); for a customer the text above and below, without the quote.
     */
    UNSURE;

    /** Whether the reply keeps quoted lines around the writer's answers. */
    public boolean keepsQuotes() {
        return this == INLINE || this == UNSURE;
    }
}
