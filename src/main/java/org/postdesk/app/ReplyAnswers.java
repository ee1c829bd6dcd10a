package org.postdesk.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.outbound.AnswerModel;
import org.postdesk.outbound.CannedAnswers;
import org.postdesk.outbound.TemplateRenderException;
import org.postdesk.store.Mailbox;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.SubjectTag;
import org.postdesk.tickets.agent.AgentCommand;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.ParsedReply;

/**
 * Renders the canned answers an agent's reply names ({@code #answer NAME}), for its ticket and customer:
 * in the ticket's locale, then the mailbox's, then English.
 */
final class ReplyAnswers {
    private final SubjectTag tags = new SubjectTag();
    private final CannedAnswers answers;

    ReplyAnswers(CannedAnswers answers) {
        this.answers = answers;
    }

    /**
     * What the reply's answers came to. {@code byName} holds each rendered answer by its lower-case name,
     * {@code unknown} the names with no answer, {@code broken} the names whose answer exists but renders in no
     * version (with why).
     */
    record Rendered(Map<String, String> byName, List<String> unknown, Map<String, String> broken) {
    }

    Rendered render(DSLContext tx, AgentReply r, ParsedReply parsed) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, String> broken = new LinkedHashMap<>();
        AnswerModel model = null;
        for (AgentCommand c : parsed.commands()) {
            if (c.verb() != CommandVerb.ANSWER) {
                continue;
            }
            String name = c.args().get(0);
            if (byName.containsKey(name) || unknown.contains(name) || broken.containsKey(name)) {
                continue;
            }
            if (model == null) {
                model = model(r);
            }
            try {
                Optional<String> text = answers.render(tx, name, locales(r), model);
                if (text.isPresent()) {
                    byName.put(name, text.get());
                } else {
                    unknown.add(name);
                }
            } catch (TemplateRenderException e) {
                broken.put(name, e.getMessage());
            }
        }
        return new Rendered(byName, unknown, broken);
    }

    /** The names the agent may use on this ticket, sorted. */
    List<String> names(DSLContext tx, AgentReply r) {
        return answers.names(tx, locales(r));
    }

    private static List<String> locales(AgentReply r) {
        List<String> locales = new ArrayList<>();
        locales.add(r.ticket().locale());
        locales.add(r.ticketMailbox().locale());
        return locales;
    }

    private AnswerModel model(AgentReply r) {
        TicketRow t = r.ticket();
        Mailbox mb = r.ticketMailbox();
        String customerName = t.requesterName() == null || t.requesterName().isBlank() ? t.requester()
                : t.requesterName();
        return new AnswerModel(t.number().toString(), tags.format(mb.tagLabel(), t.number()), t.subject(),
                customerName, t.requester(), r.agent().name(), mb.tagLabel(), mb.address());
    }
}
