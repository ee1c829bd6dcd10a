package org.postdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.postdesk.reports.CsvFormat;
import org.postdesk.reports.FactRefresher;
import org.postdesk.reports.Grouping;
import org.postdesk.reports.HtmlReport;
import org.postdesk.reports.Report;
import org.postdesk.reports.ReportFilter;
import org.postdesk.reports.ReportPeriods;
import org.postdesk.reports.ReportSetup;
import org.postdesk.reports.Targets;
import org.postdesk.reports.TextFormat;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the report commands share: resolving the options, refreshing the facts, and writing the chosen format. */
final class ReportRunner {
    private final CommandSpec spec;
    private final ReportOptions options;
    private final Database db;
    private final Targets targets;

    ReportRunner(CommandSpec spec, ReportOptions options) {
        this.spec = spec;
        this.options = options;
        CliContext ctx = PostdeskCommand.context(spec);
        this.targets = ReportSetup.targets(ctx.config().reports());
        this.db = ctx.database();
    }

    Targets targets() {
        return targets;
    }

    DSLContext dsl() {
        return db.dsl();
    }

    /** The filter from the options; the facts are brought up to date first. */
    ReportFilter filter() {
        format();
        if (options.from != null && options.to != null && options.to.isBefore(options.from)) {
            throw new ParameterException(spec.commandLine(), "--to " + options.to + " is before --from " + options.from
                    + ": give the first day, then the last");
        }
        new FactRefresher(db, targets.working(), Clock.systemUTC()).refresh();
        Instant[] period = ReportPeriods.resolve(options.from, options.to, targets.working().zone(), Instant.now());
        Long mailbox = options.mailbox == null ? null : new MailboxRepository(dsl()).byName(options.mailbox)
                .orElseThrow(() -> new UsageException("mailbox " + options.mailbox + " does not exist (see: postdesk"
                        + " mailbox list)")).id();
        Long agent = options.agent == null ? null : AgentShowCommand.find(new AgentRepository(dsl()), options.agent).id();
        return new ReportFilter(period[0], period[1], mailbox, agent, options.category, null);
    }

    static Grouping grouping(CommandSpec spec, String by) {
        if (by == null) {
            return null;
        }
        try {
            return Grouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--by '" + by
                    + "' is not a grouping: use day, week, month, agent, category, mailbox or priority");
        }
    }

    private String format() {
        String f = options.format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("table", "csv", "json", "html").contains(f)) {
            throw new ParameterException(spec.commandLine(), "--format '" + options.format
                    + "' is not a format: use table, csv, json or html");
        }
        return f;
    }

    /** Writes {@code report} in the chosen format to the output file or standard output. */
    int write(Report report, Function<Report, String> html) {
        String text;
        switch (format()) {
            case "csv":
                text = CsvFormat.write(report.tables());
                break;
            case "json":
                text = Json.write(report.data()) + "\n";
                break;
            case "html":
                text = html.apply(report);
                break;
            default:
                text = TextFormat.write(report.tables());
        }
        if (options.output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(options.output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + options.output + ": " + e.getMessage()
                    + " (check the directory exists and is writable)");
        }
        spec.commandLine().getOut().println("report written to " + options.output);
        return ExitCodes.OK;
    }

    int write(Report report) {
        return write(report, r -> HtmlReport.page(r.title(), r.tables(), r.charts()));
    }
}
