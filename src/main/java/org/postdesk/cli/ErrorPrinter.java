package org.postdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints failures as one line on stderr; the stack trace only with {@code --verbose}. Usage errors
 * point at {@code --help} instead of dumping the whole usage text.
 */
final class ErrorPrinter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final ExitCodes codes = new ExitCodes();
    private final PostdeskCommand root;

    ErrorPrinter(PostdeskCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code = codes.getExitCode(e);
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        err.println(code == ExitCodes.INTERNAL ? "internal error: " + e : "error: " + text);
        if (root.verbose()) {
            e.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }
}
