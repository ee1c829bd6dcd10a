package org.postdesk.ingest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.imap.IMAPMessage;
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
    private Message ahead;
    private Future<byte[]> pending;

    /** {@code worthIt}: more than one message to read (otherwise no thread is started). */
    ReadAhead(String mailboxName, boolean worthIt) {
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
            return source(next);
        });
    }

    /** The source of {@code message}: the one read ahead when it is this message, else read now. */
    byte[] take(Message message) throws MessagingException, IOException {
        if (pending == null || ahead != message) {
            discard();
            return source(message);
        }
        Future<byte[]> f = pending;
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

    /** The whole message source, unchanged; BODY.PEEK so that reading does not mark it \Seen before it is stored. */
    static byte[] source(Message message) throws MessagingException, IOException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
        }
        SourceBuffer out = new SourceBuffer(Math.max(message.getSize(), 1024));
        message.writeTo(out);
        return out.bytes();
    }

    /** Sized by RFC822.SIZE; when the server's size was exact, its array is the result (no second copy of a large mail). */
    private static final class SourceBuffer extends ByteArrayOutputStream {
        SourceBuffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
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
            pending.get();
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
