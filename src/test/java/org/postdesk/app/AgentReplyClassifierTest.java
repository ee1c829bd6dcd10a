package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.tickets.agent.ReplyToken;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/**
 * The store-free token check that lets the sender evidence skip the agent look-up for a mail nobody's token
 * is in (every customer's mail): it must still say yes for any agent's token, wherever it stands.
 */
class AgentReplyClassifierTest {
    private final ReplyTokenCodec codec = new ReplyTokenCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final AgentReplyClassifier classifier = new AgentReplyClassifier(codec);
    private final MimeParser parser = new MimeParser(1_000_000);

    @Test
    void aTokenInInReplyToReferencesOrTheBodyIsSeen() {
        String id = codec.messageIdFor(new ReplyToken(7, 3, 11), "example.test");
        assertThat(classifier.carriesAnyToken(mail("In-Reply-To: " + id + "\r\n", "Done.\r\n"))).isTrue();
        assertThat(classifier.carriesAnyToken(mail("References: <a@x> " + id + " <b@x>\r\n", "Done.\r\n"))).isTrue();
        assertThat(classifier.carriesAnyToken(mail("", "Done.\r\n\r\nRef: " + codec.encode(new ReplyToken(7, 3, 11))
                + "\r\n"))).isTrue();
        assertThat(classifier.carriesTokenOf(3, mail("In-Reply-To: " + id + "\r\n", "Done.\r\n"))).isTrue();
    }

    @Test
    void aCustomersFollowUpOrAForgedTokenCarriesNone() {
        String forged = new ReplyTokenCodec("another secret, another key, 32b".getBytes(StandardCharsets.UTF_8))
                .messageIdFor(new ReplyToken(7, 3, 11), "example.test");
        assertThat(classifier.carriesAnyToken(mail("In-Reply-To: <ack.10019@example.test>\r\n", "Thanks!\r\n")))
                .isFalse();
        assertThat(classifier.carriesAnyToken(mail("In-Reply-To: " + forged + "\r\n", "Done.\r\n"))).isFalse();
        assertThat(classifier.carriesAnyToken(mail("", "my printer is broken, see pd1.nothing\r\n"))).isFalse();
    }

    private InboundMessage mail(String headers, String body) {
        String raw = "From: Alice <alice@example.test>\r\nTo: support@example.test\r\nSubject: Re: printer\r\n"
                + "Message-ID: <m1@example.test>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n" + headers + "\r\n" + body;
        return parser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
