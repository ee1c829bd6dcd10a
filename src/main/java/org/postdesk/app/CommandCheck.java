package org.postdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.postdesk.store.AgentRepository;
import org.postdesk.tickets.agent.AgentCommand;
import org.postdesk.tickets.agent.CommandError;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.ParsedReply;

/**
 * Finds every problem with a reply's commands before anything is done, so a bad command changes
 * nothing: lines the parser did not understand, and well-formed commands that cannot run here.
 */
final class CommandCheck {
    private final boolean allowSteal;

    CommandCheck(boolean allowSteal) {
        this.allowSteal = allowSteal;
    }

    /**
     * One line per problem, e.g. {@code line 2: "#prio high": unknown command #prio}. {@code answers} are the
     * reply's canned answers as rendered; {@code available} gives the names an unknown one is told.
     */
    List<String> problems(ParsedReply reply, AgentRepository agents, ReplyAnswers.Rendered answers,
                          Supplier<List<String>> available) {
        List<String> out = new ArrayList<>();
        for (CommandError e : reply.errors()) {
            out.add(describe(e.line(), e.text(), e.problem()));
        }
        for (AgentCommand c : reply.commands()) {
            String problem = problem(c, agents, answers, available);
            if (problem != null) {
                out.add(describe(c.line(), "#" + c.verb().command() + " " + String.join(" ", c.args()), problem));
            }
        }
        return out;
    }

    private String problem(AgentCommand c, AgentRepository agents, ReplyAnswers.Rendered answers,
                           Supplier<List<String>> available) {
        if (c.verb() == CommandVerb.ANSWER) {
            String name = c.args().get(0);
            if (answers.broken().containsKey(name)) {
                return "the canned answer '" + name + "' cannot be written (ask an admin to fix it with"
                        + " 'postdesk template edit answers/" + name + "'): " + answers.broken().get(name);
            }
            if (answers.unknown().contains(name)) {
                List<String> names = available.get();
                return "there is no canned answer '" + name + "'; "
                        + (names.isEmpty() ? "there are no canned answers yet" : "available: " + String.join(", ", names));
            }
        }
        if (c.verb() == CommandVerb.STEAL && !allowSteal) {
            return "taking over a held ticket is switched off (agents.allow-steal=false)";
        }
        if (c.verb() == CommandVerb.ASSIGN && AgentLookup.resolve(agents, c.args().get(0)).isEmpty()) {
            return "no single active agent has the address or name '" + c.args().get(0) + "'";
        }
        return null;
    }

    private static String describe(int line, String text, String problem) {
        return "line " + line + ": \"" + text.strip() + "\": " + problem;
    }
}
