package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line registers only the top-level command it runs, and the whole tree wherever one is shown. */
class CommandTreeTest {
    private static CommandLine tree(String... args) {
        return Main.commandLine(new PostdeskCommand(new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]),
                null)), args);
    }

    @Test
    void aNamedCommandIsTheOnlyOneRegistered() {
        assertThat(tree("ticket", "list").getSubcommands()).containsOnlyKeys("ticket");
        assertThat(tree("--config", "run", "mailbox", "list").getSubcommands()).containsOnlyKeys("mailbox");
        assertThat(tree("--verbose", "--config=x.properties", "run").getSubcommands()).containsOnlyKeys("run");
        assertThat(tree("ticket", "list").getSubcommands().get("ticket").getSubcommands()).containsKeys("list", "show");
    }

    @Test
    void helpUnknownWordsAndCompletionSeeTheWholeTree() {
        int all = PostdeskCommand.SUBCOMMANDS.size();
        assertThat(tree().getSubcommands()).hasSize(all);
        assertThat(tree("--help").getSubcommands()).hasSize(all);
        assertThat(tree("--help", "ticket").getSubcommands()).hasSize(all);
        assertThat(tree("tikcet", "list").getSubcommands()).hasSize(all);
        assertThat(tree("completion", "bash").getSubcommands()).hasSize(all);
        assertThat(tree("--config").getSubcommands()).hasSize(all);
    }

    @Test
    void aMistypedCommandStillGetsItsSuggestion() {
        StringWriter err = new StringWriter();
        int code = Main.run(new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), null),
                new PrintWriter(new StringWriter()), new PrintWriter(err), "tikcet", "list");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ticket");
    }

    @Test
    void theRootHelpListsEveryCommand() {
        StringWriter out = new StringWriter();
        Main.run(new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), null), new PrintWriter(out),
                new PrintWriter(new StringWriter()), "--help");
        assertThat(out.toString()).contains("mailbox", "ticket", "template", "report", "sandbox", "completion");
    }
}
