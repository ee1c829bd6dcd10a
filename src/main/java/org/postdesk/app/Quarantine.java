package org.postdesk.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.NewFailure;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.MessageFacts;
import org.postdesk.tickets.TicketNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad mail (docs/ARCHITECTURE.md, "Bad mail"): a message that fails to store, other than in an outage, is
 * counted in the store (so the count survives a restart) and read again after the worker's backoff; at the
 * third failure the same way (or the sixth in any way) it is quarantined: stored raw with the error on a new
 * ticket for the team, in one transaction that also moves the cursor, so the mailbox moves on and the
 * message is never lost nor retried forever. No automatic reply is sent for it: what it is was never decided.
 */
final class Quarantine {
    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);
    /** Failures in a row with the same signature that quarantine a message. */
    static final int SAME_WAY = 3;
    /** Failures in any way that do, so that a message failing differently each time is not read forever. */
    static final int ANY_WAY = 6;

    private final Database db;
    private final MimeParser parser;
    private final TicketWriter writer;
    private final Supplier<Set<String>> ownAddresses;
    private final Clock clock;

    Quarantine(Database db, MimeParser parser, TicketWriter writer, Supplier<Set<String>> ownAddresses, Clock clock) {
        this.db = db;
        this.parser = parser;
        this.writer = writer;
        this.ownAddresses = ownAddresses;
        this.clock = clock;
    }

    /** Whether {@code e} says nothing about the message: an outage, out of memory, a broken installation. */
    static boolean isOutage(Throwable e) {
        return StoreFailures.isConnectivity(e) || e instanceof LinkageError
                || e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /**
     * Counts the failure {@code error} of the message with {@code raw} source; quarantines it when it is due.
     *
     * @return whether the message is quarantined (its transaction moved the cursor: flag it and go on) or is to be
     *         read again
     */
    Outcome failed(Mailbox mailbox, Long uid, RawSource raw, IngestService.Cursor cursor,
                                            Throwable error) {
        String hash = sha256(raw);
        Optional<MessageFailure> known = new MessageFailureRepository(db.dsl()).find(mailbox.id(), hash);
        if (known.isPresent() && known.get().quarantined()) {
            // Quarantined before but not flagged (a crash in between, a changed UIDVALIDITY): no second ticket.
            log.warn("mailbox {}: message uid {} failed again ({}); it was quarantined on {}, moving on",
                    mailbox.name(), uid, error.toString(), known.get().quarantinedAt());
            saveCursor(mailbox, cursor);
            Long number = known.get().ticketNumber();
            return new Outcome(true, number == null ? null : new TicketNumber(number));
        }
        Parsed parsed = parse(raw);
        MessageFailure f = db.inTransaction(tx -> new MessageFailureRepository(tx).record(new NewFailure(mailbox.id(),
                hash, uid, parsed.messageId(), signature(error), describe(error), clock.instant())));
        if (f.sameWay() < SAME_WAY && f.attempts() < ANY_WAY) {
            log.error("mailbox {}: message uid {} {} could not be stored (failure {} of {} before it is quarantined):"
                    + " {}", mailbox.name(), uid, parsed.label(), f.sameWay(), SAME_WAY, error.toString(), error);
            return Outcome.RETRY;
        }
        log.error("mailbox {}: message uid {} {} failed {} time(s) ({} the same way); quarantining it: {}",
                mailbox.name(), uid, parsed.label(), f.attempts(), f.sameWay(), error.toString(), error);
        return new Outcome(true, quarantine(mailbox, uid, raw, parsed, cursor, f));
    }

    /**
     * What became of a failed message: read again, or quarantined, on {@code ticket} (null when even that could not
     * be written: then the failure record alone keeps the error).
     */
    record Outcome(boolean quarantined, TicketNumber ticket) {
        static final Outcome RETRY = new Outcome(false, null);
    }

    /** The ticket with agents told; failing that (the notice is what breaks), without; failing that, no ticket. */
    private TicketNumber quarantine(Mailbox mailbox, Long uid, RawSource raw, Parsed parsed, IngestService.Cursor cursor,
                                    MessageFailure f) {
        for (boolean notify : new boolean[] {true, false}) {
            try {
                return db.inTransaction(tx -> store(tx, mailbox, uid, raw, parsed, cursor, f, notify));
            } catch (RuntimeException | Error e) {
                if (isOutage(e)) {
                    throw e;
                }
                log.error(notify ? "mailbox {}: quarantine ticket for uid {} could not be written with its notice ({});"
                        + " writing it without telling the agents" : "mailbox {}: no quarantine ticket can be written for"
                        + " uid {} ({}); its error is kept in the failure record and the message is flagged",
                        mailbox.name(), uid, e.toString(), e);
            }
        }
        db.inTransaction(tx -> {
            new MessageFailureRepository(tx).quarantine(f.id(), null, clock.instant());
            saveCursor(tx, mailbox, cursor);
            return null;
        });
        return null;
    }

    private TicketNumber store(DSLContext tx, Mailbox mailbox, Long uid, RawSource raw, Parsed parsed,
                               IngestService.Cursor cursor, MessageFailure f, boolean notify) {
        String note = "quarantined after " + f.attempts() + " failed attempt(s) to store it: " + f.lastError();
        String heading = "(Postdesk could not process this message and quarantined it: no automatic reply was sent"
                + " and it is not threaded. Its raw source is kept with this ticket. Error: " + f.lastError() + ")";
        InboundMessage m = parsed.message() == null ? ReducedMessage.unreadable(raw, note, heading)
                : ReducedMessage.of(parsed.message(), note, heading);
        Set<String> own = ownAddresses.get();
        Instant now = clock.instant();
        MessageFacts facts = InboundFacts.facts(m, own, parsed.fingerprint() == null ? sha256(raw) : parsed.fingerprint());
        IngestService.Inbound in = new IngestService.Inbound(mailbox, uid, m, facts,
                AutomationVerdict.automated("quarantined"), own, now, null);
        TicketNumber number = writer.open(tx, in, null, null, notify).number();
        long ticketId = new TicketRepository(tx).byNumber(number).orElseThrow().id();
        new EventRepository(tx).record(ticketId, now, TicketWriter.SYSTEM, "quarantined", note);
        new MessageFailureRepository(tx).quarantine(f.id(), ticketId, now);
        saveCursor(tx, mailbox, cursor);
        return number;
    }

    private void saveCursor(Mailbox mailbox, IngestService.Cursor cursor) {
        saveCursor(db.dsl(), mailbox, cursor);
    }

    private static void saveCursor(DSLContext dsl, Mailbox mailbox, IngestService.Cursor cursor) {
        if (cursor != null) {
            new MailboxRepository(dsl).saveCursor(mailbox.id(), cursor.uidValidity(), cursor.uid());
        }
    }

    /** The message as far as it can be parsed: a parser that fails (or overflows its stack) leaves only the raw source. */
    private Parsed parse(RawSource raw) {
        try {
            InboundMessage m = parser.parse(raw);
            String fingerprint = m.contentFingerprint();
            m.closeAttachments(); // a quarantined message keeps its raw source, not its attachments
            return new Parsed(m, m.messageId(), fingerprint);
        } catch (RuntimeException | StackOverflowError e) {
            if (isOutage(e)) {
                throw e;
            }
            return new Parsed(null, null, null);
        }
    }

    private record Parsed(InboundMessage message, String messageId, String fingerprint) {
        String label() {
            return messageId == null ? "(no Message-ID)" : messageId;
        }
    }

    /**
     * How it failed, without the details that change from one attempt to the next: the exception classes of the
     * chain and where the innermost one was thrown (a stack overflow: anywhere in the recursion, so not where).
     */
    static String signature(Throwable e) {
        StringBuilder s = new StringBuilder();
        Throwable root = e;
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 10; t = t.getCause() == t ? null : t.getCause()) {
            s.append(s.length() == 0 ? "" : " < ").append(t.getClass().getName());
            root = t;
        }
        StackTraceElement[] trace = root.getStackTrace();
        if (trace.length > 0 && !(root instanceof StackOverflowError)) {
            s.append(" at ").append(trace[0].getClassName()).append('.').append(trace[0].getMethodName())
                    .append(':').append(trace[0].getLineNumber());
        }
        return s.toString();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static String sha256(RawSource raw) {
        return InboundMessage.sha256Hex(raw);
    }
}
