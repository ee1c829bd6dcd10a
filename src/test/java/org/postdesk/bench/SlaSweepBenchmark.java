package org.postdesk.bench;

import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.TICKET;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postdesk.app.AgentNotices;
import org.postdesk.deadlines.Escalations;
import org.postdesk.deadlines.SlaSweeper;
import org.postdesk.mail.MimeComposer;
import org.postdesk.outbound.AgentMailer;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.OutboundQueue;
import org.postdesk.outbound.Templates;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.NewAgent;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/**
 * The SLA scheduler's cost per run (issue 11): N open tickets (default 100,000) with a 4-hour first-response
 * target under an office calendar, K of them (default 100) reaching their warning in the run being timed.
 * Prints the one-time replay of all tickets into {@code ticket_sla} (what the first start on a store never swept
 * pays, in batches), the run that sends the K warnings, and idle runs (nothing due, nothing changed), which are what
 * the sweeper does every minute. A program, not a test: {@code scripts/bench-sla-sweep [--tickets N]
 * [--near K] [--runs R] [--db-url URL]}.
 */
public final class SlaSweepBenchmark {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /** Monday 14:00 in Kyiv: the office has been open since 09:00, so a ticket's business clock runs from its arrival. */
    private static final Instant NOW = LocalDateTime.parse("2026-11-30T14:00").atZone(KYIV).toInstant();
    /** The warning of a 4-hour target at 80 %, 3 h 12 min of business time after arrival. */
    private static final Duration WARN_AFTER = Duration.ofMinutes(192);

    private SlaSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--tickets", "100000", "--near", "100", "--runs", "20",
                "--db-url", ""));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || !o.containsKey(args[i]) || i + 1 >= args.length) {
                System.out.println("usage: scripts/bench-sla-sweep [--tickets N] [--near K] [--runs R] [--db-url URL]");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
            o.put(args[i], args[++i]);
        }
        System.exit(run(Integer.parseInt(o.get("--tickets")), Integer.parseInt(o.get("--near")),
                Integer.parseInt(o.get("--runs")), o.get("--db-url")));
    }

    private static int run(int tickets, int near, int runs, String url) throws Exception {
        Path dir = Path.of("target", "bench-sla-db");
        if (url.isEmpty()) {
            deleteTree(dir);
            url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("postdesk");
        }
        try (Database db = Database.open(new DbSettings(url, "sa", "", 4))) {
            long mailbox = setUp(db);
            long t0 = System.nanoTime();
            insertTickets(db, mailbox, tickets, near);
            System.out.printf("tickets:                %,d open (%,d reach their warning in the timed run)%n", tickets, near);
            System.out.printf("insert:                 %.1f s%n", (System.nanoTime() - t0) / 1e9);

            SlaSweeper first = sweeper(db, Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC));
            long t1 = System.nanoTime();
            int folded = 0;
            int rounds = 0;
            int firstWarnings = 0;
            double slowest = 0;
            SlaSweeper.Run fold;
            do {
                long r0 = System.nanoTime();
                fold = first.runOnce();
                slowest = Math.max(slowest, (System.nanoTime() - r0) / 1e9);
                folded += fold.synced();
                firstWarnings += fold.warnings();
                rounds++;
            } while (fold.more());
            double foldSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("first replay (all):     %.1f s for %,d tickets (%.2f ms each, %d warning(s)) in %d run(s),"
                    + " the longest %.2f s; once after the upgrade, in batches%n", foldSeconds, folded,
                    foldSeconds * 1000 / Math.max(1, folded), firstWarnings, rounds, slowest);

            // A minute on, the K near tickets have reached their warning (30 s after the first run's instant).
            SlaSweeper later = sweeper(db, Clock.fixed(NOW.plus(Duration.ofMinutes(1)), ZoneOffset.UTC));
            long t2 = System.nanoTime();
            SlaSweeper.Run warn = later.runOnce();
            System.out.printf("run with due tickets:   %.1f ms: %d checked, %d warning(s) sent, %d replayed again%n",
                    (System.nanoTime() - t2) / 1e6, warn.checked(), warn.warnings(), warn.synced());

            SlaSweeper idle = sweeper(db, Clock.fixed(NOW.plus(Duration.ofMinutes(12)), ZoneOffset.UTC));
            idle.runOnce();
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                idle.runOnce();
                ms.add((System.nanoTime() - t) / 1e6);
            }
            ms.sort(Double::compare);
            System.out.printf("idle run (nothing due): median %.2f ms, max %.2f ms over %d runs%n", ms.get(ms.size() / 2),
                    ms.get(ms.size() - 1), runs);
            return warn.warnings() == near ? 0 : 1;
        }
    }

    private static long setUp(Database db) {
        long mailbox = db.dsl().insertInto(MAILBOX).set(MAILBOX.NAME, "support").set(MAILBOX.ADDRESS, "support@bench.test")
                .set(MAILBOX.IMAP_URL, "imap://support@localhost/INBOX").set(MAILBOX.SMTP_URL, "smtp://support@localhost")
                .set(MAILBOX.TAG_LABEL, "Support").returningResult(MAILBOX.ID).fetchOne(MAILBOX.ID);
        new AgentRepository(db.dsl()).add(new NewAgent("Alice", List.of("alice@bench.test"), List.of(mailbox)));
        new CalendarRepository(db.dsl()).setHours(mailbox, KYIV, WeeklyHours.parse("mon-fri 09:00-18:00"), Instant.EPOCH);
        new SlaPolicyRepository(db.dsl()).put(mailbox, new ScopedPolicy(null, null, new SlaPolicy(
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4), SlaTarget.RESOLUTION, Duration.ofHours(40)), 80,
                Optional.empty())), Instant.EPOCH);
        return mailbox;
    }

    /**
     * Most created in the last 90 minutes (warning at least 1 h 42 min ahead); {@code near} created 3 h 12 min
     * 30 s before {@link #NOW}, within office hours, so their warning (3 h 12 min after arrival) falls 30 s
     * before {@code NOW}: after the first run (a minute before {@code NOW}) and before the timed one.
     */
    private static void insertTickets(Database db, long mailbox, int n, int near) {
        for (int from = 0; from < n; from += 2000) {
            int start = from;
            db.inTransactionRun(tx -> {
                var insert = tx.insertInto(TICKET, TICKET.NUMBER, TICKET.MAILBOX_ID, TICKET.SUBJECT, TICKET.STATUS,
                        TICKET.REQUESTER, TICKET.CREATED_AT, TICKET.UPDATED_AT);
                for (int i = start; i < Math.min(n, start + 2000); i++) {
                    Instant created = i < near ? NOW.minus(WARN_AFTER).minusSeconds(30) : NOW.minus(Duration.ofMinutes(i % 90));
                    insert = insert.values(TicketNumber.fromSequence(100_000L + i).value(), mailbox, "ticket " + i, "NEW",
                            "c" + i + "@bench.test", created.atOffset(ZoneOffset.UTC), created.atOffset(ZoneOffset.UTC));
                }
                insert.execute();
            });
        }
    }

    private static SlaSweeper sweeper(Database db, Clock clock) {
        AgentNotices notices = new AgentNotices(new AgentMailer(Templates.stored(db, null),
                new OutboundQueue(new MimeComposer(clock)), new AutoHeaders("postdesk"),
                new ReplyTokenCodec("bench-secret-of-32-bytes-long!!!".getBytes(StandardCharsets.US_ASCII))));
        return new SlaSweeper(db, new Escalations(notices), clock, Duration.ofMinutes(1));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
