package org.postdesk.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.app.sender.SenderEvidence;
import org.postdesk.app.sender.SenderVerifier;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.outbound.CannedAnswers;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.outbound.ReplyRelay;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.NotificationRepository;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.agent.AgentCommand;
import org.postdesk.tickets.agent.CommandParser;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.ParsedReply;
import org.postdesk.tickets.agent.ReplyTokenCodec;
import org.postdesk.tickets.agent.ReplyTrimmer;
import org.postdesk.tickets.agent.TokenScrubber;
import org.postdesk.tickets.reply.ExtractedReply;
import org.postdesk.tickets.reply.ReplyShape;

/**
 * Handles an agent's reply in the ingest transaction: the agent mail is stored as an internal
 * note, its commands are checked (one bad command and nothing happens but an error mail), then
 * {@code #take}/{@code #steal} run, a held reply is released by {@code #send}, the text is relayed,
 * noted or held, and finally the commands that change the ticket run if the agent may act on it.
 */
public final class AgentReplyHandler {
    static final String KIND_ERROR = "AGENT_ERROR";
    static final String KIND_NOTE = "AGENT_NOTE";
    static final String KIND_REPLY = "AGENT_REPLY";
    static final String KIND_HELD = "AGENT_HELD";
    static final String KIND_COMMANDS = "AGENT_COMMANDS";

    private final ReplyTrimmer trimmer = new ReplyTrimmer(AgentTexts.helpPrefixes());
    private final TokenScrubber scrubber = new TokenScrubber(AgentTexts.helpPrefixes());
    private final CommandParser parser = new CommandParser();
    private final AgentReplyClassifier classifier;
    private final CommandCheck check;
    private final ReplyFlow flow;
    private final AgentNotices notices;
    private final ReplyAnswers answers;
    private final SenderGate gate = new SenderGate();
    private final SenderVerifier verifier;
    private final ConfirmFlow confirm;

    private AgentReplyHandler(AgentReplyClassifier classifier, CommandCheck check, ReplyFlow flow,
                              AgentNotices notices, ReplyAnswers answers, SenderVerifier verifier,
                              Duration confirmExpiry) {
        this.verifier = verifier;
        this.confirm = new ConfirmFlow(notices, confirmExpiry);
        this.classifier = classifier;
        this.check = check;
        this.flow = flow;
        this.notices = notices;
        this.answers = answers;
    }

    /**
     * @param answers the canned answers {@code #answer NAME} inserts and {@code #answers} lists
     * @param allowSteal whether {@code #steal} may take a ticket another agent holds ({@code agents.allow-steal})
     * @param verifier what proves an agent reply's sender; {@code confirmExpiry} how long an unproven one waits
     */
    public static AgentReplyHandler create(ReplyTokenCodec tokens, ReplyRelay relay, AgentNotices notices,
                                           CannedAnswers answers, boolean allowSteal, SenderVerifier verifier,
                                           Duration confirmExpiry) {
        return new AgentReplyHandler(new AgentReplyClassifier(tokens), new CommandCheck(allowSteal),
                new ReplyFlow(new AgentRelay(relay), notices, allowSteal), notices, new ReplyAnswers(answers),
                verifier, confirmExpiry);
    }

    /**
     * The proof that {@code m} comes from the agent its From names (issue 9); {@code NONE} when it cannot be
     * that agent's reply (no active agent, an automated mail, no reply token of theirs), as the evidence is
     * read only for a reply the classifier accepts. May query DNS (DKIM), so call it before the transaction
     * opens, with a plain context.
     */
    SenderEvidence evidence(DSLContext dsl, InboundMessage m, AutomationVerdict verdict) {
        // A mail carrying no reply token at all (every customer's mail) is nobody's reply: that needs no look-up
        // of its From among the agents, a statement per message saved (the token check reads no store).
        if (m.from() == null || verdict.automated() || !classifier.carriesAnyToken(m)) {
            return SenderEvidence.none("not an agent's reply");
        }
        return new AgentRepository(dsl).activeByAddress(m.from().address())
                .filter(a -> classifier.carriesTokenOf(a.id(), m))
                .map(a -> covering(verifier.evaluate(m, a.addresses().stream().map(x -> x.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet())), classifier.placesOfTokenOf(a.id(), m)))
                .orElse(SenderEvidence.none("not an agent's reply"));
    }

    /**
     * {@code evidence} when it covers a place that carries the reply token; otherwise no proof at all. A DKIM
     * signature covers only the fields it lists: a forger holding a leaked token and any signed mail of the agent
     * (one the agent once wrote to them) could add an {@code In-Reply-To} with the token and replay it.
     */
    private static SenderEvidence covering(SenderEvidence evidence, Set<TokenPlace> places) {
        if (!evidence.proven() || places.stream().anyMatch(p -> p.coveredBy(evidence.parts()))) {
            return evidence;
        }
        return SenderEvidence.none(evidence.describe() + " vouches for " + evidence.parts().describe()
                + ", not for " + places.stream().map(TokenPlace::describe).collect(Collectors.joining(" or "))
                + " that carries the reply token (a field anybody can add to a signed mail)");
    }

    /**
     * The agent's reply {@code in} is, past the sender gate (issue 9: proven replies act, unproven ones are held or
     * a customer's by policy); empty when it is not an agent's reply (then it is a customer's).
     */
    Optional<Recognised> recognise(DSLContext tx, IngestService.Inbound in) {
        return classifier.classify(tx, in).flatMap(r -> {
            SenderGate.Verdict verdict = gate.judge(tx, in, r);
            return verdict == SenderGate.Verdict.CUSTOMER ? Optional.empty() : Optional.of(new Recognised(r, verdict));
        });
    }

    /** An agent's reply and what the sender gate lets it do (never {@link SenderGate.Verdict#CUSTOMER}). */
    record Recognised(AgentReply reply, SenderGate.Verdict verdict) {
    }

    /** Stores and carries out the agent's reply {@link #recognise} found. */
    IngestResult handle(DSLContext tx, IngestService.Inbound in, Recognised recognised) {
        AgentReply r = recognised.reply();
        SenderGate.Verdict verdict = recognised.verdict();
        long messageId = StoredMessages.store(tx, r.ticket().id(), in.mailbox().id(), in.uid(), in.message(), "AGENT",
                in.facts(), in.now());
        ExtractedReply extracted = trimmer.extract(Columns.text(in.message().textBody()));
        // Token lines, the marker and the help line never reach a customer, wherever they stood (issue 9).
        String trimmed = scrubber.scrub(extracted.text());
        if (verdict == SenderGate.Verdict.HOLD) {
            String outcome = confirm.hold(tx, in, r, messageId, trimmed);
            new Conversation(tx).markAgentMessage(messageId, KIND_HELD, r.agent().id(), trimmed);
            return result(r, KIND_HELD, outcome);
        }
        if (verdict == SenderGate.Verdict.CONFIRMS) {
            return confirmed(tx, in, r, messageId, trimmed);
        }
        return handle(tx, in, r, messageId, trimmed, extracted.shape() == ReplyShape.UNSURE);
    }

    /** An answer to a confirmation mail: its {@code #send} runs the held reply, nothing else in it counts. */
    private IngestResult confirmed(DSLContext tx, IngestService.Inbound in, AgentReply r, long messageId,
                                   String trimmed) {
        long heldId = new NotificationRepository(tx).confirmationOf(r.notification().id()).orElseThrow();
        Optional<ConfirmFlow.Released> released = confirm.release(tx, in, r, heldId, parser.parse(trimmed));
        new Conversation(tx).markAgentMessage(messageId, KIND_COMMANDS, r.agent().id(), trimmed);
        if (released.isEmpty()) {
            return result(r, KIND_COMMANDS, "answer to a confirmation mail: nothing released");
        }
        ConfirmFlow.Released h = released.get();
        return result(r, KIND_COMMANDS, "confirmed by #send: " + handle(tx, in, h.agentReply(), h.messageId(),
                h.text(), false).detail());
    }

    /** {@code kind}: what the agent's message was marked as ({@link Conversation#markAgentMessage}). */
    private static IngestResult result(AgentReply r, String kind, String outcome) {
        return new IngestResult(IngestResult.Outcome.AGENT_REPLY, r.ticket().number(),
                "agent " + r.agent().primaryAddress() + ": " + outcome, kind);
    }

    private IngestResult handle(DSLContext tx, IngestService.Inbound in, AgentReply r, long messageId, String trimmed,
                                boolean unsure) {
        ParsedReply parsed = parser.parse(trimmed);
        ReplyAnswers.Rendered rendered = answers.render(tx, r, parsed);
        List<String> problems = check.problems(parsed, new AgentRepository(tx), rendered, () -> answers.names(tx, r));
        if (problems.isEmpty() && !rendered.byName().isEmpty()) {
            parsed = new ParsedReply(parsed.commands(), parsed.errors(),
                    CommandParser.withAnswers(parsed.text(), rendered.byName()));
        }
        ReplyFlow.Reply reply = new ReplyFlow.Reply(tx, in, r, messageId, parsed);
        reply.unsure(unsure);
        String outcome = problems.isEmpty() ? flow.run(reply) : reject(reply, problems);
        if (problems.isEmpty() && has(parsed, CommandVerb.ANSWERS)) {
            listAnswers(reply);
            outcome += ", answers listed";
        } else if (problems.isEmpty() && reply.didNothing()) {
            // Written between the quoted lines, or only an attachment: the agent must not think it went out.
            notices.send(tx, r.agent(), new AgentNotices.About(r.ticket().id(), "empty-reply", "EMPTY_REPLY",
                    new NoticeDetails.EmptyReply(in.message().attachments().stream().map(Attachment::filename)
                            .toList()), null, in.message().messageId(), List.of()), in.now());
            reply.event("empty-reply", "no text for the customer and no command: nothing done, agent told");
            outcome += ", agent told";
        }
        new Conversation(tx).markAgentMessage(messageId, reply.kind(), r.agent().id(), trimmed);
        return result(r, reply.kind(), outcome);
    }

    private String reject(ReplyFlow.Reply reply, List<String> problems) {
        reply.kind(KIND_ERROR);
        reply.event("command-error", String.join("; ", problems));
        List<String> usage = Arrays.stream(CommandVerb.values())
                .map(CommandVerb::usage).collect(Collectors.toList());
        // The notice is written in the mailbox's language; the audit above keeps the English for admins.
        String locale = reply.agentReply().ticketMailbox().locale();
        List<String> told = problems.stream().map(p -> AgentTexts.problem(p, locale)).toList();
        notices.send(reply.tx(), reply.agentReply().agent(), new AgentNotices.About(reply.ticketId(),
                "command-error", "COMMAND_ERROR", new NoticeDetails.CommandErrors(told, usage), null,
                reply.inbound().message().messageId(), List.of()), reply.now());
        return problems.size() + " command error(s), nothing done";
    }

    /** {@code #answers}: mails the agent the canned answers usable on this ticket. */
    private void listAnswers(ReplyFlow.Reply reply) {
        notices.send(reply.tx(), reply.agent(), new AgentNotices.About(reply.ticketId(), "answer-list", "ANSWER_LIST",
                new NoticeDetails.AnswerList(answers.names(reply.tx(), reply.agentReply())), null,
                reply.inbound().message().messageId(), List.of()), reply.now());
    }

    static boolean has(ParsedReply parsed, CommandVerb verb) {
        return parsed.commands().stream().map(AgentCommand::verb).anyMatch(v -> v == verb);
    }
}
