package org.postdesk.tickets.reply;

/** Who wrote the reply being extracted; the only two places the rules differ are named here. */
public enum Writer {
    /**
     * An agent answering our notification: the RFC 3676 signature is dropped (the reply template adds
     * the team's), and an unsure reply keeps everything the agent wrote, for the agent to confirm.
     */
    AGENT,
    /**
     * A customer writing a follow-up: the signature is kept (phone numbers help the agent), and an
     * unsure reply shows the text above and below the quote, with the quote folded.
     */
    CUSTOMER
}
