package org.postdesk.cli;

import java.time.Instant;
import java.util.List;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;

/**
 * A mailbox's bad mail as {@code mailbox show} prints it: how many messages are quarantined (on a ticket, never
 * retried) or failed and are still read again, and the latest quarantined ones.
 */
record BadMailView(int quarantined, int retrying, List<Entry> latest) {
    /** How many quarantined messages {@code show} lists. */
    static final int LATEST = 5;

    /** One quarantined message: its ticket (null when none could be written), UID, Message-ID, failures, error. */
    record Entry(Long ticket, Long uid, String messageId, int attempts, Instant quarantinedAt, String error) {
    }

    static BadMailView of(MessageFailureRepository repo, long mailboxId) {
        MessageFailureRepository.Counts counts = repo.counts(mailboxId);
        List<Entry> latest = repo.quarantined(mailboxId, LATEST).stream().map(BadMailView::entry).toList();
        return new BadMailView(counts.quarantined(), counts.retrying(), latest);
    }

    private static Entry entry(MessageFailure f) {
        return new Entry(f.ticketNumber(), f.uid(), f.messageId(), f.attempts(), f.quarantinedAt(), f.lastError());
    }

    /** "2 (1 more failing, retried)" or "none". */
    String summary() {
        String retried = retrying == 0 ? "" : " (" + retrying + " more failed and will be read again)";
        return (quarantined == 0 ? "none" : Integer.toString(quarantined)) + retried;
    }

    /** "ticket 10019, uid 7 <id@host>, 3 failures, 2026-12-01 10:00: IllegalStateException: …". */
    static String line(Entry e) {
        String error = e.error() == null ? "" : e.error().lines().findFirst().orElse("");
        error = error.length() > 200 ? error.substring(0, 200) + "…" : error;
        return (e.ticket() == null ? "no ticket" : "ticket " + e.ticket()) + ", uid " + e.uid() + ", "
                + (e.messageId() == null ? "no Message-ID" : e.messageId()) + ", " + e.attempts() + " failures, "
                + MailboxListCommand.time(e.quarantinedAt()) + ": " + error;
    }
}
