package org.postdesk.bench;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * An agent's answer to a notification, as a mail client writes it: from the agent, In-Reply-To and
 * References the notification's Message-ID (which carries the signed reply token), a short answer on
 * top and the notification quoted below it.
 */
final class AgentMail {
    private static final String[] ANSWERS = {
        "Thank you for writing. Please restart the device and tell us whether the error comes back.",
        "We have reset your password; the new one is on its way in a separate mail.",
        "The refund was issued today and should reach your card within five working days.",
        "Your order left our warehouse this morning; the tracking number follows by mail.",
        "Please send us a screenshot of the error page and the version shown under Help, About.",
    };

    private final Random random;
    private final String supportAddress;
    private final String runId;
    private final Session session = Session.getInstance(new Properties());
    private int serial;

    /** One reply: the mail to submit and the answer it carries, which the customer's copy must contain. */
    record Reply(BenchMail mail, String answer) {
    }

    AgentMail(long seed, String supportAddress, String runId) {
        this.random = new Random(seed);
        this.supportAddress = supportAddress;
        this.runId = runId;
    }

    Reply reply(String agentName, String agentAddress, MimeMessage notification) {
        String answer = ANSWERS[random.nextInt(ANSWERS.length)] + " (" + (serial + 1) + ")";
        String id = "<reply-" + runId + "-" + (++serial) + "@agents.bench>";
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(agentAddress, agentName, "UTF-8"));
            m.setRecipients(MimeMessage.RecipientType.TO, supportAddress);
            m.setSubject("Re: " + notification.getSubject(), "UTF-8");
            m.setSentDate(new Date());
            m.setHeader("In-Reply-To", notification.getMessageID());
            m.setHeader("References", notification.getMessageID());
            String typed = String.join("\r\n", "Hello,", "", answer, "", "Kind regards,", agentName, "");
            m.setText(typed + "\r\n" + quote(notification), "UTF-8");
            m.saveChanges();
            m.setHeader("Message-ID", id);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            m.writeTo(raw);
            return new Reply(new BenchMail(id, agentAddress, false, raw.toByteArray()), answer);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write the reply of " + agentAddress, e);
        }
    }

    /** The attribution line and the notification's text, each line behind "> ". */
    private static String quote(MimeMessage notification) throws MessagingException, IOException {
        SimpleDateFormat date = new SimpleDateFormat("EEE, d MMM yyyy 'at' HH:mm", Locale.ENGLISH);
        return "On " + date.format(notification.getSentDate()) + ", " + notification.getFrom()[0] + " wrote:\r\n"
                + text(notification).lines().map(l -> l.isEmpty() ? ">" : "> " + l).collect(Collectors.joining("\r\n"));
    }

    /** The first text/plain part of {@code part}, or "" when it has none. */
    static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String text = text(child);
                if (!text.isEmpty() || child.isMimeType("text/plain")) {
                    return text;
                }
            }
        }
        return "";
    }
}
