package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The conventions every command keeps: an example in --help, --json on read commands, --version, completion. */
class CliConventionsTest {
    private static final Set<String> READ_COMMANDS = Set.of("list", "show", "history", "validate");

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(new PostdeskCommand(new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]),
                null))), all);
        return all;
    }

    private static void collect(CommandLine cmd, List<CommandLine> into) {
        into.add(cmd);
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        List<String> without = allCommands().stream()
                .filter(c -> !c.getUsageMessage().contains("Example"))
                .map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertThat(without).as("commands whose --help has no example").isEmpty();
    }

    @Test
    void everyReadCommandHasJson() {
        List<String> without = allCommands().stream()
                .filter(c -> READ_COMMANDS.contains(c.getCommandName()))
                .filter(c -> c.getCommandSpec().findOption("--json") == null)
                .map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertThat(without).as("read commands without --json").isEmpty();
    }

    @Test
    void versionHelpExitCodesAndCompletion(@TempDir Path dir) throws IOException {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result version = cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("postdesk ");
        CliRunner.Result help = cli.run("--help");
        assertThat(help.out()).contains("Exit codes:").contains("3   configuration").contains("4   unavailable");
        CliRunner.Result completion = cli.run("completion", "bash");
        assertThat(completion.code()).as(completion.all()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("template").contains("rollback");
        CliRunner.Result zsh = cli.run("completion", "fish");
        assertThat(zsh.code()).isEqualTo(2);
        assertThat(zsh.err()).contains("completion for 'fish' is not available");
    }

    @Test
    void errorsAreOneLineWithoutStackTraceUnlessVerbose(@TempDir Path dir) throws IOException {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result quiet = cli.run("template", "show", "nope");
        assertThat(quiet.code()).isEqualTo(2);
        assertThat(quiet.err()).startsWith("error: template nope (en) does not exist").doesNotContain("\tat ");
        CliRunner.Result verbose = cli.run("--verbose", "template", "show", "nope");
        assertThat(verbose.err()).contains("\tat ");
    }
}
