package org.postdesk.ingest;

import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a mailbox worker waits for new mail: IDLE where the server has it (renewed before servers and NAT drop
 * it), a poll sleep otherwise; and its backoff and lease-retry pauses. Every wait ends early when the worker is
 * asked to stop or hand over ({@link #wake}).
 */
final class MailWaiter {
    private static final Logger log = LoggerFactory.getLogger(MailWaiter.class);
    private final WorkerSettings settings;
    private final ScheduledExecutorService timer;
    /** False once the worker should leave the mailbox (stopping, handing over): no wait starts then. */
    private final BooleanSupplier active;
    private final Object sleeper = new Object();

    MailWaiter(WorkerSettings settings, ScheduledExecutorService timer, BooleanSupplier active) {
        this.settings = settings;
        this.timer = timer;
        this.active = active;
    }

    /**
     * Whether {@code folder} is waited on with IDLE; if so, new mail announced while idling ends the IDLE.
     * Call once per session, before the first {@link #awaitMail}.
     */
    boolean watch(IMAPFolder folder) throws MessagingException {
        boolean idle = settings.useIdle() && ((IMAPStore) folder.getStore()).hasCapability("IDLE");
        if (idle) {
            folder.addMessageCountListener(wakeOnNewMail(folder));
        }
        return idle;
    }

    /** Blocks until the server reports something (IDLE) or for one poll interval. */
    void awaitMail(IMAPFolder folder, boolean idle) throws MessagingException {
        if (!active.getAsBoolean()) {
            return;
        }
        if (!idle) {
            pause(settings.pollInterval().toMillis());
            return;
        }
        ScheduledFuture<?> renew = timer.schedule(() -> breakIdle(folder), settings.idleRenew().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            renew.cancel(false);
        }
    }

    /** Sleeps up to {@code millis}, or until {@link #wake}; an interrupt is kept for the caller to see. */
    void pause(long millis) {
        synchronized (sleeper) {
            if (!active.getAsBoolean()) {
                return;
            }
            try {
                sleeper.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends a pause and the IDLE on {@code folderOrNull}. */
    void wake(IMAPFolder folderOrNull) {
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        breakIdle(folderOrNull);
    }

    /**
     * A server may announce new mail just as IDLE starts, before its go-ahead; Angus then counts the mail but
     * keeps idling until the next announcement or renewal. Any new mail therefore also ends the IDLE.
     */
    private MessageCountAdapter wakeOnNewMail(IMAPFolder folder) {
        return new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                timer.execute(() -> breakIdle(folder));
            }
        };
    }

    private static void noop(IMAPFolder folder) throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    /** Any command from another thread ends a running IDLE (Angus aborts it to take the connection). */
    private static void breakIdle(IMAPFolder folder) {
        if (folder == null) {
            return;
        }
        try {
            noop(folder);
        } catch (MessagingException | RuntimeException e) {
            log.debug("breaking IDLE: {}", e.toString());
        }
    }
}
