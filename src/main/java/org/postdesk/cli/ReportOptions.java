package org.postdesk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options every {@code report} subcommand takes. */
final class ReportOptions {
    @Option(names = "--from", paramLabel = "DATE", description = "First day of the period (YYYY-MM-DD; default: 28 days before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period, included (default: today).")
    LocalDate to;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "Only this mailbox's tickets.")
    String mailbox;

    @Option(names = "--agent", paramLabel = "EMAIL|ID", description = "Only tickets this agent answered first, closed or holds.")
    String agent;

    @Option(names = "--category", paramLabel = "NAME", description = "Only tickets in this category.")
    String category;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, csv, json or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;
}
