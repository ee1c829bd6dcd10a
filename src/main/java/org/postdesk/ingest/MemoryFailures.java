package org.postdesk.ingest;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a message that runs out of memory every time it is stored from an outage that happened while storing it.
 *
 * <p>An {@link OutOfMemoryError} is an outage, never proof of a bad message: the message stays unflagged and is
 * read again after the worker's backoff. But a message that needs more heap than the daemon has would then be
 * read forever and block its mailbox. So each message's out-of-memory failures are counted (in this worker's
 * memory: a restart of the JVM is a fresh heap and starts the count again), and a message is judged too large
 * for this heap when it failed that way {@value #TIMES} times in a row <em>and</em> the heap is healthy apart
 * from it: another message was stored since its first failure (in any mailbox of this JVM), or a full
 * collection right after the failure leaves less than half of the heap in use (what was lost was the memory
 * this message needed, not memory something else holds). Otherwise it stays an outage.
 */
final class MemoryFailures {
    /** Out-of-memory failures of one message that, on a healthy heap, make it too large for this heap. */
    static final int TIMES = 3;
    /** Messages stored by any worker of this JVM: the heap is shared, so their success is evidence for all. */
    private static final AtomicLong STORED_IN_THIS_JVM = new AtomicLong();

    /** Also the messages stored alone, never in a group commit, until they are stored: their counts go on there. */
    private final Map<String, Failures> byMessage = new HashMap<>();
    private final HeapCheck heap;
    private final AtomicLong storedCount;

    MemoryFailures() {
        this(MemoryFailures::heapHalfFree, STORED_IN_THIS_JVM);
    }

    /** With its own heap check and count of stored messages (tests). */
    MemoryFailures(HeapCheck heap, AtomicLong storedCount) {
        this.heap = heap;
        this.storedCount = storedCount;
    }

    /** Whether after a full collection most of the heap is free. */
    @FunctionalInterface
    interface HeapCheck {
        boolean recovered();
    }

    /** Whether {@code e} or one of its causes is an {@link OutOfMemoryError} (jOOQ and H2 wrap it). */
    static boolean outOfMemory(Throwable e) {
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Counts an out-of-memory failure of {@code message}; true when it is now judged too large for this heap. */
    synchronized boolean failed(String message) {
        Failures f = byMessage.computeIfAbsent(message, k -> new Failures(storedCount.get()));
        f.times++;
        if (f.times < TIMES) {
            return false;
        }
        return storedCount.get() > f.storedAtFirst || heap.recovered();
    }

    /**
     * A group commit holding {@code messages} ran out of memory: an outage, retried, but which of them needed the
     * memory is unknown. Each is counted once ({@link #failed}; the count of one that is stored ends, so only the
     * culprit's goes on) and stored alone from now on, so one that needs more heap than there is fails as often as
     * it would have alone and is given up at the same reading, rather than read forever. (A message with a count is
     * never in a batch, so this is always its first failure.)
     */
    synchronized void failedInBatch(Collection<String> messages) {
        for (String message : messages) {
            byMessage.computeIfAbsent(message, k -> new Failures(storedCount.get())).times++;
        }
    }

    /**
     * Whether {@code message} is to be stored alone, not in a group commit: it ran out of memory before ({@link #failed},
     * {@link #failedInBatch}) and has not been stored since.
     */
    synchronized boolean alone(String message) {
        return byMessage.containsKey(message);
    }

    /** {@code message} was stored: its count ends, and the heap served one more message. */
    synchronized void stored(String message) {
        byMessage.remove(message);
        storedCount.incrementAndGet();
    }

    /** How often {@code message} ran out of memory so far (0 when never or stored since). */
    synchronized int times(String message) {
        Failures f = byMessage.get(message);
        return f == null ? 0 : f.times;
    }

    private static boolean heapHalfFree() {
        // Only at the third failure of one message, so an explicit collection is rare; it tells live data from
        // the garbage the failed attempt left.
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return used < Runtime.getRuntime().maxMemory() / 2;
    }

    private static final class Failures {
        final long storedAtFirst;
        int times;

        Failures(long storedAtFirst) {
            this.storedAtFirst = storedAtFirst;
        }
    }
}
