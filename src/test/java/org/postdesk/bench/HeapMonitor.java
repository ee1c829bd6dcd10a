package org.postdesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use during one phase: the highest used heap seen by sampling every 10 ms, and the highest heap
 * still in use right after a collection (the live set, which is what the heap limit must hold).
 */
final class HeapMonitor implements AutoCloseable {
    private final AtomicLong peakSampled = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakRss = new AtomicLong();
    private static final java.nio.file.Path STATM = java.nio.file.Path.of("/proc/self/statm");
    /** Linux x86-64's page size; statm counts pages. */
    private static final long PAGE = 4096;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMonitor() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (n, h) -> afterGc(n.getUserData());
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> remove(emitter, listener));
            }
        }
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a new phase: peaks are forgotten. */
    void reset() {
        peakSampled.set(used());
        peakAfterGc.set(0);
        peakRss.set(rss());
    }

    /** The highest resident set size of this process sampled in this phase (heap, metaspace, code, threads). */
    long peakRss() {
        return Math.max(peakRss.get(), rss());
    }

    /** This process's resident set size from /proc/self/statm (Linux), or 0 where there is none. */
    static long rss() {
        try {
            String[] statm = java.nio.file.Files.readString(STATM).trim().split(" ");
            return Long.parseLong(statm[1]) * PAGE;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    long peakSampled() {
        return Math.max(peakSampled.get(), used());
    }

    long peakAfterGc() {
        return peakAfterGc.get();
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Heap in use after a full collection: what the objects alive right now hold. */
    static long liveNow() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    private void sample() {
        long samples = 0;
        while (running) {
            peakSampled.accumulateAndGet(used(), Math::max);
            if (++samples % 10 == 0) {
                peakRss.accumulateAndGet(rss(), Math::max);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void afterGc(Object userData) {
        if (userData instanceof CompositeData data) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
            long used = 0;
            for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeapPool(entry.getKey())) {
                    used += entry.getValue().getUsed();
                }
            }
            peakAfterGc.accumulateAndGet(used, Math::max);
        }
    }

    private static boolean isHeapPool(String name) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(name) && p.getType() == MemoryType.HEAP);
    }

    private static void remove(NotificationEmitter emitter, NotificationListener listener) {
        try {
            emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }
}
