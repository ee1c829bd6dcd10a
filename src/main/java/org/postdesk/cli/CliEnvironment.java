package org.postdesk.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Map;

/**
 * What a command reads from outside its arguments: the environment, standard input, and the
 * console when there is one (to prompt for a password without echo). Tests pass their own.
 *
 * @param consoleOrNull null when input is piped or in tests: then a password is read as one line of stdin
 */
public record CliEnvironment(Map<String, String> env, InputStream stdin, Console consoleOrNull) {

    public CliEnvironment {
        env = Map.copyOf(env);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.in, System.console());
    }
}
