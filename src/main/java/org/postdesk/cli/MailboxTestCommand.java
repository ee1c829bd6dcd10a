package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.ingest.ImapCheck;
import org.postdesk.ingest.ImapConnector;
import org.postdesk.ingest.MailFailures;
import org.postdesk.ingest.MailboxUnavailableException;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox test NAME}: really logs in to IMAP and SMTP and reports each step; exit 4 on failure. */
@Command(name = "test",
        footer = {"", "Examples:", "  postdesk mailbox test support"},
        mixinStandardHelpOptions = true,
        description = "Log in to the mailbox's IMAP and SMTP servers and report each step.")
final class MailboxTestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Override
    public Integer call() {
        CliContext ctx = PostdeskCommand.context(spec);
        Mailbox m = MailboxShowCommand.find(new MailboxRepository(ctx.database().dsl()), name).mailbox();
        SecretBox secrets = ctx.secrets();
        ImapConnector imap = ImapConnector.forMailbox(m, secrets);
        SmtpConnector smtp = SmtpConnector.forMailbox(m, secrets);
        PrintWriter out = spec.commandLine().getOut();
        boolean imapOk = testImap(imap, m.moveTo(), out);
        boolean smtpOk = testSmtp(smtp, out);
        out.println(imapOk && smtpOk ? "mailbox " + name + ": all checks passed" : "mailbox " + name + ": checks FAILED");
        return imapOk && smtpOk ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private static boolean testImap(ImapConnector connector, String moveTo, PrintWriter out) {
        MailboxUrl url = connector.url();
        StepReport report = base("IMAP", url, true).step("login", "login ok");
        try {
            ImapCheck check = connector.check(moveTo);
            report.step("folder", "folder " + check.folder() + " ok (" + check.messages() + " messages)"
                    + (moveTo == null ? "" : ", move-to folder " + moveTo + " ok"));
            out.println(report.ok());
            return true;
        } catch (MailboxUnavailableException e) {
            report.step("folder", "folder");
            out.println(report.failed(e.failure().step(), e.getMessage()));
            return false;
        }
    }

    private static boolean testSmtp(SmtpConnector connector, PrintWriter out) {
        MailboxUrl url = connector.url();
        StepReport report = base("SMTP", url, url.hasUser())
                .step("login", url.hasUser() ? "login ok" : "login skipped (no user in the URL: sends without AUTH)");
        try {
            connector.check();
            out.println(report.ok());
            return true;
        } catch (DeliveryException e) {
            MailboxUnavailableException.Failure failure = MailFailures.classify(e);
            out.println(report.failed(failure.step(), e.getMessage() + " — " + failure.fix()));
            return false;
        }
    }

    /** {@code sendsPassword}: whether a login follows, so that a plain connection puts the password on the wire. */
    private static StepReport base(String protocol, MailboxUrl url, boolean sendsPassword) {
        boolean tls = url.implicitTls() || url.startTls();
        String plain = sendsPassword ? "TLS off (plain connection: the password travels unencrypted)"
                : "TLS off (plain connection: mail travels unencrypted)";
        return new StepReport(protocol + " " + url)
                .step("resolve", "resolve ok")
                .step("connect", "connect ok")
                .step("TLS", tls ? "TLS ok" : plain);
    }
}
