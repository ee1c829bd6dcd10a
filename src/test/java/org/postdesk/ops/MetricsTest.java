package org.postdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.app.IngestObserver;
import org.postdesk.app.IngestResult;

class MetricsTest {
    @ParameterizedTest
    @CsvSource({
        "NEW_TICKET, false, false, false, new_ticket",
        "APPENDED,   false, false, false, follow_up",
        "DUPLICATE,  false, false, false, duplicate",
        "NEW_TICKET, true,  false, false, automated",
        "APPENDED,   true,  true,  false, bounce",
        "NEW_TICKET, true,  false, true,  quarantined",
        "AGENT_REPLY, false, false, false, agent_reply",
    })
    void eachStoredMessageHasOneOutcomeLabel(IngestResult.Outcome outcome, boolean automated, boolean returned,
                                              boolean reduced, String label) {
        IngestObserver.Stored e = new IngestObserver.Stored(null, new IngestResult(outcome, null, ""), automated,
                returned, reduced);
        assertThat(Metrics.outcome(e)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"AGENT_REPLY, relayed", "AGENT_HELD, held", "AGENT_ERROR, refused", "AGENT_NOTE, note",
        "AGENT_COMMANDS, commands"})
    void agentRepliesAreCountedByWhatTheirMessageWasStoredAs(String kind, String result) {
        IngestObserver.Stored e = new IngestObserver.Stored(null,
                new IngestResult(IngestResult.Outcome.AGENT_REPLY, null, "", kind), false, false, false);
        assertThat(Metrics.agentReplyResult(e)).isEqualTo(result);
    }

    @ParameterizedTest
    @CsvSource({"451, 4xx", "421, 4xx", "550, 5xx", "554, 5xx", "-1, connect"})
    void failedHandOversAreCountedByReplyClass(int code, String resultClass) {
        assertThat(MeteredSmtpGateway.resultClass(code)).isEqualTo(resultClass);
    }
}
