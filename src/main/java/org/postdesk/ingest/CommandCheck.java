package org.postdesk.ingest;

import java.util.ArrayList;
import java.util.List;
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

    /** One line per problem, e.g. {@code line 2: "#prio high": unknown command #prio}. */
    List<String> problems(ParsedReply reply, AgentRepository agents) {
        List<String> out = new ArrayList<>();
        for (CommandError e : reply.errors()) {
            out.add(describe(e.line(), e.text(), e.problem()));
        }
        for (AgentCommand c : reply.commands()) {
            String problem = problem(c, agents);
            if (problem != null) {
                out.add(describe(c.line(), "#" + c.verb().command() + " " + String.join(" ", c.args()), problem));
            }
        }
        return out;
    }

    private String problem(AgentCommand c, AgentRepository agents) {
        if (c.verb() == CommandVerb.ANSWER || c.verb() == CommandVerb.ANSWERS) {
            return "canned answers are not available yet";
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
