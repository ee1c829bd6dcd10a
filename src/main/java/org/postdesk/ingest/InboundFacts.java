package org.postdesk.ingest;

import java.util.Locale;
import java.util.Set;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;
import org.postdesk.tickets.MessageFacts;

/** Translates a parsed message into the small records the domain rules take. */
final class InboundFacts {
    private InboundFacts() {
    }

    static MessageFacts facts(InboundMessage m) {
        return new MessageFacts(Columns.usableMessageId(m.messageId()), m.inReplyTo(), m.references(), m.subject(), fromAddress(m),
                m.contentHash());
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
