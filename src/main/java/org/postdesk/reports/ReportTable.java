package org.postdesk.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report as rows and columns, for the table, CSV and HTML formats. Cells are plain values, or
 * {@link Seconds} and {@link Share} so each format can write them its own way (text "1h 30m", CSV 5400).
 */
public record ReportTable(String title, List<String> columns, List<List<Object>> rows, List<String> notes) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
        notes = List.copyOf(notes);
    }

    /** A duration in seconds; null values stay null cells. */
    public record Seconds(double value) {
        public static Seconds of(Double s) {
            return s == null ? null : new Seconds(s);
        }

        public static Seconds of(Long s) {
            return s == null ? null : new Seconds(s);
        }
    }

    /** A fraction from 0 to 1, shown as a percentage. */
    public record Share(double value) {
        public static Share of(Double s) {
            return s == null ? null : new Share(s);
        }
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(String title, String... columns) {
            this.title = title;
            this.columns = List.of(columns);
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(title + ": a row of " + cells.length + " cells for "
                        + columns.size() + " columns");
            }
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public ReportTable build() {
            return new ReportTable(title, columns, rows, notes);
        }
    }
}
