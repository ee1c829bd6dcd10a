package org.postdesk.tickets.agent;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.postdesk.tickets.TicketNumber;

/** The arguments one kind of command accepts, and how they are normalised. */
enum ArgumentRule {
    NONE("") {
        @Override
        Outcome check(List<String> words) {
            return words.isEmpty() ? Outcome.ok(List.of()) : Outcome.problem("takes no argument");
        }
    },
    AGENT("AGENT") {
        @Override
        Outcome check(List<String> words) {
            if (words.size() != 1) {
                return Outcome.problem("needs exactly one agent (email address or name)");
            }
            String agent = words.get(0);
            return EMAIL.matcher(agent).matches() || NAME_TOKEN.matcher(agent).matches()
                    ? Outcome.ok(List.of(agent))
                    : Outcome.problem("'" + agent + "' is neither an email address nor an agent name");
        }
    },
    PRIORITY("low|normal|high|urgent") {
        @Override
        Outcome check(List<String> words) {
            String level = words.size() == 1 ? words.get(0).toLowerCase(Locale.ROOT) : "";
            return PRIORITIES.contains(level)
                    ? Outcome.ok(List.of(level))
                    : Outcome.problem("needs one of low, normal, high, urgent");
        }
    },
    CATEGORY("NAME") {
        @Override
        Outcome check(List<String> words) {
            // A category may contain spaces ("Billing and invoices"); tabs and runs collapse.
            return words.isEmpty()
                    ? Outcome.problem("needs a category name")
                    : Outcome.ok(List.of(String.join(" ", words)));
        }
    },
    CC("add|remove EMAIL") {
        @Override
        Outcome check(List<String> words) {
            String action = words.size() == 2 ? words.get(0).toLowerCase(Locale.ROOT) : "";
            if (!action.equals("add") && !action.equals("remove")) {
                return Outcome.problem("needs 'add' or 'remove' and one email address");
            }
            String address = stripAngles(words.get(1));
            return EMAIL.matcher(address).matches()
                    ? Outcome.ok(List.of(action, address))
                    : Outcome.problem("'" + words.get(1) + "' is not an email address");
        }
    },
    /** Optional free text: the rest of the line, e.g. why a ticket is escalated. */
    REASON("[REASON]") {
        @Override
        Outcome check(List<String> words) {
            return Outcome.ok(words.isEmpty() ? List.of() : List.of(String.join(" ", words)));
        }
    },
    /** Another ticket's number (its check digit must hold), optionally written {@code #10019}. */
    TICKET("NUMBER") {
        @Override
        Outcome check(List<String> words) {
            String n = words.size() == 1 ? words.get(0).replaceFirst("^#", "") : "";
            return TicketNumber.parse(n).isPresent() ? Outcome.ok(List.of(n))
                    : Outcome.problem(words.size() == 1 ? "'" + words.get(0) + "' is not a ticket number (mistyped? its"
                            + " last digit is a check digit)" : "needs exactly one ticket number");
        }
    },
    NAME("NAME") {
        @Override
        Outcome check(List<String> words) {
            return words.size() == 1 && NAME_TOKEN.matcher(words.get(0)).matches()
                    ? Outcome.ok(List.of(words.get(0).toLowerCase(Locale.ROOT)))
                    : Outcome.problem("needs exactly one name (letters, digits, '.', '_', '-')");
        }
    };

    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    /** Plausible, not RFC 5322 complete: dot-atom local part and a domain with a dot. */
    static final Pattern EMAIL = Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");
    /** A name token: starts with a letter or digit, no trailing punctuation. */
    static final Pattern NAME_TOKEN = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])?");

    private final String usage;

    ArgumentRule(String usage) {
        this.usage = usage;
    }

    String usage() {
        return usage;
    }

    /** Checks the words after the verb, split on whitespace. */
    abstract Outcome check(List<String> words);

    private static String stripAngles(String address) {
        return address.startsWith("<") && address.endsWith(">") && address.length() > 2
                ? address.substring(1, address.length() - 1)
                : address;
    }

    /** Either normalised arguments or a problem, never both. */
    record Outcome(List<String> args, String problem) {
        Outcome {
            args = args == null ? null : List.copyOf(args);
        }

        static Outcome ok(List<String> args) {
            return new Outcome(args, null);
        }

        static Outcome problem(String problem) {
            return new Outcome(null, problem);
        }
    }
}
