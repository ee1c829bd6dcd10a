package org.postdesk.cli;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.postdesk.app.MailboxChanges;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.NewMailbox;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox add}: validates everything, reads the password, and only then stores the mailbox. */
@Command(name = "add",
        footer = {"", "Examples:", "  postdesk mailbox add support --address support@example.com \\",
            "        --imap imaps://mail.example.com/INBOX \\",
            "        --smtp smtp+starttls://mail.example.com --password-env IMAP_PW"},
        mixinStandardHelpOptions = true, description = {
    "Add a mailbox to watch. The password is read from --password-env, --password-file or standard input"
        + " and stored encrypted.",
    "URLs: imap://, imaps://, imap+starttls:// and smtp://, smtps://, smtp+starttls://, as"
        + " scheme://user@host:port/folder (write '@' in the user as %%40). Without a user, IMAP logs in as"
        + " --address and SMTP sends without AUTH."})
final class MailboxAddCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Short name, e.g. support.")
    private String name;

    @Option(names = "--address", required = true, paramLabel = "ADDR", description = "The support address customers write to.")
    private String address;

    @Option(names = "--imap", required = true, paramLabel = "URL", converter = MailUrlConverter.Imap.class,
            description = "IMAP server, e.g. imaps://support%%40example.com@mail.example.com/INBOX")
    private MailboxUrl imap;

    @Option(names = "--smtp", required = true, paramLabel = "URL", converter = MailUrlConverter.Smtp.class,
            description = "SMTP server, e.g. smtp+starttls://support%%40example.com@mail.example.com")
    private MailboxUrl smtp;

    @Option(names = "--label", paramLabel = "L", description = "Label in the subject tag [L #1234] (default: NAME capitalised).")
    private String label;

    @Option(names = "--locale", paramLabel = "en|ru|uk", defaultValue = "en", description = "Language of replies (default: ${DEFAULT-VALUE}).")
    private String locale;

    @Option(names = "--move-to", paramLabel = "FOLDER", description = "Move stored messages to FOLDER (default: mark them seen).")
    private String moveTo;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "Trust the CA certificates in FILE (JKS, PKCS12 or PEM).")
    private Path trustStore;

    @Option(names = "--agent-sender-check", paramLabel = "strict|confirm|token-only", defaultValue = "confirm",
            description = {"What an agent's reply without proof of its sender (DKIM, a trusted Authentication-Results"
                    + " or Received header) may do: strict = handled as a customer's mail; confirm = held until"
                    + " the agent confirms it by mail (default); token-only = the reply token alone is enough"
                    + " (anyone holding a notification can act as the agent)."})
    private String agentSenderCheck;

    @Option(names = "--trust-any-certificate", description = "Do not verify the server's certificate. For testing only.")
    private boolean trustAny;

    @ArgGroup(exclusive = true)
    private PasswordOptions password;

    @ArgGroup(exclusive = true)
    private PasswordOptions.Smtp smtpPassword;

    /** Accepted only to refuse it: a password given as an argument ends up in shell history and ps. */
    @Option(names = "--password", hidden = true, paramLabel = "PASSWORD")
    private String refusedPassword;

    @Override
    public Integer call() {
        MailboxDraft draft = validate();
        CliEnvironment env = PostdeskCommand.context(spec).environment();
        String imapPassword = password != null
                ? PasswordOptions.read("--password", password.envVar, password.file, env)
                : PasswordOptions.readStdin("IMAP password for " + draft.imap().user() + ": ", env);
        String smtpOwn = smtpPassword == null ? null
                : PasswordOptions.read("--smtp-password", smtpPassword.envVar, smtpPassword.file, env);
        Mailbox added = store(draft, imapPassword, smtpOwn);
        spec.commandLine().getOut().printf("mailbox %s added: %s, %s%nCheck the login with: postdesk mailbox test %s%n",
                added.name(), added.imapUrl(), added.smtpUrl(), added.name());
        if (draft.senderCheck() == SenderCheck.TOKEN_ONLY) {
            spec.commandLine().getOut().println(MailboxShowCommand.TOKEN_ONLY_WARNING);
        }
        return ExitCodes.OK;
    }

    private record MailboxDraft(MailboxUrl imap, String label, String trustStore, SenderCheck senderCheck) {
    }

    private MailboxDraft validate() {
        if (refusedPassword != null) {
            throw new UsageException("--password is not accepted (it would stay in shell history):"
                    + " use --password-env VAR, --password-file FILE or standard input");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new UsageException("mailbox name '" + name + "': use up to 64 letters, digits, '.', '_' or '-'");
        }
        checkAddress();
        MailboxChanges.checkLocale(locale);
        String tag = MailboxChanges.labelFor(name, label);
        if (moveTo != null) {
            MailboxChanges.checkMoveTo(moveTo);
        }
        if (smtpPassword != null && !smtp.hasUser()) {
            throw new UsageException("--smtp-password-* given, but the SMTP URL has no user to log in with");
        }
        String store = trustStore == null ? null : trustStore.toAbsolutePath().normalize().toString();
        if (store != null && trustAny) {
            throw new UsageException("--trust-store and --trust-any-certificate exclude each other: choose one");
        }
        new TlsSettings(store, trustAny).socketFactoryOrNull(); // a bad trust store fails now, not in the daemon
        return new MailboxDraft(imap.hasUser() ? imap : imap.withUser(address), tag, store,
                senderCheck(agentSenderCheck));
    }

    /** The {@code --agent-sender-check} value, or a usage error listing the choices. */
    static SenderCheck senderCheck(String option) {
        try {
            return SenderCheck.parse(option);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--agent-sender-check " + option + ": expected one of " + SenderCheck.choices());
        }
    }

    private void checkAddress() {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@")) {
                throw new AddressException("expected a bare address like support@example.com");
            }
        } catch (AddressException e) {
            throw new UsageException("--address " + address + ": not an email address (" + e.getMessage() + ")");
        }
    }

    private Mailbox store(MailboxDraft draft, String imapPassword, String smtpOwnPassword) {
        CliContext ctx = PostdeskCommand.context(spec);
        SecretBox secrets = ctx.secrets();
        NewMailbox mailbox = new NewMailbox(name, address, draft.imap().toString(), smtp.toString(),
                secrets.encrypt(imapPassword), smtpOwnPassword == null ? null : secrets.encrypt(smtpOwnPassword),
                draft.trustStore(), trustAny, moveTo, draft.label(), locale);
        return ctx.database().inTransaction(tx -> new MailboxChanges().add(tx, mailbox, draft.senderCheck()));
    }
}
