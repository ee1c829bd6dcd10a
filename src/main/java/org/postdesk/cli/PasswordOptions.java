package org.postdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a password comes from — never from an argument, which would land in shell history and
 * {@code ps}. Used as an exclusive argument group; with neither option the caller reads stdin.
 */
final class PasswordOptions {
    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from environment variable VAR.")
    String envVar;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
    Path file;

    /** SMTP's own password options; absent means SMTP logs in with the IMAP password. */
    static final class Smtp {
        @Option(names = "--smtp-password-env", paramLabel = "VAR",
                description = "SMTP uses other credentials: read its password from environment variable VAR.")
        String envVar;

        @Option(names = "--smtp-password-file", paramLabel = "FILE",
                description = "SMTP uses other credentials: read its password from the first line of FILE.")
        Path file;
    }

    /** Reads the password from VAR or FILE; throws {@link UsageException} naming the option when it is missing or empty. */
    static String read(String option, String envVar, Path file, CliEnvironment environment) {
        if (envVar != null) {
            String value = environment.env().get(envVar);
            return nonEmpty(value, option + "-env " + envVar + ": the environment variable is not set or empty");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return nonEmpty(text.lines().findFirst().orElse(""), option + "-file " + file + ": the file is empty");
        } catch (IOException e) {
            throw new UsageException(option + "-file " + file + ": cannot read: " + e);
        }
    }

    /** Prompts without echo on a console; otherwise takes one line of standard input (a pipe). */
    static String readStdin(String prompt, CliEnvironment environment) {
        if (environment.consoleOrNull() != null) {
            char[] typed = environment.consoleOrNull().readPassword("%s", prompt);
            return nonEmpty(typed == null ? null : new String(typed), "no password typed");
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8));
            return nonEmpty(in.readLine(), "no password: give --password-env VAR, --password-file FILE,"
                    + " or one line on standard input");
        } catch (IOException e) {
            throw new UsageException("cannot read the password from standard input: " + e.getMessage());
        }
    }

    private static String nonEmpty(String value, String problem) {
        if (value == null || value.isEmpty()) {
            throw new UsageException(problem);
        }
        return value;
    }
}
