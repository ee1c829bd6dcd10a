package org.postdesk.reports;

import java.util.List;
import java.util.Locale;

/** Plain-text tables for a terminal: aligned columns, durations as "1h 30m", shares as "87%". */
public final class TextFormat {
    private TextFormat() {
    }

    public static String write(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder();
        for (ReportTable t : tables) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t.title()).append('\n');
            if (t.rows().size() == 1 && t.columns().size() > 4) {
                vertical(t, out);
            } else {
                aligned(t, out);
            }
            t.notes().forEach(n -> out.append(n).append('\n'));
        }
        return out.toString();
    }

    private static void vertical(ReportTable t, StringBuilder out) {
        int width = t.columns().stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < t.columns().size(); i++) {
            out.append("  ").append(pad(t.columns().get(i), width)).append("  ").append(cell(t.rows().get(0).get(i)))
                    .append('\n');
        }
    }

    private static void aligned(ReportTable t, StringBuilder out) {
        int[] widths = new int[t.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = t.columns().get(i).length();
            for (List<Object> r : t.rows()) {
                widths[i] = Math.max(widths[i], cell(r.get(i)).length());
            }
        }
        line(t.columns().stream().map(Object.class::cast).toList(), widths, out);
        for (List<Object> r : t.rows()) {
            line(r, widths, out);
        }
    }

    private static void line(List<Object> cells, int[] widths, StringBuilder out) {
        StringBuilder l = new StringBuilder(" ");
        for (int i = 0; i < cells.size(); i++) {
            l.append(' ').append(pad(cell(cells.get(i)), widths[i])).append(' ');
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** How one cell reads: "-" for nothing. */
    public static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof ReportTable.Seconds s) {
            return duration(s.value());
        }
        if (v instanceof ReportTable.Share s) {
            return String.format(Locale.ROOT, "%.0f%%", s.value() * 100);
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return v.toString();
    }

    /** 5400 → "1h 30m"; 14400 → "4h"; 200000 → "2d 7h 33m"; under a minute → "45s". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        long[] parts = {s / 86400, s % 86400 / 3600, s % 3600 / 60};
        String[] units = {"d", "h", "m"};
        StringBuilder b = new StringBuilder();
        int last = parts[2] != 0 ? 2 : parts[1] != 0 ? 1 : 0;
        for (int i = 0; i <= last; i++) {
            if (parts[i] != 0 || b.length() > 0) {
                b.append(b.length() > 0 ? " " : "").append(parts[i]).append(units[i]);
            }
        }
        return b.toString();
    }
}
