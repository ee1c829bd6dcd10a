package org.postdesk.tickets.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code #command} lines of an agent's reply, already cut by {@link ReplyTrimmer}.
 *
 * <p>Commands form a block at the top: every line starting with {@code #}, with blank lines before
 * and between them. The first other non-blank line ends the block. Inside the block every {@code #}
 * line is either a command or a {@link CommandError}; both are taken out of the text, so a mistyped
 * command never reaches the customer.
 *
 * <p>Agents also end a reply with a command ("Fixed, thanks.", then {@code #close}), so the last
 * lines of the text form a second block when each of them names a known command: a line whose first
 * word is not a command name ({@code #1 tip}, a hashtag) ends that block and stays text, as does any
 * {@code #} line in the middle of the text. A known name with a bad argument at the bottom
 * ({@code #priority hgh}) is an error, as at the top: it was meant as a command and must not reach
 * the customer.
 *
 * <p>The exception is {@code #answer NAME}: it may stand anywhere, in the block or inside the
 * text, and always stays in the text at its place, because the caller replaces it there with the
 * canned answer (see {@link #withAnswers}). It is also returned as an {@link CommandVerb#ANSWER}
 * command, so the caller can check the name exists. In the text only well-formed ones count; a
 * malformed one is just text.
 */
public final class CommandParser {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ANSWER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_#&/])#answer[ \\t]+(" + ArgumentRule.NAME_TOKEN.pattern() + ")(?![\\p{L}\\p{N}_-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Splits {@code trimmedReply} into commands, command errors and the text for the customer. */
    public ParsedReply parse(String trimmedReply) {
        Objects.requireNonNull(trimmedReply, "trimmedReply");
        String[] lines = LINE_BREAK.split(trimmedReply, -1);
        List<AgentCommand> commands = new ArrayList<>();
        List<CommandError> errors = new ArrayList<>();
        boolean[] removed = new boolean[lines.length];
        int first = 0;
        for (; first < lines.length; first++) {
            String line = cleaned(lines[first]);
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            removed[first] = !readCommand(line, first + 1, commands, errors);
        }
        int bottom = bottomBlock(lines, first);
        for (int i = first; i < bottom; i++) {
            commands.addAll(answersIn(lines[i], i + 1));
        }
        for (int i = bottom; i < lines.length; i++) {
            String line = cleaned(lines[i]);
            if (!line.isEmpty()) {
                removed[i] = !readCommand(line, i + 1, commands, errors);
            }
        }
        return new ParsedReply(commands, errors, text(lines, removed, bottom));
    }

    /**
     * Where the command block at the bottom starts: the first of the trailing lines after
     * {@code first} that are blank or name a known command ({@code lines.length} when there is none).
     * {@code #answer} ends it: it is text at its place.
     */
    private static int bottomBlock(String[] lines, int first) {
        int bottom = lines.length;
        for (int i = lines.length - 1; i >= first; i--) {
            String line = cleaned(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            if (!namesACommand(line)) {
                break;
            }
            bottom = i;
        }
        return bottom;
    }

    private static boolean namesACommand(String line) {
        if (!line.startsWith("#") || line.length() < 2 || Character.isWhitespace(line.charAt(1))) {
            return false;
        }
        Optional<CommandVerb> verb = CommandVerb.byName(WHITESPACE.split(line.substring(1), 2)[0]);
        return verb.isPresent() && verb.get() != CommandVerb.ANSWER;
    }

    private static String cleaned(String line) {
        return line.replace('\u00a0', ' ').strip();
    }

    /**
     * {@code text} with every {@code #answer NAME} whose name is a key of {@code answersByName}
     * replaced by its value. Keys are lower-case, as in {@link AgentCommand#args()}; unknown names
     * stay as typed.
     */
    public static String withAnswers(String text, Map<String, String> answersByName) {
        return ANSWER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                answersByName.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), m.group())));
    }

    /** One line naming every command, to send back to an agent who mistyped one. */
    public static String help() {
        return Arrays.stream(CommandVerb.values()).map(CommandVerb::usage)
                .collect(Collectors.joining(", ",
                        "Commands (one per line, at the top or the bottom of your reply): ",
                        "; #answer NAME also works inside the text."));
    }

    /** Adds the command or error on {@code line}; true when the line stays in the text. */
    private static boolean readCommand(String line, int number, List<AgentCommand> commands,
            List<CommandError> errors) {
        String rest = line.substring(1);
        if (rest.isEmpty() || Character.isWhitespace(rest.charAt(0))) {
            errors.add(new CommandError(number, line, "expected a command name right after '#'"));
            return false;
        }
        List<String> words = List.of(WHITESPACE.split(rest));
        Optional<CommandVerb> verb = CommandVerb.byName(words.get(0));
        if (verb.isEmpty()) {
            errors.add(new CommandError(number, line, "unknown command #" + words.get(0)));
            return false;
        }
        ArgumentRule.Outcome outcome = verb.get().rule().check(words.subList(1, words.size()));
        if (outcome.problem() != null) {
            errors.add(new CommandError(number, line, "#" + verb.get().command() + " " + outcome.problem()));
            return false;
        }
        commands.add(new AgentCommand(verb.get(), outcome.args(), number));
        return verb.get() == CommandVerb.ANSWER;
    }

    private static List<AgentCommand> answersIn(String line, int number) {
        List<AgentCommand> answers = new ArrayList<>();
        Matcher m = ANSWER.matcher(line);
        while (m.find()) {
            answers.add(new AgentCommand(CommandVerb.ANSWER,
                    List.of(m.group(1).toLowerCase(Locale.ROOT)), number));
        }
        return answers;
    }

    /**
     * The lines not removed, without the blank lines the command block leaves at the top, and
     * without the blank lines before and in the bottom block when it was taken out.
     */
    private static String text(String[] lines, boolean[] removed, int bottom) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!removed[i] && !(kept.isEmpty() && lines[i].isBlank()) && !(i >= bottom && lines[i].isBlank())) {
                kept.add(lines[i]);
            }
        }
        if (bottom < lines.length) {
            while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                kept.remove(kept.size() - 1);
            }
        }
        return String.join("\n", kept);
    }
}
