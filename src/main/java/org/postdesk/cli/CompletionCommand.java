package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk completion bash}: a completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for postdesk (bash; zsh can load it with bashcompinit).",
        footer = {"", "Examples:", "  source <(postdesk completion bash)",
            "  postdesk completion bash > /etc/bash_completion.d/postdesk"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "The shell: bash (default).")
    private String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new UsageException("completion for '" + shell + "' is not available: use bash (zsh users: run"
                    + " 'autoload -U bashcompinit && bashcompinit' first)");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("postdesk", spec.root().commandLine()));
        return ExitCodes.OK;
    }
}
