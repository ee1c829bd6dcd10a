package org.postdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements an H2 database ran, read from its trace file ({@code TRACE_LEVEL_FILE=3} writes every one as
 * {@code /*SQL l:… t:ms*}{@code /text {1: literal, 2: …};}): one example of each distinct text, with its bind
 * values put back as the SQL literals H2 printed (they read the same on PostgreSQL), so each can be timed and
 * explained again. A parser of H2's own debug format, hand-written because no library reads it.
 */
final class TracedStatements {
    private static final Pattern LINE = Pattern.compile("^/\\*SQL[^*]*\\*/(.*?)(?: \\{(.*)\\})?;$");

    /** One traced statement: its text with placeholders, and the same with this run's values inlined. */
    record Traced(String shape, String inlined, int runs) {
    }

    private TracedStatements() {
    }

    /** The SELECTs of {@code traceFile} (other statements and H2's own are left out), first seen first. */
    static List<Traced> selects(Path traceFile) {
        return read(traceFile, false);
    }

    /**
     * {@link #selects} and the UPDATEs and DELETEs with a WHERE clause (they find their rows as a SELECT does,
     * and a scan there costs the same): everything whose plan depends on the store's size.
     */
    static List<Traced> lookups(Path traceFile) {
        return read(traceFile, true);
    }

    /** Whether {@code sql} only reads (may be run again to time it). */
    static boolean isSelect(String sql) {
        return sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select");
    }

    private static List<Traced> read(Path traceFile, boolean writes) {
        Map<String, Traced> byShape = new LinkedHashMap<>();
        if (!Files.exists(traceFile)) {
            return List.of();
        }
        // Streamed: an ingest trace holds every stored mail and runs to hundreds of MB.
        try (BufferedReader in = Files.newBufferedReader(traceFile, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!wanted(line, writes)) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                // H2 writes a double quote inside the SQL as \", the pool's and Flyway's own queries are left out.
                String shape = m.matches() ? m.group(1).replace("\\\"", "\"") : "";
                String lower = shape.toLowerCase(java.util.Locale.ROOT);
                // "select … from final table (insert …)" is how jOOQ reads H2's generated keys: an insert, not a lookup.
                boolean select = lower.startsWith("select") && lower.contains(" from ") && !lower.contains("from final table");
                boolean write = writes && (lower.startsWith("update") || lower.startsWith("delete"))
                        && lower.contains(" where ");
                if (!(select || write) || lower.contains("information_schema") || lower.contains("flyway_schema_history")) {
                    continue;
                }
                Traced seen = byShape.get(shape);
                byShape.put(shape, new Traced(shape, seen != null ? seen.inlined() : inline(shape, values(m.group(2))),
                        seen == null ? 1 : seen.runs() + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read H2 trace " + traceFile, e);
        }
        return List.copyOf(byShape.values());
    }

    /** A cheap look at the statement's first word, before the pattern runs on a line that may hold a whole mail. */
    private static boolean wanted(String line, boolean writes) {
        int end = line.indexOf("*/");
        if (!line.startsWith("/*SQL") || end < 0) {
            return false;
        }
        String head = line.substring(end + 2, Math.min(line.length(), end + 9)).toLowerCase(java.util.Locale.ROOT);
        return head.startsWith("select") || writes && (head.startsWith("update") || head.startsWith("delete"));
    }

    /** {@code 1: CAST(5 AS BIGINT), 2: 'it''s'} → the literals in order (commas inside quotes kept). */
    static List<String> values(String params) {
        List<String> out = new ArrayList<>();
        if (params == null || params.isBlank()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (char c : params.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(stripIndex(cur.toString()));
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(stripIndex(cur.toString()));
        return out;
    }

    private static String stripIndex(String item) {
        String s = item.strip();
        return s.substring(s.indexOf(':') + 1).strip();
    }

    /** {@code sql} with each {@code ?} outside a string literal replaced by the next value. */
    static String inline(String sql, List<String> values) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && next < values.size()) {
                out.append(values.get(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
