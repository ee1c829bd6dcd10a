package org.postdesk.tickets.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenScrubberTest {
    private static final String TOKEN = "pd1.2s.1.b.abcdefghijklmnopqrstuvwxyz";
    private static final List<String> OPENINGS = List.of("Commands (one per line at the top of your reply): ",
            "Команды (по одной в строке, в начале ответа): ", "Команди (по одній у рядку, на початку відповіді): ");
    private final TokenScrubber scrubber = new TokenScrubber(OPENINGS);

    @Test
    void anUnquotedRefLineIsRemovedAndTheAgentsTextStays() {
        assertThat(scrubber.scrub("Please restart the router.\nRef: " + TOKEN + "\nBest, Eve"))
                .isEqualTo("Please restart the router.\nBest, Eve");
    }

    @Test
    void tokenLinesGoWhereverTheyStandQuotedOrInAForwardedHeader() {
        String text = "Hi,\n> Ref: " + TOKEN.toUpperCase() + "\nsee below\n| Message-ID: <" + TOKEN
                + "@support.example.test>\nIn-Reply-To:<" + TOKEN + "@x>\nthanks";
        assertThat(scrubber.scrub(text)).isEqualTo("Hi,\nsee below\nthanks");
    }

    @Test
    void theMarkerLineIsRemovedInAnyQuotedForm() {
        assertThat(scrubber.scrub("Text\n>> -- reply above this line --\n-- Reply ABOVE this line --\nmore"))
                .isEqualTo("Text\nmore");
    }

    @Test
    void theHelpLineIsRemovedAlsoWhenAClientWrappedIt() {
        String help = CommandParser.help();
        assertThat(scrubber.scrub("Done.\n" + help + "\nBye")).isEqualTo("Done.\nBye");
        String wrapped = "Done.\n> Commands (one per line at the top of your\n> reply): #take, #release, #close,"
                + " #spam,\n> #note; #answer NAME also works inside the text.\nBye";
        assertThat(scrubber.scrub(wrapped)).isEqualTo("Done.\nBye");
        assertThat(scrubber.scrub("Готово.\nКоманды (по одной в строке, в начале ответа): #take, #close, #note;"
                + " #answer ИМЯ можно писать и внутри текста.\nПока")).isEqualTo("Готово.\nПока");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Use #take to claim it.\nThe ref is pd1 or pd1.x, not a token.\nCommands are fine.";
        assertThat(scrubber.scrub(text)).isEqualTo(text);
        assertThat(scrubber.scrub("a\nRef: " + TOKEN)).isEqualTo("a");
    }
}
