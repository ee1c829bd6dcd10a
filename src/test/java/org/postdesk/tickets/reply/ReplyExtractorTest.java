package org.postdesk.tickets.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per client, language and way of replying ({@code extract/*.txt}): the mail as the client
 * writes it and exactly what the customer (for an agent's mail) or the agent (for a customer's) gets.
 */
class ReplyExtractorTest {
    private static final List<String> HELP = List.of("Commands (one per line at the top of your reply):",
            "Команды (по одной в строке, в начале ответа):", "Команди (по одній у рядку, на початку відповіді):");
    private final ReplyExtractor extractor = new ReplyExtractor(new NoticeFrame(HELP));

    /** A fixture: who wrote it, the shape it must be read as, the mail and what must come out. */
    record Fixture(String name, Writer writer, ReplyShape shape, String mail, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyExtractorTest.class.getResource("/extract").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .map(ReplyExtractorTest::fixture).toList().stream();
        }
    }

    @Test
    void fixturesCoverEveryClientStyleAndLanguage() throws Exception {
        List<String> names = fixtures().map(Fixture::name).toList();
        for (String client : List.of("gmail", "outlook", "outlook-web", "apple-mail", "thunderbird", "k9",
                "fairemail", "mutt", "alpine", "s-nail", "yandex", "mailru")) {
            for (String lang : List.of("en", "ru", "uk")) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith("agent-" + client + "-" + lang + "-")),
                        "no agent fixture for " + client + " in " + lang);
            }
        }
        for (String style : List.of("top-posted", "bottom-posted", "inline", "signature", "forwarded-block")) {
            for (String lang : List.of("en", "ru", "uk")) {
                assertTrue(names.stream().anyMatch(n -> n.contains("-" + lang + "-" + style)),
                        "no fixture " + style + " in " + lang);
            }
        }
        assertTrue(names.stream().filter(n -> n.startsWith("customer-")).count() >= 10, "customer fixtures");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void extractsExactlyWhatTheWriterAdded(Fixture f) {
        ExtractedReply r = extractor.extract(f.mail(), f.writer());
        assertEquals(f.expected(), r.text());
        assertEquals(f.shape(), r.shape());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsWindowsLineEndingsAlike(Fixture f) {
        assertEquals(f.expected(), extractor.extract(f.mail().replace("\n", "\r\n"), f.writer()).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void neverLeavesOurNoticeLinesOrQuoteHeaders(Fixture f) {
        String text = extractor.extract(f.mail(), f.writer()).text();
        for (String own : List.of("reply above this line", "Ref: pd1.", "Commands (one", "Команды (по", "Команди (по",
                "Status:", "Статус:", "Postdesk Support <support@example.com> wrote:", "-----Original")) {
            assertFalse(text.contains(own), own + " in\n" + text);
        }
        String last = text.isEmpty() ? "" : text.lines().reduce((a, b) -> b).orElseThrow().strip();
        assertFalse(last.matches("[-_=]{2,}"), "debris at the end of\n" + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsEveryNonBlankLineItHidesAndMarksTheRestNew(Fixture f) {
        ExtractedReply r = extractor.extract(f.mail(), f.writer());
        String[] lines = f.mail().split("\n", -1);
        long nonBlank = Stream.of(lines).filter(ReplyExtractorTest::hasText).count();
        long shown = f.expected().lines().filter(ReplyExtractorTest::hasText).count();
        assertEquals(nonBlank - shown, r.hiddenLines());
        for (int i = 0; i < lines.length; i++) {
            if (r.isNew(i) && !lines[i].isBlank()) {
                assertTrue(f.expected().lines().anyMatch(lines[i]::equals), "line " + i + " marked new: " + lines[i]);
            }
        }
    }

    @Test
    void aSignatureIsDroppedForAnAgentAndKeptForACustomer() {
        String mail = "Fixed.\n\n-- \nBob Lee\n";
        assertEquals("Fixed.", extractor.extract(mail, Writer.AGENT).text());
        assertEquals("Fixed.\n\n-- \nBob Lee", extractor.extract(mail, Writer.CUSTOMER).text());
    }

    @Test
    void aLongLineBrokenByTheClientInsideTheQuoteIsNotTakenForAnAnswer() {
        String mail = "Done.\n\nOn Mon, 23 Nov 2026 at 10:00, S <s@example.com> wrote:\n> -- reply above this line --\n"
                + "> The printer on the 3rd floor has been offline since this morning and we\nrestarted it.\n"
                + "> Ref: pd1.7xm\n";
        ExtractedReply r = extractor.extract(mail, Writer.AGENT);
        assertEquals(ReplyShape.UNSURE, r.shape());
    }

    @Test
    void ourLinesAreRemovedWhereverTheyStand() {
        String mail = "Fixed.\nRef: pd1.7xm.3.1z\n-- reply above this line --\n";
        assertEquals("Fixed.", extractor.extract(mail, Writer.AGENT).text());
    }

    @Test
    void aMailWithoutAQuoteIsWholeAndPlain() {
        ExtractedReply r = extractor.extract("Line 1\r\rLine 3\n\n", Writer.CUSTOMER);
        assertEquals("Line 1\n\nLine 3", r.text());
        assertEquals(ReplyShape.PLAIN, r.shape());
        assertEquals(0, r.hiddenLines());
    }

    private static boolean hasText(String line) {
        return !line.replaceFirst("^[>\\s]+", "").isEmpty();
    }

    private static Fixture fixture(String file) {
        String all = read(file);
        int mail = all.indexOf("\n--- mail\n");
        int expected = all.indexOf("\n--- expected\n");
        String head = all.substring(0, mail);
        String writer = head.replaceAll("(?s).*writer: (\\w+).*", "$1");
        String shape = head.replaceAll("(?s).*shape: (\\w+).*", "$1");
        String exp = all.substring(expected + "\n--- expected\n".length());
        return new Fixture(file.substring(0, file.length() - 4), Writer.valueOf(writer.toUpperCase(Locale.ROOT)),
                ReplyShape.valueOf(shape), all.substring(mail + "\n--- mail\n".length(), expected),
                exp.endsWith("\n") ? exp.substring(0, exp.length() - 1) : exp);
    }

    private static String read(String file) {
        try (InputStream in = ReplyExtractorTest.class.getResourceAsStream("/extract/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
