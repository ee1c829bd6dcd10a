package org.postdesk.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.postdesk.reports.FactRefresher;
import org.postdesk.reports.ReportFilter;
import org.postdesk.reports.ReportSetup;
import org.postdesk.reports.Summary;
import org.postdesk.reports.SummaryQuery;
import org.postdesk.reports.Targets;
import org.postdesk.reports.WorkingTime;
import org.postdesk.store.Database;
import org.postdesk.store.TestDatabases;

/**
 * How long {@code report summary} takes over many tickets (issue 12): seeds N tickets (default 1,000,000) over
 * two years into an embedded PostgreSQL in bulk SQL — each with a customer mail, an agent reply, status changes,
 * nine in ten closed — then times the first full fact refresh, an incremental refresh, and the summary over the
 * last 28 days and over all two years. Prints its figures; a program, not a test.
 * Usage: scripts/bench-reports [TICKETS]
 */
public final class ReportBenchmark {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        try (Database db = TestDatabases.postgres()) {
            long t0 = System.nanoTime();
            long spacing = StoreSeed.seed(db, n);
            System.out.printf(Locale.ROOT, "seeded %,d tickets (%,d messages, %,d events) in %.1f s%n", n, 2L * n,
                    db.dsl().fetchCount(org.postdesk.store.db.Tables.TICKET_EVENT), secs(t0));
            Instant end = START.plusSeconds(spacing * n);
            WorkingTime hours = ReportSetup.workingTime("Mon-Fri 09:00-18:00", ZoneOffset.UTC, java.util.Set.of());
            Clock clock = Clock.fixed(end.plusSeconds(60), ZoneOffset.UTC);
            t0 = System.nanoTime();
            int facts = new FactRefresher(db, hours, clock).refresh();
            System.out.printf(Locale.ROOT, "first fact refresh: %,d tickets in %.1f s (once; later refreshes are incremental)%n",
                    facts, secs(t0));
            t0 = System.nanoTime();
            int again = new FactRefresher(db, hours, Clock.offset(clock, Duration.ofMinutes(1))).refresh();
            System.out.printf(Locale.ROOT, "incremental refresh (tickets with events in the last 10 min): %,d tickets in %.2f s%n",
                    again, secs(t0));
            db.dsl().execute("ANALYZE");
            Targets targets = new Targets(hours, Duration.ofHours(4), Duration.ofHours(24), 10, null, 0.3, 0.8);
            SummaryQuery q = new SummaryQuery(db.dsl(), targets);
            time(q, "summary, last 28 days", new ReportFilter(end.minus(Duration.ofDays(28)), end, null, null, null, null));
            time(q, "summary, all 2 years", new ReportFilter(START, end, null, null, null, null));
        }
    }

    private static void time(SummaryQuery q, String what, ReportFilter f) {
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            Summary s = q.run("total", f);
            System.out.printf(Locale.ROOT, "%s (run %d): %.2f s — %,d opened, %,d closed, FRT median %.0f s%n", what, run,
                    secs(t0), s.opened(), s.closed(), s.firstResponse().median());
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
