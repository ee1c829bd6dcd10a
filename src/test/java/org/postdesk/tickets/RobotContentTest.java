package org.postdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounce-text check: its literal pre-filter answers exactly what the pattern alone answers. */
class RobotContentTest {
    /** One text for each alternative of the pattern, as the mail systems write them. */
    private static final List<String> BOUNCE_LINES = List.of(
            "Hi. This is the qmail-send program at mx.example.net.",
            "I'm afraid I wasn't able to deliver your message to the following addresses.",
            "The following addresses had permanent fatal errors -----",
            "   ----- Transcript of session follows -----",
            "Delivery has failed to these recipients or groups:",
            "Your message did not reach some or all of the intended recipients.",
            "This is the mail system at host mail.example.org.",
            "Your message could not be delivered to one or more of its recipients.",
            "The message could not be delivered because the domain does not exist.",
            "Delivery to the following recipients failed permanently:");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void everyAlternativeIsFoundInAnyCaseAndWhereverItSits(int alternative) {
        String line = BOUNCE_LINES.get(alternative);
        for (String variant : List.of(line, line.toUpperCase(Locale.ROOT), line.toLowerCase(Locale.ROOT))) {
            assertThat(RobotContent.isBounceText(variant)).as(variant).isTrue();
            assertThat(RobotContent.isBounceText("Dear customer,\n\n" + "x".repeat(70_000) + "\n" + variant))
                    .as("after the first window: " + variant).isTrue();
        }
    }

    @Test
    void aPhraseAcrossTheBoundaryOfTwoWindowsIsFound() {
        String line = BOUNCE_LINES.get(7);
        for (int cut = 1; cut < line.length(); cut += 7) {
            // The line starts `cut` characters before the end of the first 64 KiB window.
            String text = "y".repeat(64 * 1024 - cut) + line;
            assertThat(RobotContent.isBounceText(text)).as("cut at " + cut).isTrue();
        }
    }

    @Test
    void aCustomersMailIsNoBounceEvenWhenItNamesDelivery() {
        assertThat(RobotContent.isBounceText("My parcel could not be delivered yesterday, please help."))
                .as("'could not be delivered' alone is not a bounce").isFalse();
        assertThat(RobotContent.isBounceText("")).isFalse();
        assertThat(RobotContent.isBounceText("Transcript of session follows")).as("the dashes are part of it")
                .isFalse();
    }

    /** Random texts from fragments of the phrases, in mixed case: the two answers never differ. */
    @Test
    void answersWhatThePatternAloneAnswers() {
        Random random = new Random(16);
        List<String> fragments = new ArrayList<>(List.of("---", "-- ", " ", "\n", "recipient", "recipients ",
                "failed", "of its ", "İ", "K", "ſ", "Ü", "delivered ", "message ", "the ", "to one or more "));
        for (String line : BOUNCE_LINES) {
            fragments.add(line);
            String[] words = line.split(" ");
            fragments.add(String.join(" ", List.of(words).subList(0, words.length / 2)) + " ");
        }
        int bounces = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                String fragment = fragments.get(random.nextInt(fragments.size()));
                text.append(random.nextBoolean() ? fragment : fragment.toUpperCase(Locale.ROOT));
            }
            boolean expected = RobotContent.BOUNCE_TEXT.matcher(text).find();
            assertThat(RobotContent.isBounceText(text.toString())).as(text.toString()).isEqualTo(expected);
            bounces += expected ? 1 : 0;
        }
        assertThat(bounces).as("the random texts hold bounces and others").isBetween(500, 4_500);
    }
}
