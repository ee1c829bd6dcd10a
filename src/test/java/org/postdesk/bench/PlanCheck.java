package org.postdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postdesk.store.Database;

/**
 * Times each traced SELECT on every store and shows how it is answered: the index H2 picks for each table
 * ({@code /* public.ix: cond *}{@code /} in its EXPLAIN) and PostgreSQL's scan nodes, with {@code SCAN} where a
 * table is read whole. Part of {@code scripts/bench-cli}.
 */
final class PlanCheck {
    private static final int RUNS = 5;
    private static final Pattern H2_ACCESS = Pattern.compile("/\\* (public\\.[^*]*?) \\*/");
    private static final Pattern PG_NODE = Pattern.compile("((?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan"
            + "(?: using \\S+)?(?: on \\S+)?)");

    private final List<CliBenchmark.Store> stores;

    PlanCheck(List<CliBenchmark.Store> stores) {
        this.stores = stores;
    }

    void report(List<TracedStatements.Traced> statements) {
        List<Database> dbs = stores.stream().map(s -> Database.open(s.settings())).toList();
        try {
            System.out.printf(Locale.ROOT, "%n%d distinct SELECTs; median of %d runs per store, ms; the plan of each"
                    + " (SCAN: a whole table read):%n", statements.size(), RUNS);
            int i = 0;
            for (TracedStatements.Traced t : statements) {
                System.out.printf(Locale.ROOT, "%n[%d] %s%n", ++i, abbreviate(t.shape()));
                for (int s = 0; s < stores.size(); s++) {
                    one(stores.get(s).label(), dbs.get(s), t.inlined());
                }
            }
        } finally {
            dbs.forEach(Database::close);
        }
    }

    private static void one(String label, Database db, String traced) {
        String sql = db.isH2() ? traced : forPostgres(traced);
        try {
            // An UPDATE or DELETE is explained (EXPLAIN does not run it on either store), not timed.
            String time = "  explained";
            if (TracedStatements.isSelect(sql)) {
                long[] ns = new long[RUNS];
                for (int r = 0; r < RUNS; r++) {
                    long t0 = System.nanoTime();
                    db.dsl().fetch(sql);
                    ns[r] = System.nanoTime() - t0;
                }
                Arrays.sort(ns);
                time = String.format(Locale.ROOT, "%8.2f ms", ns[RUNS / 2] / 1e6);
            }
            String plan = db.dsl().fetch("EXPLAIN " + sql).stream().map(r -> String.valueOf(r.get(0)))
                    .collect(Collectors.joining("\n"));
            System.out.printf(Locale.ROOT, "  %-10s %s  %s%n", label, time, db.isH2() ? h2Access(plan) : pgAccess(plan));
        } catch (RuntimeException e) {
            System.out.printf(Locale.ROOT, "  %-10s failed: %s%n", label, e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * H2's trace in PostgreSQL's words where they differ: an UPDATE's SET names bare columns, and a sequence is
     * read with nextval.
     */
    static String forPostgres(String sql) {
        String s = sql.replaceAll("next value for \"([^\"]+)\"", "nextval('$1')");
        Matcher set = Pattern.compile("(?is)^(update \"[^\"]+\" set )(.*?)( where .*)$").matcher(s);
        if (set.matches()) {
            s = set.group(1) + set.group(2).replaceAll("\"[^\"]+\"\\.(\"[^\"]+\") =", "$1 =") + set.group(3);
        }
        return s;
    }

    static String h2Access(String plan) {
        List<String> found = new ArrayList<>();
        Matcher m = H2_ACCESS.matcher(plan);
        while (m.find()) {
            String access = m.group(1).replaceAll("\\s+", " ");
            found.add(access.contains(".tableScan") ? "SCAN " + access : access);
        }
        return found.isEmpty() ? "(no table)" : String.join(" | ", found);
    }

    static String pgAccess(String plan) {
        List<String> found = new ArrayList<>();
        Matcher m = PG_NODE.matcher(plan);
        while (m.find()) {
            found.add(m.group(1).startsWith("Seq Scan") ? "SCAN " + m.group(1) : m.group(1));
        }
        return found.isEmpty() ? "(no table)" : String.join(" | ", found);
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
