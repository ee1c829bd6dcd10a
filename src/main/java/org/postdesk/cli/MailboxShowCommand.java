package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.postdesk.app.MailboxChanges;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.DigestRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MailboxStatusRow;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TierRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox show NAME}: every setting of one mailbox, passwords only as set/not set. */
@Command(name = "show",
        footer = {"", "Examples:", "  postdesk mailbox show support", "  postdesk mailbox show support --json"},
        mixinStandardHelpOptions = true, description = "Show one mailbox's settings and state.")
final class MailboxShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        DSLContext dsl = PostdeskCommand.context(spec).database().dsl();
        MailboxRepository repo = new MailboxRepository(dsl);
        MailboxStatusRow row = find(repo, name);
        MailboxView v = MailboxView.of(row, new DaemonRegistry(dsl).watchers(), Instant.now())
                .withAgentSenderCheck(repo.agentSenderCheck(row.mailbox().id()))
                .withBadMail(BadMailView.of(new MessageFailureRepository(dsl), row.mailbox().id()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(v));
            return ExitCodes.OK;
        }
        line(out, "name", v.name());
        line(out, "address", v.address());
        line(out, "enabled", v.enabled() ? "yes" : "no");
        line(out, "imap", v.imap());
        line(out, "smtp", v.smtp());
        line(out, "password", v.password());
        line(out, "smtp password", v.smtpPassword());
        line(out, "tls", v.tls());
        line(out, "after storing", v.afterStoring());
        line(out, "label", v.label());
        line(out, "locale", v.locale());
        line(out, "created", MailboxListCommand.time(v.createdAt()));
        line(out, "state", v.state());
        line(out, "last ok", MailboxListCommand.time(v.lastOkAt()));
        line(out, "last error", v.lastError() == null ? "-" : v.lastError());
        line(out, "uid", MailboxListCommand.uid(v));
        line(out, "watched by", v.watchedBy());
        line(out, "agent sender", senderCheckShown(v.agentSenderCheck()));
        line(out, "quarantined", v.badMail().summary());
        v.badMail().latest().forEach(e -> out.printf("%-14s %s%n", "", BadMailView.line(e)));
        reportSettings(out, dsl, row.mailbox().id());
        return ExitCodes.OK;
    }

    /** Issue 12's settings: the survey, the weekly digest and the team lead who gets it. */
    private static void reportSettings(PrintWriter out, DSLContext dsl, long mailboxId) {
        SurveyRepository surveys = new SurveyRepository(dsl);
        line(out, "survey", surveys.scaleIfEnabled(mailboxId).map(s -> "on, scale " + s)
                .orElse("off (scale " + surveys.scale(mailboxId) + ")"));
        String digest = new DigestRepository(dsl).schedule(mailboxId);
        line(out, "weekly digest", digest == null ? "off" : digest);
        line(out, "team lead", new TierRepository(dsl).teamLead(mailboxId).flatMap(new AgentRepository(dsl)::byId)
                .map(Agent::display).orElse("none"));
    }

    static final String TOKEN_ONLY_WARNING = MailboxChanges.TOKEN_ONLY_WARNING;

    private static String senderCheckShown(String check) {
        return check.equals(SenderCheck.TOKEN_ONLY.option()) ? check + "   " + TOKEN_ONLY_WARNING
                : check.equals(SenderCheck.STRICT.option()) ? check + " (a reply without proof of its sender is a"
                        + " customer's mail)"
                : check + " (a reply without proof of its sender is held until the agent confirms it)";
    }

    /** The mailbox with its state, or a {@link UsageException} that says how to find the names. */
    static MailboxStatusRow find(MailboxRepository repo, String name) {
        return repo.listWithState().stream().filter(r -> r.mailbox().name().equals(name)).findFirst()
                .orElseThrow(() -> MailboxChanges.notFound(name));
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("%-14s %s%n", key + ":", value);
    }
}
