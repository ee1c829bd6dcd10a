package org.postdesk.cli;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.postdesk.daemon.SandboxMailServer;
import org.postdesk.ingest.MailFailures;
import org.postdesk.ingest.MailboxUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk sandbox send}: mails the running sandbox's support address, as the customer by default. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send a test mail to the running sandbox's support mailbox.",
        footer = {"", "Examples:", "  postdesk sandbox send --subject 'Printer on fire' --body 'Please help'",
            "  postdesk sandbox send --from bob@postdesk.test --subject 'Hello'"})
final class SandboxSendCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--from", defaultValue = "customer@example.test", description = "Sender (default ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--to", defaultValue = SandboxMailServer.SUPPORT, description = "Recipient (default ${DEFAULT-VALUE}).")
    private String to;

    @Option(names = "--subject", defaultValue = "Test from the command line", description = "Subject.")
    private String subject;

    @Option(names = "--body", defaultValue = "Hello, this is a test message.", description = "Text of the mail.")
    private String body;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "The sandbox's SMTP port (default ${DEFAULT-VALUE}).")
    private int smtpPort;

    @Override
    public Integer call() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.connectiontimeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
            spec.commandLine().getOut().printf("sent '%s' from %s to %s (Message-ID %s)%n", subject, from, to,
                    message.getMessageID());
            return ExitCodes.OK;
        } catch (MessagingException e) {
            throw new MailboxUnavailableException("sandbox", MailFailures.classify(e), "cannot send to the sandbox at"
                    + " 127.0.0.1:" + smtpPort + ": " + MailFailures.rootMessage(e)
                    + " (is 'postdesk sandbox' running in another terminal?)", e);
        }
    }
}
