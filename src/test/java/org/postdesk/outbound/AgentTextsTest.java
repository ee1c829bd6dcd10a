package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postdesk.tickets.agent.CommandError;
import org.postdesk.tickets.agent.CommandParser;

class AgentTextsTest {

    @Test
    void theHelpLineIsInTheNoticesLanguageAndListsEveryCommand() {
        assertThat(AgentTexts.help("en")).isEqualTo(CommandParser.help());
        assertThat(AgentTexts.help("ru")).startsWith("Команды").contains("#take", "#priority low|normal|high|urgent");
        assertThat(AgentTexts.help("uk-UA")).startsWith("Команди").contains("#cc add|remove EMAIL");
        assertThat(AgentTexts.help("de")).isEqualTo(CommandParser.help());
    }

    /** Every refusal the parser writes, from lines an agent could type. */
    static Stream<Arguments> parserReasons() {
        List<String> lines = List.of("#", "# take", "#frobnicate now", "#take now", "#assign", "#assign !!!",
                "#priority soon", "#category", "#cc foo", "#cc add not-an-address", "#answer a b");
        CommandParser parser = new CommandParser();
        return lines.stream().map(l -> {
            List<CommandError> errors = parser.parse(l + "\nHello").errors();
            assertThat(errors).as(l).hasSize(1);
            return Arguments.of(l, errors.get(0).problem());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parserReasons")
    void everyReasonTheParserGivesIsTranslated(String line, String english) {
        assertThat(AgentTexts.reason(english, "ru")).as(english).isNotEqualTo(english).doesNotContain("needs", "command");
        assertThat(AgentTexts.reason(english, "uk")).as(english).isNotEqualTo(english).doesNotContain("needs", "command");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "the canned answer 'refund' cannot be written (ask an admin to fix it with 'postdesk template edit answers/refund'): line 1",
        "there is no canned answer 'refnd'; there are no canned answers yet",
        "there is no canned answer 'refnd'; available: refund, thanks",
        "taking over a held ticket is switched off (agents.allow-steal=false)",
        "no single active agent has the address or name 'dmitri'",
        "that reply was already sent."})
    void everyReasonTheChecksGiveIsTranslated(String english) {
        assertThat(AgentTexts.reason(english, "ru")).isNotEqualTo(english);
        assertThat(AgentTexts.reason(english, "uk")).isNotEqualTo(english);
    }

    @Test
    void aRefusedLineKeepsWhatTheAgentTypedAndSaysTheRestInTheirLanguage() {
        String english = "line 2: \"#prio high\": unknown command #prio";
        assertThat(AgentTexts.problem(english, "ru")).isEqualTo("строка 2: \"#prio high\": неизвестная команда #prio");
        assertThat(AgentTexts.problem(english, "uk")).isEqualTo("рядок 2: \"#prio high\": невідома команда #prio");
        assertThat(AgentTexts.problem(english, "en")).isEqualTo(english);
        assertThat(AgentTexts.problem("line 3: \"#x\": something new", "ru"))
                .as("an unknown wording stays English rather than being lost").isEqualTo("строка 3: \"#x\": something new");
    }
}
