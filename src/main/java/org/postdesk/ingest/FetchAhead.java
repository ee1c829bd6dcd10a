package org.postdesk.ingest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.RawSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads the waiting mail ahead of the worker on a thread of its own: the sources of many messages in one
 * {@code UID FETCH} ({@code BODY.PEEK[]}, so nothing is marked \Seen before it is stored) instead of a round trip
 * and a 1 MB read buffer each, and parses each one (the parse-ahead), so parsing runs on the second core while the
 * worker stores the batch before. The worker takes them in UID order ({@link #take}).
 *
 * <p>Bounded: at most {@value #QUEUE_MESSAGES} messages and {@value #QUEUE_BYTES} bytes of source wait read, and one
 * command returns at most {@value #CHUNK_BYTES} bytes whatever the server sends: each source is asked for with a
 * partial fetch one byte longer than the largest RFC822.SIZE of its command, and a source longer than its own
 * RFC822.SIZE (a server that under-reports) is dropped here and read again by the worker, which counts the bytes
 * against {@code ingest.max-message-bytes}. Only messages up to {@link ReadAhead#MAX_BYTES} are read here; larger
 * ones stream to a temporary file when their turn comes, as before.
 *
 * <p>Nothing read here is stored or flagged by this class, so a failure costs nothing but the read: a message that
 * could not be read or parsed ahead is simply read (and parsed, meeting the same failure) by the worker itself.
 * Hand-written on Angus's protocol layer because Angus's own bulk read ({@code FetchProfileItem.MESSAGE}) parses
 * every message into a MimeMessage and writes it out again, which is neither cheap nor byte for byte the source.
 */
final class FetchAhead implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FetchAhead.class);
    static final int QUEUE_MESSAGES = 200;
    static final long QUEUE_BYTES = 8L << 20;
    static final long CHUNK_BYTES = 2L << 20;
    static final int CHUNK_MESSAGES = 100;

    private final IMAPFolder folder;
    private final List<Message> wanted;
    private final Map<Message, Integer> positions = new IdentityHashMap<>();
    private final Function<RawSource, InboundMessage> parser;
    private final Object lock = new Object();
    private final ArrayDeque<Entry> ready = new ArrayDeque<>();
    private long readyBytes;
    /** Positions in {@link #wanted} handled by the reader so far (queued, or given up). */
    private int produced;
    private boolean finished;
    private boolean closed;
    private final Thread thread;

    /** A source read ahead and its parse ({@code null} when parsing ahead failed); the taker closes both. */
    record Ahead(RawSource raw, InboundMessage parsed) {
        void close() {
            if (parsed != null) {
                parsed.closeAttachments();
            }
            raw.close();
        }
    }

    private record Entry(int position, Ahead ahead) {
    }

    /**
     * Starts reading {@code wanted} (in UID order; their UIDs and sizes already fetched), parsing each with
     * {@code parser} ({@code null}: read only).
     */
    FetchAhead(String mailboxName, IMAPFolder folder, List<Message> wanted, Function<RawSource, InboundMessage> parser) {
        this.folder = folder;
        this.wanted = List.copyOf(wanted);
        this.parser = parser;
        for (int i = 0; i < this.wanted.size(); i++) {
            positions.put(this.wanted.get(i), i);
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        thread = new Thread(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            run();
        }, "fetch-ahead-" + mailboxName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the worker should take {@code m} from here rather than read it itself. */
    boolean covers(Message m) {
        return positions.containsKey(m);
    }

    /** Whether a message of {@code size} bytes (RFC822.SIZE) is read here: small enough to hold many in the heap. */
    static boolean fits(long size, long maxMessageBytes) {
        return size >= 0 && size <= Math.min(ReadAhead.MAX_BYTES, maxMessageBytes);
    }

    /**
     * The source of {@code message} read ahead, waiting for it if need be; {@code null} when it is not one of the
     * wanted messages or could not be read ahead (the caller reads it itself). Messages must be taken in order;
     * one skipped is dropped.
     */
    Ahead take(Message message) throws InterruptedException {
        Integer at = positions.get(message);
        if (at == null) {
            return null;
        }
        synchronized (lock) {
            while (true) {
                while (!ready.isEmpty() && ready.peekFirst().position() < at) {
                    drop(ready.pollFirst());
                }
                if (!ready.isEmpty() && ready.peekFirst().position() == at) {
                    Entry e = ready.pollFirst();
                    readyBytes -= e.ahead().raw().length();
                    lock.notifyAll();
                    return e.ahead();
                }
                if (finished || closed || produced > at) {
                    return null;
                }
                lock.wait();
            }
        }
    }

    private void run() {
        try {
            int i = 0;
            while (i < wanted.size() && !isClosed()) {
                List<Message> chunk = chunk(i);
                awaitRoom(chunk);
                if (isClosed()) {
                    break;
                }
                Map<Long, byte[]> bodies = fetch(chunk);
                for (Message m : chunk) {
                    publish(i++, read(m, bodies));
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // The worker reads the rest itself and meets the failure there, where it is handled (an outage: backoff).
            log.debug("reading ahead stopped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OutOfMemoryError e) {
            // Ditto: the worker reads these one by one, where running out of memory is counted per message.
            log.debug("reading ahead ran out of memory; the worker reads the rest itself");
        } finally {
            synchronized (lock) {
                finished = true;
                lock.notifyAll();
            }
        }
    }

    /** The messages from {@code from} that one command reads: at most {@link #CHUNK_MESSAGES} and {@link #CHUNK_BYTES}. */
    private List<Message> chunk(int from) {
        List<Message> chunk = new ArrayList<>();
        long largest = 0;
        for (int i = from; i < wanted.size() && chunk.size() < CHUNK_MESSAGES; i++) {
            long size = size(wanted.get(i));
            long top = Math.max(largest, size) + 1;
            if (!chunk.isEmpty() && top * (chunk.size() + 1) > CHUNK_BYTES) {
                break;
            }
            largest = Math.max(largest, size);
            chunk.add(wanted.get(i));
        }
        return chunk;
    }

    /** Waits until the chunk fits in the queue (or the queue is empty). */
    private void awaitRoom(List<Message> chunk) throws InterruptedException {
        long bytes = chunk.stream().mapToLong(FetchAhead::size).sum();
        synchronized (lock) {
            while (!closed && !ready.isEmpty()
                    && (ready.size() + chunk.size() > QUEUE_MESSAGES || readyBytes + bytes > QUEUE_BYTES)) {
                lock.wait();
            }
        }
    }

    /** One {@code UID FETCH} of the chunk's sources, by UID. */
    private Map<Long, byte[]> fetch(List<Message> chunk) throws MessagingException {
        long[] uids = new long[chunk.size()];
        long largest = 0;
        for (int i = 0; i < uids.length; i++) {
            uids[i] = folder.getUID(chunk.get(i));
            largest = Math.max(largest, size(chunk.get(i)));
        }
        String command = "UID FETCH " + UIDSet.toString(UIDSet.createUIDSets(uids)) + " (UID BODY.PEEK[]<0."
                + (largest + 1) + ">)";
        Map<Long, byte[]> bodies = new HashMap<>();
        folder.doCommand(p -> {
            Response[] responses = p.command(command, null);
            Response result = responses[responses.length - 1];
            for (int i = 0; i < responses.length - 1; i++) {
                if (responses[i] instanceof FetchResponse f && take(f, bodies)) {
                    responses[i] = null; // ours; the rest (EXISTS, EXPUNGE, flag changes) go to the folder as usual
                }
            }
            p.notifyResponseHandlers(responses);
            p.handleResult(result);
            return null;
        });
        return bodies;
    }

    private static boolean take(FetchResponse f, Map<Long, byte[]> bodies) {
        UID uid = f.getItem(UID.class);
        BODY body = f.getItem(BODY.class);
        if (uid == null || body == null || body.isHeader() || body.getOrigin() != 0
                || (body.getSection() != null && !body.getSection().isEmpty())) {
            return false;
        }
        ByteArray bytes = body.getByteArray();
        bodies.put(uid.uid, bytes == null ? new byte[0] : bytes.getNewBytes());
        return true;
    }

    /** The source of {@code m} from the command's answer, or null (not answered, or longer than announced). */
    private Ahead read(Message m, Map<Long, byte[]> bodies) throws MessagingException {
        byte[] bytes = bodies.get(folder.getUID(m));
        if (bytes == null || bytes.length > size(m)) {
            return null;
        }
        // A larger source goes to a temporary file, as one read by the worker would.
        RawSource raw = bytes.length <= RawSource.IN_MEMORY_BYTES ? RawSource.of(bytes) : spool(bytes);
        return new Ahead(raw, parse(raw));
    }

    private static RawSource spool(byte[] bytes) {
        try {
            return RawSource.spool(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("spooling a message read ahead failed", e);
        }
    }

    private InboundMessage parse(RawSource raw) {
        if (parser == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null; // parsed again by the worker, which meets and handles the same failure
        }
    }

    private void publish(int position, Ahead ahead) {
        synchronized (lock) {
            produced = position + 1;
            if (ahead == null) {
                lock.notifyAll();
                return;
            }
            if (closed) {
                ahead.close();
                return;
            }
            ready.addLast(new Entry(position, ahead));
            readyBytes += ahead.raw().length();
            lock.notifyAll();
        }
    }

    private static long size(Message m) {
        try {
            return Math.max(0, m.getSize());
        } catch (MessagingException e) {
            return 0;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private static void drop(Entry e) {
        e.ahead().close();
    }

    /** Stops reading, waits for a command in flight (so the connection is not closed under it), drops the rest. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            ready.forEach(FetchAhead::drop);
            ready.clear();
            readyBytes = 0;
        }
    }
}
