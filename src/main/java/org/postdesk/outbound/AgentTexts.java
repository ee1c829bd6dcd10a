package org.postdesk.outbound;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.ReplyTrimmer;

/**
 * The few texts Postdesk writes into agent notices outside the templates — the one-line command help and
 * the reasons a command line was refused — in the notice's language (English, Russian, Ukrainian; English
 * for any other). The reasons are made in English by the command parser and checks; each known wording
 * has its translation here, and a wording without one stays English rather than being lost.
 */
public final class AgentTexts {
    private static final Map<String, String[]> HELP = Map.of(
            "en", new String[] {"Commands (one per line, at the top or the bottom of your reply): ",
                "; #answer NAME also works inside the text."},
            "ru", new String[] {"Команды (по одной в строке, в начале или в конце ответа): ",
                "; #answer ИМЯ можно писать и внутри текста."},
            "uk", new String[] {"Команди (по одній у рядку, на початку або в кінці відповіді): ",
                "; #answer НАЗВА можна писати й усередині тексту."});

    private static final Pattern LINE = Pattern.compile("line (\\d+): (\".*\"): (.*)", Pattern.DOTALL);
    private static final Map<String, String> LINE_WORD = Map.of("ru", "строка", "uk", "рядок");
    /** English reason → Russian and Ukrainian; {@code $1}… are the pattern's groups. */
    private static final Map<Pattern, String[]> REASONS = reasons();

    private AgentTexts() {
    }

    /** The command help line in {@code locale}. */
    public static String help(String locale) {
        String[] frame = HELP.getOrDefault(language(locale), HELP.get("en"));
        return Arrays.stream(CommandVerb.values()).map(CommandVerb::usage)
                .collect(Collectors.joining(", ", frame[0], frame[1]));
    }

    /**
     * How notices sent before commands were also read at the bottom of a reply (session 7) began their help line:
     * agents still answer those notices, and the quoted line must never reach a customer.
     */
    private static final List<String> EARLIER_HELP = List.of(ReplyTrimmer.EARLIER_HELP_PREFIX,
            "Команды (по одной в строке, в начале ответа):", "Команди (по одній у рядку, на початку відповіді):");

    /** How the help line begins in every language, for the reply extractor to recognise it when quoted. */
    public static List<String> helpPrefixes() {
        return Stream.concat(HELP.values().stream().map(frame -> frame[0].strip()),
                EARLIER_HELP.stream()).sorted().toList();
    }

    /** A refused line, {@code line N: "text": reason} as the checks write it, in {@code locale}. */
    public static String problem(String english, String locale) {
        String lang = language(locale);
        Matcher m = LINE.matcher(english);
        if (!LINE_WORD.containsKey(lang) || !m.matches()) {
            return english;
        }
        return LINE_WORD.get(lang) + " " + m.group(1) + ": " + m.group(2) + ": " + reason(m.group(3), lang);
    }

    /** A reason on its own (no line), e.g. why a {@code #send} did nothing, in {@code locale}. */
    public static String reasonIn(String english, String locale) {
        String lang = language(locale);
        return LINE_WORD.containsKey(lang) ? reason(english, lang) : english;
    }

    static String reason(String english, String lang) {
        for (Map.Entry<Pattern, String[]> e : REASONS.entrySet()) {
            Matcher m = e.getKey().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(e.getValue()[lang.equals("ru") ? 0 : 1]);
            }
        }
        return english;
    }

    private static String language(String locale) {
        return locale == null ? "en" : locale.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    private static Map<Pattern, String[]> reasons() {
        Map<Pattern, String[]> r = new LinkedHashMap<>();
        add(r, "expected a command name right after '#'",
                "после «#» должно идти имя команды", "після «#» має йти назва команди");
        add(r, "unknown command (#\\S+)", "неизвестная команда $1", "невідома команда $1");
        add(r, "(#\\S+) takes no argument", "$1 пишется без аргументов", "$1 пишеться без аргументів");
        add(r, "(#\\S+) needs exactly one agent \\(email address or name\\)",
                "$1: нужен ровно один сотрудник (адрес или имя)", "$1: потрібен рівно один працівник (адреса або ім'я)");
        add(r, "(#\\S+) '(.*)' is neither an email address nor an agent name",
                "$1: «$2» — не адрес и не имя сотрудника", "$1: «$2» — не адреса і не ім'я працівника");
        add(r, "(#\\S+) needs one of low, normal, high, urgent",
                "$1: нужно одно из low, normal, high, urgent", "$1: потрібно одне з low, normal, high, urgent");
        add(r, "(#\\S+) needs a category name", "$1: нужно название категории", "$1: потрібна назва категорії");
        add(r, "(#\\S+) needs 'add' or 'remove' and one email address",
                "$1: нужно add или remove и один адрес", "$1: потрібно add або remove і одна адреса");
        add(r, "(#\\S+) '(.*)' is not an email address",
                "$1: «$2» — не адрес электронной почты", "$1: «$2» — не адреса електронної пошти");
        add(r, "(#\\S+) needs exactly one name \\(letters, digits, '\\.', '_', '-'\\)",
                "$1: нужно ровно одно имя (буквы, цифры, «.», «_», «-»)",
                "$1: потрібна рівно одна назва (літери, цифри, «.», «_», «-»)");
        add(r, "the canned answer '(.*)' cannot be written \\(ask an admin to fix it with '(.*)'\\): (.*)",
                "готовый ответ «$1» не удаётся составить (попросите администратора исправить его: '$2'): $3",
                "готову відповідь «$1» не вдається скласти (попросіть адміністратора виправити її: '$2'): $3");
        add(r, "there is no canned answer '(.*)'; there are no canned answers yet",
                "готового ответа «$1» нет; готовых ответов пока нет", "готової відповіді «$1» немає; готових відповідей поки немає");
        add(r, "there is no canned answer '(.*)'; available: (.*)",
                "готового ответа «$1» нет; есть: $2", "готової відповіді «$1» немає; є: $2");
        add(r, "taking over a held ticket is switched off \\(agents\\.allow-steal=false\\)",
                "забирать заявку у другого сотрудника здесь нельзя (agents.allow-steal=false)",
                "забирати заявку в іншого працівника тут не можна (agents.allow-steal=false)");
        add(r, "that reply was already sent\\.", "этот ответ уже отправлен.", "цю відповідь уже надіслано.");
        add(r, "that reply was not confirmed in time and was never sent\\.",
                "этот ответ не был подтверждён вовремя и так и не отправлен.",
                "цю відповідь не було вчасно підтверджено, і її так і не надіслано.");
        add(r, "no single active agent has the address or name '(.*)'",
                "нет ровно одного активного сотрудника с адресом или именем «$1»",
                "немає рівно одного активного працівника з адресою або ім'ям «$1»");
        return r;
    }

    private static void add(Map<Pattern, String[]> r, String english, String ru, String uk) {
        r.put(Pattern.compile(english, Pattern.DOTALL), new String[] {ru, uk});
    }

    /** The English reasons this class translates, for tests. */
    static List<Pattern> knownReasons() {
        return List.copyOf(REASONS.keySet());
    }
}
