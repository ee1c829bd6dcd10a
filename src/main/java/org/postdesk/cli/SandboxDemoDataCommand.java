package org.postdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postdesk.daemon.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk sandbox demo-data}: a throwaway store full of realistic tickets, for trying the reports. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = {"Create a throwaway store in --dir (an H2 database and a config file) filled with a few weeks"
            + " of realistic tickets, agents, categories and survey answers, and print the commands that run every"
            + " report against it. Never touches your configured store."},
        footer = {"", "Examples:", "  postdesk sandbox demo-data",
            "  postdesk sandbox demo-data --dir /tmp/pd-demo --weeks 8 --per-day 60"})
final class SandboxDemoDataCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "postdesk-demo",
            description = "Where the store and its config go; must not hold a store yet (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--weeks", paramLabel = "N", defaultValue = "6", description = "Weeks of history (default: ${DEFAULT-VALUE}).")
    private int weeks;

    @Option(names = "--per-day", paramLabel = "N", defaultValue = "40",
            description = "New tickets on an ordinary weekday (default: ${DEFAULT-VALUE}).")
    private int perDay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "12", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (weeks < 1 || weeks > 104 || perDay < 1 || perDay > 5000) {
            throw new UsageException("--weeks must be 1-104 and --per-day 1-5000, got " + weeks + " and " + perDay);
        }
        Path config = dir.resolve("postdesk.properties").toAbsolutePath();
        if (Files.exists(dir.resolve("postdesk.mv.db")) || Files.exists(config)) {
            throw new UsageException("directory " + dir + " already holds a demo store: remove it or choose another --dir");
        }
        Files.createDirectories(dir);
        Path abs = dir.toAbsolutePath();
        Files.writeString(config, "# Demo store made by 'postdesk sandbox demo-data'; delete the directory to throw it away.\n"
                + "db.url=jdbc:h2:file:" + abs.resolve("postdesk") + "\ndata.dir=" + abs + "\n", StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(PostdeskCommand.context(spec).environment().env());
        env.remove("POSTDESK_DB_URL");
        env.remove("POSTDESK_DATA_DIR");
        CliEnvironment real = PostdeskCommand.context(spec).environment();
        try (CliContext demo = new CliContext(config, new CliEnvironment(env, real.stdin(), real.consoleOrNull()))) {
            DemoData.Written w = new DemoData(seed, weeks, perDay).write(demo.database(), LocalDate.now(ZoneOffset.UTC));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%d tickets from %s to %s written to %s%n%n", w.tickets(), w.from(), w.to(), abs);
            out.println("Run the reports against it:");
            String p = "  scripts/postdesk --config " + config + " report ";
            for (String r : new String[] {"summary", "summary --by week", "agents", "categories", "arrivals", "problems",
                "staffing"}) {
                out.println(p + r);
            }
            out.println(p + "html --output " + abs.resolve("report.html"));
            out.println("\nDelete " + abs + " to throw it away.");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
