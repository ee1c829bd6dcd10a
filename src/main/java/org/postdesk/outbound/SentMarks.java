package org.postdesk.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postdesk.store.ClaimedMail;
import org.postdesk.store.Database;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Mail of one claimed batch that its SMTP server has accepted and the store does not know of yet: recorded as
 * sent together, in one UPDATE and one commit, when the batch is done or the oldest acceptance is {@code within}
 * old, instead of one commit per mail (issue 16; on embedded H2 each commit costs CPU and file growth). Until it
 * is recorded, an accepted mail is still claimed and pending: a crash in between sends it again once the claim
 * is freed, with the same Message-ID, exactly as a crash between one send and its record always did. Only more
 * mails can be in that window at once (at most one batch per sender thread), and it errs the same way: a
 * duplicate the receiving client can drop, never a mail left unsent.
 */
final class SentMarks {
    /** The outbox logs as one: its delivery lines stay under the sender's logger, as before batches. */
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private final Database db;
    private final Clock clock;
    private final Duration within;
    private final List<ClaimedMail> accepted = new ArrayList<>();
    private Instant oldest;

    SentMarks(Database db, Clock clock, Duration within) {
        this.db = db;
        this.clock = clock;
        this.within = within;
    }

    void accepted(ClaimedMail claim) {
        if (accepted.isEmpty()) {
            oldest = clock.instant();
        }
        accepted.add(claim);
    }

    /** Records what was accepted when the oldest of it has waited {@code within}. */
    void recordIfDue() {
        if (!accepted.isEmpty() && !clock.instant().isBefore(oldest.plus(within))) {
            record();
        }
    }

    /** Records every accepted mail as sent in one transaction; a claim lost meanwhile is warned of, not written. */
    void record() {
        if (accepted.isEmpty()) {
            return;
        }
        List<ClaimedMail> claims = List.copyOf(accepted);
        accepted.clear();
        Set<Long> recorded = db.inTransaction(tx -> new OutboxRepository(tx).markSent(claims, clock.instant()));
        for (ClaimedMail claim : claims) {
            OutboxItem item = claim.item();
            try (var o = MDC.putCloseable("outbox", String.valueOf(item.id()));
                 var m = MDC.putCloseable("mailbox", claim.mailboxName());
                 var t = MDC.putCloseable("ticket", claim.ticketNumber() == null ? "" : claim.ticketNumber())) {
                if (recorded.contains(item.id())) {
                    log.info("outbox {}: {} {} delivered to {} (attempt {})", item.id(), item.kind(),
                            item.messageId(), item.recipients(), item.attempts() + 1);
                } else {
                    OutboxSender.warnClaimLost(item);
                }
            }
        }
    }
}
