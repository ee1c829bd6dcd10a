package org.postdesk.tickets.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTrimmerTest {
    private final ReplyTrimmer trimmer = new ReplyTrimmer();

    /** Every {@code replies/NAME.txt} that has a {@code replies/NAME.expected.txt}. */
    static List<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyTrimmerTest.class.getResource("/replies").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.txt"))
                    .map(n -> n.substring(0, n.length() - ".expected.txt".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void fixturesCoverEveryClient() throws Exception {
        List<String> names = fixtures();
        for (String client : List.of("gmail", "gmail-wrapped", "gmail-wrapped-before-time", "apple-mail", "thunderbird-dated",
                "thunderbird-bare", "outlook-original-message", "outlook-underscores", "outlook-mac",
                "outlook-ru", "outlook-uk", "russian-napisal", "russian-pishet", "ukrainian-napysav",
                "ukrainian-pyshe")) {
            assertTrue(names.contains(client), "missing fixture " + client);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void keepsExactlyWhatTheAgentTyped(String name) {
        assertEquals(expected(name), trimmer.trim(read(name + ".txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void keepsExactlyWhatTheAgentTypedWithWindowsLineEndings(String name) {
        assertEquals(expected(name), trimmer.trim(read(name + ".txt").replace("\n", "\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void trimmedReplyHasNoTraceOfTheNotification(String name) {
        String trimmed = trimmer.trim(read(name + ".txt"));
        assertTrue(!trimmed.contains("pd1.") && !trimmed.contains("3rd floor has been offline"), trimmed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ReplyTrimmer.MARKER,
        "-- REPLY ABOVE THIS LINE --",
        "## Reply above this line ##",
        "----- reply above this line -----",
        "reply above this line",
        "  ---  reply   above this line  ---  ",
        "##- Please type your reply above this line -##",
        "> -- reply above this line --",
        ">> -- Reply above this line --",
        ">-- reply above this line --",
    })
    void cutsAtTheMarker(String marker) {
        assertEquals("Fixed, please check.", trimmer.trim("Fixed, please check.\n\n" + marker + "\nTicket #1\nRef: pd1.7xm.3.1z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "On Monday at 10:00 we restarted it.",
        "As Anna wrote: the queue is stuck",
        "Anna wrote:",
        "From now on: use tray 2",
        "From: the logs, see below",
        "Sent: yesterday",
        "3 printers at 10:00 were fine.",
        "--",
        "-- not a signature",
        "_______",
        "________________________________\nNext steps:",
        "3 cartridges arrive at 10:00.\nThen Anna wrote:",
        "Original Message",
        "Please reply above this line next time, Anna",
        "> a quoted line in the middle",
    })
    void keepsLinesThatOnlyLookLikeQuoteHeaders(String line) {
        String body = "Hi Anna,\n" + line + "\nthe printer works again.";
        assertEquals(body, trimmer.trim(body));
    }

    @Test
    void cutsAtAHeaderWrappedOverTwoLines() {
        String body = "Done.\nOn Mon, 3 Nov 2026 at 10:00, Postdesk Support <\nsupport@example.com> wrote:\n> quoted";
        assertEquals("Done.", trimmer.trim(body));
    }

    @Test
    void doesNotTakeASignOffAsTheFirstHalfOfAHeader() {
        String body = "Спасибо,\n3 нояб. 2026 г., в 10:00, Support <s@example.com> написал(а):\n> quoted";
        assertEquals("Спасибо,", trimmer.trim(body));
    }

    @Test
    void doesNotJoinTheAgentsLastLineWithAWholeHeader() {
        String body = "Hi Anna,\n3 printers restarted at 10:00\nOn Mon, 3 Nov 2026 at 10:00, S <s@example.com> wrote:\n> q";
        assertEquals("Hi Anna,\n3 printers restarted at 10:00", trimmer.trim(body));
    }

    @Test
    void dropsTheSignatureAfterTheSeparator() {
        assertEquals("Fixed.\n\nBob", trimmer.trim("Fixed.\n\nBob\n-- \nBob Lee\nSupport team\n"));
    }

    @Test
    void keepsADashDashLineWithoutTheTrailingSpace() {
        assertEquals("Fixed.\n--\nBob Lee", trimmer.trim("Fixed.\n--\nBob Lee\n"));
    }

    @Test
    void removesTrailingQuotedLinesWithoutAHeader() {
        assertEquals("Fixed.\n> inline quote\nmore", trimmer.trim("Fixed.\n> inline quote\nmore\n\n> old\n>\n> older\n"));
    }

    @Test
    void replyWithOnlyTheQuoteIsEmpty() {
        assertEquals("", trimmer.trim("\n\nOn Mon, 3 Nov 2026 at 10:00, S <s@example.com> wrote:\n> -- reply above this line --\n"));
    }

    @Test
    void removesTrailingWhitespaceButKeepsLeadingText() {
        assertEquals("  Fixed.  \nBob", trimmer.trim("  Fixed.  \r\nBob \t \r\n\r\n"));
    }

    @Test
    void keepsABodyWithoutAnyQuote() {
        assertEquals("Line 1\n\nLine 3", trimmer.trim("Line 1\r\rLine 3"));
    }

    private static String expected(String name) {
        String text = read(name + ".expected.txt");
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String read(String resource) {
        try (InputStream in = ReplyTrimmerTest.class.getResourceAsStream("/replies/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource replies/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
