package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    /** reply, commands as "VERB[args]@line; …", error lines as "line|text; …", text. */
    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("#take\nHi Anna", "TAKE[]@1", "", "Hi Anna"),
                Arguments.of("\n\n#TAKE\n\n#Priority HIGH\n\nHi\n#close", "TAKE[]@3; PRIORITY[high]@5; CLOSE[]@8", "", "Hi"),
                Arguments.of("#priority\turgent  \n#cc\tADD\t<Ann@Example.com>  \nText",
                        "PRIORITY[urgent]@1; CC[add, Ann@Example.com]@2", "", "Text"),
                Arguments.of("#take\r\n#close\r\n\r\nHi\r\nthere", "TAKE[]@1; CLOSE[]@2", "", "Hi\nthere"),
                Arguments.of("  #release  \nok", "RELEASE[]@1", "", "ok"),
                Arguments.of("#priority\u00a0high\nok", "PRIORITY[high]@1", "", "ok"),
                Arguments.of("#foo\nHi", "", "1|#foo", "Hi"),
                Arguments.of("#1 priority customer\nHi", "", "1|#1 priority customer", "Hi"),
                Arguments.of("#hashtag #blessed\nHi", "", "1|#hashtag #blessed", "Hi"),
                Arguments.of("# take\nHi", "", "1|# take", "Hi"),
                Arguments.of("##take\nHi", "", "1|##take", "Hi"),
                Arguments.of("#take\n#!!!\n#\n#close\nHi", "TAKE[]@1; CLOSE[]@4", "2|#!!!; 3|#", "Hi"),
                Arguments.of("#take now\nHi", "", "1|#take now", "Hi"),
                Arguments.of("#take.\nHi", "", "1|#take.", "Hi"),
                Arguments.of("#assign\nx", "", "1|#assign", "x"),
                Arguments.of("#assign dmitri\nx", "ASSIGN[dmitri]@1", "", "x"),
                Arguments.of("#Assign Dmitri.Ivanov@Example.com\nx", "ASSIGN[Dmitri.Ivanov@Example.com]@1", "", "x"),
                Arguments.of("#assign dmitri olga\nx", "", "1|#assign dmitri olga", "x"),
                Arguments.of("#assign @dmitri\nx", "", "1|#assign @dmitri", "x"),
                Arguments.of("#priority\nx", "", "1|#priority", "x"),
                Arguments.of("#priority highest\nx", "", "1|#priority highest", "x"),
                Arguments.of("#priority low high\nx", "", "1|#priority low high", "x"),
                Arguments.of("#priority Normal\nx", "PRIORITY[normal]@1", "", "x"),
                Arguments.of("#category\nx", "", "1|#category", "x"),
                Arguments.of("#category Billing  and\tinvoices \nx", "CATEGORY[Billing and invoices]@1", "", "x"),
                Arguments.of("#cc add\nx", "", "1|#cc add", "x"),
                Arguments.of("#cc add not-an-email\nx", "", "1|#cc add not-an-email", "x"),
                Arguments.of("#cc add ann@localhost\nx", "", "1|#cc add ann@localhost", "x"),
                Arguments.of("#cc add ann@@example.com\nx", "", "1|#cc add ann@@example.com", "x"),
                Arguments.of("#cc delete ann@example.com\nx", "", "1|#cc delete ann@example.com", "x"),
                Arguments.of("#cc add ann@example.com bob@example.com\nx", "", "1|#cc add ann@example.com bob@example.com", "x"),
                Arguments.of("#cc remove ann@example.com\nx", "CC[remove, ann@example.com]@1", "", "x"),
                Arguments.of("#answer\nx", "", "1|#answer", "x"),
                Arguments.of("#answer one two\nx", "", "1|#answer one two", "x"),
                Arguments.of("#answer Refund-Policy\n\nHi", "ANSWER[refund-policy]@1", "", "#answer Refund-Policy\n\nHi"),
                Arguments.of("#answers", "ANSWERS[]@1", "", ""),
                Arguments.of("#close\n#spam\n", "CLOSE[]@1; SPAM[]@2", "", ""),
                Arguments.of("Hi\n#take", "TAKE[]@2", "", "Hi"),
                Arguments.of("Fixed, thanks.\n\nBob\n\n#close\n\n#priority low\n", "CLOSE[]@5; PRIORITY[low]@7", "",
                        "Fixed, thanks.\n\nBob"),
                Arguments.of("#take\nHi\n#close", "TAKE[]@1; CLOSE[]@3", "", "Hi"),
                Arguments.of("Hi\n#priority hgh", "", "2|#priority hgh", "Hi"),
                Arguments.of("Hi\n#1 tip: smaller batches", "", "", "Hi\n#1 tip: smaller batches"),
                Arguments.of("Hi\n#close\n#blessed", "", "", "Hi\n#close\n#blessed"),
                Arguments.of("Hi\n#close\nBob", "", "", "Hi\n#close\nBob"),
                Arguments.of("Hi\n# close", "", "", "Hi\n# close"),
                Arguments.of("Hi #answer sign-off\n#close", "ANSWER[sign-off]@1; CLOSE[]@2", "", "Hi #answer sign-off"),
                Arguments.of("Hi,\n\n#answer refund\nsee #ANSWER shipping. Not a#answer x, nor #answers.\n#answer",
                        "ANSWER[refund]@3; ANSWER[shipping]@4", "", "Hi,\n\n#answer refund\nsee #ANSWER shipping. Not a#answer x, nor #answers.\n#answer"),
                Arguments.of("#take\n#answer greeting\n#note\nHi #answer sign-off",
                        "TAKE[]@1; ANSWER[greeting]@2; NOTE[]@3; ANSWER[sign-off]@4", "", "#answer greeting\nHi #answer sign-off"),
                Arguments.of("", "", "", ""),
                Arguments.of("\r\n\r\n", "", "", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("replies")
    void parsesTheCommandBlock(String reply, String commands, String errors, String text) {
        ParsedReply parsed = parser.parse(reply);
        assertEquals(commands, parsed.commands().stream()
                .map(c -> c.verb() + c.args().toString() + "@" + c.line()).collect(Collectors.joining("; ")));
        assertEquals(errors, parsed.errors().stream()
                .map(e -> e.line() + "|" + e.text()).collect(Collectors.joining("; ")));
        assertEquals(text, parsed.text());
        assertEquals(!errors.isEmpty(), parsed.hasErrors());
    }

    @ParameterizedTest
    @EnumSource(value = CommandVerb.class, names = {"TAKE", "RELEASE", "STEAL", "NOTE", "PENDING", "CLOSE",
        "REOPEN", "SEND", "SPAM", "ANSWERS"})
    void verbsWithoutArgumentsRejectOne(CommandVerb verb) {
        assertEquals(List.of(new AgentCommand(verb, List.of(), 1)),
                parser.parse("#" + verb.name().toLowerCase() + "\nx").commands());
        assertEquals(List.of(new CommandError(1, "#" + verb.name() + " extra", "#" + verb.command() + " takes no argument")),
                parser.parse("#" + verb.name() + " extra\nx").errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#frobnicate", "#hashtag"})
    void unknownCommandNamesItInTheProblem(String line) {
        CommandError error = parser.parse(line).errors().get(0);
        assertEquals("unknown command " + line, error.problem());
    }

    @Test
    void badArgumentNamesTheCommandAndWhatItNeeds() {
        assertEquals("#priority needs one of low, normal, high, urgent",
                parser.parse("#priority soon").errors().get(0).problem());
    }

    @Test
    void linkTakesOneTicketNumberWhoseCheckDigitHolds() {
        assertEquals(List.of(new AgentCommand(CommandVerb.LINK, List.of("10019"), 1)),
                parser.parse("#link 10019\nsame printer").commands());
        assertEquals(List.of(new AgentCommand(CommandVerb.LINK, List.of("10024"), 1)),
                parser.parse("#link #10024\nx").commands());
        assertTrue(parser.parse("#link 10018\nx").errors().get(0).problem().contains("is not a ticket number"));
        assertTrue(parser.parse("#link\nx").errors().get(0).problem().contains("needs exactly one ticket number"));
    }

    @Test
    void helpNamesEveryCommandOnOneLine() {
        String help = CommandParser.help();
        assertTrue(!help.contains("\n"), help);
        for (CommandVerb verb : CommandVerb.values()) {
            assertTrue(help.contains("#" + verb.command()), "help lacks " + verb + ": " + help);
        }
        assertTrue(help.contains("#priority low|normal|high|urgent") && help.contains("#cc add|remove EMAIL"), help);
    }

    @Test
    void withAnswersReplacesKnownNamesInPlaceAndKeepsUnknownOnes() {
        String text = parser.parse("#take\n#answer Greeting\nYour order ships today. #answer unknown\n#answer sign-off").text();
        assertEquals("Hello Anna,\nYour order ships today. #answer unknown\nBest, $upport \\o/",
                CommandParser.withAnswers(text, Map.of("greeting", "Hello Anna,", "sign-off", "Best, $upport \\o/")));
    }
}
