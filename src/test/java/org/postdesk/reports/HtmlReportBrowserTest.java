package org.postdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.Database;
import org.postdesk.store.TestDatabases;

/**
 * Opens the HTML report of the fixture in headless Chromium (skipped where it is not installed:
 * {@code apt-get install chromium}) and checks that no script failed and every chart drew an SVG with shapes.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void everyChartDrawsInHeadlessChromium() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "chromium is not installed");
        Path page = dir.resolve("report.html");
        try (Database db = TestDatabases.h2()) {
            db.inTransaction(ReportFixture::write);
            new FactRefresher(db, ReportFixture.HOURS, Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC))
                    .refresh();
            Dashboard d = Dashboard.run(db.dsl(), ReportFixture.TARGETS, new ReportFilter(ReportFixture.MON,
                    ReportFixture.NEXT_MON, null, null, null, null), "Fixture");
            Files.writeString(page, d.html(), StandardCharsets.UTF_8);
            assertThat(d.charts()).hasSize(6);
        }
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toString()).redirectError(dir.resolve("chromium.err").toFile())
                .redirectOutput(dir.resolve("dom.html").toFile()).start();
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        assertThat(dom).contains("<pre id=\"report-errors\" style=\"color:#b00\"></pre>");
        Matcher charts = Pattern.compile("<div class=\"chart\" id=\"chart-(\\d)\"[^>]*data-drawn=\"true\"[^>]*>(.*?)</div>",
                Pattern.DOTALL).matcher(dom);
        int drawn = 0;
        while (charts.find()) {
            drawn++;
            assertThat(charts.group(2)).as("chart " + charts.group(1)).contains("<svg").containsPattern("<(path|rect|text)");
        }
        assertThat(drawn).isEqualTo(6);
    }

    private static String chromium() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                File f = new File(dirName, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return null;
    }
}
