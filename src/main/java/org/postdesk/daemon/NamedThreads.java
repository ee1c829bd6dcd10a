package org.postdesk.daemon;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Threads named for their role, so a thread dump or a log line says what is running. */
final class NamedThreads implements ThreadFactory {
    private static final Logger log = LoggerFactory.getLogger(NamedThreads.class);
    private final String name;

    NamedThreads(String name) {
        this.name = name;
    }

    static Thread start(String name, Runnable work) {
        Thread t = new NamedThreads(name).newThread(work);
        t.start();
        return t;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(false);
        t.setUncaughtExceptionHandler((thread, e) -> log.error("thread {} died: {}", thread.getName(), e, e));
        return t;
    }
}
