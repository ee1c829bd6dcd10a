package org.postdesk.reports;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV for spreadsheets: one header line, durations in seconds, shares as fractions (0.87), CRLF.
 * Several tables are separated by a blank line and a line with the title. Hand-written: quoting one
 * field is four lines, not worth a dependency.
 */
public final class CsvFormat {
    private CsvFormat() {
    }

    public static String write(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder();
        for (ReportTable t : tables) {
            if (tables.size() > 1) {
                if (out.length() > 0) {
                    out.append("\r\n");
                }
                out.append(field(t.title())).append("\r\n");
            }
            out.append(t.columns().stream().map(CsvFormat::field).collect(Collectors.joining(","))).append("\r\n");
            for (List<Object> row : t.rows()) {
                out.append(row.stream().map(CsvFormat::value).collect(Collectors.joining(","))).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof ReportTable.Seconds s) {
            return String.valueOf(Math.round(s.value()));
        }
        if (v instanceof ReportTable.Share s) {
            return String.format(Locale.ROOT, "%.4f", s.value());
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return field(v.toString());
    }

    static String field(String s) {
        // A leading = + - @ makes spreadsheets evaluate the cell (CSV injection): quote and prefix with '.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || !safe.equals(s)) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
