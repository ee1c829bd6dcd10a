package org.postdesk.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML format: one self-contained page (no network needed, fit to mail as an attachment) with the
 * report's tables and its charts drawn by Apache ECharts, whose minified library is inlined from the WebJar in
 * the jar. Charts render as SVG; each chart's element gets {@code data-drawn="true"} once drawn and any script
 * error is written into {@code #report-errors}, so a headless browser can check the page.
 */
public final class HtmlReport {
    /** The ECharts build inlined into every page (the WebJar org.webjars.npm:echarts). */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /** A page with {@code charts} above {@code tables}. */
    public static String page(String title, List<ReportTable> tables, List<Chart> charts) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(HtmlTables.escape(title)).append("</title><style>").append(HtmlTables.CSS)
                .append("</style></head><body>\n<h1>").append(HtmlTables.escape(title)).append("</h1>\n")
                .append("<pre id=\"report-errors\" style=\"color:#b00\"></pre>\n");
        for (int i = 0; i < charts.size(); i++) {
            b.append("<h2>").append(HtmlTables.escape(charts.get(i).title())).append("</h2>\n<div class=\"chart\" id=\"chart-")
                    .append(i).append("\"></div>\n");
        }
        tables.forEach(t -> b.append(HtmlTables.table(t)));
        if (!charts.isEmpty()) {
            b.append("<script type=\"application/json\" id=\"chart-options\">")
                    .append(json(charts.stream().map(Chart::option).toList())).append("</script>\n")
                    .append("<script>\n").append(echarts()).append("\n</script>\n<script>\n").append(DRAW).append("</script>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static final String DRAW = "window.addEventListener('error', function (e) {"
            + " document.getElementById('report-errors').textContent += 'script error: ' + e.message + '\\n'; });\n"
            + "(function () {\n"
            + "  var options = JSON.parse(document.getElementById('chart-options').textContent);\n"
            + "  options.forEach(function (option, i) {\n"
            + "    var el = document.getElementById('chart-' + i);\n"
            + "    try {\n"
            + "      var chart = echarts.init(el, null, {renderer: 'svg'});\n"
            + "      option.animation = false;\n"
            + "      chart.setOption(option);\n"
            + "      el.setAttribute('data-drawn', 'true');\n"
            + "      window.addEventListener('resize', function () { chart.resize(); });\n"
            + "    } catch (err) {\n"
            + "      document.getElementById('report-errors').textContent += 'chart ' + i + ': ' + err + '\\n';\n"
            + "    }\n"
            + "  });\n"
            + "})();\n";

    /** JSON inside a script element: every '<' escaped, so no text can close the element. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart options as JSON", e);
        }
    }

    static String echarts() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("the charting library " + ECHARTS + " is missing from the class path:"
                        + " the build must include org.webjars.npm:echarts");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS, e);
        }
    }
}
