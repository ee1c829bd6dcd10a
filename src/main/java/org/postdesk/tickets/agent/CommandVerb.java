package org.postdesk.tickets.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands an agent can put in a reply, each with the arguments it accepts. */
public enum CommandVerb {
    /** Take the ticket if it is free. */
    TAKE(ArgumentRule.NONE),
    /** Give the ticket back to the team. */
    RELEASE(ArgumentRule.NONE),
    /** Give the ticket to another agent, named by email address or name. */
    ASSIGN(ArgumentRule.AGENT),
    /** Take the ticket even when another agent holds it. */
    STEAL(ArgumentRule.NONE),
    /** The reply is an internal note: it is stored but never sent to the customer. */
    NOTE(ArgumentRule.NONE),
    /** Waiting for the customer. */
    PENDING(ArgumentRule.NONE),
    /** The customer's problem is solved. */
    CLOSE(ArgumentRule.NONE),
    /** Open a closed or pending ticket again. */
    REOPEN(ArgumentRule.NONE),
    /** One of {@code low}, {@code normal}, {@code high}, {@code urgent}. */
    PRIORITY(ArgumentRule.PRIORITY),
    /** The rest of the line names the category. */
    CATEGORY(ArgumentRule.CATEGORY),
    /** {@code add} or {@code remove} one CC address. */
    CC(ArgumentRule.CC),
    /** Send the reply even though it would be held as stale. */
    SEND(ArgumentRule.NONE),
    /** The ticket is spam. */
    SPAM(ArgumentRule.NONE),
    /** Insert the canned answer with this name where the command stands. */
    ANSWER(ArgumentRule.NAME),
    /** Mail me the list of canned answers. */
    ANSWERS(ArgumentRule.NONE),
    /** Pass the ticket to the second line (and the team lead), with an optional reason. */
    ESCALATE(ArgumentRule.REASON),
    /** The ticket no longer needs the second line. */
    DEESCALATE(ArgumentRule.NONE),
    /** Record that this ticket and ticket NUMBER are about the same problem (issue 12). */
    LINK(ArgumentRule.TICKET);

    private static final Map<String, CommandVerb> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CommandVerb::command, Function.identity()));

    private final ArgumentRule rule;

    CommandVerb(ArgumentRule rule) {
        this.rule = rule;
    }

    /** The verb for {@code name} (without the {@code #}), ignoring case. */
    public static Optional<CommandVerb> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The name the agent types after the {@code #}, e.g. {@code take}. */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command with its arguments, e.g. {@code #priority low|normal|high|urgent}. */
    public String usage() {
        return ("#" + command() + " " + rule.usage()).strip();
    }

    ArgumentRule rule() {
        return rule;
    }
}
