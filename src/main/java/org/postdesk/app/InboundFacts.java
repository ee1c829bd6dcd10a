package org.postdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.ReturnedMessage;
import org.postdesk.tickets.InboundSignals;
import org.postdesk.tickets.MessageFacts;

/** Translates a parsed message into the small records the domain rules take. */
final class InboundFacts {
    private InboundFacts() {
    }

    /**
     * The facts threading works on. A bounce of a message we sent (its returned Message-ID is in one of our
     * own domains) counts as referring to that message, so it joins the ticket the message belongs to.
     */
    static MessageFacts facts(InboundMessage m, Set<String> ownAddresses) {
        return facts(m, ownAddresses, m.contentFingerprint());
    }

    /** The facts, with the content fingerprint of the message as it was received. */
    static MessageFacts facts(InboundMessage m, Set<String> ownAddresses, String fingerprint) {
        List<String> references = new ArrayList<>(m.references());
        ReturnedMessage.messageId(m)
                .filter(id -> ownDomains(ownAddresses).contains(domainOf(id)))
                .filter(id -> !references.contains(id))
                .ifPresent(references::add);
        return new MessageFacts(Columns.usableMessageId(m.messageId()), m.inReplyTo(), references, m.subject(),
                fromAddress(m), fingerprint);
    }

    /** What the robot checks look at: headers, sender, subject, the types of the non-body parts and the text. */
    static InboundSignals signals(InboundMessage m) {
        List<String> partTypes = m.attachments().stream().map(Attachment::contentType).toList();
        return new InboundSignals(m.headers(), fromAddress(m), m.subject(), partTypes, m.textBody());
    }

    private static Set<String> ownDomains(Set<String> ownAddresses) {
        return ownAddresses.stream().map(InboundFacts::domainOf).collect(Collectors.toSet());
    }

    /** The part after the last @, lower case, without the closing bracket of a Message-ID. */
    static String domainOf(String addressOrId) {
        String s = addressOrId.strip();
        s = s.endsWith(">") ? s.substring(0, s.length() - 1) : s;
        return s.substring(s.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    static String fromAddress(InboundMessage m) {
        return m.from() == null ? "" : m.from().address();
    }

    /**
     * Who the ticket answers: the Reply-To a web form or mailing system sets, unless that points back at
     * us, else the sender.
     */
    static MailAddress requester(InboundMessage m, Set<String> ownAddresses) {
        for (MailAddress r : m.replyTo()) {
            if (!ownAddresses.contains(r.address())) {
                return r;
            }
        }
        return m.from();
    }

    /** The customer's language when the mail declares one we have templates for. */
    static String locale(InboundMessage m, String mailboxLocale, Set<String> supported) {
        String declared = m.contentLanguage();
        if (declared != null && !declared.isBlank()) {
            String primary = declared.split("[,;]")[0].strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (supported.contains(primary)) {
                return primary;
            }
        }
        return mailboxLocale;
    }
}
