package org.postdesk.bench;

import java.time.Duration;
import java.util.Locale;
import org.postdesk.store.Database;
import org.postdesk.store.HistoryWriter;

/**
 * Fills a store with N tickets of history in bulk SQL ({@code generate_series}, which H2 and PostgreSQL
 * both have), so a million tickets take minutes, not hours: each with a customer mail that has a
 * Message-ID, an agent reply, status events, nine in ten closed, spread over two years before 2027.
 * Used by {@code scripts/bench-reports} and by {@code scripts/bench-ingest --prefill}.
 */
final class StoreSeed {
    /** Where the history begins; tickets are evenly spaced from here over two years. */
    static final String START = "2025-01-01 00:00:00+00";
    private static final int BATCH = 100_000;

    private StoreSeed() {
    }

    /** A mailbox and four agents, then {@link #tickets} into it; returns the seconds between two tickets. */
    static long seed(Database db, int n) {
        HistoryWriter w = new HistoryWriter(db.dsl());
        long mb = w.mailbox("support", "support@bench.test");
        for (int a = 1; a <= 4; a++) {
            w.agent("Agent " + a, "agent" + a + "@bench.test", mb);
        }
        long firstAgent = db.dsl().fetchOne("select min(id) from agent").get(0, Long.class);
        return tickets(db, n, mb, firstAgent, 4);
    }

    /**
     * {@code n} tickets of {@code mailboxId}, owned in turn by {@code agents} agents from id
     * {@code firstAgent}, in batches of 100,000 (one transaction each, so H2 need not hold a million rows of
     * undo); returns the seconds between two tickets.
     */
    static long tickets(Database db, int n, long mailboxId, long firstAgent, int agents) {
        long spacing = Math.max(1, Duration.ofDays(730).toSeconds() / Math.max(1, n));
        long t0 = System.nanoTime();
        for (int from = 1; from <= n; from += BATCH) {
            int to = Math.min(n, from + BATCH - 1);
            int lo = from;
            db.inTransactionRun(tx -> batch(new Sql(tx, lo, to, spacing, mailboxId, firstAgent, agents)));
            Progress.say("  prefill: %,d / %,d tickets (%.0f s)", to, n, (System.nanoTime() - t0) / 1e9);
        }
        db.dsl().execute("ANALYZE");
        return spacing;
    }

    /** One batch of generated rows: tickets g = lo..hi. */
    private record Sql(org.jooq.DSLContext tx, int lo, int hi, long spacing, long mailboxId, long firstAgent,
                       int agents) {
        String series() {
            return " from generate_series(" + lo + ", " + hi + ") as s(g)";
        }

        String created() {
            return "(timestamp with time zone '" + START + "' + (g * " + spacing + ") * interval '1' second)";
        }

        String reply() {
            return "(" + created() + " + ((g % 1000) * 7919 % 600 + 5) * interval '1' minute)";
        }

        String close() {
            return "(" + reply() + " + interval '2' hour)";
        }

        /** Row g's ticket (column tid), found by its number: identity values may have gaps. */
        String tickets() {
            return " from (select id as tid, number - 100000000 as g from ticket where number between "
                    + (100000000L + lo) + " and " + (100000000L + hi) + ") s";
        }

        String agent() {
            return "(" + firstAgent + " + g % " + agents + ")";
        }

        void run(String sql) {
            tx.execute(sql);
        }
    }

    private static void batch(Sql s) {
        s.run("insert into ticket (number, mailbox_id, subject, status, priority, category, requester,"
                + " owner_agent_id, created_at, updated_at, closed_at) select 100000000 + g, " + s.mailboxId()
                + ", 'problem ' || (g % 500), case when g % 10 = 0 then 'PENDING' else 'CLOSED' end, 'NORMAL',"
                + " 'cat' || (g % 12), 'c' || (g % 50000) || '@example.test', " + s.agent() + ", " + s.created()
                + ", " + s.close() + ", case when g % 10 = 0 then null else " + s.close() + " end" + s.series());
        String ticket = "tid";
        s.run("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, message_id, from_addr, subject,"
                + " body_text, stored_at) select " + ticket + ", " + s.mailboxId() + ", 'IN', 'CUSTOMER', 'in-' || g,"
                + " '<seed-' || g || '@customer.example.test>', 'c' || (g % 50000) || '@example.test',"
                + " 'problem ' || (g % 500), 'The printer prints blank pages since yesterday; order ' || g || '.', "
                + s.created() + s.tickets());
        s.run("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, message_id, body_text, stored_at,"
                + " agent_id) select " + ticket + ", " + s.mailboxId() + ", 'OUT', 'REPLY', 'out-' || g,"
                + " '<seed-reply-' || g || '@bench.test>', 'Please update the driver and try again.', " + s.reply()
                + ", " + s.agent() + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.created()
                + ", 'postdesk', 'created', null" + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.reply()
                + ", 'agent1@bench.test', 'status', 'NEW -> PENDING'" + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.close()
                + ", 'agent1@bench.test', 'status', 'PENDING -> CLOSED'" + s.tickets() + " where g % 10 <> 0");
    }

    static String describe(int n, double seconds) {
        return String.format(Locale.ROOT, "%,d tickets (%,d messages) seeded in %.0f s", n, 2L * n, seconds);
    }
}
