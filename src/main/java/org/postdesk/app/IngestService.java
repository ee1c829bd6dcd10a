package org.postdesk.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.postdesk.app.sender.SenderEvidence;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.StoreTicketLookup;
import org.postdesk.store.StoreUnavailableException;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.MessageFacts;
import org.postdesk.tickets.RobotSenders;
import org.postdesk.tickets.Threading;
import org.postdesk.tickets.ThreadingDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stores one inbound message: parse, classify, thread, and write the message, the ticket change, the
 * audit events, the outbox rows and the mailbox cursor in one transaction.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final Database db;
    private final MimeParser parser;
    private final Threading threading;
    private final TicketWriter writer;
    private final Supplier<Set<String>> ownAddresses;
    private final MessageClassifier classifier;
    private final Clock clock;
    private final Runnable afterCommit;
    private final AgentReplyHandler agentReplies;
    private volatile IngestObserver observer = IngestObserver.NONE;
    private volatile Consumer<InboundMessage> beforeThreading = m -> { };
    private final Quarantine quarantine;
    private volatile SurveyReplies surveys;

    /**
     * {@code afterCommit} runs after each stored message, e.g. to wake the outbox sender;
     * {@code agentReplies} takes the agents' replies before customer threading.
     */
    public IngestService(Database db, MimeParser parser, Threading threading, TicketWriter writer,
                         Supplier<Set<String>> ownAddresses, String loopMarker, Clock clock, Runnable afterCommit,
                         AgentReplyHandler agentReplies, RobotSenders robotSenders) {
        this.afterCommit = afterCommit;
        this.agentReplies = agentReplies;
        this.db = db;
        this.parser = parser;
        this.threading = threading;
        this.writer = writer;
        this.ownAddresses = ownAddresses;
        this.classifier = new MessageClassifier(loopMarker, robotSenders, agentReplies);
        this.clock = clock;
        this.quarantine = new Quarantine(db, parser, writer, ownAddresses, clock);
    }

    /** Who is told about each stored message (the daemon's metrics); set once while wiring. */
    public void observeWith(IngestObserver newObserver) {
        this.observer = newObserver;
    }

    /** Who takes customers' answers to the satisfaction survey (issue 12); set once while wiring. */
    public void answerSurveysWith(SurveyReplies replies) {
        this.surveys = replies;
    }

    public IngestObserver observer() {
        return observer;
    }

    /**
     * Runs {@code check} on every message inside its transaction, before threading: a seam for tests that make a
     * given message fail (bad-mail handling, {@code QuarantineTest}); nothing in production sets it.
     */
    public void checkBeforeThreading(Consumer<InboundMessage> check) {
        this.beforeThreading = check;
    }

    /**
     * Handles a failure of {@link #ingest} that is not an outage ({@link #isOutage}): counts it and, at the third
     * failure the same way, quarantines the message ({@link Quarantine}).
     *
     * @return true when the message is quarantined and the cursor moved past it: flag it and go on; false when it
     *         is to be read again after the worker's backoff
     */
    public boolean failed(Mailbox mailbox, Long uid, RawSource raw, Cursor cursor, Throwable error) {
        Quarantine.Outcome outcome = quarantine.failed(mailbox, uid, raw, cursor, error);
        if (outcome.quarantined()) {
            afterCommit.run();
            observer.stored(new IngestObserver.Stored(mailbox, new IngestResult(IngestResult.Outcome.NEW_TICKET,
                    outcome.ticket(), "quarantined"), true, false, true));
        }
        return outcome.quarantined();
    }

    /**
     * Parses {@code raw} as {@link #ingestBatch} would, for a reader that parses the next messages on another thread
     * while a batch is stored (thread-safe); the result goes into {@link IngestBatch.Item#parsed()}.
     */
    public InboundMessage parseAhead(RawSource raw) {
        return parser.parse(raw);
    }

    /** Whether a failure of {@link #ingest} says nothing about the message (an outage): retry it, never quarantine. */
    public static boolean isOutage(Throwable e) {
        return Quarantine.isOutage(e);
    }

    /**
     * Stores the message with IMAP {@code uid}; when {@code advanceCursorTo} is not null the mailbox's
     * cursor moves there in the same transaction.
     */
    public IngestResult ingest(Mailbox mailbox, Long uid, byte[] raw, Cursor advanceCursorTo) {
        return ingest(mailbox, uid, RawSource.of(raw), advanceCursorTo);
    }

    /** {@link #ingest(Mailbox, Long, byte[], Cursor)} of a source that may be spooled to a file (the caller closes it). */
    public IngestResult ingest(Mailbox mailbox, Long uid, RawSource raw, Cursor advanceCursorTo) {
        return ingest(mailbox, uid, raw, raw, advanceCursorTo);
    }

    /**
     * Stores the message read from {@code read} with {@code kept} as its raw source: a stand-in (headers and a note)
     * for a message too large for the heap, with the real source beside it.
     */
    public IngestResult ingest(Mailbox mailbox, Long uid, RawSource read, RawSource kept, Cursor advanceCursorTo) {
        InboundMessage parsed = parser.parse(read);
        try {
            InboundMessage message = kept == read ? parsed : parsed.withRaw(kept);
            // The fingerprint of the message as received, also when it has to be stored reduced.
            Job job = new Job(mailbox, uid, advanceCursorTo, message.contentFingerprint());
            try {
                return store(job, message, false);
            } catch (RuntimeException e) {
                return reduced(job, message, e);
            }
        } finally {
            parsed.closeAttachments(); // their temporary files; the store has its own copy by now
        }
    }

    /** Something in this very message breaks the insert: store what is safe rather than block the mailbox. */
    private IngestResult reduced(Job job, InboundMessage message, RuntimeException e) {
        if (StoreFailures.isConnectivity(e)) {
            outage(job.mailbox(), job.uid(), e);
        }
        log.error("mailbox {}: message uid {} cannot be stored as it is ({}); storing it in reduced form with its"
                + " raw source, without an automatic reply", job.mailbox().name(), job.uid(), e.toString(), e);
        return store(job, ReducedMessage.of(message, e), true);
    }

    /**
     * Group commit: stores {@code items} (in UID order) in one transaction, which also moves the cursor to the last
     * one's. A message that fails does not take the others with it: the transaction is rolled back, the messages
     * before it are stored again in one, and the outcome names the failure for the caller to take that message
     * through the per-message path ({@link #ingestAfter}) before it hands in the rest. An outage (the store lost,
     * out of memory) throws as {@link #ingest} does, and nothing of the batch is stored.
     */
    public IngestBatch.Outcome ingestBatch(Mailbox mailbox, List<IngestBatch.Item> items) {
        List<Prepared> prepared = new ArrayList<>();
        try {
            IngestBatch.Failure failure = null;
            Set<String> own = ownAddresses.get();
            for (IngestBatch.Item item : items) {
                try {
                    prepared.add(prepare(mailbox, item, own));
                } catch (RuntimeException | Error e) {
                    if (isOutage(e)) {
                        throw e;
                    }
                    failure = new IngestBatch.Failure(e, false);
                    break;
                }
            }
            return commitAll(mailbox, prepared, own, failure);
        } finally {
            prepared.forEach(p -> p.message().closeAttachments()); // their temporary files, as in ingest
        }
    }

    /** {@link #ingestBatch} once the messages are prepared: commits them, or as many as come before a failure. */
    private IngestBatch.Outcome commitAll(Mailbox mailbox, List<Prepared> prepared, Set<String> own,
                                          IngestBatch.Failure failure) {
        List<Prepared> ready = prepared;
        while (true) {
            int[] at = {0};
            try {
                List<IngestResult> results = commit(mailbox, ready, own, at);
                afterCommit.run();
                for (int i = 0; i < ready.size(); i++) {
                    Prepared p = ready.get(i);
                    observer.stored(new IngestObserver.Stored(mailbox, results.get(i),
                            p.screening().verdict().automated(), p.screening().bounce(), false));
                    logResult(results.get(i), p.message());
                }
                return new IngestBatch.Outcome(ready.size(), results, failure);
            } catch (RuntimeException | Error e) {
                if (StoreFailures.isConnectivity(e) && e instanceof RuntimeException r) {
                    outage(mailbox, ready.get(Math.max(0, at[0] - 1)).job().uid(), r);
                }
                if (isOutage(e)) {
                    throw e;
                }
                // Only the messages before the failing one are tried again; it is the caller's to handle.
                ready = ready.subList(0, Math.max(0, at[0] - 1));
                failure = new IngestBatch.Failure(e, true);
            }
        }
    }

    /**
     * The per-message path of a message whose storing in a batch failed with {@code failure}: what {@link #ingest}
     * does after a first attempt that failed that way (the reduced form for a refused insert; a race with another
     * worker is tried again in full), so a message fails as many times in a batch as alone. An {@link Error}, or a
     * failure while preparing it, is thrown or met again as it would be alone.
     */
    public IngestResult ingestAfter(Mailbox mailbox, Long uid, RawSource raw, Cursor cursor,
                                    IngestBatch.Failure failure) {
        if (failure.error() instanceof Error err && failure.inTransaction()) {
            throw err;
        }
        if (!failure.inTransaction() || failure.error() instanceof DuplicateRaceException) {
            return ingest(mailbox, uid, raw, cursor);
        }
        InboundMessage message = parser.parse(raw);
        try {
            return reduced(new Job(mailbox, uid, cursor, message.contentFingerprint()), message,
                    (RuntimeException) failure.error());
        } finally {
            message.closeAttachments();
        }
    }

    /** Everything done before a message's transaction: parsing, screening, the proof of an agent's sender (DNS). */
    private Prepared prepare(Mailbox mailbox, IngestBatch.Item item, Set<String> own) {
        try (var u = MDC.putCloseable("uid", String.valueOf(item.uid()))) {
            InboundMessage message = item.parsed() != null ? item.parsed() : parser.parse(item.raw());
            Job job = new Job(mailbox, item.uid(), item.cursor(), message.contentFingerprint());
            MessageClassifier.Screening screening = classifier.screen(message, own, false);
            SenderEvidence evidence = agentReplies.evidence(db.dsl(), message, screening.verdict());
            return new Prepared(job, message, screening, evidence, InboundFacts.facts(message, own, job.fingerprint()));
        }
    }

    /** The batch's one transaction; {@code at[0]} counts the messages begun, so a failure names its message. */
    private List<IngestResult> commit(Mailbox mailbox, List<Prepared> ready, Set<String> own, int[] at) {
        if (ready.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(tx -> {
            List<IngestResult> results = new ArrayList<>();
            Cursor last = null;
            EventRepository.collectIn(tx);
            for (Prepared p : ready) {
                at[0]++;
                try (var u = MDC.putCloseable("uid", String.valueOf(p.job().uid()));
                     var m = MDC.putCloseable("msgid", String.valueOf(p.message().messageId()))) {
                    results.add(apply(tx, new Inbound(mailbox, p.job().uid(), p.message(), p.facts(),
                            p.screening().verdict(), own, now(), p.evidence()), p.screening()));
                    new EventRepository(tx).flush(); // within the message's count: a refused line names it
                }
                last = p.job().cursor() == null ? last : p.job().cursor();
            }
            if (last != null) {
                new MailboxRepository(tx).saveCursor(mailbox.id(), last.uidValidity(), last.uid());
            }
            return results;
        });
    }

    /**
     * An outage, not a bad message: the message stays unflagged and the worker backs off and retries. A
     * closed H2 database is reopened by replacing the pool's connections.
     */
    private void outage(Mailbox mailbox, Long uid, RuntimeException e) {
        if (StoreFailures.closedDatabase(e)) {
            log.warn("mailbox {}: the database was closed while storing uid {}; reopening it", mailbox.name(), uid);
            db.evictConnections();
        }
        throw new StoreUnavailableException("mailbox " + mailbox.name() + ": message uid " + uid
                + " not stored (" + e.getMessage() + "); it stays unread on the server and is retried", e);
    }

    private IngestResult store(Job job, InboundMessage message, boolean reduced) {
        Set<String> own = ownAddresses.get();
        MessageClassifier.Screening screening = classifier.screen(message, own, reduced);
        try (var m = MDC.putCloseable("msgid", String.valueOf(message.messageId()))) {
            // Before the transaction, and once for both attempts: proving an agent's sender may take a DNS
            // query (DKIM), issue 9.
            SenderEvidence evidence = agentReplies.evidence(db.dsl(), message, screening.verdict());
            try {
                return attempt(job, message, reduced, own, screening, evidence);
            } catch (DuplicateRaceException e) {
                // Another worker stored a message with this key meanwhile: the same message (then the second
                // attempt finds the duplicate) or another one reusing its Message-ID (then it is stored beside it).
                try {
                    return attempt(job, message, reduced, own, screening, evidence);
                } catch (DuplicateRaceException again) {
                    log.info("message {} stored meanwhile by another worker; skipped", again.getMessage());
                    if (job.cursor() != null) {
                        new MailboxRepository(db.dsl()).saveCursor(job.mailbox().id(), job.cursor().uidValidity(),
                                job.cursor().uid());
                    }
                    return IngestResult.duplicate();
                }
            }
        }
    }

    private IngestResult attempt(Job job, InboundMessage message, boolean reduced, Set<String> own,
                                 MessageClassifier.Screening screening, SenderEvidence evidence) {
        MessageFacts facts = InboundFacts.facts(message, own, job.fingerprint());
        Mailbox mailbox = job.mailbox();
        IngestResult result = db.inTransaction(tx -> {
            EventRepository.collectIn(tx);
            IngestResult r = apply(tx, new Inbound(mailbox, job.uid(), message, facts, screening.verdict(), own,
                    now(), evidence), screening);
            new EventRepository(tx).flush();
            if (job.cursor() != null) {
                new MailboxRepository(tx).saveCursor(mailbox.id(), job.cursor().uidValidity(), job.cursor().uid());
            }
            return r;
        });
        afterCommit.run();
        observer.stored(new IngestObserver.Stored(mailbox, result, screening.verdict().automated(),
                screening.bounce(), reduced));
        logResult(result, message);
        return result;
    }

    /** Classifies the message (one pass: duplicate? agent? bounce? auto-reply? customer?), then threads it. */
    private IngestResult apply(DSLContext tx, Inbound in, MessageClassifier.Screening screening) {
        beforeThreading.accept(in.message());
        StoreTicketLookup lookup = new StoreTicketLookup(new MessageRepository(tx), new TicketRepository(tx));
        MessageClassifier.Decision kind = classifier.classify(tx, in, lookup, screening);
        if (kind.kind() == MessageClassifier.Kind.DUPLICATE) {
            return IngestResult.duplicate();
        }
        if (kind.kind() == MessageClassifier.Kind.AGENT) {
            return agentReplies.handle(tx, in, kind.agent());
        }
        // A rating answers a closed ticket without reopening it, so it is taken before threading appends it.
        Optional<IngestResult> rating = surveys == null ? Optional.empty() : surveys.handle(tx, in);
        if (rating.isPresent()) {
            return rating.get();
        }
        ThreadingDecision decision = threading.thread(in.facts(), lookup);
        if (decision instanceof ThreadingDecision.AppendTo append) {
            return writer.append(tx, in, append);
        }
        Long linkedTo = decision instanceof ThreadingDecision.NewLinkedTicket linked ? linked.linkedTo().id() : null;
        String linkReason = decision instanceof ThreadingDecision.NewLinkedTicket linked
                ? linked.reason().name() : null;
        return writer.open(tx, in, linkedTo, linkReason);
    }

    private void logResult(IngestResult result, InboundMessage message) {
        if (result.number() == null) {
            log.info("duplicate message {} skipped: one with the same sender, date, subject, text and attachments is"
                    + " already stored", message.messageId() == null ? "(no Message-ID)" : message.messageId());
            return;
        }
        try (var t = MDC.putCloseable("ticket", result.number().toString())) {
            log.info("{}: {}", result.outcome(), result.detail());
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /** A message of a batch, ready for its transaction. */
    private record Prepared(Job job, InboundMessage message, MessageClassifier.Screening screening,
                            SenderEvidence evidence, MessageFacts facts) {
    }

    /** One message to store: where it came from, where the cursor moves, its content fingerprint. */
    private record Job(Mailbox mailbox, Long uid, Cursor cursor, String fingerprint) {
    }

    /** Where the mailbox cursor moves with this message. */
    public record Cursor(long uidValidity, long uid) {
    }

    /**
     * One inbound message with everything the writer needs to know about it; {@code evidence} is the proof
     * of its sender when its From is an agent's.
     */
    record Inbound(Mailbox mailbox, Long uid, InboundMessage message, MessageFacts facts,
                   AutomationVerdict verdict, Set<String> ownAddresses, Instant now, SenderEvidence evidence) {
    }
}
