package org.postdesk.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postdesk.daemon.Daemon;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.SubjectTag;

/**
 * The daemon running as in production (a worker in IMAP IDLE, the outbox sender) with A agents on the
 * support mailbox. Setup, not timed: K customers open a ticket each by SMTP, and the daemon acknowledges
 * them and notifies every agent. Measured: agent 1 answers each notification by SMTP at a steady rate;
 * latency runs from the SMTP server accepting the agent's reply to it accepting the copy relayed to the
 * customer (both copies answer the customer's mail, so the setup's acknowledgement times are forgotten first).
 */
final class AgentReplyPhase {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** What the untimed setup produced. */
    record Setup(int tickets, int notifications, int acknowledgements, double seconds) {
    }

    record Result(Setup setup, Set<String> workerStates, int sent, Percentiles millis, Load load,
                  long peakSampledBytes, long peakAfterGcBytes, AgentReplyCheck.Outcome check) {
    }

    /** The machine's load average before the setup, before and after the replies, and this process's share. */
    record Load(double beforeSetup, double beforeReplies, double after, double processCores) {
        double max() {
            return Math.max(beforeSetup, Math.max(beforeReplies, after));
        }
    }

    /** One measured reply: the customer whose ticket it answers, and that customer's opening Message-ID. */
    record Sample(String customer, String customerMessageId, AgentMail.Reply reply) {
    }

    private final AgentReplyOptions options;
    private final EmbeddedServer server;
    private final BenchStack stack;
    private final HeapMonitor heap;
    private final MailFactory customerMail;
    private final AgentMail agentMail;
    private final Set<String> states = new TreeSet<>();

    AgentReplyPhase(AgentReplyOptions options, EmbeddedServer server, BenchStack stack, HeapMonitor heap) {
        this.options = options;
        this.server = server;
        this.stack = stack;
        this.heap = heap;
        String runId = Long.toString(System.currentTimeMillis(), 36);
        this.customerMail = new MailFactory(options.seed(), server.supportAddress(), runId);
        this.agentMail = new AgentMail(options.seed(), server.supportAddress(), runId);
    }

    Result run() throws InterruptedException {
        double loadBeforeSetup = Machine.loadAverage();
        List<Agent> agents = addAgents();
        try (Daemon daemon = new Daemon(stack.pipeline())) {
            daemon.start();
            states.add(LatencyPhase.awaitWatching(stack));
            Map<String, String> openings = new LinkedHashMap<>();
            Setup setup = openTickets(agents, openings);
            return measure(setup, agents, prepare(agents.get(0), openings), loadBeforeSetup);
        }
    }

    private List<Agent> addAgents() {
        AgentRepository repo = new AgentRepository(stack.db().dsl());
        List<Agent> agents = new ArrayList<>();
        for (int i = 1; i <= options.agents(); i++) {
            agents.add(repo.add(new NewAgent("Agent " + i, List.of("agent" + i + "@agents.bench"),
                    List.of(stack.mailbox().id()))));
        }
        return agents;
    }

    /** K customers open a ticket each; returns once every agent is notified and the outbox is empty. */
    private Setup openTickets(List<Agent> agents, Map<String, String> openings) throws InterruptedException {
        int k = options.samples();
        Progress.say("worker is %s; setup: %d customers open a ticket each, %d agent(s) notified...", states, k,
                agents.size());
        long t0 = System.nanoTime();
        for (int i = 0; i < k; i++) {
            BenchMail mail = customerMail.opening(server.latencyCustomer(i));
            server.submit(mail);
            openings.put(mail.from(), mail.messageId());
        }
        awaitSetup(agents, openings.keySet(), t0);
        stack.acks().forget();
        return new Setup(k, agents.stream().mapToInt(a -> server.received(a.primaryAddress())).sum(),
                received(openings.keySet()), ThroughputPhase.seconds(t0));
    }

    private void awaitSetup(List<Agent> agents, Set<String> customers, long t0) throws InterruptedException {
        int k = customers.size();
        long deadline = t0 + Duration.ofSeconds(60).plusMillis(250L * k).toNanos();
        while (!setUp(agents, customers)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("setup incomplete after %.0f s: %d of %d"
                        + " acknowledgements, notifications %s of %d each, %d outbox rows pending",
                        ThroughputPhase.seconds(t0), received(customers), k, agents.stream()
                                .map(a -> Integer.toString(server.received(a.primaryAddress()))).toList(), k,
                        stack.pendingOutbox()));
            }
            Thread.sleep(100);
        }
    }

    private boolean setUp(List<Agent> agents, Set<String> customers) {
        int k = customers.size();
        return agents.stream().allMatch(a -> server.received(a.primaryAddress()) >= k)
                && received(customers) >= k && stack.pendingOutbox() == 0;
    }

    private int received(Set<String> customers) {
        return customers.stream().mapToInt(server::received).sum();
    }

    /** Agent 1's replies to its notifications, in the order the customers wrote; written before timing. */
    private List<Sample> prepare(Agent agent, Map<String, String> openings) {
        Map<String, String> ticketOf = new HashMap<>();
        new TicketRepository(stack.db().dsl()).list(null, openings.size() + 10)
                .forEach((TicketRow t) -> ticketOf.put(t.requester(), t.number().toString()));
        Map<String, MimeMessage> notificationOf = notifications(agent);
        List<Sample> samples = new ArrayList<>();
        openings.forEach((customer, messageId) -> {
            MimeMessage n = notificationOf.get(ticketOf.get(customer));
            if (n == null) {
                throw new IllegalStateException("no notification to " + agent.primaryAddress() + " of the ticket of "
                        + customer + " (ticket " + ticketOf.get(customer) + ")");
            }
            samples.add(new Sample(customer, messageId, agentMail.reply(agent.name(), agent.primaryAddress(), n)));
        });
        return samples;
    }

    /** The "New ticket" notifications in {@code agent}'s inbox, by ticket number. */
    private Map<String, MimeMessage> notifications(Agent agent) {
        SubjectTag tags = new SubjectTag();
        Map<String, MimeMessage> byTicket = new HashMap<>();
        for (MimeMessage m : server.inbox(agent.primaryAddress())) {
            String subject = subject(m);
            if (subject.startsWith("New ticket")) {
                tags.find(subject).ifPresent(tag -> byTicket.put(tag.digits(), m));
            }
        }
        return byTicket;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail holds a message whose subject cannot be read", e);
        }
    }

    private Result measure(Setup setup, List<Agent> agents, List<Sample> samples, double loadBeforeSetup)
            throws InterruptedException {
        Progress.say("setup done in %.1f s; agent 1 answers %d tickets at %.1f/s...", setup.seconds(),
                samples.size(), options.rate());
        heap.reset();
        double loadBefore = Machine.loadAverage();
        long cpu0 = Machine.processCpuNanos();
        long t0 = System.nanoTime();
        Map<String, Long> sentAt = send(samples);
        stack.acks().awaitAll(sentAt.keySet(), SETTLE);
        Load load = new Load(loadBeforeSetup, loadBefore, Machine.loadAverage(),
                (Machine.processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0));
        AgentReplyCheck check = new AgentReplyCheck(server, stack);
        check.awaitQuiet(SETTLE);
        return new Result(setup, states, sentAt.size(), new Percentiles(stack.acks().millisSince(sentAt)), load,
                heap.peakSampled(), heap.peakAfterGc(), check.check(agents, samples));
    }

    /** Submits each reply at its turn; keyed by the customer's Message-ID, which the relayed copy answers. */
    private Map<String, Long> send(List<Sample> samples) throws InterruptedException {
        Map<String, Long> sentAt = new LinkedHashMap<>();
        SteadyRate rate = new SteadyRate(options.rate());
        for (int i = 0; i < samples.size(); i++) {
            rate.awaitTurn(i);
            server.submit(samples.get(i).reply().mail());
            sentAt.put(samples.get(i).customerMessageId(), System.nanoTime());
            if (i % 20 == 0) {
                states.add(stack.workerState());
            }
        }
        return sentAt;
    }
}
