package org.postdesk.ingest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.postdesk.mail.RawSource;
import org.slf4j.MDC;

/**
 * Reads the source of the next message from the IMAP server while the current one is being stored, so
 * the server's work and the round trip overlap the store's instead of adding to it. At most one message
 * is read ahead. A message read ahead but not stored (the worker stopping, a failure) is not lost: the
 * cursor has not moved past it, so it is read again next time.
 */
final class ReadAhead implements AutoCloseable {
    static final int MAX_BYTES = 2 << 20;
    private final ExecutorService executor;
    private final long maxBytes;
    private Message ahead;
    private Future<RawSource> pending;

    /**
     * {@code worthIt}: more than one message to read (otherwise no thread is started); {@code maxBytes}: the most
     * read of one message ({@code ingest.max-message-bytes}).
     */
    ReadAhead(String mailboxName, boolean worthIt, long maxBytes) {
        this.maxBytes = maxBytes;
        this.executor = worthIt ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "read-ahead-" + mailboxName);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Whether {@code next} is small enough to hold in memory beside the message being stored: a large one
     * (attachments of many megabytes) is read when its turn comes, so at most one of them is in the heap.
     */
    static boolean worthReading(Message next) {
        try {
            return next.getSize() <= MAX_BYTES;
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Starts reading {@code next} in the background (only the latest call counts). */
    void prefetch(Message next) {
        if (executor == null) {
            return;
        }
        discard();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        ahead = next;
        pending = executor.submit(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            return source(next, maxBytes);
        });
    }

    /**
     * The source of {@code message}: the one read ahead when it is this message, else read now; the caller closes it.
     *
     * @throws RawSource.TooLargeException when the message is longer than the limit, whatever the server said
     */
    RawSource take(Message message) throws MessagingException, IOException {
        if (pending == null || ahead != message) {
            discard();
            return source(message, maxBytes);
        }
        Future<RawSource> f = pending;
        pending = null;
        ahead = null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while reading message " + message.getMessageNumber(), e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * The whole message source, unchanged, streamed to memory or a temporary file ({@link RawSource}); BODY.PEEK so
     * that reading does not mark it \Seen before it is stored. Angus reads it in {@code fetchsize} blocks (partial
     * FETCH); the bytes are counted as they come, and at {@code maxBytes} the sink refuses the next block, so no
     * further block is fetched: the cap holds also when the server's RFC822.SIZE was too small.
     */
    static RawSource source(Message message, long maxBytes) throws MessagingException, IOException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
        }
        try (RawSource.Sink sink = RawSource.sink(maxBytes)) {
            message.writeTo(sink);
            return sink.finish();
        }
    }

    private static MessagingException rethrow(Throwable cause) throws IOException {
        if (cause instanceof MessagingException m) {
            return m;
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new MessagingException("reading a message failed", (Exception) cause);
    }

    /** Waits for a read still in flight, so the connection is not closed under it, and drops its result. */
    private void discard() {
        if (pending == null) {
            return;
        }
        try {
            pending.get().close(); // its temporary file, when it has one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Read again when it is needed; the failure then surfaces there.
        }
        pending = null;
        ahead = null;
    }

    @Override
    public void close() {
        discard();
        if (executor != null) {
            executor.shutdown();
        }
    }
}
