package org.postdesk.reports;

import java.util.List;

/** Report tables as HTML, every text escaped. */
final class HtmlTables {
    static final String CSS = "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
            + "table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right;font-size:13px}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
            + "h1{font-size:22px}h2{font-size:17px;margin-top:28px}.note{color:#666;font-size:12px}"
            + ".chart{width:100%;max-width:1100px;height:340px;margin:8px 0 24px}";

    private HtmlTables() {
    }

    static String table(ReportTable t) {
        StringBuilder b = new StringBuilder("<h2>").append(escape(t.title())).append("</h2>\n<table><tr>");
        t.columns().forEach(c -> b.append("<th>").append(escape(c)).append("</th>"));
        b.append("</tr>\n");
        for (List<Object> row : t.rows()) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(escape(TextFormat.cell(c))).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        t.notes().forEach(n -> b.append("<p class=\"note\">").append(escape(n)).append("</p>\n"));
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
