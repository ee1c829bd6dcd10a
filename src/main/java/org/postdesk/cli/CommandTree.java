package org.postdesk.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Which top-level commands a command line registers (issue 16: a CLI command in under a second). Picocli builds
 * the model of every registered command by reflection before it parses anything, about 0.3 s of CPU for the whole
 * tree of ~100 commands; a run of {@code postdesk ticket list} needs only {@code ticket}'s. So when the arguments
 * name a top-level command, only that one is registered. Everything that shows or walks the whole tree gets all
 * of them: no command word ({@code postdesk}, {@code postdesk --help}), a help or version option before the word,
 * an unknown word (so the "did you mean" suggestions see every name) and {@code completion}.
 */
final class CommandTree {
    /** The root's options that take a value: the word after them is not a command. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config");
    private static final Set<String> WHOLE_TREE_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    private static final Set<String> WHOLE_TREE_COMMANDS = Set.of("completion");

    private CommandTree() {
    }

    /** Adds to {@code root} the commands {@code args} need: the one they name, or all. */
    static void register(CommandLine root, List<Class<?>> commands, String... args) {
        List<Class<?>> chosen = chosen(commands, args);
        for (Class<?> command : chosen) {
            root.addSubcommand(command);
        }
    }

    /** The one command of {@code commands} that {@code args} name, else all of them. */
    static List<Class<?>> chosen(List<Class<?>> commands, String... args) {
        String word = commandWord(args);
        if (word == null || WHOLE_TREE_COMMANDS.contains(word)) {
            return commands;
        }
        return commands.stream().filter(c -> names(c).contains(word)).findFirst()
                .<List<Class<?>>>map(List::of).orElse(commands);
    }

    /** The first argument that is not a root option or an option's value; null when none, or after --help/--version. */
    static String commandWord(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (WHOLE_TREE_OPTIONS.contains(arg)) {
                return null;
            }
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(Arrays.asList(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }
}
