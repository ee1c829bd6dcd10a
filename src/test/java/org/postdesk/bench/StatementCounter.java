package org.postdesk.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.postdesk.store.Database;

/**
 * Counts the statements the store runs, by kind, and the commits: a jOOQ transaction's commit, and every
 * statement run outside one (auto-commit). Only the benchmark installs it ({@link Database.StoreListeners}).
 */
final class StatementCounter implements ExecuteListener, TransactionListener {
    private static final long serialVersionUID = 1L;

    private final LongAdder selects = new LongAdder();
    private final LongAdder inserts = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder others = new LongAdder();
    private final LongAdder commits = new LongAdder();
    /** Statement text to count, when {@code --sql-profile} asked for the most frequent statements; else null. */
    private final Map<String, LongAdder> texts;

    StatementCounter(boolean profile) {
        this.texts = profile ? new ConcurrentHashMap<>() : null;
    }

    /** The {@code n} most frequent statements since the start, most frequent first (empty without a profile). */
    List<Map.Entry<String, Long>> top(int n) {
        if (texts == null) {
            return List.of();
        }
        return texts.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }

    /** The counts at one moment; subtract two to get a phase's. */
    record Counts(long selects, long inserts, long updates, long deletes, long others, long commits) {
        Counts minus(Counts o) {
            return new Counts(selects - o.selects, inserts - o.inserts, updates - o.updates, deletes - o.deletes,
                    others - o.others, commits - o.commits);
        }

        long statements() {
            return selects + inserts + updates + deletes + others;
        }
    }

    Database.StoreListeners listeners() {
        return new Database.StoreListeners(this, this);
    }

    Counts now() {
        return new Counts(selects.sum(), inserts.sum(), updates.sum(), deletes.sum(), others.sum(), commits.sum());
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        String sql = ctx.sql();
        if (texts != null && sql != null) {
            texts.computeIfAbsent(callers() + "  " + sql, k -> new LongAdder()).increment();
        }
        String verb = sql == null ? "" : sql.stripLeading();
        verb = verb.substring(0, Math.min(6, verb.length())).toLowerCase(java.util.Locale.ROOT);
        // On H2, jOOQ renders INSERT ... RETURNING as "select ... from final table (insert ...)", and with
        // ON CONFLICT DO NOTHING as "... final table (merge ...)": both are writes.
        boolean merge = sql != null && sql.contains("final table (");
        switch (merge ? "insert" : verb) {
            case "select", "with r" -> selects.increment();
            case "insert", "merge " -> inserts.increment();
            case "update" -> updates.increment();
            case "delete" -> deletes.increment();
            default -> others.increment();
        }
        try {
            if (ctx.connection() != null && ctx.connection().getAutoCommit()) {
                commits.increment();
            }
        } catch (SQLException e) {
            // the connection went away; the statement's own failure is reported to its caller
        }
    }

    /** The innermost Postdesk frames outside the store that led to this statement: where to look. */
    private static String callers() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.postdesk.") && !c.startsWith("org.postdesk.bench.") && n++ < 3) {
                sb.append(n > 1 ? "<" : "").append(c.substring(c.lastIndexOf('.') + 1)).append('.')
                        .append(e.getMethodName());
            }
        }
        return sb.toString();
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        commits.increment();
    }
}
