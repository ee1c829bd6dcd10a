package org.postdesk.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.postdesk.config.SecretBox;
import org.postdesk.store.Mailbox;

/**
 * SMTP connections per mailbox kept open between sends, so a burst of mail (an acknowledgement and a
 * notification per agent for every new ticket) pays for connecting, TLS and logging in once, not per
 * mail. A connection is checked with a NOOP before it is reused, replaced when the mailbox's SMTP settings
 * changed, dropped after any failure, and closed after {@link #MAX_IDLE} without mail. Thread-safe, and the
 * sends themselves run in parallel: each sender thread takes an idle connection of the mailbox (or opens one)
 * for its mail and gives it back after, so {@code outbox.senders} threads use up to that many connections.
 * (A single connection per mailbox under one lock made the senders take turns: against Postfix, which
 * answers a mail's end of DATA only once its queue file is on disk, live intake waited on one mail at a time.)
 */
public final class SmtpLinks implements AutoCloseable {
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private final Clock clock;
    /** The idle connections of each mailbox, the most recently used first; a connection in use is in none. */
    private final Map<Long, Deque<Open>> open = new HashMap<>();
    private boolean closed;

    private record Open(String settings, SmtpLink link, Instant lastUsed) {
    }

    public SmtpLinks(Clock clock) {
        this.clock = clock;
    }

    /** Sends through {@code mailbox}'s SMTP server as it is configured now; throws {@link DeliveryException}. */
    public void send(Mailbox mailbox, SecretBox secrets, byte[] raw, String envelopeFrom, List<String> recipients) {
        send(mailbox.id(), settingsOf(mailbox), () -> SmtpConnector.forMailbox(mailbox, secrets).open(), raw,
                envelopeFrom, recipients);
    }

    /** As {@link #send(Mailbox, SecretBox, byte[], String, List)}, through the given connector (e.g. signed in with OAuth2). */
    public void send(Mailbox mailbox, Supplier<SmtpConnector> connector, byte[] raw, String envelopeFrom,
                     List<String> recipients) {
        send(mailbox, connector, MailBytes.of(raw), envelopeFrom, recipients);
    }

    /** As {@link #send(Mailbox, Supplier, byte[], String, List)}, the mail written as it is sent. */
    public void send(Mailbox mailbox, Supplier<SmtpConnector> connector, MailBytes mail, String envelopeFrom,
                     List<String> recipients) {
        send(mailbox.id(), settingsOf(mailbox), () -> connector.get().open(), mail, envelopeFrom, recipients);
    }

    void send(long mailboxId, String settings, Supplier<SmtpLink> opener, byte[] raw, String envelopeFrom,
              List<String> recipients) {
        send(mailboxId, settings, opener, MailBytes.of(raw), envelopeFrom, recipients);
    }

    void send(long mailboxId, String settings, Supplier<SmtpLink> opener, MailBytes raw,
              String envelopeFrom, List<String> recipients) {
        SmtpLink link = reusable(mailboxId, settings);
        if (link == null) {
            link = opener.get();
        }
        try {
            link.send(raw, envelopeFrom, recipients);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        giveBack(mailboxId, new Open(settings, link, clock.instant()));
    }

    private synchronized void giveBack(long mailboxId, Open o) {
        if (closed) {
            o.link().close(); // the daemon stopped while this mail was being sent
            return;
        }
        open.computeIfAbsent(mailboxId, id -> new ArrayDeque<>()).push(o);
    }

    /** Closes the connections that carried no mail for {@link #MAX_IDLE}, before the server drops them. */
    public synchronized void closeIdle() {
        Instant now = clock.instant();
        for (Deque<Open> idle : open.values()) {
            for (Iterator<Open> it = idle.iterator(); it.hasNext();) {
                Open o = it.next();
                if (idle(o, now)) {
                    o.link().close();
                    it.remove();
                }
            }
        }
    }

    synchronized int openCount() {
        return open.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(idle -> idle.forEach(o -> o.link().close()));
        open.clear();
    }

    /**
     * An idle connection of the mailbox still fit to carry mail, taken out of the pool; null when there is none.
     * The NOOP check ({@link SmtpLink#usable}) runs outside the lock, so one slow server holds up no other send.
     */
    private SmtpLink reusable(long mailboxId, String settings) {
        while (true) {
            Open o = take(mailboxId);
            if (o == null) {
                return null;
            }
            if (o.settings().equals(settings) && !idle(o, clock.instant()) && o.link().usable()) {
                return o.link();
            }
            o.link().close();
        }
    }

    private synchronized Open take(long mailboxId) {
        Deque<Open> idle = open.get(mailboxId);
        return idle == null ? null : idle.poll();
    }

    private static boolean idle(Open o, Instant now) {
        return o.lastUsed().plus(MAX_IDLE).isBefore(now);
    }

    /** What the connection depends on: a change to any of it (a new password, say) means a new connection. */
    static String settingsOf(Mailbox m) {
        return String.join("\n", m.smtpUrl(), String.valueOf(m.smtpPasswordEnc()), String.valueOf(m.passwordEnc()),
                String.valueOf(m.trustStore()), String.valueOf(m.trustAll()));
    }
}
