package org.postdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.postdesk.store.Database;
import org.postdesk.store.HistoryWriter;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.store.db.Sequences;
import org.postdesk.tickets.TicketNumber;

/**
 * Fills a store with N tickets of history in bulk SQL ({@code insert … select}, on H2 and PostgreSQL alike),
 * so a million tickets take minutes, not hours: each with its requester as participant, a customer mail that
 * has a Message-ID, an agent reply, status events, nine in ten closed, spread over two years before 2027, and
 * each marked as replayed by the SLA sweeper (a store in its steady state, not one never swept).
 * The tickets take their numbers from {@code ticket_number_seq}, as the daemon's do, with the check digit
 * {@link TicketNumber} computes (written to a helper table the bulk SQL joins, so the algorithm stays in one
 * place), and the sequence is moved past them: {@code postdesk ticket show} accepts every seeded number and
 * the next real ticket gets the next one.
 * Used by {@code scripts/seed-store}, {@code scripts/bench-reports} and {@code scripts/bench-ingest --prefill}.
 */
final class StoreSeed {
    /** Where the history begins; tickets are evenly spaced from here over two years. */
    static final String START = "2025-01-01 00:00:00+00";
    private static final int BATCH = 100_000;

    private StoreSeed() {
    }

    /** A mailbox and four agents, then {@link #tickets} into it; returns the seconds between two tickets. */
    static long seed(Database db, int n) {
        return seed(db, "support", n);
    }

    /** {@link #seed(Database, int)} into a new mailbox {@code name} ({@code name@bench.test}). */
    static long seed(Database db, String name, int n) {
        HistoryWriter w = new HistoryWriter(db.dsl());
        long mb = w.mailbox(name, name + "@bench.test");
        List<Long> agents = new ArrayList<>();
        for (int a = 1; a <= 4; a++) {
            agents.add(w.agent("Agent " + a, "agent" + a + "@bench.test", mb));
        }
        return tickets(db, n, mb, agents);
    }

    /**
     * {@code n} tickets of {@code mailboxId}, owned in turn by {@code agentIds} (none: unowned), in batches of
     * 100,000 (one transaction each, so H2 need not hold a million rows of undo); returns the seconds between
     * two tickets.
     */
    static long tickets(Database db, int n, long mailboxId, List<Long> agentIds) {
        long spacing = Math.max(1, Duration.ofDays(730).toSeconds() / Math.max(1, n));
        long before = db.dsl().nextval(Sequences.TICKET_NUMBER_SEQ);
        db.dsl().execute("alter sequence ticket_number_seq restart with " + (before + n));
        db.dsl().execute("create table if not exists seed_number (g bigint primary key, number bigint not null unique)");
        long t0 = System.nanoTime();
        for (int from = 1; from <= n; from += BATCH) {
            int to = Math.min(n, from + BATCH - 1);
            int lo = from;
            db.inTransactionRun(tx -> {
                numbers(tx, lo, to, before - 1);
                batch(new Sql(tx, spacing, mailboxId, List.copyOf(agentIds)));
                tx.execute("delete from seed_number");
            });
            Progress.say("  prefill: %,d / %,d tickets (%.0f s)", to, n, (System.nanoTime() - t0) / 1e9);
        }
        db.dsl().execute("drop table seed_number");
        new TicketSlaRepository(db.dsl()).setSyncedUntil(Instant.now());
        db.dsl().execute("ANALYZE");
        return spacing;
    }

    /** Row g's displayed ticket number, sequence value {@code base + g}, into {@code seed_number}. */
    private static void numbers(DSLContext tx, int lo, int hi, long base) {
        tx.connection(c -> insertNumbers(c, lo, hi, base));
    }

    private static void insertNumbers(Connection c, int lo, int hi, long base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into seed_number (g, number) values (?, ?)")) {
            for (int g = lo; g <= hi; g++) {
                ps.setLong(1, g);
                ps.setLong(2, TicketNumber.fromSequence(base + g).value());
                ps.addBatch();
                if (g % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** One batch of generated rows: the tickets g listed in {@code seed_number}. */
    private record Sql(DSLContext tx, long spacing, long mailboxId, List<Long> agents) {
        /** Rows g = lo..hi with their ticket number (column num). */
        String series() {
            return " from (select g, number as num from seed_number) s";
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

        /** Row g's ticket (column tid) and number (num), found by the number: identity values may have gaps. */
        String tickets() {
            return " from (select t.id as tid, n.g, n.number as num from ticket t join seed_number n on t.number = n.number) s";
        }

        /** Row g's owner: the agents in turn. */
        String agent() {
            if (agents.isEmpty()) {
                return "cast(null as bigint)";
            }
            StringBuilder sql = new StringBuilder("case mod(g, " + agents.size() + ")");
            for (int i = 0; i < agents.size(); i++) {
                sql.append(" when ").append(i).append(" then ").append(agents.get(i));
            }
            return sql.append(" end").toString();
        }

        void run(String sql) {
            tx.execute(sql);
        }
    }

    private static void batch(Sql s) {
        s.run("insert into ticket (number, mailbox_id, subject, status, priority, category, requester,"
                + " owner_agent_id, created_at, updated_at, closed_at) select num, " + s.mailboxId()
                + ", 'problem ' || (g % 500), case when g % 10 = 0 then 'PENDING' else 'CLOSED' end, 'NORMAL',"
                + " 'cat' || (g % 12), 'c' || (g % 50000) || '@example.test', " + s.agent() + ", " + s.created()
                + ", " + s.close() + ", case when g % 10 = 0 then null else " + s.close() + " end" + s.series());
        String ticket = "tid";
        s.run("insert into participant (ticket_id, address, role) select " + ticket + ", 'c' || (g % 50000) ||"
                + " '@example.test', 'REQUESTER'" + s.tickets());
        s.run("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, message_id, from_addr, subject,"
                + " body_text, stored_at) select " + ticket + ", " + s.mailboxId() + ", 'IN', 'CUSTOMER', 'in-' || num,"
                + " '<seed-' || num || '@customer.example.test>', 'c' || (g % 50000) || '@example.test',"
                + " 'problem ' || (g % 500), 'The printer prints blank pages since yesterday; order ' || g || '.', "
                + s.created() + s.tickets());
        s.run("insert into message (ticket_id, mailbox_id, direction, kind, dedupe_key, message_id, body_text, stored_at,"
                + " agent_id) select " + ticket + ", " + s.mailboxId() + ", 'OUT', 'REPLY', 'out-' || num,"
                + " '<seed-reply-' || num || '@bench.test>', 'Please update the driver and try again.', " + s.reply()
                + ", " + s.agent() + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.created()
                + ", 'postdesk', 'created', null" + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.reply()
                + ", 'agent1@bench.test', 'status', 'NEW -> PENDING'" + s.tickets());
        s.run("insert into ticket_event (ticket_id, at, actor, type, detail) select " + ticket + ", " + s.close()
                + ", 'agent1@bench.test', 'status', 'PENDING -> CLOSED'" + s.tickets() + " where g % 10 <> 0");
        // History the SLA sweeper has caught up with, as in a store that ran for two years: without a mark each
        // seeded ticket would be replayed once by the first daemon, hours of a core at a million tickets.
        s.run("insert into ticket_sla_mark (ticket_id, replayed_through) select t.id, t.updated_at from ticket t"
                + " join seed_number n on t.number = n.number");
    }

    static String describe(int n, double seconds) {
        return String.format(Locale.ROOT, "%,d tickets (%,d messages) seeded in %.0f s", n, 2L * n, seconds);
    }
}
