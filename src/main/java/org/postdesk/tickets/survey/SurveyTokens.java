package org.postdesk.tickets.survey;

import java.util.Collection;
import java.util.Optional;
import org.postdesk.tickets.agent.ReplyToken;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/**
 * Signs and verifies {@link SurveyToken}s with the agents' reply-token scheme (HMAC-SHA256, base32, see
 * {@link ReplyTokenCodec}) under the prefix {@code pds1} and a key of its own: {@code pds1.<ticket>.<survey>.
 * <grade+1>.<mac>}. The ticket is inside the signature, so a token copied into the mail of another ticket still
 * names its own; the key is the survey's, so an agent's token is never a rating and a rating never an agent's.
 */
public final class SurveyTokens {
    public static final String PREFIX = "pds1";
    private final ReplyTokenCodec codec;

    /** @param secret the survey's own HMAC key, at least 16 bytes */
    public SurveyTokens(byte[] secret) {
        this.codec = new ReplyTokenCodec(PREFIX, secret);
    }

    public String encode(SurveyToken t) {
        // The codec's ids must be positive; the grade 0 of the mail's own Message-ID becomes 1.
        return codec.encode(new ReplyToken(t.ticketId(), t.surveyId(), t.grade() + 1L));
    }

    /** {@code <token@domain>}, the survey mail's Message-ID, which a reply keeps in In-Reply-To. */
    public String messageIdFor(SurveyToken t, String domain) {
        return codec.messageIdFor(new ReplyToken(t.ticketId(), t.surveyId(), t.grade() + 1L), domain);
    }

    /** The first verifying token in {@code texts} (a subject, Message-IDs, a body); forged ones are skipped. */
    public Optional<SurveyToken> findIn(Collection<String> texts) {
        return codec.findIn(texts).filter(r -> r.notificationId() <= Integer.MAX_VALUE)
                .map(r -> new SurveyToken(r.ticketId(), r.agentId(), (int) r.notificationId() - 1));
    }
}
