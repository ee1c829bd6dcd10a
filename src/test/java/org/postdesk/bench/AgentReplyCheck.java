package org.postdesk.bench;

import static org.postdesk.store.db.Tables.HELD_REPLY;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.postdesk.store.Agent;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TicketRepository;

/**
 * What the agent-reply benchmark must leave behind: each customer holds exactly two mails (the
 * acknowledgement and agent 1's answer, without the quoted notification), no reply is held, agent 1
 * owns every ticket, agents received nothing but their notifications, and no outbox row failed.
 */
final class AgentReplyCheck {
    /** The text of a quoted notification, any of which in a customer's copy means the reply was not trimmed. */
    private static final List<String> QUOTED = List.of("reply above this line", "wrote:", "\n>", "Ref: pd1.");

    record Outcome(int customers, int exactlyTwo, int cleanAnswers, int held, int ownedByFirst,
                   List<Integer> agentMail, int failedOutbox) {
        boolean ok() {
            return exactlyTwo == customers && cleanAnswers == customers && held == 0 && ownedByFirst == customers
                    && agentMail.stream().allMatch(n -> n == customers) && failedOutbox == 0;
        }
    }

    private final EmbeddedServer server;
    private final BenchStack stack;

    AgentReplyCheck(EmbeddedServer server, BenchStack stack) {
        this.server = server;
        this.stack = stack;
    }

    /** Waits for the outbox to empty, then one more second, so that a stray extra mail is counted too. */
    void awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stack.pendingOutbox() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
    }

    Outcome check(List<Agent> agents, List<AgentReplyPhase.Sample> samples) {
        int exactlyTwo = 0;
        int clean = 0;
        for (AgentReplyPhase.Sample s : samples) {
            List<MimeMessage> inbox = server.inbox(s.customer());
            exactlyTwo += inbox.size() == 2 ? 1 : 0;
            clean += inbox.stream().anyMatch(m -> cleanAnswer(m, s.reply().answer())) ? 1 : 0;
        }
        long first = agents.get(0).id();
        int owned = (int) new TicketRepository(stack.db().dsl()).list(null, samples.size() + 10).stream()
                .filter(t -> t.ownerAgentId() != null && t.ownerAgentId() == first).count();
        return new Outcome(samples.size(), exactlyTwo, clean, stack.db().dsl().fetchCount(HELD_REPLY), owned,
                agents.stream().map(a -> server.received(a.primaryAddress())).toList(),
                new OutboxRepository(stack.db().dsl()).countByStatus(OutboxRepository.FAILED));
    }

    private static boolean cleanAnswer(MimeMessage m, String answer) {
        try {
            String text = AgentMail.text(m).replace("\r\n", "\n");
            return text.contains(answer) && QUOTED.stream().noneMatch(text::contains);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a customer's copy", e);
        }
    }
}
