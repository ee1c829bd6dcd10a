package org.postdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.postdesk.app.MailboxChanges;
import org.postdesk.app.ReportSettings;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox set NAME …}: changes a mailbox's settings (a rotated password, a new server). */
@Command(name = "set",
        footer = {"", "Examples:", "  postdesk mailbox set support --password-env NEW_SUPPORT_PASSWORD",
            "  postdesk mailbox set support --imap imaps://support%%40example.com@mail2.example.com/INBOX",
            "  postdesk mailbox set support --label Help --locale uk --move-to Archive",
            "  postdesk mailbox set support --survey on --survey-scale good-bad",
            "  postdesk mailbox set support --team-lead lea@example.com --digest 'mon 08:00'"},
        mixinStandardHelpOptions = true, description = {
    "Change a mailbox's servers, password, label, language, move-to folder or certificate trust; the options not"
        + " given keep their values. The name and the address stay (tickets and threads hang on them).",
    "A running daemon picks the change up within seconds; check it with 'postdesk mailbox test NAME'."})
final class MailboxSetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Option(names = "--imap", paramLabel = "URL", converter = MailUrlConverter.Imap.class, description = "New IMAP server.")
    private MailboxUrl imap;

    @Option(names = "--smtp", paramLabel = "URL", converter = MailUrlConverter.Smtp.class, description = "New SMTP server.")
    private MailboxUrl smtp;

    // Plain options rather than PasswordOptions' groups: picocli's annotation processor rejects an
    // @ArgGroup class used by two commands ("ArgGroup has no options").
    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the new password from environment variable VAR.")
    private String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the new password from the first line of FILE.")
    private Path passwordFile;

    @Option(names = "--smtp-password-env", paramLabel = "VAR", description = "SMTP's own new password, from VAR.")
    private String smtpPasswordEnv;

    @Option(names = "--smtp-password-file", paramLabel = "FILE", description = "SMTP's own new password, from FILE.")
    private Path smtpPasswordFile;

    @Option(names = "--label", paramLabel = "L", description = "Label in the subject tag [L #1234].")
    private String label;

    @Option(names = "--locale", paramLabel = "en|ru|uk", description = "Language of replies.")
    private String locale;

    @Option(names = "--move-to", paramLabel = "FOLDER", description = "Move stored messages to FOLDER.")
    private String moveTo;

    @Option(names = "--mark-seen", description = "Mark stored messages seen instead of moving them.")
    private boolean markSeen;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "Trust the CA certificates in FILE (JKS, PKCS12 or PEM).")
    private Path trustStore;

    @Option(names = "--trust-any-certificate", description = "Do not verify the server's certificate. For testing only.")
    private boolean trustAny;

    @Option(names = "--verify-certificates", description = "Verify certificates against the JDK's CAs again.")
    private boolean verify;

    @Option(names = "--agent-sender-check", paramLabel = "strict|confirm|token-only",
            description = "What an agent's reply without proof of its sender may do (see: postdesk mailbox add --help).")
    private String agentSenderCheck;

    @Option(names = "--survey", paramLabel = "on|off",
            description = "Mail the customer a satisfaction survey when a ticket is closed (off by default).")
    private String survey;

    @Option(names = "--survey-scale", paramLabel = "5|good-bad", description = "Grades 1 to 5, or good/bad.")
    private String surveyScale;

    @Option(names = "--digest", paramLabel = "'DAY HH:MM'|off",
            description = "Mail the team lead the weekly report at this weekday and time (mailbox calendar's zone).")
    private String digest;

    @Option(names = "--team-lead", paramLabel = "AGENT|none",
            description = "The team lead (as agent set --lead-of): gets the digest, bad ratings and escalations.")
    private String teamLead;

    @Override
    public Integer call() {
        if (moveTo != null && markSeen) {
            throw new UsageException("--move-to and --mark-seen exclude each other: choose one");
        }
        if (verify && (trustAny || trustStore != null)) {
            throw new UsageException("--verify-certificates excludes --trust-store and --trust-any-certificate");
        }
        String store = trustStore == null ? null : trustStore.toAbsolutePath().normalize().toString();
        if (store != null) {
            new TlsSettings(store, false).socketFactoryOrNull(); // a bad trust store fails now, not in the daemon
        }
        CliContext ctx = PostdeskCommand.context(spec);
        SecretBox secrets = ctx.secrets();
        CliEnvironment env = ctx.environment();
        String imapPassword = password("--password", passwordEnv, passwordFile, secrets, env);
        String smtpOwn = password("--smtp-password", smtpPasswordEnv, smtpPasswordFile, secrets, env);
        MailboxChanges.Change change = new MailboxChanges.Change(imap == null ? null : imap.toString(),
                smtp == null ? null : smtp.toString(), imapPassword, smtpOwn, label, locale,
                markSeen ? "" : moveTo, verify ? "" : store, verify ? Boolean.FALSE : trustAny ? Boolean.TRUE : null);
        SenderCheck check = agentSenderCheck == null ? null : MailboxAddCommand.senderCheck(agentSenderCheck);
        ReportSettings.Change reports = new ReportSettings.Change(survey, surveyScale, digest, teamLead);
        MailboxCommand.run(spec, (changes, tx) -> {
            if (smtpOwn != null) {
                changes.refuseSmtpPasswordWithoutUser(tx, name, smtp);
            }
            boolean onlyOthers = change.isEmpty() && (check != null || !reports.isEmpty());
            String result = onlyOthers ? "mailbox " + name + " changed" : changes.set(tx, name, change);
            result = check == null ? result : result + "\n" + changes.setSenderCheck(tx, name, check);
            return reports.isEmpty() ? result : result + "\n" + ReportSettings.set(tx, name, reports);
        });
        return ExitCodes.OK;
    }

    /** The new password from {@code option}-env or -file, encrypted; null when neither is given. */
    private static String password(String option, String envVar, Path file, SecretBox secrets, CliEnvironment env) {
        if (envVar != null && file != null) {
            throw new UsageException(option + "-env and " + option + "-file exclude each other: choose one");
        }
        return envVar == null && file == null ? null : secrets.encrypt(PasswordOptions.read(option, envVar, file, env));
    }
}
