package org.postdesk.ingest;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.postdesk.app.IngestBatch;
import org.postdesk.app.IngestService;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MailboxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One open connection to a mailbox: reads its messages in UID order and stores those already waiting in group
 * commits — a batch in one transaction, which also moves the mailbox's cursor (the last UID stored), then flagged
 * with one command. The cursor is read from the store once, when
 * the session starts, and then kept here: only this session moves it while the worker holds the mailbox.
 */
final class MailboxSession {
    private static final Logger log = LoggerFactory.getLogger(MailboxSession.class);
    /** The most bytes of mail in one batch, so a batch of mid-sized messages does not crowd the heap. */
    static final long BATCH_BYTES = 8L << 20;
    private final MailboxWorker.Parts parts;
    private final Mailbox mailbox;
    private final IMAPFolder folder;
    /** False once the worker stops: the message in flight is finished, no further one is started. */
    private final BooleanSupplier running;
    private long validity;
    private long lastUid;

    MailboxSession(MailboxWorker.Parts parts, IMAPFolder folder, BooleanSupplier running) {
        this.parts = parts;
        this.mailbox = parts.mailbox();
        this.folder = folder;
        this.running = running;
    }

    /** Finds the cursor: the stored one, or a fresh one ({@link #syncCursor}). */
    void start() throws MessagingException {
        validity = folder.getUIDValidity();
        lastUid = syncCursor();
    }

    /**
     * The stored cursor, or a fresh one. On the very first connection the cursor starts at the newest
     * message, so a mailbox with years of history does not turn into thousands of tickets and
     * acknowledgements: only its unseen messages (all of them when moving) are read, by {@link #recover}.
     * When the server's UIDVALIDITY changed, the folder is read again from the start; stored messages are
     * recognised, and read messages older than the mailbox's registration are skipped.
     */
    private long syncCursor() throws MessagingException {
        MailboxRepository repo = new MailboxRepository(parts.db().dsl());
        MailboxState state = repo.state(mailbox.id());
        if (state.uidValidity() != null && state.uidValidity() == validity) {
            return state.lastUid();
        }
        long start = 0;
        if (state.uidValidity() != null) {
            log.warn("mailbox {}: UIDVALIDITY changed from {} to {}; re-reading the folder (stored messages are"
                    + " recognised and skipped)", mailbox.name(), state.uidValidity(), validity);
        } else {
            int count = folder.getMessageCount();
            start = count == 0 ? 0 : folder.getUID(folder.getMessage(count));
            log.info("mailbox {}: first connection, {} message(s) in the folder; reading the {} ones", mailbox.name(),
                    count, mailbox.moveTo() == null ? "unseen" : "remaining");
        }
        repo.saveCursor(mailbox.id(), validity, start);
        return start;
    }

    /**
     * Messages at or below the cursor that are still unseen (or, when moving, still here) were stored
     * but not flagged before a crash — or never read: store (deduplicated) and dispose of them now.
     */
    void recover() throws MessagingException, IOException {
        if (lastUid == 0) {
            return;
        }
        Message[] candidates = mailbox.moveTo() == null
                ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : folder.getMessages();
        fetchUids(candidates);
        List<Message> todo = new ArrayList<>();
        for (Message message : sorted(candidates)) {
            if (folder.getUID(message) <= lastUid) {
                todo.add(message);
            }
        }
        storeAll(todo, false);
    }

    /**
     * Stores every message past the cursor, in UID order, in group commits ({@link #collect}), reading the next
     * message while the current one is parsed or its batch stored.
     */
    void fetchNew() throws MessagingException, IOException {
        Message[] messages = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
        fetchUids(messages);
        List<Message> todo = new ArrayList<>();
        for (Message message : sorted(messages)) {
            // UID FETCH n:* always returns the newest message, even when n is past it (RFC 3501).
            if (folder.getUID(message) > lastUid) {
                todo.add(message);
            }
        }
        storeAll(todo, true);
    }

    /** Stores {@code todo} in batches; {@code moveCursor}: past the cursor (the cursor moves with each batch). */
    private void storeAll(List<Message> todo, boolean moveCursor) throws MessagingException, IOException {
        try (ReadAhead readAhead = new ReadAhead(mailbox.name(), todo.size() > 1, parts.settings().maxMessageBytes());
             FetchAhead fetchAhead = fetchAhead(todo, moveCursor)) {
            int i = 0;
            while (i < todo.size() && running.getAsBoolean()) {
                Message message = todo.get(i);
                if (moveCursor && predatesMailbox(message)) {
                    long uid = folder.getUID(message);
                    new MailboxRepository(parts.db().dsl()).saveCursor(mailbox.id(), validity, uid);
                    lastUid = uid;
                    i++;
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                try {
                    i = collect(todo, i, new Readers(readAhead, fetchAhead), moveCursor, batch);
                    store(batch);
                } finally {
                    batch.forEach(Pending::close);
                }
            }
        }
    }

    /**
     * Reads a batch from {@code todo[from]} on: what is already there (live intake does not wait for a batch to
     * fill), up to {@code ingest.batch-size} messages, {@link #BATCH_BYTES} or {@code ingest.batch-time}. A large
     * message, or one to be stored alone after running out of memory ({@link MemoryFailures}), is a batch of its
     * own. Returns the index after the batch.
     */
    private int collect(List<Message> todo, int from, Readers readers, boolean moveCursor, List<Pending> batch)
            throws MessagingException, IOException {
        long deadline = System.nanoTime() + parts.settings().batchTime().toNanos();
        long bytes = 0;
        int i = from;
        while (i < todo.size() && running.getAsBoolean()) {
            Message message = todo.get(i);
            boolean alone = !ReadAhead.worthReading(message) || parts.memory().alone(key(folder.getUID(message)));
            if (!batch.isEmpty() && (alone || moveCursor && predatesMailbox(message))) {
                break;
            }
            long uid = folder.getUID(message);
            FetchAhead.Ahead ahead = readers.ahead(message);
            if (ahead == null) {
                ahead = new FetchAhead.Ahead(source(message, readers.readAhead()), null);
            }
            RawSource raw = ahead.raw();
            batch.add(new Pending(message, uid, ahead, moveCursor ? new IngestService.Cursor(validity, uid) : null));
            i++;
            nextToStore(todo, i, moveCursor).filter(ReadAhead::worthReading).filter(readers::notAhead)
                    .ifPresent(readers.readAhead()::prefetch);
            bytes += raw.length();
            if (alone || batch.size() >= parts.settings().batchSize() || bytes >= BATCH_BYTES
                    || System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        return i;
    }

    /**
     * Stores a batch in one transaction and flags it with one command. A message of it that fails takes the
     * per-message path (retries, reduced form, quarantine) while the ones before it are committed and flagged; the
     * rest follow in a batch again. A batch of one is simply that path.
     */
    private void store(List<Pending> batch) throws MessagingException {
        if (batch.size() == 1) {
            Pending p = batch.get(0);
            process(p, () -> parts.ingest().ingest(mailbox, p.uid(), p.raw(), p.cursor()));
            return;
        }
        int done = 0;
        while (done < batch.size() && running.getAsBoolean()) {
            List<Pending> rest = batch.subList(done, batch.size());
            IngestBatch.Outcome outcome = storeBatch(rest);
            List<Pending> committed = rest.subList(0, outcome.committed());
            if (!committed.isEmpty()) {
                stored(committed);
                parts.disposition().applyAll(folder, committed.stream().map(Pending::message).toList());
            }
            done += committed.size();
            if (outcome.failed() != null) {
                Pending bad = batch.get(done++);
                process(bad, () -> parts.ingest().ingestAfter(mailbox, bad.uid(), bad.raw(), bad.cursor(),
                        outcome.failed()));
            }
        }
    }

    private IngestBatch.Outcome storeBatch(List<Pending> batch) {
        try {
            return parts.ingest().ingestBatch(mailbox, batch.stream()
                    .map(p -> new IngestBatch.Item(p.uid(), p.raw(), p.cursor(), p.parsed())).toList());
        } catch (RuntimeException | Error e) {
            if (MemoryFailures.outOfMemory(e)) {
                // An outage like any other; the next reading stores these one at a time, where they are counted on.
                parts.memory().failedInBatch(batch.stream().map(p -> key(p.uid())).toList());
            }
            throw e;
        }
    }

    /** The committed messages of a batch: the cursor and the memory count move, the arrival time is measured. */
    private void stored(List<Pending> committed) throws MessagingException {
        for (Pending p : committed) {
            parts.memory().stored(key(p.uid()));
            if (p.cursor() != null) {
                lastUid = p.cursor().uid();
                observeArrival(p.message());
            }
        }
    }

    /**
     * Called before the message is disposed of: a moved message is expunged here, and reading anything of it then
     * throws MessageRemovedException (a reconnect and a backoff for every live mail).
     */
    private void observeArrival(Message message) throws MessagingException {
        java.util.Date arrived = message.getReceivedDate();
        if (arrived != null) {
            parts.ingest().observer().arrivalToCommit(mailbox,
                    Duration.between(arrived.toInstant(), parts.clock().instant()));
        }
    }

    /**
     * Whether mail past the cursor has been announced to this connection. Mail that arrived while we were fetching
     * is announced in the replies to our own commands, not during the IDLE that follows (GreenMail does not report
     * it when IDLE starts): call this right after a command ({@link #serverStatus}), or such mail waits for the
     * next IDLE renewal.
     */
    boolean newerThanCursor() throws MessagingException {
        int count = folder.getMessageCount();
        return count != 0 && folder.getUID(folder.getMessage(count)) > lastUid;
    }

    /**
     * The mailbox's UIDNEXT and message count as the server has them now (STATUS): the folder's own UIDNEXT is the one
     * of its SELECT, and its message count only moves with the announcements this connection received. Angus hands
     * the untagged replies that come with it (EXISTS of mail delivered since the last command) to the folder, so one
     * round trip both announces new mail and tells whether the server holds mail that was never announced.
     */
    ServerStatus serverStatus() throws MessagingException {
        Status status = (Status) folder.doCommand(protocol -> protocol.status(folder.getFullName(),
                new String[] {"UIDNEXT", "MESSAGES"}));
        return new ServerStatus(status.uidnext, status.total);
    }

    /** What STATUS says of the mailbox. */
    record ServerStatus(long uidNext, int messages) {
    }

    long lastUid() {
        return lastUid;
    }

    /**
     * The message's source (in memory or spooled to a temporary file; the caller closes it). One larger than
     * {@code ingest.max-message-bytes} is not downloaded: it becomes its headers plus a note, so one huge mail cannot
     * exhaust the heap or the disk. Its RFC822.SIZE (fetched with the UIDs) says so before the fetch; a server that
     * reports too small a size is caught while the bytes are counted, and the fetch stops at the limit.
     */
    private RawSource source(Message message, ReadAhead readAhead) throws MessagingException, IOException {
        long size = message.getSize();
        long max = parts.settings().maxMessageBytes();
        if (size > max) {
            log.warn("mailbox {}: message of {} bytes is over ingest.max-message-bytes ({}); storing its headers only",
                    mailbox.name(), size, max);
            return RawSource.of(OversizeMessage.stub(message, size, max, false));
        }
        try {
            return readAhead == null ? ReadAhead.source(message, max) : readAhead.take(message);
        } catch (RawSource.TooLargeException e) {
            log.warn("mailbox {}: message announced as {} bytes (RFC822.SIZE) is longer than ingest.max-message-bytes"
                    + " ({}); download stopped there, storing its headers only", mailbox.name(), size, max);
            return RawSource.of(OversizeMessage.stub(message, size, max, true));
        }
    }

    private Optional<Message> nextToStore(List<Message> todo, int from, boolean moveCursor) throws MessagingException {
        for (int i = from; i < todo.size(); i++) {
            if (!moveCursor || !predatesMailbox(todo.get(i))) {
                return Optional.of(todo.get(i));
            }
        }
        return Optional.empty();
    }

    /** A message read by a person before Postdesk watched this mailbox: not Postdesk's to answer. */
    private boolean predatesMailbox(Message message) throws MessagingException {
        java.util.Date received = message.getReceivedDate();
        return received != null && message.isSet(Flags.Flag.SEEN) && mailbox.moveTo() == null
                && received.toInstant().isBefore(mailbox.createdAt().minusSeconds(60));
    }

    /**
     * Stores one message with {@code attempt} (its transaction moves the cursor to the message's), then flags or
     * moves it.
     */
    private void process(Pending p, Runnable attempt) throws MessagingException {
        try (var u = MDC.putCloseable("uid", Long.toString(p.uid()))) {
            store(p.uid(), p.raw(), p.cursor(), attempt);
            if (p.cursor() != null) {
                lastUid = p.cursor().uid();
                observeArrival(p.message());
            }
            parts.disposition().apply(folder, p.message());
        }
    }

    /**
     * Stores one message by {@code attempt}; a failure that is not an outage is counted and, at the third, the
     * message quarantined (then this returns and the message is flagged like a stored one). Anything else leaves the
     * message unflagged for the worker to read again after its backoff.
     */
    private void store(long uid, RawSource raw, IngestService.Cursor cursor, Runnable attempt) {
        IngestService ingest = parts.ingest();
        String key = key(uid);
        try {
            attempt.run();
            parts.memory().stored(key);
        } catch (RuntimeException | Error e) {
            if (running.getAsBoolean() && MemoryFailures.outOfMemory(e) && parts.memory().failed(key)) {
                storeTooLargeForHeap(key, uid, raw, cursor, e);
                return;
            }
            if (!running.getAsBoolean() || IngestService.isOutage(e)) {
                throw e;
            }
            if (ingest.failed(mailbox, uid, raw, cursor, e)) {
                return;
            }
            throw new MessageFailedException("mailbox " + mailbox.name() + ": message uid " + uid + " not stored ("
                    + e + "); it stays unread on the server and is read again", e);
        }
    }

    /** The message's name for {@link MemoryFailures}. */
    private String key(long uid) {
        return validity + "/" + uid;
    }

    /**
     * A message that ran out of memory every time ({@link MemoryFailures}): stored as its headers and a note, with
     * its source kept beside it when the store can take that (else the source stays in the mailbox), ticketed and
     * the team told as for any new message, so the mailbox moves on. Failing even that, it is an outage again.
     */
    private void storeTooLargeForHeap(String key, long uid, RawSource raw, IngestService.Cursor cursor, Throwable e) {
        int times = parts.memory().times(key);
        log.error("mailbox {}: message uid {} ({} bytes) ran out of memory {} times while other mail was stored;"
                + " storing its headers and a note instead", mailbox.name(), uid, raw.length(), times, e);
        try (RawSource stub = RawSource.of(OversizeMessage.stub(raw, times, true))) {
            parts.ingest().ingest(mailbox, uid, stub, raw, cursor);
        } catch (RuntimeException | Error again) {
            if (!MemoryFailures.outOfMemory(again)) {
                throw again;
            }
            log.error("mailbox {}: message uid {}: its source does not fit in the store either; storing only its"
                    + " headers and a note (the message stays in the mailbox)", mailbox.name(), uid);
            parts.ingest().ingest(mailbox, uid, OversizeMessage.stub(raw, times, false), cursor);
        }
        parts.memory().stored(key);
    }

    /** A message read for a batch: its source, parsed too when it was read ahead; closed by the reader. */
    private record Pending(Message message, long uid, FetchAhead.Ahead source, IngestService.Cursor cursor) {
        RawSource raw() {
            return source.raw();
        }

        InboundMessage parsed() {
            return source.parsed();
        }

        void close() {
            source.close();
        }
    }

    /**
     * Reads the wanted messages of {@code todo} ahead in bulk and parses them ({@link FetchAhead}); null for a single
     * message (live intake: nothing to overlap with). The others are read one by one, as before: those too large for
     * the heap, those stored alone after running out of memory, and those skipped as older than the mailbox.
     */
    private FetchAhead fetchAhead(List<Message> todo, boolean moveCursor) throws MessagingException {
        if (todo.size() < 2) {
            return null;
        }
        long max = parts.settings().maxMessageBytes();
        List<Message> wanted = new ArrayList<>();
        for (Message m : todo) {
            if (FetchAhead.fits(m.getSize(), max) && !parts.memory().alone(key(folder.getUID(m)))
                    && !(moveCursor && predatesMailbox(m))) {
                wanted.add(m);
            }
        }
        return wanted.size() < 2 ? null : new FetchAhead(mailbox.name(), folder, wanted, parts.ingest()::parseAhead);
    }

    /** Where a batch's messages come from: read ahead in bulk ({@code fetchAhead}, may be null), or one at a time. */
    private record Readers(ReadAhead readAhead, FetchAhead fetchAhead) {
        FetchAhead.Ahead ahead(Message m) throws MessagingException {
            try {
                return fetchAhead == null ? null : fetchAhead.take(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessagingException("interrupted while reading message " + m.getMessageNumber(), e);
            }
        }

        boolean notAhead(Message m) {
            return fetchAhead == null || !fetchAhead.covers(m);
        }
    }

    private void fetchUids(Message[] messages) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(messages, profile);
    }

    private Message[] sorted(Message[] messages) {
        Message[] copy = messages.clone();
        Arrays.sort(copy, Comparator.comparingLong(this::uidOf));
        return copy;
    }

    private long uidOf(Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }
}
