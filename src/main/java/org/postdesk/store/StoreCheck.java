package org.postdesk.store;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up integrity check: with the engine's own means, is the store readable and consistent?
 *
 * <ul>
 * <li>H2: opening the file already made MVStore validate its newest chunks; the check then reads every row of
 *     every table, so each page is read and decoded once (a damaged page fails here, at start, instead of in
 *     the middle of a customer's mail).</li>
 * <li>PostgreSQL: {@code amcheck}'s {@code bt_index_check} on every index when the extension is installed
 *     ({@code CREATE EXTENSION amcheck}); otherwise only a sanity query, since the server checks its own pages
 *     (and page checksums, when the cluster has them).</li>
 * <li>Both: the ticket number sequence is ahead of every stored number, so no number is handed out twice.</li>
 * </ul>
 * Nothing is changed; the findings are logged and returned.
 */
public final class StoreCheck {
    private static final Logger log = LoggerFactory.getLogger(StoreCheck.class);

    private final Database db;

    public StoreCheck(Database db) {
        this.db = db;
    }

    /** What the check found: {@code faults} is empty when the store is sound. */
    public record Report(List<String> faults, String summary) {
        public Report {
            faults = List.copyOf(faults);
        }

        public boolean ok() {
            return faults.isEmpty();
        }
    }

    /** Runs the check and logs the result: INFO when sound, ERROR naming each fault and what to do otherwise. */
    public Report run() {
        long started = System.nanoTime();
        List<String> faults = new ArrayList<>();
        String engine;
        try {
            engine = db.isH2() ? readEveryRow(faults) : checkIndexes(faults);
            checkTicketSequence(faults);
        } catch (RuntimeException e) {
            faults.add("the check itself failed: " + e);
            engine = "stopped by an error";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Report report = new Report(faults, engine + " in " + millis + " ms");
        if (report.ok()) {
            log.info("store check: {}; no fault found", report.summary());
        } else {
            log.error("store check: {}; {} fault(s): {}. The store may be damaged: stop the daemon, keep a copy of"
                    + " the database, and restore the latest backup (README: Backups)", report.summary(),
                    faults.size(), String.join("; ", faults));
        }
        return report;
    }

    private String readEveryRow(List<String> faults) {
        DSLContext dsl = db.dsl();
        List<String> tables = dsl.fetchValues("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
                .stream().map(String::valueOf).toList();
        long rows = 0;
        for (String table : tables) {
            try (Cursor<Record> cursor = dsl.selectFrom(DSL.table(DSL.name(table))).fetchLazy()) {
                while (cursor.fetchNext() != null) {
                    rows++;
                }
            } catch (RuntimeException e) {
                faults.add("table " + table + " cannot be read: " + e.getMessage());
            }
        }
        return "H2 " + dsl.fetchValue("select h2version()") + ": read " + rows + " rows of " + tables.size() + " tables";
    }

    private String checkIndexes(List<String> faults) {
        DSLContext dsl = db.dsl();
        dsl.fetchValue("select 1");
        if (longValue("select count(*) from pg_extension where extname = 'amcheck'") == 0) {
            return "PostgreSQL: reachable (amcheck not installed: CREATE EXTENSION amcheck to check the indexes too)";
        }
        List<String> indexes = dsl.fetchValues("select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " join pg_namespace n on n.oid = c.relnamespace join pg_am a on a.oid = c.relam"
                + " where n.nspname = current_schema() and a.amname = 'btree' order by 1")
                .stream().map(String::valueOf).toList();
        for (String index : indexes) {
            try {
                dsl.execute("select bt_index_check({0}::regclass)", DSL.inline(index));
            } catch (RuntimeException e) {
                faults.add("index " + index + ": " + e.getMessage());
            }
        }
        return "PostgreSQL: amcheck verified " + indexes.size() + " indexes";
    }

    private Long longValue(String sql) {
        Record row = db.dsl().fetchOne(sql);
        return row == null ? null : row.get(0, Long.class);
    }

    /** A store that lost the sequence's advance but kept a ticket would give that number to a second ticket. */
    private void checkTicketSequence(List<String> faults) {
        Long highest = longValue("select max(number) from ticket");
        if (highest == null) {
            return;
        }
        long next = db.isH2()
                ? longValue("select base_value from information_schema.sequences"
                        + " where sequence_name = 'ticket_number_seq'")
                : longValue("select case when is_called then last_value + 1 else last_value end"
                        + " from ticket_number_seq");
        long highestSequence = highest / 10; // the displayed number ends in its check digit
        if (next <= highestSequence) {
            faults.add("ticket_number_seq would hand out " + next + " next, but ticket " + highest
                    + " already exists (ALTER SEQUENCE ticket_number_seq RESTART WITH " + (highestSequence + 1) + ")");
        }
    }
}
