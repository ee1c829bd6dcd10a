package org.postdesk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.MailboxSmtpGateway;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.store.Database;

/**
 * The daemon's own SMTP gateway ({@link MailboxSmtpGateway}), noting when the server
 * accepted each outgoing message, keyed by the In-Reply-To of that message: the customer mail it answers.
 */
final class AckTimes implements SmtpGateway {
    private static final Pattern IN_REPLY_TO = Pattern.compile("(?im)^In-Reply-To:\\s*(<[^>\\r\\n]+>)");

    private final MailboxSmtpGateway production;
    private final Map<String, Long> acceptedNanos = new ConcurrentHashMap<>();
    /** When set, every envelope recipient is replaced by it (the outbox phase on a real server, {@code --sink}). */
    private volatile String sink;

    AckTimes(Database db, SecretBox secrets) {
        this.production = new MailboxSmtpGateway(db, secrets);
    }

    @Override
    public void closeIdle() {
        production.closeIdle();
    }

    /** Sends every mail to {@code address} instead of its recipients (null: to its recipients again). */
    void sinkTo(String address) {
        sink = address;
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
        String to = sink;
        production.send(mailboxId, envelopeFrom, to == null ? recipients : List.of(to), raw);
        long now = System.nanoTime();
        String answered = inReplyTo(raw);
        if (answered != null) {
            acceptedNanos.put(answered, now);
        }
    }

    /** When the last message answering {@code messageId} was accepted (System.nanoTime), or null. */
    Long acceptedAt(String messageId) {
        return acceptedNanos.get(messageId);
    }

    /** Forgets what was accepted so far, so that a later answer to the same mail is timed on its own. */
    void forget() {
        acceptedNanos.clear();
    }

    /** Waits until each of {@code messageIds} has an answer accepted, or {@code timeout} has passed. */
    void awaitAll(Collection<String> messageIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && messageIds.stream().anyMatch(id -> acceptedAt(id) == null)) {
            Thread.sleep(20);
        }
    }

    /** For each answered message of {@code sentNanos} (Message-ID to System.nanoTime): milliseconds to its answer. */
    double[] millisSince(Map<String, Long> sentNanos) {
        return sentNanos.entrySet().stream().filter(e -> acceptedAt(e.getKey()) != null)
                .mapToDouble(e -> (acceptedAt(e.getKey()) - e.getValue()) / 1e6).toArray();
    }

    private static String inReplyTo(byte[] raw) {
        int headerEnd = indexOfBlankLine(raw);
        Matcher m = IN_REPLY_TO.matcher(new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    private static int indexOfBlankLine(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i;
            }
        }
        return raw.length;
    }
}
