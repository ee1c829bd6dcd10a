package org.postdesk.tickets.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postdesk.tickets.agent.ReplyToken;
import org.postdesk.tickets.agent.ReplyTokenCodec;

class SurveyTokensTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = filled(7);
    private final SurveyTokens tokens = new SurveyTokens(KEY);

    @Test
    void aTokenNamesItsTicketSurveyAndGrade() {
        String t = tokens.encode(new SurveyToken(10, 3, 5));
        assertThat(t).startsWith("pds1.");
        assertThat(tokens.findIn(List.of("Re: [Support #10019] rating 5 " + t)))
                .contains(new SurveyToken(10, 3, 5));
        assertThat(tokens.findIn(List.of(tokens.messageIdFor(new SurveyToken(10, 3, 0), "example.com"))))
                .contains(new SurveyToken(10, 3, 0));
    }

    @Test
    void aChangedIdOrMacOrAnotherKeyDoesNotVerify() {
        String t = tokens.encode(new SurveyToken(10, 3, 2));
        String otherTicket = t.replaceFirst("^pds1\\.a\\.", "pds1.b.");
        assertThat(otherTicket).isNotEqualTo(t);
        assertThat(tokens.findIn(List.of(otherTicket))).isEmpty();
        assertThat(tokens.findIn(List.of(t.substring(0, t.length() - 1) + (t.endsWith("a") ? "b" : "a")))).isEmpty();
        assertThat(new SurveyTokens(OTHER_KEY).findIn(List.of(t))).isEmpty();
    }

    @Test
    void agentTokensAndSurveyTokensNeverPassForEachOther() {
        String agent = new ReplyTokenCodec(KEY).encode(new ReplyToken(10, 3, 6));
        assertThat(tokens.findIn(List.of(agent))).isEmpty();
        String survey = tokens.encode(new SurveyToken(10, 3, 5));
        assertThat(new ReplyTokenCodec(KEY).findIn(List.of(survey))).isEmpty();
        assertThat(ReplyTokenCodec.mentionsToken(survey)).isFalse();
    }

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }
}
