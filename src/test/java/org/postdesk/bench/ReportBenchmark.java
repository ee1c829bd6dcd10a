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
import org.postdesk.store.HistoryWriter;
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
        long spacing = Duration.ofDays(730).toSeconds() / n;
        try (Database db = TestDatabases.postgres()) {
            long t0 = System.nanoTime();
            seed(db, n, spacing);
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

    /** Bulk SQL (PostgreSQL's generate_series), so a million tickets take a minute, not an hour. */
    private static void seed(Database db, int n, long spacing) {
        HistoryWriter w = new HistoryWriter(db.dsl());
        long mb = w.mailbox("support", "support@bench.test");
        for (int a = 1; a <= 4; a++) {
            w.agent("Agent " + a, "agent" + a + "@bench.test", mb);
        }
        long firstAgent = db.dsl().fetchOne("select min(id) from agent").get(0, Long.class);
        String created = "(timestamp with time zone '2025-01-01 00:00:00+00' + (g * " + spacing + ") * interval '1 second')";
        String reply = "(" + created + " + ((g % 1000) * 7919 % 600 + 5) * interval '1 minute')";
        String close = "(" + reply + " + interval '2 hours')";
        db.dsl().execute("insert into ticket (number, mailbox_id, subject, status, priority, category, requester,"
                + " owner_agent_id, created_at, updated_at, closed_at) select 100000000 + g, " + mb
                + ", 'problem ' || (g % 500), case when g % 10 = 0 then 'PENDING' else 'CLOSED' end, 'NORMAL',"
                + " 'cat' || (g % 12), 'c' || (g % 50000) || '@example.test', " + firstAgent + " + g % 4, " + created
                + ", " + close + ", case when g % 10 = 0 then null else " + close + " end from generate_series(1, " + n + ") g");
        long firstTicket = db.dsl().fetchOne("select min(id) from ticket").get(0, Long.class) - 1;
        String ticket = "(" + firstTicket + " + g)";
        db.dsl().execute("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, stored_at)"
                + " select " + ticket + ", " + mb + ", 'IN', 'CUSTOMER', 'in-' || g, " + created
                + " from generate_series(1, " + n + ") g");
        db.dsl().execute("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, stored_at, agent_id)"
                + " select " + ticket + ", " + mb + ", 'OUT', 'REPLY', 'out-' || g, " + reply + ", " + firstAgent
                + " + g % 4 from generate_series(1, " + n + ") g");
        db.dsl().execute("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + created
                + ", 'postdesk', 'created', null from generate_series(1, " + n + ") g");
        db.dsl().execute("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + reply
                + ", 'agent1@bench.test', 'status', 'NEW -> PENDING' from generate_series(1, " + n + ") g");
        db.dsl().execute("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + close
                + ", 'agent1@bench.test', 'status', 'PENDING -> CLOSED' from generate_series(1, " + n + ") g"
                + " where g % 10 <> 0");
        db.dsl().execute("ANALYZE");
    }
}
